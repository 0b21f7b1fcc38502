#include "session/recovery_restore.h"

#include <array>

namespace meridian {

namespace {

// Records that refer to no other: places, sources, categories, actors, eras (in this order).
constexpr std::array<RecordKind, 5> kPlainKinds = {RecordKind::Place, RecordKind::Source, RecordKind::Category,
                                                   RecordKind::Actor, RecordKind::Era};

RecordStep removal(RecordKind kind, Index at, Record before) {
    return {.op = RecordStep::Op::Remove, .kind = kind, .at = at, .before = std::move(before)};
}

RecordStep insertion(RecordKind kind, Index at, Record after) {
    return {.op = RecordStep::Op::Insert, .kind = kind, .at = at, .after = std::move(after)};
}

RecordStep replacement(Index event, Event before, Event after) {
    return {.op = RecordStep::Op::Replace,
            .kind = RecordKind::Event,
            .at = event,
            .before = std::move(before),
            .after = std::move(after)};
}

Event withoutAnswers(Event e) {
    e.answers.clear();
    e.answeredBy.clear();
    return e;
}

}  // namespace

std::size_t recordTotal(const Dataset& ds) {
    return ds.places.size() + ds.sources.size() + ds.categories.size() + ds.actors.size() + ds.eras.size() +
           ds.events.size() + ds.stories.size();
}

Edit editReplacingDataset(const Dataset& from, const Dataset& to, std::string name) {
    Edit edit;
    edit.name = std::move(name);
    auto& steps = edit.steps;
    // Out: stories, then events (their answers first), then the rest, each list from its end.
    for (Index i = static_cast<Index>(from.stories.size()); i-- > 0;)
        steps.push_back(removal(RecordKind::Story, i, from.stories[i]));
    for (Index i = 0; i < from.events.size(); ++i)
        if (!from.events[i].answers.empty() || !from.events[i].answeredBy.empty())
            steps.push_back(replacement(i, from.events[i], withoutAnswers(from.events[i])));
    for (Index i = static_cast<Index>(from.events.size()); i-- > 0;)
        steps.push_back(removal(RecordKind::Event, i, withoutAnswers(from.events[i])));
    for (auto k = kPlainKinds.rbegin(); k != kPlainKinds.rend(); ++k)
        for (Index i = static_cast<Index>(recordCount(from, *k)); i-- > 0;)
            steps.push_back(removal(*k, i, recordAt(from, *k, i)));
    // In: the rest, then events (answers last), then stories.
    for (const RecordKind k : kPlainKinds)
        for (Index i = 0; i < recordCount(to, k); ++i) steps.push_back(insertion(k, i, recordAt(to, k, i)));
    for (Index i = 0; i < to.events.size(); ++i)
        steps.push_back(insertion(RecordKind::Event, i, withoutAnswers(to.events[i])));
    for (Index i = 0; i < to.events.size(); ++i)
        if (!to.events[i].answers.empty() || !to.events[i].answeredBy.empty())
            steps.push_back(replacement(i, withoutAnswers(to.events[i]), to.events[i]));
    for (Index i = 0; i < to.stories.size(); ++i) steps.push_back(insertion(RecordKind::Story, i, to.stories[i]));
    const DatasetInfo before = datasetInfo(from), after = datasetInfo(to);
    if (!(before == after)) steps.push_back(InfoStep{before, after});
    return edit;
}

}  // namespace meridian

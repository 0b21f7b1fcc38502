#include "core/edit.h"

#include <cassert>

namespace meridian {

const char* recordKindName(RecordKind k) {
    switch (k) {
        case RecordKind::Place:
            return "place";
        case RecordKind::Source:
            return "source";
        case RecordKind::Category:
            return "category";
        case RecordKind::Actor:
            return "actor";
        case RecordKind::Era:
            return "era";
        case RecordKind::Event:
            return "event";
        case RecordKind::Story:
            return "story";
    }
    return "?";
}

RecordKind recordKind(const Record& r) {
    return static_cast<RecordKind>(r.index());
}

const std::string& recordId(const Record& r) {
    return std::visit([](const auto& rec) -> const std::string& { return rec.id; }, r);
}

std::string recordLabel(const Record& r) {
    struct Visitor {
        std::string operator()(const Place& p) const { return p.mapLabel(); }
        std::string operator()(const Source& s) const { return s.publisher.empty() ? s.id : s.publisher; }
        std::string operator()(const Category& c) const { return c.label.empty() ? c.id : c.label; }
        std::string operator()(const Actor& a) const { return a.name.empty() ? a.id : a.name; }
        std::string operator()(const Era& e) const { return e.label.empty() ? e.id : e.label; }
        std::string operator()(const Event& e) const { return e.title.empty() ? e.id : e.title; }
        std::string operator()(const Story& s) const { return s.title.empty() ? s.id : s.title; }
    };
    std::string label = std::visit(Visitor{}, r);
    // Menu items stay short: "Undo: edit Iran and North Korea sign a scienti…"
    constexpr std::size_t kMax = 48;
    if (label.size() > kMax) {
        std::size_t cut = kMax;
        while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
        label = label.substr(0, cut) + "\u2026";
    }
    return label;
}

DatasetInfo datasetInfo(const Dataset& ds) {
    return {ds.title, ds.description, ds.license, ds.authors, ds.updated};
}

void setDatasetInfo(Dataset& ds, const DatasetInfo& info) {
    ds.title = info.title;
    ds.description = info.description;
    ds.license = info.license;
    ds.authors = info.authors;
    ds.updated = info.updated;
}

ChangeMask changeBit(RecordKind k) {
    return 1u << static_cast<unsigned>(k);
}

Edit& Edit::then(Edit other) {
    if (name.empty()) name = std::move(other.name);
    for (EditStep& s : other.steps) steps.push_back(std::move(s));
    return *this;
}

Edit Edit::insert(Index at, Record record, std::string name) {
    Edit e;
    if (name.empty()) name = std::string("add ") + recordLabel(record);
    e.name = std::move(name);
    RecordStep s;
    s.op = RecordStep::Op::Insert;
    s.kind = recordKind(record);
    s.at = at;
    s.after = std::move(record);
    e.steps.emplace_back(std::move(s));
    return e;
}

Edit Edit::append(const Dataset& ds, Record record, std::string name) {
    const auto at = static_cast<Index>(recordCount(ds, recordKind(record)));
    return insert(at, std::move(record), std::move(name));
}

Edit Edit::remove(const Dataset& ds, RecordKind kind, Index at, std::string name) {
    Edit e;
    RecordStep s;
    s.op = RecordStep::Op::Remove;
    s.kind = kind;
    s.at = at;
    if (at < recordCount(ds, kind)) s.before = recordAt(ds, kind, at);
    e.name = !name.empty() ? std::move(name)
             : s.before    ? std::string("delete ") + recordLabel(*s.before)
                           : std::string("delete ") + recordKindName(kind);
    e.steps.emplace_back(std::move(s));
    return e;
}

Edit Edit::replace(const Dataset& ds, Index at, Record after, std::string name) {
    Edit e;
    RecordStep s;
    s.op = RecordStep::Op::Replace;
    s.kind = recordKind(after);
    s.at = at;
    if (at < recordCount(ds, s.kind)) s.before = recordAt(ds, s.kind, at);
    e.name = !name.empty() ? std::move(name) : std::string("edit ") + recordLabel(after);
    s.after = std::move(after);
    e.steps.emplace_back(std::move(s));
    return e;
}

Edit Edit::move(RecordKind kind, Index from, Index to, std::string name) {
    Edit e;
    e.name = !name.empty() ? std::move(name) : std::string("reorder ") + recordKindName(kind) + "s";
    RecordStep s;
    s.op = RecordStep::Op::Move;
    s.kind = kind;
    s.at = from;
    s.to = to;
    e.steps.emplace_back(std::move(s));
    return e;
}

Edit Edit::setInfo(const Dataset& ds, DatasetInfo after, std::string name) {
    Edit e;
    e.name = !name.empty() ? std::move(name) : std::string("edit the dataset's description");
    e.steps.emplace_back(InfoStep{datasetInfo(ds), std::move(after)});
    return e;
}

Record recordAt(const Dataset& ds, RecordKind kind, Index at) {
    assert(at < recordCount(ds, kind));
    switch (kind) {
        case RecordKind::Place:
            return ds.places[at];
        case RecordKind::Source:
            return ds.sources[at];
        case RecordKind::Category:
            return ds.categories[at];
        case RecordKind::Actor:
            return ds.actors[at];
        case RecordKind::Era:
            return ds.eras[at];
        case RecordKind::Event:
            return ds.events[at];
        case RecordKind::Story:
            return ds.stories[at];
    }
    return Place{};
}

std::size_t recordCount(const Dataset& ds, RecordKind kind) {
    switch (kind) {
        case RecordKind::Place:
            return ds.places.size();
        case RecordKind::Source:
            return ds.sources.size();
        case RecordKind::Category:
            return ds.categories.size();
        case RecordKind::Actor:
            return ds.actors.size();
        case RecordKind::Era:
            return ds.eras.size();
        case RecordKind::Event:
            return ds.events.size();
        case RecordKind::Story:
            return ds.stories.size();
    }
    return 0;
}

}  // namespace meridian

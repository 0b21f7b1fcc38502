#include "core/dataset.h"

#include <algorithm>

namespace meridian {

const char* confidenceId(Confidence c) {
    switch (c) {
        case Confidence::Confirmed:
            return "confirmed";
        case Confidence::Reported:
            return "reported";
        case Confidence::Alleged:
            return "alleged";
        case Confidence::Disputed:
            return "disputed";
        case Confidence::Unrated:
            return "unrated";
    }
    return "?";
}

const char* confidenceLabel(Confidence c) {
    switch (c) {
        case Confidence::Confirmed:
            return "Confirmed";
        case Confidence::Reported:
            return "Reported";
        case Confidence::Alleged:
            return "Alleged";
        case Confidence::Disputed:
            return "Disputed";
        case Confidence::Unrated:
            return "Unrated";
    }
    return "?";
}

const char* confidenceExplanation(Confidence c) {
    switch (c) {
        case Confidence::Confirmed:
            return "Established by on-record primary evidence, or by several independent sources.";
        case Confidence::Reported:
            return "Reported by an official body or credible press; not independently verified.";
        case Confidence::Alleged:
            return "Claimed by a single, often anonymous source, by commentary, or by an interested party.";
        case Confidence::Disputed:
            return "Contradicted by other credible sources, or denied with counter-evidence.";
        case Confidence::Unrated:
            return "The source file gives no confidence.";
    }
    return "";
}

const char* confidenceShortMeaning(Confidence c) {
    switch (c) {
        case Confidence::Confirmed:
            return "on record, or several sources";
        case Confidence::Reported:
            return "official body or press, unverified";
        case Confidence::Alleged:
            return "one source, anonymous or interested";
        case Confidence::Disputed:
            return "contradicted or denied with evidence";
        case Confidence::Unrated:
            return "the source file gives no rating";
    }
    return "";
}

std::optional<Confidence> parseConfidence(std::string_view id) {
    for (int i = 0; i < kConfidenceCount; ++i)
        if (id == confidenceId(static_cast<Confidence>(i))) return static_cast<Confidence>(i);
    return std::nullopt;
}

const char* sourceKindId(SourceKind k) {
    switch (k) {
        case SourceKind::Official:
            return "official";
        case SourceKind::Un:
            return "un";
        case SourceKind::Press:
            return "press";
        case SourceKind::ThinkTank:
            return "think-tank";
        case SourceKind::Academic:
            return "academic";
        case SourceKind::Advocacy:
            return "advocacy";
        case SourceKind::Reference:
            return "reference";
    }
    return "?";
}

const char* sourceKindLabel(SourceKind k) {
    switch (k) {
        case SourceKind::Official:
            return "Official";
        case SourceKind::Un:
            return "UN";
        case SourceKind::Press:
            return "Press";
        case SourceKind::ThinkTank:
            return "Think tank";
        case SourceKind::Academic:
            return "Academic";
        case SourceKind::Advocacy:
            return "Interested party";
        case SourceKind::Reference:
            return "Reference";
    }
    return "?";
}

std::optional<SourceKind> parseSourceKind(std::string_view id) {
    for (int i = 0; i < kSourceKindCount; ++i)
        if (id == sourceKindId(static_cast<SourceKind>(i))) return static_cast<SourceKind>(i);
    return std::nullopt;
}

std::string Source::citation() const {
    std::string out;
    if (!author.empty()) out += author + ", ";
    out += publisher;
    out += ", \u201C" + title + "\u201D";
    if (date) out += ", " + date->display();
    if (!via.empty()) out += ", citing " + via;
    out += ".";
    if (!url.empty()) out += " " + url;
    return out;
}

void Dataset::finalize() {
    // By first day, then id (then index: as a stable sort would). The keys are
    // copied out with the id's first 8 bytes, so that a million events sort
    // without visiting each event again for most comparisons.
    struct Key {
        DayNumber firstDay;
        std::uint64_t idPrefix;  // big-endian: compares like the id's first 8 bytes
        Index index;
    };
    std::vector<Key> keys(events.size());
    for (Index i = 0; i < events.size(); ++i) {
        const std::string& id = events[i].id;
        std::uint64_t prefix = 0;
        for (std::size_t b = 0; b < 8; ++b)
            prefix = prefix << 8 | (b < id.size() ? static_cast<unsigned char>(id[b]) : 0u);
        keys[i] = {events[i].span().first, prefix, i};
    }
    std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
        if (a.firstDay != b.firstDay) return a.firstDay < b.firstDay;
        if (a.idPrefix != b.idPrefix) return a.idPrefix < b.idPrefix;
        const int c = events[a.index].id.compare(events[b.index].id);
        return c != 0 ? c < 0 : a.index < b.index;
    });
    eventsByStart.resize(events.size());
    for (Index i = 0; i < events.size(); ++i) eventsByStart[i] = keys[i].index;
    keys = {};
    maxEventDays = 1;
    for (const Event& e : events) maxEventDays = std::max(maxEventDays, e.span().length());
    bool any = false;
    auto grow = [&](DaySpan s) {
        if (!any) extent = s, any = true;
        extent.first = std::min(extent.first, s.first);
        extent.last = std::max(extent.last, s.last);
    };
    for (const Event& e : events) grow(e.uncertaintySpan());
    for (const Era& era : eras) grow(era.span());

    linkAnswers();
}

void Dataset::linkAnswers() {
    // The other direction of "answers": who responds to each event, in start order.
    for (Event& e : events) e.answeredBy.clear();
    for (Index i = 0; i < events.size(); ++i)
        for (Index a : events[i].answers)
            if (a < events.size() && a != i) events[a].answeredBy.push_back(i);
    for (Event& e : events)
        std::sort(e.answeredBy.begin(), e.answeredBy.end(), [&](Index a, Index b) {
            const DayNumber fa = events[a].span().first, fb = events[b].span().first;
            return fa != fb ? fa < fb : events[a].id < events[b].id;
        });
}

Index Dataset::findEvent(std::string_view id) const {
    for (Index i = 0; i < events.size(); ++i)
        if (events[i].id == id) return i;
    return kNoIndex;
}

Index Dataset::findStory(std::string_view id) const {
    for (Index i = 0; i < stories.size(); ++i)
        if (stories[i].id == id) return i;
    return kNoIndex;
}

Index Dataset::findPlace(std::string_view id) const {
    for (Index i = 0; i < places.size(); ++i)
        if (places[i].id == id) return i;
    return kNoIndex;
}

std::uint32_t Dataset::categoryColor(Index category) const {
    if (category < categories.size() && categories[category].hasColor) return categories[category].rgba;
    return kOkabeIto[category % std::size(kOkabeIto)];
}

bool Dataset::restsOnAdvocacy(const Event& e) const {
    return std::any_of(e.sources.begin(), e.sources.end(), [&](const SourceRef& r) {
        return r.source < sources.size() && sources[r.source].kind == SourceKind::Advocacy;
    });
}

bool Dataset::allSourcesAdvocacy(const Event& e) const {
    return !e.sources.empty() && std::all_of(e.sources.begin(), e.sources.end(), [&](const SourceRef& r) {
        return r.source < sources.size() && sources[r.source].kind == SourceKind::Advocacy;
    });
}

}  // namespace meridian

namespace meridian {
std::string describeWhen(const Event& e) {
    std::string out = e.approx ? "c. " : "";
    out += e.date.display();
    if (e.minuteOfDay) out += ", " + formatTimeOfDay(*e.minuteOfDay);
    if (e.end && !(*e.end == e.date)) out += " \u2013 " + e.end->display();
    if (e.earliest || e.latest) {
        out += " (some time ";
        if (e.earliest && e.latest)
            out += e.earliest->display() + "\u2013" + e.latest->display();
        else if (e.earliest)
            out += "after " + e.earliest->display();
        else
            out += "before " + e.latest->display();
        out += ")";
    }
    return out;
}
}  // namespace meridian

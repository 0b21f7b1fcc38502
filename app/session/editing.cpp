#include "session/editing.h"

#include <algorithm>
#include <cmath>

#include "core/date_snap.h"
#include "core/references.h"
#include "geo/great_circle.h"

namespace meridian {

// ===========================================================================
// A new dataset
// ===========================================================================

Dataset newDataset(const DatasetInfo& info) {
    Dataset ds;
    setDatasetInfo(ds, info);
    ds.categories.push_back(Category{"general", "General", 0, false});
    ds.finalize();
    return ds;
}

std::vector<std::string> splitList(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of(",;", start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view part = text.substr(start, end - start);
        while (!part.empty() && (part.front() == ' ' || part.front() == '\t')) part.remove_prefix(1);
        while (!part.empty() && (part.back() == ' ' || part.back() == '\t')) part.remove_suffix(1);
        if (!part.empty()) out.emplace_back(part);
        start = end + 1;
    }
    return out;
}

std::string joinList(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

// ===========================================================================
// Events
// ===========================================================================

const char* eventFieldName(EventField f) {
    switch (f) {
        case EventField::Date:
            return "date";
        case EventField::End:
            return "end";
        case EventField::Approx:
            return "approximate date";
        case EventField::Earliest:
            return "earliest date";
        case EventField::Latest:
            return "latest date";
        case EventField::Claimed:
            return "date claimed";
        case EventField::Title:
            return "title";
        case EventField::Summary:
            return "summary";
        case EventField::Note:
            return "note on the evidence";
        case EventField::Category:
            return "category";
        case EventField::Confidence:
            return "confidence";
        case EventField::Where:
            return "place";
        case EventField::Sources:
            return "sources";
        case EventField::Actors:
            return "actors";
        case EventField::Tags:
            return "tags";
        case EventField::Media:
            return "media";
    }
    return "?";
}

Event newEvent(const Document& doc, DayNumber day, Index category) {
    Event e;
    e.title = "New event";
    e.date = snapToPrecision(day, DatePrecision::Day);
    e.id = doc.uniqueId(RecordKind::Event, e.date.iso() + " new event");  // like the curated ids: "2006-07-05-..."
    const Dataset& ds = doc.data();
    e.category = category < ds.categories.size() ? category : (ds.categories.empty() ? kNoIndex : 0);
    e.confidence = Confidence::Reported;
    return e;
}

Edit addEventEdit(const Document& doc, DayNumber day, Index category) {
    return Edit::append(doc.data(), newEvent(doc, day, category), "add an event");
}

Edit duplicateEventEdit(const Document& doc, Index event) {
    const Event& original = doc.data().events.at(event);
    Event copy = original;
    copy.id = doc.uniqueId(RecordKind::Event, original.id);
    copy.title = original.title + " (copy)";
    copy.answeredBy.clear();
    return Edit::insert(event + 1, std::move(copy), "duplicate " + recordLabel(original));
}

Edit deleteEventEdit(const Document& doc, Index event) {
    const Dataset& ds = doc.data();
    Edit edit;
    edit.name = "delete " + recordLabel(ds.events.at(event));
    // Events that answer it lose that link; stories stop highlighting it.
    for (Index other : doc.eventsUsing(RecordKind::Event, event)) {
        Event e = ds.events[other];
        erase(e.answers, event);
        edit.then(Edit::replace(ds, other, std::move(e)));
    }
    for (Index s : doc.storiesUsing(RecordKind::Event, event)) {
        Story st = ds.stories[s];
        for (StoryStep& step : st.steps) std::erase(step.highlight, event);
        edit.then(Edit::replace(ds, s, std::move(st)));
    }
    edit.then(Edit::remove(ds, RecordKind::Event, event));
    return edit;
}

Edit editEventEdit(const Document& doc, Index event, Event after, EventField field) {
    const Event& before = doc.data().events.at(event);
    after.answeredBy = before.answeredBy;  // derived: not the edit's business
    std::string name;
    switch (field) {
        case EventField::Title:
            name = "rename " + recordLabel(before);
            break;
        case EventField::Date:
            name = "change the date of " + recordLabel(before);
            break;
        default:
            name = std::string("change the ") + eventFieldName(field) + " of " + recordLabel(before);
            break;
    }
    return Edit::replace(doc.data(), event, std::move(after), std::move(name));
}

std::string eventFieldKey(const Event& e, EventField field) {
    return "event:" + e.id + ":" + eventFieldName(field);
}

Event movedEvent(const Event& e, double targetDay, bool keepDay) {
    const auto day = static_cast<DayNumber>(std::floor(targetDay));
    Date target = snapToPrecision(day, e.date.precision());
    if (keepDay && e.date.precision() == DatePrecision::Day)
        target = shiftDate(e.date, monthsBetween(e.date, target), 0);
    Event out = e;
    out.date = target;
    // The others move by the same calendar step (months for year and month
    // dates, days for day dates), keeping their own precision.
    std::int64_t months = 0;
    DayNumber days = 0;
    if (e.date.precision() == DatePrecision::Day && !keepDay)
        days = target.firstDay() - e.date.firstDay();
    else
        months = monthsBetween(e.date, target);
    auto move = [&](std::optional<Date>& d) {
        if (!d) return;
        if (d->precision() == DatePrecision::Day || days == 0)
            d = shiftDate(*d, months, days);
        else  // a coarser bound under a day-precision date: move it by the days, snapped
            d = snapToPrecision(d->firstDay() + days, d->precision());
    };
    move(out.end);
    move(out.earliest);
    move(out.latest);
    return out;
}

Event withEndAt(const Event& e, double day) {
    const DatePrecision p = e.end ? e.end->precision() : e.date.precision();
    Date end = snapToPrecision(static_cast<DayNumber>(std::floor(day)), p);
    if (end.span().last <= e.date.span().first) end = withPrecision(e.date, p);
    Event out = e;
    // An end equal to the date is no span at all.
    if (end == e.date)
        out.end.reset();
    else
        out.end = end;
    return out;
}

Event withPlace(Event e, Index place) {
    e.place = place;
    e.from = e.to = kNoIndex;
    e.via.clear();
    return e;
}

Event withConnection(Event e, Index from, Index to, CompactList<Index> via) {
    e.place = kNoIndex;
    e.from = from;
    e.to = to;
    e.via = std::move(via);
    return e;
}

Event withoutLocation(Event e) {
    return withConnection(std::move(e), kNoIndex, kNoIndex, {});
}

// ===========================================================================
// Places, sources, actors, categories
// ===========================================================================

Place newPlace(const Document& doc, std::string name, double latDeg, double lonDeg, std::string country) {
    Place p;
    p.id = doc.uniqueId(RecordKind::Place, name.empty() ? std::string_view("place") : std::string_view(name));
    p.name = name.empty() ? "New place" : std::move(name);
    p.latDeg = std::clamp(latDeg, -90.0, 90.0);
    p.lonDeg = std::clamp(lonDeg, -180.0, 180.0);
    // Six decimals (about 10 cm): a click's float noise stays out of the file.
    p.latDeg = std::round(p.latDeg * 1e6) / 1e6;
    p.lonDeg = std::round(p.lonDeg * 1e6) / 1e6;
    p.country = std::move(country);
    return p;
}

Index nearestPlace(const Dataset& ds, double latDeg, double lonDeg, double* distanceKm) {
    Index best = kNoIndex;
    double bestKm = 0;
    for (Index i = 0; i < ds.places.size(); ++i) {
        const double km = geo::distanceKm({lonDeg, latDeg}, {ds.places[i].lonDeg, ds.places[i].latDeg});
        if (best == kNoIndex || km < bestKm) best = i, bestKm = km;
    }
    if (distanceKm) *distanceKm = bestKm;
    return best;
}

Index findSamePlace(const Dataset& ds, std::string_view name, double latDeg, double lonDeg) {
    for (Index i = 0; i < ds.places.size(); ++i) {
        const Place& p = ds.places[i];
        if (p.name == name && geo::distanceKm({lonDeg, latDeg}, {p.lonDeg, p.latDeg}) < 1.0) return i;
    }
    return kNoIndex;
}

Edit movePlaceEdit(const Document& doc, Index place, double latDeg, double lonDeg) {
    Place p = doc.data().places.at(place);
    p.latDeg = std::round(std::clamp(latDeg, -90.0, 90.0) * 1e6) / 1e6;
    p.lonDeg = std::round(std::clamp(lonDeg, -180.0, 180.0) * 1e6) / 1e6;
    const std::string name = "move " + p.name;
    return Edit::replace(doc.data(), place, std::move(p), name);
}

std::string placeDragKey(const Place& p, std::uint64_t dragSerial) {
    return "drag-place:" + p.id + ":" + std::to_string(dragSerial);
}

Source newSource(const Document& doc, std::string publisher, std::string title, std::optional<Date> date,
                 std::string url, SourceKind kind) {
    Source s;
    std::string base = publisher;
    if (date) base += " " + std::to_string(date->civil().year);
    s.id = doc.uniqueId(RecordKind::Source, base.empty() ? std::string_view("source") : std::string_view(base));
    s.publisher = std::move(publisher);
    s.title = std::move(title);
    s.date = date;
    s.url = std::move(url);
    s.kind = kind;
    return s;
}

Edit addSourceToEventEdit(const Document& doc, Index event, Source source) {
    const Dataset& ds = doc.data();
    Event e = ds.events.at(event);
    const auto at = static_cast<Index>(ds.sources.size());
    e.sources.push_back(SourceRef{at, {}});
    e.answeredBy = ds.events[event].answeredBy;
    Edit edit;
    edit.name = "add the source " + recordLabel(source) + " to " + recordLabel(ds.events[event]);
    edit.then(Edit::insert(at, std::move(source)));
    // The event's replace is built against the dataset after the insert: the
    // new source's index is the end of the list, so no renumbering happens.
    RecordStep replace;
    replace.op = RecordStep::Op::Replace;
    replace.kind = RecordKind::Event;
    replace.at = event;
    replace.before = ds.events[event];
    replace.after = std::move(e);
    edit.steps.emplace_back(std::move(replace));
    return edit;
}

Actor newActor(const Document& doc, std::string name, std::string country) {
    Actor a;
    a.id = doc.uniqueId(RecordKind::Actor, name.empty() ? std::string_view("actor") : std::string_view(name));
    a.name = name.empty() ? "New actor" : std::move(name);
    a.country = std::move(country);
    return a;
}

Category newCategory(const Document& doc, std::string label) {
    Category c;
    c.id = doc.uniqueId(RecordKind::Category, label.empty() ? std::string_view("category") : std::string_view(label));
    c.label = label.empty() ? "New category" : std::move(label);
    return c;
}

Edit editRecordEdit(const Document& doc, Index at, Record after) {
    const RecordKind kind = recordKind(after);
    const Record before = recordAt(doc.data(), kind, at);
    std::string name = std::string("edit the ") + recordKindName(kind) + " " + recordLabel(before);
    return Edit::replace(doc.data(), at, std::move(after), std::move(name));
}

std::string usedByText(const Document& doc, RecordKind kind, Index at) {
    const Dataset& ds = doc.data();
    const std::vector<Index> events = doc.eventsUsing(kind, at);
    if (events.empty()) return {};
    std::string text = "Used by " + std::to_string(events.size()) + (events.size() == 1 ? " event: " : " events: ");
    for (std::size_t k = 0; k < events.size(); ++k) {
        if (k == 8) {
            text += "; and " + std::to_string(events.size() - k) + " more";
            break;
        }
        text += (k ? "; " : "") + recordLabel(ds.events[events[k]]);
    }
    return text;
}

std::optional<Edit> deleteRecordEdit(const Document& doc, RecordKind kind, Index at, std::string* why) {
    if (kind == RecordKind::Event) return deleteEventEdit(doc, at);
    const Dataset& ds = doc.data();
    if (std::string used = usedByText(doc, kind, at); !used.empty()) {
        if (why) *why = std::move(used);
        return std::nullopt;
    }
    Edit edit;
    edit.name = std::string("delete the ") + recordKindName(kind) + " " + recordLabel(recordAt(ds, kind, at));
    for (Index s : doc.storiesUsing(kind, at)) {
        Story st = ds.stories[s];
        for (StoryStep& step : st.steps) std::erase(step.filterCategories, at);
        edit.then(Edit::replace(ds, s, std::move(st)));
    }
    edit.then(Edit::remove(ds, kind, at));
    return edit;
}

}  // namespace meridian

#include "io/import/event_row.h"

#include <algorithm>

#include "io/import/number_text.h"

namespace meridian::io {

namespace {

constexpr Field kFields[] = {Field::Id,
                             Field::RowType,
                             Field::Date,
                             Field::Time,
                             Field::End,
                             Field::Approx,
                             Field::Earliest,
                             Field::Latest,
                             Field::Claimed,
                             Field::Title,
                             Field::Summary,
                             Field::Note,
                             Field::Category,
                             Field::Confidence,
                             Field::Place,
                             Field::Latitude,
                             Field::Longitude,
                             Field::Country,
                             Field::From,
                             Field::FromLatitude,
                             Field::FromLongitude,
                             Field::To,
                             Field::ToLatitude,
                             Field::ToLongitude,
                             Field::Via,
                             Field::Actors,
                             Field::Tags,
                             Field::Answers,
                             Field::SourcePublisher,
                             Field::SourceTitle,
                             Field::SourceAuthor,
                             Field::SourceVia,
                             Field::SourceDate,
                             Field::SourceUrl,
                             Field::SourceKind,
                             Field::SourceNote,
                             Field::SourcePassage,
                             Field::Media,
                             Field::MediaCaption,
                             Field::MediaCredit};

bool isCoordinate(Field f) {
    return f == Field::Latitude || f == Field::Longitude || f == Field::FromLatitude || f == Field::FromLongitude ||
           f == Field::ToLatitude || f == Field::ToLongitude;
}

// One item of a line-aligned column: its own line breaks would shift the others.
std::string oneLine(std::string s) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    std::replace(s.begin(), s.end(), '\r', ' ');
    return s;
}

template <typename List, typename Fn>
std::string joinLines(const List& items, Fn fn) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += '\n';
        out += oneLine(fn(items[i]));
    }
    return out;
}

class Row {
public:
    explicit Row(const EventRowStyle& style) : m_fields(eventRowFields(style)), m_values(m_fields.size()) {}
    void set(Field f, std::string value) {
        const auto it = std::find(m_fields.begin(), m_fields.end(), f);
        if (it != m_fields.end()) m_values[static_cast<std::size_t>(it - m_fields.begin())] = std::move(value);
    }
    std::vector<std::string> take() { return std::move(m_values); }

private:
    std::vector<Field> m_fields;
    std::vector<std::string> m_values;
};

}  // namespace

std::vector<Field> eventRowFields(const EventRowStyle& style) {
    std::vector<Field> out;
    for (const Field f : kFields)
        if (!style.coordinatesInGeometry || !isCoordinate(f)) out.push_back(f);
    return out;
}

std::vector<std::string> eventRowHeader(const EventRowStyle& style) {
    std::vector<std::string> out;
    for (const Field f : eventRowFields(style)) out.emplace_back(fieldLabel(f));
    return out;
}

std::vector<std::string> eventRowValues(const Dataset& ds, const Event& e, const EventRowStyle& style) {
    Row row(style);
    row.set(Field::Id, e.id);
    row.set(Field::Date, e.date.iso());
    if (e.minuteOfDay) row.set(Field::Time, formatTimeOfDay(*e.minuteOfDay));
    if (e.end) row.set(Field::End, e.end->iso());
    if (e.approx) row.set(Field::Approx, "yes");
    if (e.earliest) row.set(Field::Earliest, e.earliest->iso());
    if (e.latest) row.set(Field::Latest, e.latest->iso());
    if (e.claimed) row.set(Field::Claimed, e.claimed->iso());
    row.set(Field::Title, e.title);
    row.set(Field::Summary, e.summary);
    row.set(Field::Note, e.note);
    if (e.category < ds.categories.size()) row.set(Field::Category, ds.categories[e.category].label);
    row.set(Field::Confidence, confidenceId(e.confidence));
    const auto placeAt = [&](Index i) -> const Place* { return i < ds.places.size() ? &ds.places[i] : nullptr; };
    if (const Place* p = placeAt(e.place)) {
        row.set(Field::Place, p->name);
        row.set(Field::Latitude, formatShortest(p->latDeg));
        row.set(Field::Longitude, formatShortest(p->lonDeg));
        row.set(Field::Country, p->country);
    }
    if (e.isConnection()) {
        const Place *from = placeAt(e.from), *to = placeAt(e.to);
        row.set(Field::From, from->name);
        row.set(Field::FromLatitude, formatShortest(from->latDeg));
        row.set(Field::FromLongitude, formatShortest(from->lonDeg));
        row.set(Field::To, to->name);
        row.set(Field::ToLatitude, formatShortest(to->latDeg));
        row.set(Field::ToLongitude, formatShortest(to->lonDeg));
        row.set(Field::Via, joinLines(e.via, [&](Index v) {
                    const Place* p = placeAt(v);
                    if (!p) return std::string();
                    if (style.coordinatesInGeometry) return p->name;
                    return p->name + " (" + formatShortest(p->latDeg) + ", " + formatShortest(p->lonDeg) + ")";
                }));
    }
    std::string actors, tags;
    for (const Index a : e.actors)
        if (a < ds.actors.size()) actors += (actors.empty() ? "" : "; ") + ds.actors[a].name;
    for (const std::string& t : e.tags) tags += (tags.empty() ? "" : "; ") + t;
    row.set(Field::Actors, actors);
    row.set(Field::Tags, tags);
    row.set(Field::Answers,
            joinLines(e.answers, [&](Index a) { return a < ds.events.size() ? ds.events[a].id : std::string(); }));

    const auto sourceOf = [&](const SourceRef& r) -> const Source& {
        static const Source kNone;
        return r.source < ds.sources.size() ? ds.sources[r.source] : kNone;
    };
    row.set(Field::SourcePublisher, joinLines(e.sources, [&](const SourceRef& r) { return sourceOf(r).publisher; }));
    row.set(Field::SourceTitle, joinLines(e.sources, [&](const SourceRef& r) { return sourceOf(r).title; }));
    row.set(Field::SourceAuthor, joinLines(e.sources, [&](const SourceRef& r) { return sourceOf(r).author; }));
    row.set(Field::SourceVia, joinLines(e.sources, [&](const SourceRef& r) { return sourceOf(r).via; }));
    row.set(Field::SourceDate, joinLines(e.sources, [&](const SourceRef& r) {
                const Source& s = sourceOf(r);
                return s.date ? s.date->iso() : std::string();
            }));
    row.set(Field::SourceUrl, joinLines(e.sources, [&](const SourceRef& r) { return sourceOf(r).url; }));
    row.set(Field::SourceKind,
            joinLines(e.sources, [&](const SourceRef& r) { return std::string(sourceKindId(sourceOf(r).kind)); }));
    row.set(Field::SourceNote, joinLines(e.sources, [&](const SourceRef& r) { return sourceOf(r).note; }));
    row.set(Field::SourcePassage, joinLines(e.sources, [&](const SourceRef& r) { return r.note; }));
    row.set(Field::Media, joinLines(e.media, [](const Media& m) { return m.path; }));
    row.set(Field::MediaCaption, joinLines(e.media, [](const Media& m) { return m.caption; }));
    row.set(Field::MediaCredit, joinLines(e.media, [](const Media& m) { return m.credit; }));
    // Lines of empty items only ("\n\n") read back as nothing: keep such columns empty.
    std::vector<std::string> values = row.take();
    for (std::string& v : values)
        if (v.find_first_not_of('\n') == std::string::npos) v.clear();
    return values;
}

std::vector<std::string> eraRowValues(const Era& era, const EventRowStyle& style) {
    Row row(style);
    row.set(Field::Id, era.id);
    row.set(Field::RowType, "era");
    row.set(Field::Date, era.start.iso());
    row.set(Field::End, era.end.iso());
    row.set(Field::Title, era.label);
    row.set(Field::Summary, era.note);
    return row.take();
}

std::vector<std::string> titleRowValues(const Dataset& ds, const EventRowStyle& style) {
    Row row(style);
    row.set(Field::RowType, "title");
    row.set(Field::Title, ds.title);
    row.set(Field::Summary, ds.description);
    return row.take();
}

}  // namespace meridian::io

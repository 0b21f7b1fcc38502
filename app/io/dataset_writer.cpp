#include "io/dataset_writer.h"

#include <cstdio>
#include <span>

#include "io/dataset_loader.h"
#include "io/import/json_text.h"
#include "io/story_writer.h"
#include "io/text_file.h"

namespace meridian::io {

namespace {

// One record's members in the canonical order; members only when set.
class MemberList {
public:
    explicit MemberList(JsonMembers& out) : m_out(out) {}

    void string(const char* key, const std::string& value, bool always = false) {
        if (value.empty() && !always) return;
        raw(key, jsonString(value));
    }
    void number(const char* key, double value) { raw(key, jsonNumber(value)); }
    void boolean(const char* key, bool value) {
        if (value) raw(key, "true");
    }
    void date(const char* key, const std::optional<Date>& d) {
        if (d) string(key, d->iso(), true);
    }
    void raw(const char* key, std::string json) { m_out.push_back({key, std::move(json)}); }
    void strings(const char* key, std::span<const std::string> values) {
        if (values.empty()) return;
        std::string list = "[";
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i) list += ", ";
            appendJsonString(list, values[i]);
        }
        raw(key, list + "]");
    }

private:
    JsonMembers& m_out;
};

std::string colorText(std::uint32_t rgba) {
    char buf[16];
    if ((rgba & 0xFF) == 0xFF)
        std::snprintf(buf, sizeof buf, "#%06x", static_cast<unsigned>(rgba >> 8));
    else
        std::snprintf(buf, sizeof buf, "#%08x", static_cast<unsigned>(rgba));
    return buf;
}

const std::string& idOf(const std::vector<Place>& v, Index i) {
    static const std::string kNone;
    return i < v.size() ? v[i].id : kNone;
}

void placeMembers(MemberList& r, const Place& p) {
    r.string("id", p.id, true);
    r.string("name", p.name, true);
    r.string("label", p.label);
    r.number("lat", p.latDeg);
    r.number("lon", p.lonDeg);
    r.string("country", p.country);
    r.boolean("approx", p.approx);
    r.string("note", p.note);
}

void sourceMembers(MemberList& r, const Source& s) {
    r.string("id", s.id, true);
    r.string("publisher", s.publisher, true);
    r.string("title", s.title, true);
    r.string("author", s.author);
    r.string("via", s.via);
    r.date("date", s.date);
    r.string("url", s.url);
    r.string("kind", sourceKindId(s.kind), true);
    r.string("note", s.note);
}

void categoryMembers(MemberList& r, const Category& c) {
    r.string("id", c.id, true);
    r.string("label", c.label, true);
    if (c.hasColor) r.string("color", colorText(c.rgba), true);
}

void actorMembers(MemberList& r, const Actor& a) {
    r.string("id", a.id, true);
    r.string("name", a.name, true);
    r.string("country", a.country);
}

void eraMembers(MemberList& r, const Era& e) {
    r.string("id", e.id, true);
    r.string("label", e.label, true);
    r.string("start", e.start.iso(), true);
    r.string("end", e.end.iso(), true);
    r.string("note", e.note);
}

void eventMembers(MemberList& r, const Dataset& ds, const Event& e) {
    r.string("id", e.id, true);
    r.string("date", e.date.iso(), true);
    if (e.minuteOfDay) r.string("time", formatTimeOfDay(*e.minuteOfDay), true);
    r.date("end", e.end);
    r.boolean("approx", e.approx);
    r.date("earliest", e.earliest);
    r.date("latest", e.latest);
    r.date("claimed", e.claimed);
    r.string("title", e.title, true);
    r.string("summary", e.summary);
    r.string("note", e.note);
    if (e.category < ds.categories.size()) r.string("category", ds.categories[e.category].id, true);
    r.string("confidence", confidenceId(e.confidence), true);
    if (e.place != kNoIndex) r.string("place", idOf(ds.places, e.place), true);
    if (e.from != kNoIndex) r.string("from", idOf(ds.places, e.from), true);
    if (e.to != kNoIndex) r.string("to", idOf(ds.places, e.to), true);
    std::vector<std::string> ids;
    for (const Index v : e.via) ids.push_back(idOf(ds.places, v));
    r.strings("via", ids);
    ids.clear();
    for (const Index a : e.actors)
        if (a < ds.actors.size()) ids.push_back(ds.actors[a].id);
    r.strings("actors", ids);
    r.strings("tags", e.tags);
    std::string sources = "[";
    for (std::size_t i = 0; i < e.sources.size(); ++i) {
        const SourceRef& ref = e.sources[i];
        const std::string& id = ref.source < ds.sources.size() ? ds.sources[ref.source].id : std::string();
        if (i) sources += ", ";
        if (ref.note.empty()) {
            appendJsonString(sources, id);
        } else {
            sources += "{\"ref\": ";
            appendJsonString(sources, id);
            sources += ", \"note\": ";
            appendJsonString(sources, ref.note);
            sources += "}";
        }
    }
    r.raw("sources", sources + "]");
    if (!e.media.empty()) {
        std::string media = "[";
        for (std::size_t i = 0; i < e.media.size(); ++i) {
            const Media& m = e.media[i];
            media += i ? ", {\"path\": " : "{\"path\": ";
            appendJsonString(media, m.path);
            if (!m.caption.empty()) media += ", \"caption\": " + jsonString(m.caption);
            if (!m.credit.empty()) media += ", \"credit\": " + jsonString(m.credit);
            media += "}";
        }
        r.raw("media", media + "]");
    }
    ids.clear();
    for (const Index a : e.answers)
        if (a < ds.events.size()) ids.push_back(ds.events[a].id);
    r.strings("answers", ids);
}

// "  "key": [\n    {...},\n    {...}\n  ]" for a list of records.
void recordList(std::string& out, const Dataset& ds, DatasetList list) {
    out += "  ";
    appendJsonString(out, datasetListKey(list));
    const std::size_t n = datasetListSize(ds, list);
    if (n == 0) {
        out += ": []";
        return;
    }
    out += ": [\n";
    for (std::size_t i = 0; i < n; ++i) {
        out += "    ";
        appendRecordText(out, datasetRecordMembers(ds, list, i), "    ");
        out += i + 1 == n ? "\n" : ",\n";
    }
    out += "  ]";
}

}  // namespace

const char* datasetListKey(DatasetList list) {
    constexpr const char* kKeys[] = {"places", "sources", "categories", "actors", "eras", "events"};
    return kKeys[static_cast<int>(list)];
}

std::size_t datasetListSize(const Dataset& ds, DatasetList list) {
    switch (list) {
        case DatasetList::Places:
            return ds.places.size();
        case DatasetList::Sources:
            return ds.sources.size();
        case DatasetList::Categories:
            return ds.categories.size();
        case DatasetList::Actors:
            return ds.actors.size();
        case DatasetList::Eras:
            return ds.eras.size();
        case DatasetList::Events:
            return ds.events.size();
    }
    return 0;
}

const std::string& datasetRecordId(const Dataset& ds, DatasetList list, std::size_t i) {
    switch (list) {
        case DatasetList::Places:
            return ds.places[i].id;
        case DatasetList::Sources:
            return ds.sources[i].id;
        case DatasetList::Categories:
            return ds.categories[i].id;
        case DatasetList::Actors:
            return ds.actors[i].id;
        case DatasetList::Eras:
            return ds.eras[i].id;
        case DatasetList::Events:
            break;
    }
    return ds.events[i].id;
}

JsonMembers datasetRecordMembers(const Dataset& ds, DatasetList list, std::size_t i) {
    JsonMembers out;
    MemberList r(out);
    switch (list) {
        case DatasetList::Places:
            placeMembers(r, ds.places[i]);
            break;
        case DatasetList::Sources:
            sourceMembers(r, ds.sources[i]);
            break;
        case DatasetList::Categories:
            categoryMembers(r, ds.categories[i]);
            break;
        case DatasetList::Actors:
            actorMembers(r, ds.actors[i]);
            break;
        case DatasetList::Eras:
            eraMembers(r, ds.eras[i]);
            break;
        case DatasetList::Events:
            eventMembers(r, ds, ds.events[i]);
            break;
    }
    return out;
}

JsonMembers datasetHeaderMembers(const Dataset& ds) {
    JsonMembers out;
    MemberList r(out);
    r.raw("meridian", std::to_string(ds.formatVersion > 0 ? ds.formatVersion : 1));
    r.string("title", ds.title);
    r.string("description", ds.description);
    r.strings("authors", ds.authors);
    r.string("license", ds.license);
    if (ds.updated) r.string("updated", ds.updated->iso());
    return out;
}

std::string datasetStoriesJson(const Dataset& ds, std::string_view indent) {
    const std::string stories = storiesToJson(ds);
    std::string out;
    out.reserve(stories.size() + stories.size() / 8);
    for (const char c : stories) {
        out += c;
        if (c == '\n') out += indent;
    }
    return out;
}

void appendRecordText(std::string& out, const JsonMembers& members, std::string_view indent, std::string_view unit) {
    out += "{";
    for (std::size_t i = 0; i < members.size(); ++i) {
        out += i ? ",\n" : "\n";
        out += indent;
        out += unit;
        appendJsonString(out, members[i].key);
        out += ": ";
        out += members[i].json;
    }
    out += "\n";
    out += indent;
    out += "}";
}

std::string datasetToJson(const Dataset& ds) {
    std::string out = "{";
    const JsonMembers header = datasetHeaderMembers(ds);
    for (std::size_t i = 0; i < header.size(); ++i) {
        out += i ? ",\n  " : "\n  ";
        appendJsonString(out, header[i].key);
        out += ": ";
        out += header[i].json;
    }
    for (const DatasetList list : kDatasetLists) {
        out += ",\n";
        recordList(out, ds, list);
    }
    if (!ds.stories.empty()) {
        // As the story writer writes them, indented one level.
        out += ",\n  \"stories\": ";
        out += datasetStoriesJson(ds, "  ");
    }
    out += "\n}\n";
    return out;
}

bool saveDataset(const std::filesystem::path& path, const Dataset& dataset, std::string* error) {
    const std::string text = datasetToJson(dataset);
    const DatasetLoadResult check = parseDataset(text, path.string());
    if (!check.ok()) {
        std::string first;
        for (const Diagnostic& d : check.diagnostics)
            if (d.severity == Severity::Error) {
                first = d.format();
                break;
            }
        if (error) *error = "the saved file would not load (" + first + "); not saved";
        return false;
    }
    return writeFileAtomically(path, text, error);
}

}  // namespace meridian::io

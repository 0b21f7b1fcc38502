#include "io/dataset_writer.h"

#include <cstdio>

#include "io/dataset_loader.h"
#include "io/import/json_text.h"
#include "io/story_writer.h"
#include "io/text_file.h"

namespace meridian::io {

namespace {

// One record: `{`, then "key": value lines, then `}`; members only when set.
class RecordWriter {
public:
    RecordWriter(std::string& out, const char* indent) : m_out(out), m_indent(indent) {}

    void string(const char* key, const std::string& value, bool always = false) {
        if (value.empty() && !always) return;
        begin(key);
        appendJsonString(m_out, value);
    }
    void number(const char* key, double value) {
        begin(key);
        m_out += jsonNumber(value);
    }
    void boolean(const char* key, bool value) {
        if (!value) return;
        begin(key);
        m_out += "true";
    }
    void date(const char* key, const std::optional<Date>& d) {
        if (d) string(key, d->iso(), true);
    }
    void raw(const char* key, const std::string& json) {
        begin(key);
        m_out += json;
    }
    void strings(const char* key, const std::vector<std::string>& values) {
        if (values.empty()) return;
        std::string list = "[";
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i) list += ", ";
            appendJsonString(list, values[i]);
        }
        raw(key, list + "]");
    }
    void finish(bool last) {
        m_out += "\n";
        m_out += m_indent;
        m_out += last ? "}\n" : "},\n";
    }

private:
    void begin(const char* key) {
        m_out += m_first ? "" : ",";
        m_out += "\n";
        m_out += m_indent;
        m_out += "  ";
        appendJsonString(m_out, key);
        m_out += ": ";
        m_first = false;
    }
    std::string& m_out;
    const char* m_indent;
    bool m_first = true;
};

std::string colorText(std::uint32_t rgba) {
    char buf[16];
    if ((rgba & 0xFF) == 0xFF)
        std::snprintf(buf, sizeof buf, "#%06x", static_cast<unsigned>(rgba >> 8));
    else
        std::snprintf(buf, sizeof buf, "#%08x", static_cast<unsigned>(rgba));
    return buf;
}

// "  "key": [\n    {...},\n    {...}\n  ]" for a list of records.
template <typename T, typename Fn>
void recordList(std::string& out, const char* key, const std::vector<T>& items, Fn writeOne) {
    out += "  ";
    appendJsonString(out, key);
    if (items.empty()) {
        out += ": []";
        return;
    }
    out += ": [\n";
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += "    {";
        RecordWriter r(out, "    ");
        writeOne(r, items[i]);
        r.finish(i + 1 == items.size());
    }
    out += "  ]";
}

const std::string& idOf(const std::vector<Place>& v, Index i) {
    static const std::string kNone;
    return i < v.size() ? v[i].id : kNone;
}

}  // namespace

std::string datasetToJson(const Dataset& ds) {
    std::string out = "{\n  \"meridian\": " + std::to_string(ds.formatVersion > 0 ? ds.formatVersion : 1);
    auto topString = [&](const char* key, const std::string& value) {
        if (value.empty()) return;
        out += ",\n  ";
        appendJsonString(out, key);
        out += ": ";
        appendJsonString(out, value);
    };
    topString("title", ds.title);
    topString("description", ds.description);
    if (!ds.authors.empty()) {
        out += ",\n  \"authors\": [";
        for (std::size_t i = 0; i < ds.authors.size(); ++i) {
            if (i) out += ", ";
            appendJsonString(out, ds.authors[i]);
        }
        out += "]";
    }
    topString("license", ds.license);
    if (ds.updated) topString("updated", ds.updated->iso());

    out += ",\n";
    recordList(out, "places", ds.places, [](RecordWriter& r, const Place& p) {
        r.string("id", p.id, true);
        r.string("name", p.name, true);
        r.string("label", p.label);
        r.number("lat", p.latDeg);
        r.number("lon", p.lonDeg);
        r.string("country", p.country);
        r.boolean("approx", p.approx);
        r.string("note", p.note);
    });
    out += ",\n";
    recordList(out, "sources", ds.sources, [](RecordWriter& r, const Source& s) {
        r.string("id", s.id, true);
        r.string("publisher", s.publisher, true);
        r.string("title", s.title, true);
        r.string("author", s.author);
        r.string("via", s.via);
        r.date("date", s.date);
        r.string("url", s.url);
        r.string("kind", sourceKindId(s.kind), true);
        r.string("note", s.note);
    });
    out += ",\n";
    recordList(out, "categories", ds.categories, [](RecordWriter& r, const Category& c) {
        r.string("id", c.id, true);
        r.string("label", c.label, true);
        if (c.hasColor) r.string("color", colorText(c.rgba), true);
    });
    out += ",\n";
    recordList(out, "actors", ds.actors, [](RecordWriter& r, const Actor& a) {
        r.string("id", a.id, true);
        r.string("name", a.name, true);
        r.string("country", a.country);
    });
    out += ",\n";
    recordList(out, "eras", ds.eras, [](RecordWriter& r, const Era& e) {
        r.string("id", e.id, true);
        r.string("label", e.label, true);
        r.string("start", e.start.iso(), true);
        r.string("end", e.end.iso(), true);
        r.string("note", e.note);
    });
    out += ",\n";
    recordList(out, "events", ds.events, [&](RecordWriter& r, const Event& e) {
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
    });
    if (!ds.stories.empty()) {
        // As the story writer writes them, indented one level.
        const std::string stories = storiesToJson(ds);
        out += ",\n  \"stories\": ";
        for (std::size_t i = 0; i < stories.size(); ++i) {
            out += stories[i];
            if (stories[i] == '\n') out += "  ";
        }
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

// [SECTION] Context and helpers: paths, diagnostics, typed member access
// [SECTION] Lists with ids: places, sources, categories, actors, eras
// [SECTION] Events
// [SECTION] Stories
// [SECTION] Top level
#include "io/dataset_loader.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "io/file_text.h"
#include "io/flat_id_table.h"
#include "io/image_file.h"
#include "io/json_document.h"
#include "io/json_object_reader.h"
#include "io/text_file.h"

namespace meridian::io {

namespace {

// ===========================================================================
// [SECTION] Context and helpers
// ===========================================================================

// The loader's context: the shared one (io/json_object_reader.h) plus the data
// file's folder, which media paths must stay inside.
struct Context : JsonContext {
    std::filesystem::path baseDir;  // the data file's folder (empty when parsing text): media must stay inside
};

std::optional<std::uint32_t> parseColor(std::string_view s) {
    if ((s.size() != 7 && s.size() != 9) || s[0] != '#') return std::nullopt;
    std::uint32_t v = 0;
    for (std::size_t i = 1; i < s.size(); ++i) {
        const char c = s[i];
        int d = -1;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        if (d < 0) return std::nullopt;
        v = v * 16 + static_cast<std::uint32_t>(d);
    }
    return s.size() == 7 ? (v << 8) | 0xFF : v;
}

// The media path must stay inside the data file's folder (checked lexically
// here; io/image_file checks again after resolving symbolic links).
bool isConfinedRelativePath(std::string_view p) {
    if (p.empty() || p[0] == '/' || p[0] == '\\' || (p.size() > 1 && p[1] == ':')) return false;
    const std::filesystem::path normal = std::filesystem::path(p).lexically_normal();
    if (normal.empty()) return false;
    const auto first = *normal.begin();
    return first != ".." && normal != ".";
}

// ===========================================================================
// [SECTION] Lists with ids
// ===========================================================================

struct Tables {
    IdTable places, sources, categories, actors;
    FlatIdTable events;  // a million: see io/flat_id_table.h
};

void readPlaces(Context& ctx, ObjectReader& top, Dataset& ds, Tables& t) {
    forEachObject(ctx, top, "places", false, [&](const JsonValue& v, const std::string& path) {
        ObjectReader r(ctx, v, path, {"id", "name", "label", "lat", "lon", "country", "approx", "note"});
        Place p;
        std::string_view id;
        const bool idOk = registerId(ctx, t.places, r, id, static_cast<Index>(ds.places.size()));
        p.id = std::string(id);
        p.name = r.string("name", true, false).value_or("");
        p.label = r.optionalString("label");
        p.latDeg = r.number("lat", true, -90, 90, "a latitude in degrees, -90 to 90").value_or(0);
        p.lonDeg = r.number("lon", true, -180, 180, "a longitude in degrees, -180 to 180").value_or(0);
        p.country = r.optionalString("country");
        p.approx = r.boolean("approx").value_or(false);
        p.note = r.optionalString("note");
        if (idOk) ds.places.push_back(std::move(p));
    });
}

void readSources(Context& ctx, ObjectReader& top, Dataset& ds, Tables& t) {
    forEachObject(ctx, top, "sources", false, [&](const JsonValue& v, const std::string& path) {
        ObjectReader r(ctx, v, path, {"id", "publisher", "title", "date", "url", "kind", "author", "via", "note"});
        Source s;
        std::string_view id;
        const bool idOk = registerId(ctx, t.sources, r, id, static_cast<Index>(ds.sources.size()));
        s.id = std::string(id);
        s.publisher = r.string("publisher", true, false).value_or("");
        s.title = r.string("title", true, false).value_or("");
        s.date = r.date("date", false);
        s.url = r.optionalString("url");
        if (!s.url.empty() && s.url.rfind("https://", 0) != 0 && s.url.rfind("http://", 0) != 0) {
            ctx.error(*r.get("url"), r.pathOf("url"),
                      quote(s.url) + " is not a web address (expected http:// or https://)");
            s.url.clear();
        }
        s.author = r.optionalString("author");
        s.via = r.string("via", false, false).value_or("");
        s.note = r.optionalString("note");
        if (const auto kind =
                r.typed("kind", JsonType::String, true,
                        "a source kind: official, un, press, think-tank, academic, advocacy or reference")) {
            if (const auto k = parseSourceKind(kind->string()))
                s.kind = *k;
            else
                ctx.error(*kind, r.pathOf("kind"),
                          quote(kind->string()) +
                              " is not a source kind (expected official, un, press, think-tank, "
                              "academic, advocacy or reference)");
        }
        if (idOk) ds.sources.push_back(std::move(s));
    });
}

void readCategories(Context& ctx, ObjectReader& top, Dataset& ds, Tables& t) {
    forEachObject(ctx, top, "categories", false, [&](const JsonValue& v, const std::string& path) {
        ObjectReader r(ctx, v, path, {"id", "label", "color"});
        Category c;
        std::string_view id;
        const bool idOk = registerId(ctx, t.categories, r, id, static_cast<Index>(ds.categories.size()));
        c.id = std::string(id);
        c.label = r.string("label", true, false).value_or(c.id);
        if (const auto color = r.typed("color", JsonType::String, false, "a colour \"#rrggbb\"")) {
            if (const auto rgba = parseColor(color->string())) {
                c.rgba = *rgba;
                c.hasColor = true;
            } else {
                ctx.error(*color, r.pathOf("color"),
                          quote(color->string()) + " is not a colour (expected \"#rrggbb\")");
            }
        }
        if (idOk) ds.categories.push_back(std::move(c));
    });
}

void readActors(Context& ctx, ObjectReader& top, Dataset& ds, Tables& t) {
    forEachObject(ctx, top, "actors", false, [&](const JsonValue& v, const std::string& path) {
        ObjectReader r(ctx, v, path, {"id", "name", "country"});
        Actor a;
        std::string_view id;
        const bool idOk = registerId(ctx, t.actors, r, id, static_cast<Index>(ds.actors.size()));
        a.id = std::string(id);
        a.name = r.string("name", true, false).value_or("");
        a.country = r.optionalString("country");
        if (idOk) ds.actors.push_back(std::move(a));
    });
}

void readEras(Context& ctx, ObjectReader& top, Dataset& ds) {
    IdTable ids;
    forEachObject(ctx, top, "eras", false, [&](const JsonValue& v, const std::string& path) {
        ObjectReader r(ctx, v, path, {"id", "start", "end", "label", "note"});
        Era e;
        std::string_view id;
        const bool idOk = registerId(ctx, ids, r, id, static_cast<Index>(ds.eras.size()));
        e.id = std::string(id);
        e.label = r.string("label", true, false).value_or("");
        e.note = r.optionalString("note");
        const auto start = r.date("start", true);
        const auto end = r.date("end", true);
        if (start && end && end->span().last <= start->span().first)
            ctx.error(*r.get("end"), r.pathOf("end"),
                      quote(end->iso()) + " is before the start " + quote(start->iso()));
        else if (idOk && start && end) {
            e.start = *start;
            e.end = *end;
            ds.eras.push_back(std::move(e));
        }
    });
}

// ===========================================================================
// [SECTION] Events
// ===========================================================================

void readEventSources(Context& ctx, ObjectReader& r, Event& e, const Tables& t) {
    const auto list = r.typed("sources", JsonType::Array, true, "a non-empty array of source ids");
    if (!list) return;
    if (list->size() == 0) {
        ctx.error(*list, r.pathOf("sources"), "must list at least one source (every claim needs who says it)");
        return;
    }
    for (std::uint32_t i = 0; i < list->size(); ++i) {
        const JsonValue s = list->at(i);
        SourceRef ref;
        if (s.isObject()) {
            ObjectReader sr(ctx, s, item(r.pathOf("sources"), i), {"ref", "note"});
            ref.source = sr.reference("ref", true, t.sources, "source");
            ref.note = sr.optionalString("note");
        } else if (s.isString()) {
            ref.source = r.referenceItem(*list, "sources", i, t.sources, "source");
        } else {
            ctx.error(s, item(r.pathOf("sources"), i),
                      std::string("expected a source id or {\"ref\", \"note\"}, found ") + jsonTypeName(s.type()));
        }
        if (ref.source != kNoIndex) e.sources.push_back(std::move(ref));
    }
}

void readEventMedia(Context& ctx, ObjectReader& r, Event& e) {
    const auto list = r.typed("media", JsonType::Array, false, "an array of {\"path\", \"caption\", \"credit\"}");
    if (!list) return;
    for (std::uint32_t i = 0; i < list->size(); ++i) {
        const JsonValue m = list->at(i);
        const std::string path = item(r.pathOf("media"), i);
        if (!m.isObject()) {
            ctx.error(m, path, std::string("expected an object, found ") + jsonTypeName(m.type()));
            continue;
        }
        ObjectReader mr(ctx, m, path, {"path", "caption", "credit"});
        Media media;
        const auto p = mr.string("path", true, false);
        media.caption = mr.optionalString("caption");
        media.credit = mr.optionalString("credit");
        if (!p) continue;
        if (!isConfinedRelativePath(*p)) {
            ctx.error(*mr.get("path"), mr.pathOf("path"),
                      quote(*p) + " leaves the data file's folder (expected a relative path inside it)");
            continue;
        }
        if (!ctx.baseDir.empty() && !isPathInside(ctx.baseDir, *p)) {
            ctx.error(*mr.get("path"), mr.pathOf("path"),
                      quote(*p) + " leads outside the data file's folder (through a link); not allowed");
            continue;
        }
        media.path = *p;
        e.media.push_back(std::move(media));
    }
}

// "time": "HH:MM", the time of day of a date given to the day.
void readEventTime(Context& ctx, ObjectReader& r, Event& e) {
    const auto time = r.typed("time", JsonType::String, false, "a time of day \"HH:MM\"");
    if (!time) return;
    if (const auto minute = parseTimeOfDay(time->string()); !minute)
        ctx.error(*time, r.pathOf("time"),
                  quote(time->string()) + " is not a time of day (expected \"HH:MM\", 00:00 to 23:59)");
    else if (e.date.precision() != DatePrecision::Day)
        ctx.error(*time, r.pathOf("time"), "a time of day needs a date given to the day (YYYY-MM-DD)");
    else
        e.minuteOfDay = *minute;
}

// An event's "answers" list, kept until every event id is known (an answer may
// name an event further down the file). A copy: when the events are streamed,
// an event's JSON is gone by the time the answers are resolved.
struct PendingAnswers {
    struct Item {
        JsonType type;
        TextPosition pos;
        std::string id;  // when a string
    };
    Index event;     // kNoIndex when the event had errors (its list is still checked)
    std::string id;  // the event's own id
    std::vector<Item> items;
    std::string path;
};

void errorAt(Context& ctx, TextPosition at, const std::string& path, std::string message) {
    ++ctx.errorCount;
    ctx.diagnostics.push_back({Severity::Error, ctx.fileName, at.line, at.column, path, std::move(message)});
}

void resolveAnswers(Context& ctx, Dataset& ds, const Tables& t, const std::vector<PendingAnswers>& pending) {
    for (const PendingAnswers& p : pending) {
        Event* e = p.event < ds.events.size() ? &ds.events[p.event] : nullptr;
        std::unordered_set<std::string_view> seen;  // a hostile list of a million ids stays linear
        for (std::uint32_t i = 0; i < p.items.size(); ++i) {
            const PendingAnswers::Item& v = p.items[i];
            if (v.type != JsonType::String) {
                errorAt(ctx, v.pos, item(p.path, i),
                        std::string("expected an event id (a string), found ") + jsonTypeName(v.type));
                continue;
            }
            const FlatIdTable::Entry* found = t.events.find(v.id);
            if (!found) {
                errorAt(ctx, v.pos, item(p.path, i), "unknown event " + quote(v.id) + " (no event has this id)");
                continue;
            }
            const Index a = found->index;
            if (v.id == p.id) {
                errorAt(ctx, v.pos, item(p.path, i),
                        "an event cannot answer itself (expected the ids of the claims it responds to)");
                continue;
            }
            if (!seen.insert(v.id).second) {
                errorAt(ctx, v.pos, item(p.path, i), quote(v.id) + " is listed twice");
                continue;
            }
            if (e) e->answers.push_back(a);
        }
    }
}

// Reads the events one at a time (from a whole document, or as the parser hands
// them over), then resolves their answers once all are known.
class EventReader {
public:
    EventReader(Context& ctx, Dataset& ds, Tables& t) : m_ctx(ctx), m_ds(ds), m_t(t) {}
    void read(const JsonValue& v, const std::string& path);
    void finish() { resolveAnswers(m_ctx, m_ds, m_t, m_pending); }

private:
    bool registerEvent(ObjectReader& r, std::string_view& idOut);

    Context& m_ctx;
    Dataset& m_ds;
    Tables& m_t;
    std::vector<PendingAnswers> m_pending;
};

// registerId (io/json_object_reader.h) for the events' table, which keeps a
// copy of the id (when streamed, the event's JSON is gone after reading it).
bool EventReader::registerEvent(ObjectReader& r, std::string_view& idOut) {
    const auto idValue = r.typed("id", JsonType::String, true);
    if (!idValue) return false;
    if (idValue->string().empty()) return m_ctx.error(*idValue, r.pathOf("id"), "must not be empty");
    idOut = idValue->string();
    const auto [entry, inserted] =
        m_t.events.insert(idOut, static_cast<Index>(m_ds.events.size()), idValue->position().line);
    if (!inserted)
        return m_ctx.error(
            *idValue, r.pathOf("id"),
            "duplicate id " + quote(idOut) + " (first used at line " + std::to_string(entry->line) + ")");
    return true;
}

void EventReader::read(const JsonValue& v, const std::string& path) {
    Context& ctx = m_ctx;
    Dataset& ds = m_ds;
    Tables& t = m_t;
    ObjectReader r(
        ctx, v, path,
        {"id",   "date", "end", "approx", "earliest", "latest",     "claimed", "title", "summary", "category", "place",
         "from", "to",   "via", "actors", "sources",  "confidence", "note",    "tags",  "media",   "answers",  "time"});
    Event e;
    std::string_view id;
    const std::size_t errorsBefore = ctx.errorCount;
    registerEvent(r, id);
    e.id = std::string(id);
    e.title = r.string("title", true, false).value_or("");
    e.summary = r.optionalString("summary");
    e.note = r.optionalString("note");

    // Dates: as written, with their precision; end and bounds must agree.
    const auto date = r.date("date", true);
    e.end = r.date("end", false);
    e.earliest = r.date("earliest", false);
    e.latest = r.date("latest", false);
    e.claimed = r.date("claimed", false);
    e.approx = r.boolean("approx").value_or(false);
    if (date) {
        e.date = *date;
        if (e.end && e.end->span().last <= date->span().first)
            ctx.error(*r.get("end"), r.pathOf("end"),
                      quote(e.end->iso()) + " is before the date " + quote(date->iso()));
        if (e.earliest && e.earliest->firstDay() > date->firstDay())
            ctx.error(
                *r.get("earliest"), r.pathOf("earliest"),
                quote(e.earliest->iso()) + " is after the date " + quote(date->iso()) + " (expected earliest <= date)");
        if (e.latest && e.latest->span().last < date->span().last)
            ctx.error(
                *r.get("latest"), r.pathOf("latest"),
                quote(e.latest->iso()) + " ends before the date " + quote(date->iso()) + " (expected date <= latest)");
    }

    e.category = r.reference("category", true, t.categories, "category");
    e.confidence = Confidence::Reported;
    if (const auto c =
            r.typed("confidence", JsonType::String, true, "a confidence: confirmed, reported, alleged or disputed")) {
        if (const auto conf = parseConfidence(c->string()))
            e.confidence = *conf;
        else
            ctx.error(
                *c, r.pathOf("confidence"),
                quote(c->string()) + " is not a confidence level (expected confirmed, reported, alleged or disputed)");
    }

    // Where: a place, a connection from/to (with an optional route), or nowhere.
    const auto place = r.get("place"), from = r.get("from"), to = r.get("to");
    if (place && (from || to))
        ctx.error(*place, r.pathOf("place"), "an event has either \"place\" or \"from\" and \"to\", not both");
    else if (from && !to)
        ctx.error(*from, r.pathOf("from"), "\"from\" needs a \"to\" (a connection has two ends)");
    else if (to && !from)
        ctx.error(*to, r.pathOf("to"), "\"to\" needs a \"from\" (a connection has two ends)");
    e.place = r.reference("place", false, t.places, "place");
    e.from = r.reference("from", false, t.places, "place");
    e.to = r.reference("to", false, t.places, "place");
    if (const auto via = r.typed("via", JsonType::Array, false, "an array of place ids")) {
        if (!from) ctx.error(*via, r.pathOf("via"), "\"via\" needs \"from\" and \"to\"");
        for (std::uint32_t i = 0; i < via->size(); ++i) {
            const Index p = r.referenceItem(*via, "via", i, t.places, "place");
            if (p != kNoIndex) e.via.push_back(p);
        }
    }
    if (const auto actors = r.typed("actors", JsonType::Array, false, "an array of actor ids")) {
        for (std::uint32_t i = 0; i < actors->size(); ++i) {
            const Index a = r.referenceItem(*actors, "actors", i, t.actors, "actor");
            if (a != kNoIndex) e.actors.push_back(a);
        }
    }
    readEventSources(ctx, r, e, t);
    e.tags = r.stringList("tags");
    readEventMedia(ctx, r, e);
    readEventTime(ctx, r, e);
    const auto answers = r.typed("answers", JsonType::Array, false, "an array of event ids");
    const bool ok = ctx.errorCount == errorsBefore;
    if (answers) {
        PendingAnswers p{ok ? static_cast<Index>(ds.events.size()) : kNoIndex, e.id, {}, r.pathOf("answers")};
        p.items.reserve(answers->size());
        for (std::uint32_t i = 0; i < answers->size(); ++i) {
            const JsonValue a = answers->at(i);
            p.items.push_back({a.type(), a.position(), std::string(a.string())});
        }
        m_pending.push_back(std::move(p));
    }
    if (ok) ds.events.push_back(std::move(e));
}

// ===========================================================================
// [SECTION] Stories
// ===========================================================================

// ObjectReader::reference for the events' table.
Index referenceEvent(Context& ctx, const JsonValue& v, const std::string& path, const FlatIdTable& events) {
    if (!v.isString()) {
        ctx.error(v, path, std::string("expected an event id (a string), found ") + jsonTypeName(v.type()));
        return kNoIndex;
    }
    const FlatIdTable::Entry* e = events.find(v.string());
    if (!e) {
        ctx.error(v, path, "unknown event " + quote(v.string()) + " (no event has this id)");
        return kNoIndex;
    }
    return e->index;
}

void readStoryStep(Context& ctx, const JsonValue& v, const std::string& path, StoryStep& step, const Tables& t,
                   const Dataset& ds) {
    ObjectReader r(ctx, v, path,
                   {"title", "text", "time", "from", "to", "camera", "fit", "highlight", "filter", "duration"});
    step.title = r.string("title", true, false).value_or("");
    step.text = r.optionalString("text");
    step.time = r.date("time", false);
    step.from = r.date("from", false);
    step.to = r.date("to", false);
    if (step.time && (step.from || step.to))
        ctx.error(*r.get("time"), r.pathOf("time"), "a step has either \"time\" or \"from\" and \"to\", not both");
    if (step.from.has_value() != step.to.has_value())
        ctx.error(v, path, "\"from\" and \"to\" go together (a time window has two ends)");
    if (step.from && step.to && step.to->span().last < step.from->span().last)
        ctx.error(*r.get("to"), r.pathOf("to"),
                  quote(step.to->iso()) + " is before \"from\" " + quote(step.from->iso()));
    if (const auto cam = r.typed("camera", JsonType::Object, false,
                                 "an object {\"projection\", \"center\": [lon, lat], \"zoom\"}")) {
        ObjectReader cr(ctx, *cam, r.pathOf("camera"), {"projection", "center", "zoom"});
        StoryCamera c;
        c.projection = cr.optionalString("projection");
        if (!c.projection.empty() && c.projection != "equirectangular" && c.projection != "equal-earth" &&
            c.projection != "natural-earth" && c.projection != "globe" && c.projection != "orthographic")
            ctx.error(*cr.get("projection"), cr.pathOf("projection"),
                      quote(c.projection) +
                          " is not a projection (expected equirectangular, equal-earth, natural-earth or globe)");
        if (const auto centre = cr.typed("center", JsonType::Array, true, "[longitude, latitude]")) {
            if (centre->size() != 2 || !centre->at(0).isNumber() || !centre->at(1).isNumber() ||
                !(std::abs(centre->at(0).number()) <= 180) || !(std::abs(centre->at(1).number()) <= 90))
                ctx.error(*centre, cr.pathOf("center"),
                          "expected [longitude, latitude] in degrees (-180..180, -90..90)");
            else
                c.centerLonDeg = centre->at(0).number(), c.centerLatDeg = centre->at(1).number();
        }
        c.zoom = cr.number("zoom", false, 0.5, 1000, "a zoom from 0.5 to 1000 (1 = whole world)").value_or(1.0);
        step.camera = c;
    }
    step.fitHighlighted = r.boolean("fit").value_or(!step.camera.has_value());
    if (const auto hl = r.typed("highlight", JsonType::Array, false, "an array of event ids")) {
        // The step's playhead: the end of its time, or of its window. A highlighted
        // event that starts later is not on the map yet when the step is shown.
        const std::optional<Date> until = step.time ? step.time : step.to;
        for (std::uint32_t i = 0; i < hl->size(); ++i) {
            const Index e = referenceEvent(ctx, hl->at(i), item(r.pathOf("highlight"), i), t.events);
            if (e == kNoIndex) continue;
            step.highlight.push_back(e);
            if (until && e < ds.events.size() && ds.events[e].id == hl->at(i).string() &&
                ds.events[e].span().first >= until->span().last)
                ctx.warning(hl->at(i), item(r.pathOf("highlight"), i),
                            "event " + quote(ds.events[e].id) + " starts on " + ds.events[e].date.iso() +
                                ", after this step's time " + quote(until->iso()) +
                                " (it is not on the map yet at this step; expected events that start by then)");
        }
    }
    if (const auto f = r.typed("filter", JsonType::Object, false, "an object {\"categories\", \"confidence\"}")) {
        ObjectReader fr(ctx, *f, r.pathOf("filter"), {"categories", "confidence"});
        if (const auto cats = fr.typed("categories", JsonType::Array, false, "an array of category ids"))
            for (std::uint32_t i = 0; i < cats->size(); ++i) {
                const Index c = fr.reference(cats->at(i), item(fr.pathOf("categories"), i), t.categories, "category");
                if (c != kNoIndex) step.filterCategories.push_back(c);
            }
        if (const auto conf = fr.typed("confidence", JsonType::Array, false, "an array of confidence levels")) {
            step.filterConfidenceMask = 0;
            for (std::uint32_t i = 0; i < conf->size(); ++i) {
                const JsonValue c = conf->at(i);
                const auto level = c.isString() ? parseConfidence(c.string()) : std::nullopt;
                if (!level)
                    ctx.error(c, item(fr.pathOf("confidence"), i), "expected confirmed, reported, alleged or disputed");
                else
                    step.filterConfidenceMask =
                        static_cast<std::uint8_t>(step.filterConfidenceMask | (1u << static_cast<int>(*level)));
            }
        }
    }
    step.durationSec = r.number("duration", false, 1, 3600, "seconds, 1 to 3600").value_or(8.0);
}

void readStories(Context& ctx, ObjectReader& top, Dataset& ds, const Tables& t) {
    IdTable ids;
    forEachObject(ctx, top, "stories", false, [&](const JsonValue& v, const std::string& path) {
        ObjectReader r(ctx, v, path, {"id", "title", "description", "steps"});
        Story story;
        std::string_view id;
        const bool idOk = registerId(ctx, ids, r, id, static_cast<Index>(ds.stories.size()));
        story.id = std::string(id);
        story.title = r.string("title", true, false).value_or("");
        story.description = r.optionalString("description");
        if (const auto steps = r.typed("steps", JsonType::Array, true, "an array of steps")) {
            if (steps->size() == 0) ctx.error(*steps, r.pathOf("steps"), "a story needs at least one step");
            for (std::uint32_t i = 0; i < steps->size(); ++i) {
                const JsonValue sv = steps->at(i);
                const std::string sp = item(r.pathOf("steps"), i);
                if (!sv.isObject()) {
                    ctx.error(sv, sp, std::string("expected an object, found ") + jsonTypeName(sv.type()));
                    continue;
                }
                StoryStep step;
                readStoryStep(ctx, sv, sp, step, t, ds);
                story.steps.push_back(std::move(step));
            }
        }
        if (idOk) ds.stories.push_back(std::move(story));
    });
}

// ===========================================================================
// [SECTION] Top level
// ===========================================================================

ObjectReader topLevelReader(Context& ctx, const JsonValue& root) {
    return ObjectReader(ctx, root, "",
                        {"meridian", "title", "description", "authors", "license", "updated", "places", "sources",
                         "categories", "actors", "eras", "events", "stories"});
}

// The members read before the events: the lists they refer to, and what decides
// whether the file is read at all. Their order in kReadBeforeEvents.
constexpr std::string_view kReadBeforeEvents[] = {"meridian", "title",   "description", "license", "authors", "updated",
                                                  "places",   "sources", "categories",  "actors",  "eras"};

// The format version, then the title and such. False when this is not a
// Meridian file of this version: stop there, before a flood of errors.
bool readHeader(Context& ctx, ObjectReader& top, Dataset& ds) {
    const auto version = top.typed("meridian", JsonType::Number, true, "the format version number (1)");
    if (!version) return false;
    if (version->number() != kFormatVersion) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%g", version->number());
        ctx.error(*version, "meridian",
                  std::string("unsupported format version ") + buf + " (this Meridian reads version " +
                      std::to_string(kFormatVersion) + ")");
        return false;
    }
    ds.formatVersion = kFormatVersion;
    ds.title = top.string("title", true, false).value_or("");
    ds.description = top.optionalString("description");
    ds.license = top.optionalString("license");
    ds.authors = top.stringList("authors");
    ds.updated = top.date("updated", false);
    return true;
}

void readLists(Context& ctx, ObjectReader& top, Dataset& ds, Tables& tables) {
    readPlaces(ctx, top, ds, tables);
    readSources(ctx, top, ds, tables);
    readCategories(ctx, top, ds, tables);
    readActors(ctx, top, ds, tables);
    readEras(ctx, top, ds);
}

void readEventItem(Context& ctx, EventReader& events, const JsonValue& v, std::uint32_t i) {
    const std::string path = item("events", i);
    if (!v.isObject())
        ctx.error(v, path, std::string("expected an object, found ") + jsonTypeName(v.type()));
    else
        events.read(v, path);
}

// The whole file from its whole JSON tree.
void readTopLevel(Context& ctx, const JsonValue& root, Dataset& ds) {
    if (!root.isObject()) {
        ctx.error(root, "", std::string("expected a JSON object at the top level, found ") + jsonTypeName(root.type()));
        return;
    }
    ObjectReader top = topLevelReader(ctx, root);
    if (!readHeader(ctx, top, ds)) return;
    Tables tables;
    readLists(ctx, top, ds, tables);
    EventReader events(ctx, ds, tables);
    if (const auto list = top.typed("events", JsonType::Array, true))
        for (std::uint32_t i = 0; i < list->size(); ++i) readEventItem(ctx, events, list->at(i), i);
    events.finish();
    readStories(ctx, top, ds, tables);
}

}  // namespace

namespace {

DatasetLoadResult jsonFailure(const std::string& fileName, const JsonError& e) {
    DatasetLoadResult result;
    result.diagnostics.push_back({Severity::Error, fileName, e.pos.line, e.pos.column, "", e.message});
    return result;
}

DatasetLoadResult cancelledLoad(const std::string& fileName) {
    DatasetLoadResult result;
    result.cancelled = true;
    result.diagnostics.push_back({Severity::Error, fileName, 0, 0, "", "cancelled"});
    return result;
}

DatasetLoadResult finish(Context& ctx, Dataset& ds) {
    DatasetLoadResult result;
    result.diagnostics = std::move(ctx.diagnostics);
    if (countErrors(result.diagnostics) == 0) {
        ds.finalize();
        result.dataset = std::move(ds);
    }
    return result;
}

// The model from a parsed document (its text no longer needed); the document
// is freed once read, before the model's indexes are built.
DatasetLoadResult buildDataset(JsonDocument doc, const std::string& fileName, const std::filesystem::path& baseDir) {
    Context ctx;
    ctx.fileName = fileName;
    ctx.baseDir = baseDir;
    Dataset ds;
    readTopLevel(ctx, doc.root(), ds);
    doc = JsonDocument();
    return finish(ctx, ds);
}

DatasetLoadResult parseWhole(std::string_view text, const std::string& fileName, const std::filesystem::path& baseDir) {
    JsonError jsonError;
    auto doc = JsonDocument::parse(text, &jsonError);
    if (!doc) return jsonFailure(fileName, jsonError);
    return buildDataset(std::move(*doc), fileName, baseDir);
}

// Which of kReadBeforeEvents an object has, a bit each.
unsigned membersReadBeforeEvents(const JsonValue& object) {
    unsigned bits = 0;
    for (std::size_t k = 0; k < std::size(kReadBeforeEvents); ++k)
        if (object.find(kReadBeforeEvents[k])) bits |= 1u << k;
    return bits;
}

// An ObjectReader for looking members up: the top level's keys (unknown,
// duplicate) are checked once, over the whole file, by the caller.
struct Lookup {
    explicit Lookup(Context& ctx, const JsonValue& root)
        : before(ctx.diagnostics.size()),
          errors(ctx.errorCount),
          warnings(ctx.warningCount),
          reader(topLevelReader(ctx, root)) {
        ctx.diagnostics.resize(before);
        ctx.errorCount = errors;
        ctx.warningCount = warnings;
    }
    std::size_t before, errors, warnings;
    ObjectReader reader;
};

// The events read as the parser hands them over (JsonStreamHooks), so that
// the whole file's JSON never exists at once: a 1M-event file's tree was 3
// times the size of its model. The lists the events refer to must come before
// "events" in the file (as in every file Meridian writes, and FORMAT.md's
// order); when one comes after it, the result is empty and *readWhole set: the
// caller reads the file again as a whole tree (same result, only slower).
DatasetLoadResult streamDataset(std::string_view text, const std::string& fileName,
                                const std::filesystem::path& baseDir, const ImportProgress& progress, FileText* file,
                                bool* readWhole) {
    Context ctx;
    ctx.fileName = fileName;
    ctx.baseDir = baseDir;
    Dataset ds;
    Tables tables;
    EventReader events(ctx, ds, tables);
    bool streamed = false, headerOk = false;
    unsigned before = 0;

    JsonStreamHooks hooks;
    hooks.arrayKey = "events";
    hooks.begin = [&](JsonValue members) {
        streamed = true;
        before = membersReadBeforeEvents(members);
        Lookup top(ctx, members);
        headerOk = readHeader(ctx, top.reader, ds);
        if (headerOk) readLists(ctx, top.reader, ds, tables);
        // Room for the events, guessed from the file's size (about 200 bytes an
        // event when dense): pages never touched are never resident, and
        // growing a vector of a million events would copy it.
        if (headerOk) {
            ds.events.reserve(text.size() / 128);
            tables.events.reserve(text.size() / 256);
        }
        return !progress.cancelled();
    };
    hooks.item = [&](JsonValue v, std::uint32_t i) {
        if (headerOk) readEventItem(ctx, events, v, i);
        return !progress.cancelled();
    };
    hooks.progress = [&](std::size_t bytesRead) {
        if (file) file->releaseBefore(bytesRead);
        progress.at(text.empty() ? 1.0 : static_cast<double>(bytesRead) / static_cast<double>(text.size()));
        return !progress.cancelled();
    };
    JsonError jsonError;
    auto doc = JsonDocument::parse(text, &jsonError, {}, hooks);
    if (!doc) return jsonError.stopped ? cancelledLoad(fileName) : jsonFailure(fileName, jsonError);
    if (!streamed) return buildDataset(std::move(*doc), fileName, baseDir);  // no events array: nothing was streamed
    const JsonValue root = doc->root();
    if (membersReadBeforeEvents(root) & ~before) {
        *readWhole = true;
        return {};
    }
    if (headerOk) {
        events.finish();
        Lookup top(ctx, root);
        readStories(ctx, top.reader, ds, tables);
    }
    // The top level's keys, checked first as when reading the whole tree.
    Context keys;
    keys.fileName = fileName;
    topLevelReader(keys, root);
    ctx.diagnostics.insert(ctx.diagnostics.begin(), std::make_move_iterator(keys.diagnostics.begin()),
                           std::make_move_iterator(keys.diagnostics.end()));
    doc.reset();
    tables = {};
    return finish(ctx, ds);
}

}  // namespace

DatasetLoadResult parseDataset(std::string_view text, const std::string& fileName, const std::filesystem::path& baseDir,
                               const ImportProgress& progress) {
    bool readWhole = false;
    DatasetLoadResult result = streamDataset(text, fileName, baseDir, progress, nullptr, &readWhole);
    return readWhole ? parseWhole(text, fileName, baseDir) : result;
}

DatasetLoadResult parseDatasetWhole(std::string_view text, const std::string& fileName,
                                    const std::filesystem::path& baseDir) {
    return parseWhole(text, fileName, baseDir);
}

DatasetLoadResult loadDataset(const std::filesystem::path& path, const ImportProgress& progress) {
    auto cannotRead = [&](const std::string& error) {
        DatasetLoadResult result;
        result.diagnostics.push_back({Severity::Error, path.string(), 0, 0, "", "cannot read the file: " + error});
        return result;
    };
    std::string error;
    auto file = FileText::read(path, &error, std::size_t(1) << 30, progress.cancel);
    if (!file) return progress.cancelled() ? cancelledLoad(path.string()) : cannotRead(error);
    std::error_code ec;
    const std::filesystem::path baseDir = std::filesystem::absolute(path, ec).parent_path();
    bool readWhole = false;
    DatasetLoadResult result = streamDataset(file->text(), path.string(), baseDir, progress, &*file, &readWhole);
    if (!readWhole) return result;
    // Read again (what was parsed is given back): a file whose lists come after its events.
    file = FileText::read(path, &error);
    if (!file) return cannotRead(error);
    JsonError jsonError;
    auto doc = JsonDocument::parse(file->text(), &jsonError);
    // The document holds every string and position it needs: the file's text goes before the model is built.
    file.reset();
    if (!doc) return jsonFailure(path.string(), jsonError);
    return buildDataset(std::move(*doc), path.string(), baseDir);
}

std::string summarizeDataset(const Dataset& ds) {
    std::string out = std::to_string(ds.events.size()) + " events, " + std::to_string(ds.places.size()) + " places, " +
                      std::to_string(ds.sources.size()) + " sources";
    if (!ds.events.empty()) {
        const Event& first = ds.events[ds.eventsByStart.front()];
        DayNumber lastDay = first.span().last;
        Index lastIdx = ds.eventsByStart.front();
        for (Index i = 0; i < ds.events.size(); ++i)
            if (ds.events[i].span().last > lastDay) lastDay = ds.events[i].span().last, lastIdx = i;
        out += "; " + first.date.iso() + " to " +
               (ds.events[lastIdx].end ? *ds.events[lastIdx].end : ds.events[lastIdx].date).iso();
    }
    return out;
}

}  // namespace meridian::io

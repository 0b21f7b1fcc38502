// Table to Dataset. Index:
//   [SECTION] Report
//   [SECTION] Text helpers: cells, lists, slugs, clipping
//   [SECTION] State: the dataset being built and its lookup tables
//   [SECTION] Places: coordinates, names (gazetteer), reviews
//   [SECTION] Sources and media
//   [SECTION] One row
//   [SECTION] Finish, tableToDataset, preview
#include "io/import/table_import.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include "io/import/gazetteer.h"
#include "io/import/html_text.h"
#include "io/import/loose_date.h"
#include "io/import/number_text.h"
#include "io/json_object_reader.h"  // quote(), kMaxJsonTextBytes

namespace meridian::io {

// ===========================================================================
// [SECTION] Report
// ===========================================================================

Diagnostic ImportProblem::toDiagnostic(const std::string& fileName, const std::string& rowWord) const {
    Diagnostic d;
    d.severity = severity;
    d.file = fileName;
    d.line = line;
    if (row > 0) d.path = rowWord + " " + std::to_string(row);
    if (!column.empty()) d.path += (d.path.empty() ? "" : ", ") + std::string("column \"") + column + "\"";
    d.message = message;
    return d;
}

namespace {
std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}
}  // namespace

std::string ImportReport::summary() const {
    std::string out = plural(rows, "row", "rows") + ": " + plural(events, "event", "events") + ", " +
                      std::to_string(skipped) + " skipped";
    if (eras) out += ", " + plural(eras, "era", "eras");
    if (titleRows) out += ", " + plural(titleRows, "title row", "title rows");
    if (blankRows) out += " (" + plural(blankRows, "blank row", "blank rows") + " ignored)";
    if (cancelled) out += "; cancelled";
    return out;
}

std::vector<Diagnostic> ImportReport::diagnostics(const std::string& fileName, const std::string& rowWord) const {
    std::vector<Diagnostic> out;
    for (const std::string& n : notes) out.push_back({Severity::Warning, fileName, 0, 0, "", n});
    for (const ImportProblem& p : problems) out.push_back(p.toDiagnostic(fileName, rowWord));
    if (problemsNotKept)
        out.push_back(
            {Severity::Warning, fileName, 0, 0, "", std::to_string(problemsNotKept) + " more problems not shown"});
    for (const PlaceReview& r : placeReviews) {
        std::string rows;
        for (std::size_t i = 0; i < r.rows.size(); ++i) rows += (i ? ", " : "") + std::to_string(r.rows[i]);
        if (r.rowCount > r.rows.size()) rows += ", ...";
        const std::string where = " (" + rowWord + (r.rowCount == 1 ? " " : "s ") + rows + ")";
        out.push_back(
            {Severity::Warning, fileName, 0, 0, "",
             (r.kind == PlaceReview::Kind::Ambiguous ? "place: " : "place not found: ") + r.explanation + where});
    }
    return out;
}

std::string fileStem(const std::string& fileName) {
    std::string stem = std::filesystem::path(fileName).filename().string();
    for (const char* suffix : {".timeline.json", ".timelinejs.json", ".geojson", ".json", ".csv", ".tsv", ".txt",
                               ".xlsx", ".ods", ".kml", ".gpx", ".gpkg"}) {
        const std::string_view s = suffix;
        if (stem.size() > s.size() && stem.compare(stem.size() - s.size(), s.size(), s) == 0) {
            stem.resize(stem.size() - s.size());
            break;
        }
    }
    return stem.empty() ? fileName : stem;
}

// ===========================================================================
// [SECTION] Text helpers
// ===========================================================================

namespace {

std::string_view trimmed(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

std::string lowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
}

// A cell as text: typed cells as the file showed them, or in a plain form.
std::string cellAsText(const Cell& cell) {
    switch (cell.kind) {
        case Cell::Kind::Empty:
            return {};
        case Cell::Kind::Text:
            return std::string(trimmed(cell.text));
        case Cell::Kind::Number:
            return cell.text.empty() ? formatShortest(cell.number) : std::string(trimmed(cell.text));
        case Cell::Kind::Bool:
            return cell.text.empty() ? (cell.number != 0 ? "true" : "false") : cell.text;
        case Cell::Kind::Date:
        case Cell::Kind::DateTime:
            if (!cell.text.empty()) return cell.text;
            if (cell.month >= 1 && cell.month <= 12 && cell.day >= 1 && cell.day <= 31)
                return Date::fromCivil(cell.year, cell.month, std::min(cell.day, daysInMonth(cell.year, cell.month)))
                    .iso();
            return {};
    }
    return {};
}

// Items of a list cell: one per line, or separated by ';' (and ',' for tags when there is no other separator).
std::vector<std::string> splitList(std::string_view text, bool commasToo) {
    std::vector<std::string> out;
    const bool hasStrong = text.find_first_of(";\n|") != std::string_view::npos;
    const std::string_view separators = hasStrong ? ";\n|" : (commasToo ? "," : "");
    std::size_t start = 0;
    for (;;) {
        const std::size_t at = separators.empty() ? std::string_view::npos : text.find_first_of(separators, start);
        const std::string_view item =
            trimmed(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (!item.empty()) out.emplace_back(item);
        if (at == std::string_view::npos) break;
        start = at + 1;
    }
    return out;
}

// Lines of a multi-value cell (sources, media, via: line i of each column belongs together).
std::vector<std::string> splitLines(std::string_view text) {
    std::vector<std::string> out;
    if (trimmed(text).empty()) return out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t at = text.find('\n', start);
        out.emplace_back(
            trimmed(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start)));
        if (at == std::string_view::npos) break;
        start = at + 1;
    }
    return out;
}

// "1987-03-first-scud-deliveries": ASCII letters and digits, dashes between words.
std::string slug(std::string_view text, std::size_t maxLength = 48) {
    std::string out;
    bool dash = false;
    for (char c : text) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && !out.empty()) out += '-';
            dash = false;
            out += c;
            if (out.size() >= maxLength) break;
        } else {
            dash = true;
        }
    }
    return out;
}

// Ids handed out in one list: base, base-2, base-3... Each base remembers its
// next suffix, so a million rows falling back to one base stay linear.
class IdSet {
public:
    std::string unique(std::string base, const std::string& fallback) {
        if (base.empty()) base = fallback;
        if (m_used.insert(base).second) return base;
        std::size_t& k = m_nextSuffix[base];
        if (k < 2) k = 2;
        for (;; ++k) {
            std::string candidate = base + "-" + std::to_string(k);
            if (m_used.insert(candidate).second) return candidate;
        }
    }

private:
    std::unordered_set<std::string> m_used;
    std::unordered_map<std::string, std::size_t> m_nextSuffix;
};

// Cuts UTF-8 text to at most maxBytes without splitting a character.
std::string clipUtf8(std::string text, std::size_t maxBytes) {
    if (text.size() <= maxBytes) return text;
    std::size_t cut = maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text.resize(cut);
    return text;
}

std::string hostOf(std::string_view url) {
    const std::size_t scheme = url.find("://");
    std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    if (rest.substr(0, 4) == "www.") rest.remove_prefix(4);
    // "https:///x" has no host: the address itself names the source (a publisher is never empty;
    // found by fuzz_geojson).
    return rest.empty() ? std::string(url) : std::string(rest);
}

bool isWebAddress(std::string_view s) {
    return s.rfind("https://", 0) == 0 || s.rfind("http://", 0) == 0;
}

std::optional<bool> parseYesNo(std::string_view text) {
    const std::string t = lowerAscii(trimmed(text));
    if (t.empty() || t == "no" || t == "false" || t == "0" || t == "n") return false;
    if (t == "yes" || t == "true" || t == "1" || t == "y" || t == "x" || t == "approx" || t == "approximate" ||
        t == "c." || t == "circa" || t == "~")
        return true;
    return std::nullopt;
}

std::optional<SourceKind> parseSourceKindLoose(std::string_view text) {
    const std::string t = lowerAscii(trimmed(text));
    if (const auto k = parseSourceKind(t)) return k;
    for (int i = 0; i < kSourceKindCount; ++i)
        if (t == lowerAscii(sourceKindLabel(static_cast<SourceKind>(i)))) return static_cast<SourceKind>(i);
    if (t == "think tank" || t == "thinktank") return SourceKind::ThinkTank;
    if (t == "united nations") return SourceKind::Un;
    return std::nullopt;
}

// "Tehran (35.69, 51.39)": a name with coordinates (lat, lon) after it.
struct NamedPoint {
    std::string name;
    std::optional<double> latDeg, lonDeg;
};
NamedPoint splitNamedPoint(std::string_view text) {
    NamedPoint p;
    std::string_view t = trimmed(text);
    if (!t.empty() && t.back() == ')') {
        const std::size_t open = t.rfind('(');
        if (open != std::string_view::npos) {
            const std::string_view inside = t.substr(open + 1, t.size() - open - 2);
            const std::size_t comma = inside.find(',');
            if (comma != std::string_view::npos && inside.find(',', comma + 1) == std::string_view::npos) {
                const auto lat = parseCoordinate(inside.substr(0, comma), true);
                const auto lon = parseCoordinate(inside.substr(comma + 1), false);
                if (lat && lon) {
                    p.name = std::string(trimmed(t.substr(0, open)));
                    p.latDeg = lat, p.lonDeg = lon;
                    return p;
                }
            }
        }
    }
    p.name = std::string(t);
    return p;
}

std::string formatPoint(double latDeg, double lonDeg) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f, %.4f", latDeg, lonDeg);
    return buf;
}

}  // namespace

// ===========================================================================
// [SECTION] State
// ===========================================================================

struct TableImporter::State {
    std::vector<std::string> columns;
    ColumnMapping mapping;
    ImportOptions options;
    std::array<std::vector<std::size_t>, kFieldCount> columnsOf;  // field -> its columns, in order

    Dataset ds;
    ImportReport report;
    std::unordered_map<std::string, Index> places, categories, actors, sources;
    IdSet placeIds, categoryIds, actorIds, sourceIds, eventIds, eraIds;
    Index fileSource = kNoIndex;
    bool sawTitle = false;

    // An event's Answers cell, resolved once every event's id is known (an
    // answer may name an event further down the file).
    struct PendingAnswers {
        Index event;
        unsigned row, line;
        std::vector<std::string> ids;
        std::string whole;  // a one-line cell split at ';' or '|': itself, when it is one event's id
    };
    std::vector<PendingAnswers> pendingAnswers;

    struct Lookup {
        std::optional<GazetteerMatch> match;
        std::string whyNotFound;
    };
    std::unordered_map<std::string, Lookup> lookups;       // name \x1f hint -> result (one gazetteer call per name)
    std::unordered_map<std::string, std::size_t> reviews;  // name \x1f hint -> index in report.placeReviews

    // The row being read.
    const TableRow* row = nullptr;
    bool rowFailed = false;

    // --- columns and cells ---
    bool has(Field f) const { return !columnsOf[static_cast<int>(f)].empty(); }
    std::string columnName(std::size_t c) const {
        return c < columns.size() && !columns[c].empty() ? columns[c] : "column " + std::to_string(c + 1);
    }
    std::string columnNameOf(Field f) const { return has(f) ? columnName(columnsOf[static_cast<int>(f)][0]) : ""; }
    const Cell* cellOf(Field f) const {
        const auto& cols = columnsOf[static_cast<int>(f)];
        if (cols.empty() || cols[0] >= row->cells.size()) return nullptr;
        return &row->cells[cols[0]];
    }
    bool markupIsHtml(std::string_view text) const {
        return mapping.markup == TextMarkup::Html || (mapping.markup == TextMarkup::Auto && looksLikeHtml(text));
    }
    // Every column of the field as written (line breaks kept, \r\n as \n), for fields whose
    // lines belong together across columns (sources, media, via).
    std::string lines(Field f) const {
        std::string out;
        for (const std::size_t c : columnsOf[static_cast<int>(f)]) {
            if (c >= row->cells.size() || row->cells[c].empty()) continue;
            const Cell& cell = row->cells[c];
            const std::string raw = cell.kind == Cell::Kind::Text ? cell.text : cellAsText(cell);
            if (!out.empty()) out += '\n';
            for (char ch : raw)
                if (ch != '\r') out += ch;
        }
        return out;
    }
    // Every column of the field, as text (HTML read as text where it is), joined.
    std::string text(Field f, bool readHtml = false, const char* joiner = "\n") const {
        std::string out;
        for (const std::size_t c : columnsOf[static_cast<int>(f)]) {
            if (c >= row->cells.size()) continue;
            std::string t = cellAsText(row->cells[c]);
            if (readHtml && markupIsHtml(t)) t = htmlToText(t);
            if (t.empty()) continue;
            if (!out.empty()) out += joiner;
            out += t;
        }
        return out;
    }

    // --- problems ---
    void problem(Severity severity, std::string column, std::string message) {
        if (severity == Severity::Error) rowFailed = true;
        if (report.problems.size() >= options.maxProblems) {
            ++report.problemsNotKept;
            return;
        }
        report.problems.push_back(
            {severity, row ? row->rowNumber : 0u, row ? row->line : 0u, std::move(column), std::move(message)});
    }
    void error(Field f, std::string message) { problem(Severity::Error, columnNameOf(f), std::move(message)); }
    void warning(Field f, std::string message) { problem(Severity::Warning, columnNameOf(f), std::move(message)); }

    // Text that the data format keeps (kMaxJsonTextBytes); longer is cut, with a warning.
    std::string fit(Field f, std::string text) {
        if (text.size() <= kMaxJsonTextBytes) return text;
        warning(f, "is " + std::to_string(text.size()) + " bytes long: cut to " + std::to_string(kMaxJsonTextBytes) +
                       " (the longest text Meridian keeps)");
        return clipUtf8(std::move(text), kMaxJsonTextBytes);
    }

    // --- the dataset's lists ---
    Index category(const std::string& label) {
        const auto it = categories.find(label);
        if (it != categories.end()) return it->second;
        Category c;
        c.id = categoryIds.unique(slug(label, 40), "category");
        c.label = label;
        ds.categories.push_back(std::move(c));
        return categories[label] = static_cast<Index>(ds.categories.size() - 1);
    }
    Index actor(const std::string& name) {
        const auto it = actors.find(name);
        if (it != actors.end()) return it->second;
        Actor a;
        a.id = actorIds.unique(slug(name, 40), "actor");
        a.name = name;
        ds.actors.push_back(std::move(a));
        return actors[name] = static_cast<Index>(ds.actors.size() - 1);
    }
    Index place(const std::string& name, double latDeg, double lonDeg, const std::string& country,
                const std::string& note) {
        // name, the coordinates' bytes, country: equal places are one place (no formatting per row).
        std::string fullKey = name;
        char coordinates[2 * sizeof(double)];
        std::memcpy(coordinates, &latDeg, sizeof(double));
        std::memcpy(coordinates + sizeof(double), &lonDeg, sizeof(double));
        fullKey += '\x1f';
        fullKey.append(coordinates, sizeof coordinates);
        fullKey += country;
        const auto it = places.find(fullKey);
        if (it != places.end()) return it->second;
        Place p;
        p.id = placeIds.unique(slug(name, 40), "place");
        p.name = name;
        p.latDeg = latDeg;
        p.lonDeg = lonDeg;
        p.country = country;
        p.note = note;
        ds.places.push_back(std::move(p));
        return places[fullKey] = static_cast<Index>(ds.places.size() - 1);
    }
    Index source(Source s) {
        const std::string key = s.publisher + '\x1f' + s.title + '\x1f' + s.author + '\x1f' + s.via + '\x1f' +
                                (s.date ? s.date->iso() : "") + '\x1f' + s.url + '\x1f' + sourceKindId(s.kind) +
                                '\x1f' + s.note;
        const auto it = sources.find(key);
        if (it != sources.end()) return it->second;
        s.id = sourceIds.unique(slug(s.publisher + " " + s.title, 40), "source");
        ds.sources.push_back(std::move(s));
        return sources[key] = static_cast<Index>(ds.sources.size() - 1);
    }
    Index theFileItself() {
        if (fileSource != kNoIndex) return fileSource;
        Source s;
        s.publisher = "Imported file";
        s.title = std::filesystem::path(options.fileName).filename().string();
        if (s.title.empty()) s.title = options.fileName.empty() ? "(unnamed file)" : options.fileName;
        s.note = "The events were imported from this file, which names no source for them.";
        return fileSource = source(std::move(s));
    }

    // ===========================================================================
    // [SECTION] Places
    // ===========================================================================

    void review(PlaceReview::Kind kind, const std::string& name, const std::string& hint, std::string explanation) {
        const std::string key = name + '\x1f' + hint;
        auto it = reviews.find(key);
        if (it == reviews.end()) {
            PlaceReview r;
            r.kind = kind;
            r.name = name;
            r.countryHint = hint;
            r.explanation = std::move(explanation);
            report.placeReviews.push_back(std::move(r));
            it = reviews.emplace(key, report.placeReviews.size() - 1).first;
        }
        PlaceReview& r = report.placeReviews[it->second];
        ++r.rowCount;
        if (r.rows.size() < 20 && (r.rows.empty() || r.rows.back() != row->rowNumber)) r.rows.push_back(row->rowNumber);
    }

    // A place by name through the gazetteer; kNoIndex (and a review) when not found.
    Index placeByName(const std::string& name, const std::string& hint) {
        const std::string key = name + '\x1f' + hint;
        auto it = lookups.find(key);
        if (it == lookups.end()) {
            Lookup l;
            if (options.gazetteer)
                l.match = options.gazetteer->lookup(name, hint, &l.whyNotFound);
            else
                l.whyNotFound = "no gazetteer is loaded, so places cannot be found by name";
            it = lookups.emplace(key, std::move(l)).first;
        }
        const Lookup& l = it->second;
        if (!l.match) {
            review(PlaceReview::Kind::NotFound, name, hint,
                   quote(name) + (l.whyNotFound.empty() ? ": not found" : ": " + l.whyNotFound) +
                       "; its events stay on the timeline");
            return kNoIndex;
        }
        const GazetteerEntry& e = l.match->entry;
        if (l.match->alternatives > 0) review(PlaceReview::Kind::Ambiguous, name, hint, l.match->explanation);
        std::string note = "Found by name in the gazetteer (GeoNames): \"" + name + "\"";
        note += e.isCountry ? " is the country; its representative point." : ".";
        return place(e.name, e.latDeg, e.lonDeg, e.country, note);
    }

    // A Country column's value as an ISO alpha-3 code when it is one (or the gazetteer knows the country).
    std::string countryCode(const std::string& text) {
        if (text.size() == 3 && std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
            return text;
        if (options.gazetteer && !text.empty())
            if (const auto c = options.gazetteer->findCountry(text)) return c->country;
        return {};
    }

    // One end of an event: coordinates (cells or geometry) or a name.
    Index resolve(Field nameField, Field latField, Field lonField, std::optional<geo::LonLat> point,
                  const std::string& hint, const std::string& countryText) {
        NamedPoint np = splitNamedPoint(text(nameField));
        std::optional<double> lat = np.latDeg, lon = np.lonDeg;
        if (point) lat = point->latDeg, lon = point->lonDeg;
        const std::string latText = has(latField) ? text(latField) : "";
        const std::string lonText = has(lonField) ? text(lonField) : "";
        if (!lat && !latText.empty()) {
            lat = parseCoordinate(latText, true);
            if (!lat) warning(latField, quote(latText) + " is not a latitude (expected degrees, -90 to 90)");
        }
        if (!lon && !lonText.empty()) {
            lon = parseCoordinate(lonText, false);
            if (!lon) warning(lonField, quote(lonText) + " is not a longitude (expected degrees, -180 to 180)");
        }
        if (lat && lon) {
            const std::string name = np.name.empty() ? formatPoint(*lat, *lon) : fit(nameField, np.name);
            return place(name, *lat, *lon, countryCode(countryText), "");
        }
        if (!np.name.empty()) return placeByName(np.name, hint);
        return kNoIndex;
    }

    // ===========================================================================
    // [SECTION] Sources and media
    // ===========================================================================

    void readSources(Event& e) {
        const std::vector<std::string> citation = splitLines(lines(Field::SourceCitation)),
                                       publisher = splitLines(lines(Field::SourcePublisher)),
                                       title = splitLines(lines(Field::SourceTitle)),
                                       author = splitLines(lines(Field::SourceAuthor)),
                                       via = splitLines(lines(Field::SourceVia)),
                                       date = splitLines(lines(Field::SourceDate)),
                                       url = splitLines(lines(Field::SourceUrl)),
                                       kind = splitLines(lines(Field::SourceKind)),
                                       note = splitLines(lines(Field::SourceNote)),
                                       passage = splitLines(lines(Field::SourcePassage));
        std::size_t n = 0;
        for (const auto* v : {&citation, &publisher, &title, &author, &via, &date, &url, &kind, &note, &passage})
            n = std::max(n, v->size());
        const std::string cited = "Cited in " + std::filesystem::path(options.fileName).filename().string();
        for (std::size_t i = 0; i < n; ++i) {
            auto at = [&](const std::vector<std::string>& v) { return i < v.size() ? v[i] : std::string(); };
            std::string cit = at(citation), pub = at(publisher), tit = at(title), link = at(url);
            if (cit.empty() && pub.empty() && tit.empty() && link.empty() && at(author).empty() && at(via).empty() &&
                at(note).empty()) {
                if (!at(passage).empty())
                    e.sources.push_back({theFileItself(), fit(Field::SourcePassage, at(passage))});
                continue;
            }
            Source s;
            if (link.empty() && isWebAddress(cit)) link = cit, cit.clear();
            if (!link.empty() && !isWebAddress(link)) {
                warning(Field::SourceUrl, quote(link) +
                                              " is not a web address (expected http:// or https://); kept in "
                                              "the source's note");
                s.note = link;
                link.clear();
            }
            s.url = link;
            if (!pub.empty() || !tit.empty()) {
                s.publisher = !pub.empty() ? pub : !cit.empty() ? cit : !link.empty() ? hostOf(link) : cited;
                s.title = !tit.empty() ? tit : !cit.empty() ? cit : !link.empty() ? link : "(no title given)";
            } else if (!cit.empty()) {
                s.publisher = cited;
                s.title = cit;
            } else if (!link.empty()) {
                s.publisher = hostOf(link);
                s.title = link;
            } else {
                s.publisher = cited;
                s.title = "(no title given)";
            }
            s.publisher = fit(Field::SourcePublisher, s.publisher);
            s.title = fit(Field::SourceTitle, s.title);
            s.author = fit(Field::SourceAuthor, at(author));
            s.via = fit(Field::SourceVia, at(via));
            if (const std::string d = at(date); !d.empty()) {
                const LooseDateResult r = parseLooseDate(d, mapping.dateOrder);
                if (r.value)
                    s.date = r.value->date;
                else
                    warning(Field::SourceDate, r.error + "; the source is kept without a date");
            }
            if (const std::string k = at(kind); !k.empty()) {
                if (const auto parsed = parseSourceKindLoose(k))
                    s.kind = *parsed;
                else
                    warning(Field::SourceKind, quote(k) +
                                                   " is not a source kind (expected official, un, press, think-tank, "
                                                   "academic, advocacy or reference); press is used");
            }
            const std::string sourceNote = at(note);
            if (!sourceNote.empty()) s.note = s.note.empty() ? sourceNote : sourceNote + "\n" + s.note;
            s.note = fit(Field::SourceNote, s.note);
            e.sources.push_back({source(std::move(s)), fit(Field::SourcePassage, at(passage))});
        }
        if (e.sources.empty()) e.sources.push_back({theFileItself(), {}});
    }

    // Local images become the event's media; web addresses are kept as links in its note.
    void readMedia(Event& e, std::string& noteLines) {
        const std::vector<std::string> urls = splitLines(lines(Field::Media)),
                                       captions = splitLines(lines(Field::MediaCaption)),
                                       credits = splitLines(lines(Field::MediaCredit));
        for (std::size_t i = 0; i < urls.size(); ++i) {
            const std::string& url = urls[i];
            if (url.empty()) continue;
            auto readable = [&](const std::vector<std::string>& v) {
                const std::string t = i < v.size() ? v[i] : "";
                return markupIsHtml(t) ? htmlToText(t) : t;
            };
            const std::string caption = readable(captions), credit = readable(credits);
            const bool remote = url.find("://") != std::string::npos || url.rfind("//", 0) == 0;
            const bool local = !remote && url[0] != '/' && url[0] != '\\' && url.find("..") == std::string::npos &&
                               (url.size() < 2 || url[1] != ':');
            if (local) {
                e.media.push_back({url, fit(Field::MediaCaption, caption), fit(Field::MediaCredit, credit)});
                continue;
            }
            std::string line = "Media: ";
            if (!caption.empty()) line += caption + " ";
            if (!credit.empty()) line += "(credit: " + credit + ") ";
            line += url;
            noteLines += (noteLines.empty() ? "" : "\n") + line;
        }
    }

    // ===========================================================================
    // [SECTION] One row
    // ===========================================================================

    // The date from Date, or Year/Month/Day/Time; nullopt after an error.
    std::optional<LooseDate> readDate(Field whole, Field year, Field month, Field day, Field time, bool required) {
        auto report = [&](const LooseDateResult& r, Field column) {
            if (r.needsOrder) this->report.dateOrderNeeded = true;
            error(column, r.error);
        };
        if (const Cell* c = cellOf(whole); c && !c->empty()) {
            const LooseDateResult r = looseDateFromCell(*c, mapping.dateOrder);
            if (!r.value) {
                report(r, whole);
                return std::nullopt;
            }
            LooseDate d = *r.value;
            if (const Cell* t = cellOf(time); t && !t->empty() && !d.minuteOfDay) {
                const auto minute = parseLooseTime(cellAsText(*t));
                if (!minute)
                    warning(time, quote(cellAsText(*t)) + " is not a time of day (expected e.g. 14:30); not kept");
                else if (d.date.precision() != DatePrecision::Day)
                    warning(time, "a time of day needs a date given to the day; not kept");
                else
                    d.minuteOfDay = minute;
            }
            return d;
        }
        const Cell *y = cellOf(year), *m = cellOf(month), *dd = cellOf(day), *t = cellOf(time);
        const bool any = (y && !y->empty()) || (m && !m->empty()) || (dd && !dd->empty()) || (t && !t->empty());
        if (!any) {
            if (required) {
                const std::string what = has(whole)  ? "column \"" + columnNameOf(whole) + "\" is empty"
                                         : has(year) ? "column \"" + columnNameOf(year) + "\" is empty"
                                                     : "no column is mapped to a date";
                problem(Severity::Error, "", "no date (" + what + ")");
            }
            return std::nullopt;
        }
        const LooseDateResult r = looseDateFromParts(y, m, dd, nullptr);
        if (!r.value) {
            using Part = LooseDateResult::Part;
            report(r, r.part == Part::Month ? month : r.part == Part::Day ? day : year);
            return std::nullopt;
        }
        LooseDate d = *r.value;
        if (t && !t->empty()) {
            // A time that cannot be kept loses the time, not the event.
            const LooseDateResult withTime = looseDateFromParts(y, m, dd, t);
            if (d.date.precision() != DatePrecision::Day)
                warning(time, quote(cellAsText(*t)) + " is a time of day without a day; not kept");
            else if (!withTime.value)
                warning(time, withTime.error + "; not kept");
            else
                d.minuteOfDay = withTime.value->minuteOfDay;
        }
        return d;
    }

    void addRow(const TableRow& tableRow) {
        row = &tableRow;
        rowFailed = false;
        bool blank = true;
        for (const Cell& c : tableRow.cells) blank = blank && c.empty();
        if (blank && tableRow.geometry.kind == CellGeometry::Kind::None) {
            ++report.blankRows;
            return;
        }
        ++report.rows;
        const std::string rowType = lowerAscii(text(Field::RowType));
        if (rowType == "title") return readTitleRow();
        if (rowType == "era") return readEraRow();
        readEventRow();
    }

    void readTitleRow() {
        ++report.titleRows;
        if (sawTitle) {
            warning(Field::RowType, "a second title row (the first is used)");
            return;
        }
        sawTitle = true;
        const std::string title = text(Field::Title, true);
        if (!title.empty() && options.datasetTitle.empty()) ds.title = fit(Field::Title, title);
        ds.description = fit(Field::Summary, text(Field::Summary, true, "\n\n"));
    }

    void readEraRow() {
        const auto start = readDate(Field::Date, Field::Year, Field::Month, Field::Day, Field::Time, true);
        const auto end = readDate(Field::End, Field::EndYear, Field::EndMonth, Field::EndDay, Field::EndTime, false);
        if (!start || rowFailed) {
            ++report.skipped;
            return;
        }
        Era era;
        era.label = fit(Field::Title, text(Field::Title, true));
        if (era.label.empty()) era.label = "Era " + std::to_string(ds.eras.size() + 1);
        const std::string givenId = text(Field::Id);
        era.id = eraIds.unique(givenId.empty() ? slug(era.label, 40) : givenId, "era");
        era.note = fit(Field::Summary, text(Field::Summary, true, "\n\n"));
        era.start = start->date;
        era.end = end ? end->date : start->end ? *start->end : start->date;
        if (era.end.span().last <= era.start.span().first) {
            error(Field::End, quote(era.end.iso()) + " is before the era's start " + quote(era.start.iso()));
            ++report.skipped;
            return;
        }
        ds.eras.push_back(std::move(era));
        ++report.eras;
    }

    void readEventRow() {
        Event e;
        const auto date = readDate(Field::Date, Field::Year, Field::Month, Field::Day, Field::Time, true);
        if (!date) {
            ++report.skipped;
            return;
        }
        e.date = date->date;
        e.approx = date->approx;
        e.minuteOfDay = date->minuteOfDay;
        if (date->end) e.end = date->end;
        if (const auto end =
                readDate(Field::End, Field::EndYear, Field::EndMonth, Field::EndDay, Field::EndTime, false)) {
            if (end->date.span().last <= e.date.span().first) {
                warning(has(Field::End) ? Field::End : Field::EndYear,
                        quote(end->date.iso()) + " is before the date " + quote(e.date.iso()) + "; not kept");
            } else {
                e.end = end->end ? *end->end : end->date;
                e.approx = e.approx || end->approx;
                if (end->minuteOfDay)
                    warning(has(Field::EndTime) ? Field::EndTime : Field::End,
                            "the end's time of day " + formatTimeOfDay(*end->minuteOfDay) +
                                " is not kept (Meridian keeps the start's time only)");
            }
        }
        if (rowFailed) {  // an end that did not parse: the row is skipped like a bad date
            ++report.skipped;
            return;
        }
        if (e.end && *e.end == e.date) e.end.reset();
        if (has(Field::Approx)) {
            const std::string a = text(Field::Approx);
            if (const auto yes = parseYesNo(a))
                e.approx = e.approx || *yes;
            else
                warning(Field::Approx, quote(a) + " is not yes or no; the date is taken as exact");
        }
        for (const Field f : {Field::Earliest, Field::Latest}) {
            const Cell* c = cellOf(f);
            if (!c || c->empty()) continue;
            const LooseDateResult r = looseDateFromCell(*c, mapping.dateOrder);
            if (!r.value) {
                warning(f, r.error + "; not kept");
                continue;
            }
            const Date bound = f == Field::Earliest ? r.value->date : (r.value->end ? *r.value->end : r.value->date);
            const bool fits =
                f == Field::Earliest ? bound.firstDay() <= e.date.firstDay() : bound.span().last >= e.date.span().last;
            if (!fits) {
                warning(f, quote(bound.iso()) + (f == Field::Earliest ? " is after" : " ends before") + " the date " +
                               quote(e.date.iso()) + "; not kept");
                continue;
            }
            (f == Field::Earliest ? e.earliest : e.latest) = bound;
        }
        if (const Cell* c = cellOf(Field::Claimed); c && !c->empty()) {
            const LooseDateResult r = looseDateFromCell(*c, mapping.dateOrder);
            if (!r.value)
                warning(Field::Claimed, r.error + "; not kept");
            else if (r.value->end)
                warning(Field::Claimed, "is a span (" + r.value->date.iso() + " to " + r.value->end->iso() +
                                            "); a claim has one date: not kept");
            else
                e.claimed = r.value->date;
        }

        // Words.
        e.title = fit(Field::Title, text(Field::Title, true));
        e.summary = fit(Field::Summary, text(Field::Summary, true, "\n\n"));
        std::string note = text(Field::Note, true, "\n\n");
        if (const std::string shown = text(Field::DisplayDate, true); !shown.empty()) {
            const LooseDateResult asDate = parseLooseDate(shown, mapping.dateOrder);
            if (asDate.value && asDate.value->approx) e.approx = true;
            const bool same = asDate.value && asDate.value->date == e.date;
            if (!same) note += (note.empty() ? "" : "\n") + std::string("Date as shown in the source file: ") + shown;
        }
        readMedia(e, note);
        e.note = fit(Field::Note, note);
        if (e.title.empty()) {
            // Titled from the text, else by its place in the file: never empty (the format requires one).
            const std::string firstLine = e.summary.substr(0, e.summary.find('\n'));
            e.title =
                !firstLine.empty() ? clipUtf8(firstLine, 120) : options.rowWord + " " + std::to_string(row->rowNumber);
            if (has(Field::Title)) warning(Field::Title, "is empty; the event is titled \"" + e.title + "\"");
        }

        // Category, confidence.
        const std::string categoryLabel = fit(Field::Category, text(Field::Category, true, " / "));
        e.category = category(categoryLabel.empty() ? "Uncategorised" : categoryLabel);
        e.confidence = Confidence::Unrated;
        if (const std::string c = text(Field::Confidence); !c.empty()) {
            if (const auto level = parseConfidence(lowerAscii(c)))
                e.confidence = *level;
            else
                warning(Field::Confidence, quote(c) +
                                               " is not a confidence level (expected confirmed, reported, alleged, "
                                               "disputed or unrated); the event is unrated");
        }

        // Where.
        readWhere(e);

        // Who, tags, sources.
        for (const std::string& a : splitList(text(Field::Actors), false)) {
            const Index i = actor(fit(Field::Actors, a));
            if (std::find(e.actors.begin(), e.actors.end(), i) == e.actors.end()) e.actors.push_back(i);
        }
        for (std::string& t : splitList(text(Field::Tags), true))
            if (std::find(e.tags.begin(), e.tags.end(), t) == e.tags.end()) e.tags.push_back(fit(Field::Tags, t));
        readSources(e);
        if (has(Field::Answers)) readAnswers();

        // The id: the file's, made unique, or made from the date and title.
        std::string id = text(Field::Id);
        if (!id.empty()) {
            id = clipUtf8(id, 200);
            const std::string given = id;
            id = eventIds.unique(id, "event");
            if (id != given)
                warning(Field::Id, quote(given) + " is the id of an earlier event: this one is " + quote(id));
        } else {
            id = eventIds.unique(slug(e.date.iso() + " " + e.title, 60),
                                 options.rowWord + "-" + std::to_string(row->rowNumber));
        }
        e.id = std::move(id);
        if (e.isOnMap()) ++report.onMap;
        ds.events.push_back(std::move(e));
        ++report.events;
    }

    // The ids of the events this row's event answers: one per line (as the writers put them), or
    // separated by ';' or '|' (as people type them).
    void readAnswers() {
        const std::string cell = lines(Field::Answers);
        const bool oneLine = cell.find('\n') == std::string::npos;
        std::vector<std::string> ids = oneLine ? splitList(cell, false) : splitLines(cell);
        ids.erase(std::remove(ids.begin(), ids.end(), std::string()), ids.end());
        if (ids.empty()) return;
        std::string whole = oneLine && ids.size() > 1 ? std::string(trimmed(cell)) : std::string();
        pendingAnswers.push_back(
            {static_cast<Index>(ds.events.size()), row->rowNumber, row->line, std::move(ids), std::move(whole)});
    }

    // At the end: answers to ids, each kept once; unknown ids and an event answering itself are said.
    void resolveAnswers() {
        std::unordered_map<std::string_view, Index> byId;
        for (Index i = 0; i < ds.events.size(); ++i) byId.emplace(ds.events[i].id, i);
        const std::string column = columnNameOf(Field::Answers);
        auto say = [&](const PendingAnswers& p, std::string message) {
            if (report.problems.size() >= options.maxProblems) {
                ++report.problemsNotKept;
                return;
            }
            report.problems.push_back({Severity::Warning, p.row, p.line, column, std::move(message)});
        };
        const bool preview = options.maxRows != std::numeric_limits<std::size_t>::max();
        for (PendingAnswers& p : pendingAnswers) {
            Event& e = ds.events[p.event];
            if (!p.whole.empty() && byId.count(p.whole)) p.ids = {p.whole};  // "a;b" is one event's id
            for (const std::string& id : p.ids) {
                const auto it = byId.find(id);
                if (it == byId.end()) {
                    // A preview reads the first rows only: the event may come later.
                    if (!preview)
                        say(p, quote(id) +
                                   " is not the id of any event in the file (expected the ids of the "
                                   "events this one answers); not kept");
                    continue;
                }
                if (it->second == p.event) {
                    say(p, quote(id) + " is this event's own id: an event cannot answer itself; not kept");
                    continue;
                }
                if (std::find(e.answers.begin(), e.answers.end(), it->second) == e.answers.end())
                    e.answers.push_back(it->second);
            }
        }
        pendingAnswers.clear();
    }

    void readWhere(Event& e) {
        const CellGeometry& g = row->geometry;
        const std::string countryText = text(Field::Country);
        const std::string hint = countryText;
        std::optional<geo::LonLat> single, first, last;
        std::vector<geo::LonLat> middle;
        if ((g.kind == CellGeometry::Kind::Line || g.kind == CellGeometry::Kind::MultiPoint) && g.points.size() >= 2) {
            first = g.points.front();
            last = g.points.back();
            middle.assign(g.points.begin() + 1, g.points.end() - 1);
        } else if (!g.points.empty()) {
            if (g.kind == CellGeometry::Kind::Polygon) {  // its centre (the mean of the outer ring)
                double lat = 0, lon = 0;
                for (const geo::LonLat& p : g.points) lat += p.latDeg, lon += p.lonDeg;
                single =
                    geo::LonLat{lon / static_cast<double>(g.points.size()), lat / static_cast<double>(g.points.size())};
            } else {
                single = g.points.front();
            }
        }

        const bool connectionWanted = first || has(Field::From) || has(Field::To) || has(Field::FromLatitude);
        if (connectionWanted) {
            const Index from =
                resolve(Field::From, Field::FromLatitude, Field::FromLongitude, first, hint, countryText);
            const Index to = resolve(Field::To, Field::ToLatitude, Field::ToLongitude, last, hint, countryText);
            if (from != kNoIndex && to != kNoIndex) {
                e.from = from;
                e.to = to;
                // Via: names (one per line) matched with the line's middle points, or names/coordinates alone.
                const std::vector<std::string> names = splitLines(lines(Field::Via));
                const std::size_t n = std::max(names.size(), middle.size());
                for (std::size_t i = 0; i < n; ++i) {
                    NamedPoint np = splitNamedPoint(i < names.size() ? names[i] : "");
                    if (i < middle.size()) np.latDeg = middle[i].latDeg, np.lonDeg = middle[i].lonDeg;
                    Index v = kNoIndex;
                    if (np.latDeg && np.lonDeg)
                        v = place(np.name.empty() ? formatPoint(*np.latDeg, *np.lonDeg) : np.name, *np.latDeg,
                                  *np.lonDeg, "", "");
                    else if (!np.name.empty())
                        v = placeByName(np.name, hint);
                    if (v != kNoIndex) e.via.push_back(v);
                }
                if (!text(Field::Place).empty())
                    warning(Field::Place,
                            "the event has both a place and a connection (from, to): the connection is used");
                return;
            }
            if (from != kNoIndex || to != kNoIndex) {
                const Index found = from != kNoIndex ? from : to;
                const std::string missing = from != kNoIndex ? "to" : "from";
                warning(from != kNoIndex ? Field::To : Field::From, "the connection's \"" + missing +
                                                                        "\" end was not found: the event is shown at " +
                                                                        quote(ds.places[found].name) + " only");
                if (text(Field::Place).empty() && !has(Field::Latitude)) {
                    e.place = found;
                    return;
                }
            }
        }
        Index p = resolve(Field::Place, Field::Latitude, Field::Longitude, single, hint, countryText);
        if (p == kNoIndex && text(Field::Place).empty() && !countryText.empty() && !single) {
            // Only a country: its representative point.
            if (options.gazetteer) {
                if (const auto c = options.gazetteer->findCountry(countryText))
                    p = place(c->name, c->latDeg, c->lonDeg, c->country,
                              "Found by name in the gazetteer: the country's representative point.");
                else
                    review(PlaceReview::Kind::NotFound, countryText, "",
                           quote(countryText) + ": not a country the gazetteer knows; its events stay on the timeline");
            }
        }
        e.place = p;
    }
};

// ===========================================================================
// [SECTION] Finish, tableToDataset, preview
// ===========================================================================

TableImporter::TableImporter(const std::vector<std::string>& columns, const ColumnMapping& mapping,
                             const ImportOptions& options)
    : m_state(std::make_unique<State>()) {
    State& s = *m_state;
    s.columns = columns;
    s.mapping = mapping;
    s.options = options;
    s.report.dateOrder = mapping.dateOrder;
    for (std::size_t c = 0; c < columns.size() && c < mapping.fields.size(); ++c) {
        const Field f = mapping.fields[c];
        if (f != Field::Ignore) s.columnsOf[static_cast<int>(f)].push_back(c);
    }
    // A Date column wins over Year/Month/Day.
    if (s.has(Field::Date))
        for (Field f : {Field::Year, Field::Month, Field::Day}) s.columnsOf[static_cast<int>(f)].clear();
    if (s.has(Field::End))
        for (Field f : {Field::EndYear, Field::EndMonth, Field::EndDay}) s.columnsOf[static_cast<int>(f)].clear();
    s.ds.title = options.datasetTitle;
}

TableImporter::~TableImporter() = default;

void TableImporter::addRow(const TableRow& row) {
    m_state->addRow(row);
}

ImportResult TableImporter::finish() {
    State& s = *m_state;
    ImportResult result;
    s.row = nullptr;
    Dataset& ds = s.ds;
    const std::string base = std::filesystem::path(s.options.fileName).filename().string();
    if (ds.title.empty()) ds.title = fileStem(s.options.fileName);
    if (ds.title.empty()) ds.title = "Imported events";
    if (ds.description.empty()) ds.description = "Imported from " + base + ".";
    ImportReport& r = s.report;
    if (!s.has(Field::Confidence) && r.events > 0)
        r.notes.push_back("no confidence column: the " + plural(r.events, "event is", "events are") +
                          " unrated (the file gives no confidence)");
    if (s.fileSource != kNoIndex) {
        std::size_t citing = 0;
        for (const Event& e : ds.events)
            for (const SourceRef& ref : e.sources) citing += ref.source == s.fileSource;
        r.notes.push_back(plural(citing, "event cites", "events cite") + " the file itself (" + base +
                          "): it names no source for them");
    }
    if (r.dateOrderNeeded)
        r.notes.push_back("some dates can be read day-first or month-first: choose the order, then import again");
    std::size_t notFound = 0;
    for (const PlaceReview& p : r.placeReviews) notFound += p.kind == PlaceReview::Kind::NotFound ? p.rowCount : 0;
    if (notFound)
        r.notes.push_back(plural(notFound, "row names a place", "rows name places") +
                          " that could not be found: listed below; their events stay on the timeline");
    s.resolveAnswers();
    ds.finalize();
    result.dataset = std::move(ds);
    result.report = std::move(r);
    return result;
}

ImportResult tableToDataset(const Table& table, const ColumnMapping& mapping, const ImportOptions& options) {
    ColumnMapping m = mapping;
    if (m.dateOrder == DayMonthOrder::Unknown) {
        // The whole column decides (a first field over 12 anywhere means day-first).
        DayMonthOrderGuess guess;
        for (const TableRow& row : table.rows)
            for (std::size_t c = 0; c < row.cells.size() && c < m.fields.size(); ++c) {
                const Field f = m.fields[c];
                if (fieldHoldsDates(f) && row.cells[c].kind == Cell::Kind::Text)
                    guess.observe(row.cells[c].text, row.rowNumber);
            }
        m.dateOrder = guess.order();
    }
    ImportOptions o = options;
    if (o.fileName.empty()) o.fileName = table.fileName;
    TableImporter importer(table.columns, m, o);
    const std::size_t n = std::min(table.rows.size(), options.maxRows);
    for (std::size_t i = 0; i < n; ++i) {
        if ((i & 4095) == 0) {
            if (options.progress.cancelled()) {
                ImportResult cancelled;
                cancelled.report.cancelled = true;
                cancelled.report.rows = i;
                return cancelled;
            }
            options.progress.at(static_cast<double>(i) / static_cast<double>(n));
        }
        importer.addRow(table.rows[i]);
    }
    options.progress.at(1.0);
    return importer.finish();
}

ImportResult previewImport(const Table& table, const ColumnMapping& mapping, ImportOptions options, std::size_t rows) {
    options.maxRows = rows;
    options.progress = {};
    return tableToDataset(table, mapping, options);
}

}  // namespace meridian::io

// Column mapping. Index:
//   [SECTION] Fields: ids and labels
//   [SECTION] Guessing by header name
//   [SECTION] Guessing by content
//   [SECTION] Problems
//   [SECTION] Mapping files
#include "io/import/column_mapping.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "core/dataset.h"
#include "io/import/json_text.h"
#include "io/import/number_text.h"
#include "io/json_object_reader.h"
#include "io/text_file.h"

namespace meridian::io {

// ===========================================================================
// [SECTION] Fields: ids and labels
// ===========================================================================

namespace {

struct FieldInfo {
    const char* id;
    const char* label;
};

constexpr std::array<FieldInfo, kFieldCount> kFields{{
    {"ignore", "(ignore)"},
    {"id", "ID"},
    {"date", "Date"},
    {"year", "Year"},
    {"month", "Month"},
    {"day", "Day"},
    {"time", "Time"},
    {"end", "End"},
    {"end-year", "End Year"},
    {"end-month", "End Month"},
    {"end-day", "End Day"},
    {"end-time", "End Time"},
    {"display-date", "Display Date"},
    {"approx", "Approx"},
    {"earliest", "Earliest"},
    {"latest", "Latest"},
    {"claimed", "Claimed"},
    {"title", "Title"},
    {"summary", "Summary"},
    {"note", "Evidence Note"},
    {"category", "Category"},
    {"confidence", "Confidence"},
    {"place", "Place"},
    {"latitude", "Latitude"},
    {"longitude", "Longitude"},
    {"country", "Country"},
    {"from", "From"},
    {"from-latitude", "From Latitude"},
    {"from-longitude", "From Longitude"},
    {"to", "To"},
    {"to-latitude", "To Latitude"},
    {"to-longitude", "To Longitude"},
    {"via", "Via"},
    {"actors", "Actors"},
    {"tags", "Tags"},
    {"answers", "Answers"},
    {"source", "Source"},
    {"source-publisher", "Source Publisher"},
    {"source-title", "Source Title"},
    {"source-author", "Source Author"},
    {"source-via", "Source Via"},
    {"source-date", "Source Date"},
    {"source-url", "Source URL"},
    {"source-kind", "Source Kind"},
    {"source-note", "Source Note"},
    {"source-passage", "Source Passage"},
    {"media", "Media"},
    {"media-caption", "Media Caption"},
    {"media-credit", "Media Credit"},
    {"media-thumbnail", "Media Thumbnail"},
    {"row-type", "Type"},
    {"background", "Background"},
}};

}  // namespace

const char* fieldId(Field f) {
    const int i = static_cast<int>(f);
    return i >= 0 && i < kFieldCount ? kFields[i].id : "?";
}

const char* fieldLabel(Field f) {
    const int i = static_cast<int>(f);
    return i >= 0 && i < kFieldCount ? kFields[i].label : "?";
}

std::optional<Field> parseFieldId(std::string_view id) {
    for (int i = 0; i < kFieldCount; ++i)
        if (id == kFields[i].id) return static_cast<Field>(i);
    return std::nullopt;
}

bool fieldHoldsDates(Field f) {
    return f == Field::Date || f == Field::End || f == Field::Earliest || f == Field::Latest || f == Field::Claimed;
}

bool fieldAllowsSeveralColumns(Field f) {
    return f == Field::Ignore || f == Field::Actors || f == Field::Tags || f == Field::Via ||
           f == Field::SourceCitation || f == Field::Summary || f == Field::Note;
}

const char* textMarkupId(TextMarkup m) {
    switch (m) {
        case TextMarkup::Auto:
            return "auto";
        case TextMarkup::Html:
            return "html";
        case TextMarkup::Plain:
            return "plain";
    }
    return "?";
}

int ColumnMapping::columnOf(Field f) const {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i] == f) return static_cast<int>(i);
    return -1;
}

// ===========================================================================
// [SECTION] Guessing by header name
// ===========================================================================

namespace {

// "Start_Date " -> "start date"; "Latitude (deg)" -> "latitude deg".
std::string normalizeHeader(std::string_view name) {
    std::string out;
    bool space = false;
    for (char c : name) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
        if (!word) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

struct Synonym {
    const char* name;  // normalised
    Field field;
};

// Exact names (normalised). The first column that matches a field takes it.
constexpr Synonym kSynonyms[] = {
    {"id", Field::Id},
    {"unique id", Field::Id},
    {"uid", Field::Id},
    {"event id", Field::Id},
    {"identifier", Field::Id},
    {"date", Field::Date},
    {"start", Field::Date},
    {"start date", Field::Date},
    {"startdate", Field::Date},
    {"begin", Field::Date},
    {"begin date", Field::Date},
    {"when", Field::Date},
    {"datetime", Field::Date},
    {"date time", Field::Date},
    {"timestamp", Field::Date},
    {"event date", Field::Date},
    {"date start", Field::Date},
    {"date of event", Field::Date},
    {"year", Field::Year},
    {"start year", Field::Year},
    {"month", Field::Month},
    {"start month", Field::Month},
    {"day", Field::Day},
    {"start day", Field::Day},
    {"time", Field::Time},
    {"start time", Field::Time},
    {"end", Field::End},
    {"end date", Field::End},
    {"enddate", Field::End},
    {"date end", Field::End},
    {"until", Field::End},
    {"finish", Field::End},
    {"end year", Field::EndYear},
    {"end month", Field::EndMonth},
    {"end day", Field::EndDay},
    {"end time", Field::EndTime},
    {"display date", Field::DisplayDate},
    {"approx", Field::Approx},
    {"approximate", Field::Approx},
    {"circa", Field::Approx},
    {"earliest", Field::Earliest},
    {"not before", Field::Earliest},
    {"latest", Field::Latest},
    {"not after", Field::Latest},
    {"claimed", Field::Claimed},
    {"claimed on", Field::Claimed},
    {"date claimed", Field::Claimed},
    {"claim date", Field::Claimed},
    {"title", Field::Title},
    {"headline", Field::Title},
    {"event", Field::Title},
    {"name", Field::Title},
    {"event name", Field::Title},
    {"label", Field::Title},
    {"subject", Field::Title},
    {"heading", Field::Title},
    {"summary", Field::Summary},
    {"description", Field::Summary},
    {"desc", Field::Summary},
    {"text", Field::Summary},
    {"notes", Field::Summary},
    {"note", Field::Summary},
    {"details", Field::Summary},
    {"body", Field::Summary},
    {"content", Field::Summary},
    {"comment", Field::Summary},
    {"comments", Field::Summary},
    {"evidence note", Field::Note},
    {"about the evidence", Field::Note},
    {"evidence", Field::Note},
    {"category", Field::Category},
    {"categories", Field::Category},
    {"type", Field::Category},
    {"event type", Field::Category},
    {"group", Field::Category},
    {"kind", Field::Category},
    {"theme", Field::Category},
    {"confidence", Field::Confidence},
    {"confidence level", Field::Confidence},
    {"certainty", Field::Confidence},
    {"reliability", Field::Confidence},
    {"credibility", Field::Confidence},
    {"place", Field::Place},
    {"place name", Field::Place},
    {"location", Field::Place},
    {"location name", Field::Place},
    {"city", Field::Place},
    {"site", Field::Place},
    {"locality", Field::Place},
    {"venue", Field::Place},
    {"town", Field::Place},
    {"where", Field::Place},
    {"address", Field::Place},
    {"lat", Field::Latitude},
    {"latitude", Field::Latitude},
    {"y", Field::Latitude},
    {"lat dd", Field::Latitude},
    {"latitude deg", Field::Latitude},
    {"lon", Field::Longitude},
    {"lng", Field::Longitude},
    {"long", Field::Longitude},
    {"longitude", Field::Longitude},
    {"x", Field::Longitude},
    {"lon dd", Field::Longitude},
    {"longitude deg", Field::Longitude},
    {"country", Field::Country},
    {"country code", Field::Country},
    {"country name", Field::Country},
    {"iso3", Field::Country},
    {"nation", Field::Country},
    {"from", Field::From},
    {"origin", Field::From},
    {"from place", Field::From},
    {"departure", Field::From},
    {"to", Field::To},
    {"destination", Field::To},
    {"dest", Field::To},
    {"to place", Field::To},
    {"arrival", Field::To},
    {"from latitude", Field::FromLatitude},
    {"from lat", Field::FromLatitude},
    {"origin lat", Field::FromLatitude},
    {"origin latitude", Field::FromLatitude},
    {"from longitude", Field::FromLongitude},
    {"from lon", Field::FromLongitude},
    {"from lng", Field::FromLongitude},
    {"origin lon", Field::FromLongitude},
    {"origin longitude", Field::FromLongitude},
    {"to latitude", Field::ToLatitude},
    {"to lat", Field::ToLatitude},
    {"destination lat", Field::ToLatitude},
    {"destination latitude", Field::ToLatitude},
    {"to longitude", Field::ToLongitude},
    {"to lon", Field::ToLongitude},
    {"to lng", Field::ToLongitude},
    {"destination lon", Field::ToLongitude},
    {"destination longitude", Field::ToLongitude},
    {"via", Field::Via},
    {"route", Field::Via},
    {"stops", Field::Via},
    {"waypoints", Field::Via},
    {"actor", Field::Actors},
    {"actors", Field::Actors},
    {"actor1", Field::Actors},
    {"actor2", Field::Actors},
    {"actor 1", Field::Actors},
    {"actor 2", Field::Actors},
    {"participants", Field::Actors},
    {"parties", Field::Actors},
    {"who", Field::Actors},
    {"organisations", Field::Actors},
    {"organizations", Field::Actors},
    {"tags", Field::Tags},
    {"tag", Field::Tags},
    {"keywords", Field::Tags},
    {"keyword", Field::Tags},
    {"answers", Field::Answers},
    {"responds to", Field::Answers},
    {"in response to", Field::Answers},
    {"replies to", Field::Answers},
    {"source", Field::SourceCitation},
    {"sources", Field::SourceCitation},
    {"citation", Field::SourceCitation},
    {"citations", Field::SourceCitation},
    {"reference", Field::SourceCitation},
    {"references", Field::SourceCitation},
    {"source publisher", Field::SourcePublisher},
    {"publisher", Field::SourcePublisher},
    {"source title", Field::SourceTitle},
    {"source author", Field::SourceAuthor},
    {"author", Field::SourceAuthor},
    {"source via", Field::SourceVia},
    {"citing", Field::SourceVia},
    {"source citing", Field::SourceVia},
    {"source date", Field::SourceDate},
    {"publication date", Field::SourceDate},
    {"url", Field::SourceUrl},
    {"link", Field::SourceUrl},
    {"links", Field::SourceUrl},
    {"source url", Field::SourceUrl},
    {"source link", Field::SourceUrl},
    {"source kind", Field::SourceKind},
    {"source type", Field::SourceKind},
    {"source note", Field::SourceNote},
    {"source passage", Field::SourcePassage},
    {"passage", Field::SourcePassage},
    {"page", Field::SourcePassage},
    {"media", Field::Media},
    {"image", Field::Media},
    {"picture", Field::Media},
    {"photo", Field::Media},
    {"media url", Field::Media},
    {"media caption", Field::MediaCaption},
    {"caption", Field::MediaCaption},
    {"media credit", Field::MediaCredit},
    {"credit", Field::MediaCredit},
    {"media thumbnail", Field::MediaThumbnail},
    {"thumbnail", Field::MediaThumbnail},
    {"background", Field::Background},
};

std::optional<Field> fieldByName(std::string_view header) {
    const std::string n = normalizeHeader(header);
    for (const Synonym& s : kSynonyms)
        if (n == s.name) return s.field;
    // Words: "Event Start Date", "Latitude of site", "End date (approx.)".
    std::vector<std::string> words;
    for (std::size_t i = 0; i < n.size();) {
        const std::size_t sp = n.find(' ', i);
        words.push_back(n.substr(i, sp == std::string::npos ? std::string::npos : sp - i));
        i = sp == std::string::npos ? n.size() : sp + 1;
    }
    auto has = [&](std::string_view w) { return std::find(words.begin(), words.end(), w) != words.end(); };
    const bool from = has("from") || has("origin"), to = has("to") || has("destination");
    if (has("lat") || has("latitude")) return from ? Field::FromLatitude : to ? Field::ToLatitude : Field::Latitude;
    if (has("lon") || has("lng") || has("longitude"))
        return from ? Field::FromLongitude : to ? Field::ToLongitude : Field::Longitude;
    const bool end = has("end") || has("until");
    if (has("date")) return end ? Field::End : Field::Date;
    if (has("year")) return end ? Field::EndYear : Field::Year;
    if (has("confidence") || has("certainty")) return Field::Confidence;
    if (has("country")) return Field::Country;
    if (has("url")) return Field::SourceUrl;
    return std::nullopt;
}

// TimelineJS's template: its header names, Type holding "title"/"era".
bool isTimelineJsSheet(const std::vector<std::string>& columns) {
    int hits = 0;
    for (const std::string& c : columns) {
        const std::string n = normalizeHeader(c);
        for (const char* name : {"year", "month", "day", "end year", "headline", "media credit", "media caption",
                                 "media thumbnail", "display date", "group", "type", "background"})
            hits += n == name;
    }
    return hits >= 6;
}

// ===========================================================================
// [SECTION] Guessing by content
// ===========================================================================

struct ColumnStats {
    std::size_t nonEmpty = 0, dates = 0, numbers = 0, integers = 0, latRange = 0, lonRange = 0;
    std::size_t confidenceLevels = 0, rowTypes = 0;
    bool withSeparators = false;  // a date written with a separator or a month name, not just digits
};

ColumnStats statsOf(const Table& table, std::size_t column, std::size_t maxRows) {
    ColumnStats s;
    std::size_t seen = 0;
    for (const TableRow& row : table.rows) {
        if (seen >= maxRows) break;
        if (column >= row.cells.size() || row.cells[column].empty()) continue;
        ++seen;
        const Cell& cell = row.cells[column];
        ++s.nonEmpty;
        if (cell.kind == Cell::Kind::Date || cell.kind == Cell::Kind::DateTime) {
            ++s.dates;
            s.withSeparators = true;
            continue;
        }
        std::optional<double> number;
        if (cell.kind == Cell::Kind::Number)
            number = cell.number;
        else if (cell.kind == Cell::Kind::Text)
            number = parseDecimal(cell.text);
        if (number) {
            ++s.numbers;
            if (std::floor(*number) == *number) ++s.integers;
            if (std::fabs(*number) <= 90) ++s.latRange;
            if (std::fabs(*number) <= 180) ++s.lonRange;
        }
        if (cell.kind == Cell::Kind::Text) {
            const LooseDateResult d = parseLooseDate(cell.text);
            if (d.value || d.needsOrder) {
                ++s.dates;
                if (cell.text.find_first_of("-/. ") != std::string::npos) s.withSeparators = true;
            }
            std::string lower = cell.text;
            for (char& c : lower) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
            if (parseConfidence(lower)) ++s.confidenceLevels;
            if (lower == "title" || lower == "era") ++s.rowTypes;
        }
    }
    return s;
}

}  // namespace

MappingGuess guessMapping(const Table& table) {
    MappingGuess guess;
    const std::size_t n = table.columns.size();
    ColumnMapping& m = guess.mapping;
    m.fields.assign(n, Field::Ignore);
    m.columnNames = table.columns;
    guess.reasons.assign(n, {});
    guess.timelineJsSheet = isTimelineJsSheet(table.columns);
    if (guess.timelineJsSheet) m.markup = TextMarkup::Html;

    std::vector<ColumnStats> stats(n);
    // Up to 2,000 values a column, fewer when there are very many columns (a 10,000-column
    // file must not cost 20 million date parses).
    const std::size_t valuesPerColumn = std::clamp<std::size_t>(200'000 / std::max<std::size_t>(n, 1), 20, 2000);
    for (std::size_t c = 0; c < n; ++c) stats[c] = statsOf(table, c, valuesPerColumn);

    auto taken = [&](Field f) { return m.columnOf(f) >= 0; };
    // 1. By name.
    for (std::size_t c = 0; c < n; ++c) {
        const auto byName = fieldByName(table.columns[c]);
        if (!byName) continue;
        Field f = *byName;
        const std::string norm = normalizeHeader(table.columns[c]);
        // TimelineJS: "Type" is a row's kind (title, era), "Group" the category.
        // (An empty "Type" column is one too: Meridian's CSV has it for its era and title rows.)
        if (norm == "type" && (guess.timelineJsSheet || stats[c].rowTypes == stats[c].nonEmpty)) f = Field::RowType;
        // "x" / "y" are coordinates only when they hold numbers in range.
        const bool coordinate = f == Field::Latitude || f == Field::Longitude || f == Field::FromLatitude ||
                                f == Field::FromLongitude || f == Field::ToLatitude || f == Field::ToLongitude;
        if (coordinate && stats[c].nonEmpty > 0) {
            const bool lat = f == Field::Latitude || f == Field::FromLatitude || f == Field::ToLatitude;
            const std::size_t inRange = lat ? stats[c].latRange : stats[c].lonRange;
            if (inRange * 10 < stats[c].nonEmpty * 9 && (norm == "x" || norm == "y")) continue;
        }
        if (taken(f) && !fieldAllowsSeveralColumns(f)) {
            guess.reasons[c] = std::string("also looks like ") + fieldLabel(f) + " (the first such column is used)";
            continue;
        }
        m.fields[c] = f;
        guess.reasons[c] = "by name";
    }
    // TimelineJS's sheet: "Group" is the category even when "Type" came first.
    if (guess.timelineJsSheet) {
        for (std::size_t c = 0; c < n; ++c)
            if (normalizeHeader(table.columns[c]) == "group")
                m.fields[c] = Field::Category, guess.reasons[c] = "by name";
    }

    // A "time" or "timestamp" column of whole date-times (GPX, loggers) is the date.
    if (!taken(Field::Date) && !taken(Field::Year)) {
        for (std::size_t c = 0; c < n; ++c) {
            const ColumnStats& s = stats[c];
            if (m.fields[c] == Field::Time && s.nonEmpty > 0 && s.dates == s.nonEmpty && s.withSeparators) {
                m.fields[c] = Field::Date;
                guess.reasons[c] = "by name and content: " + std::to_string(s.dates) + " of " +
                                   std::to_string(s.nonEmpty) + " values are dates";
                break;
            }
        }
    }

    // 2. By content, for columns the names left unmapped.
    auto describe = [](std::size_t k, std::size_t of, const char* what) {
        return "by content: " + std::to_string(k) + " of " + std::to_string(of) + " values are " + what;
    };
    const bool haveDate = taken(Field::Date) || taken(Field::Year);
    if (!haveDate) {
        for (std::size_t c = 0; c < n; ++c) {
            const ColumnStats& s = stats[c];
            if (m.fields[c] != Field::Ignore || s.nonEmpty == 0) continue;
            const bool plainYears = s.integers == s.nonEmpty && s.numbers == s.nonEmpty;
            if (s.dates * 10 >= s.nonEmpty * 9 && (s.withSeparators || plainYears) && s.dates > 0) {
                if (plainYears) {
                    // Integers are years only when they look like years.
                    bool years = true;
                    for (const TableRow& row : table.rows) {
                        if (c >= row.cells.size() || row.cells[c].empty()) continue;
                        const auto v = row.cells[c].kind == Cell::Kind::Number ? std::optional(row.cells[c].number)
                                                                               : parseDecimal(row.cells[c].text);
                        if (!v || *v < 1000 || *v > 2200) {
                            years = false;
                            break;
                        }
                    }
                    if (!years) continue;
                }
                m.fields[c] = Field::Date;
                guess.reasons[c] = describe(s.dates, s.nonEmpty, "dates");
                break;
            }
        }
    }
    if (!taken(Field::Latitude) && !taken(Field::Longitude) && !table.hasGeometry) {
        // The first free column of latitudes followed (or preceded) by one of longitudes.
        auto numeric = [&](std::size_t c) {
            return m.fields[c] == Field::Ignore && stats[c].nonEmpty > 0 && stats[c].numbers == stats[c].nonEmpty &&
                   stats[c].integers < stats[c].nonEmpty;
        };
        for (std::size_t c = 0; c + 1 < n; ++c) {
            if (!numeric(c) || !numeric(c + 1)) continue;
            std::size_t lat = c, lon = c + 1;
            if (stats[lat].latRange != stats[lat].nonEmpty) std::swap(lat, lon);  // lon, lat order
            if (stats[lat].latRange == stats[lat].nonEmpty && stats[lon].lonRange == stats[lon].nonEmpty) {
                m.fields[lat] = Field::Latitude;
                m.fields[lon] = Field::Longitude;
                guess.reasons[lat] = describe(stats[lat].latRange, stats[lat].nonEmpty, "numbers within [-90, 90]");
                guess.reasons[lon] = describe(stats[lon].lonRange, stats[lon].nonEmpty, "numbers within [-180, 180]");
                break;
            }
        }
    }
    if (!taken(Field::Confidence)) {
        for (std::size_t c = 0; c < n; ++c) {
            const ColumnStats& s = stats[c];
            if (m.fields[c] == Field::Ignore && s.nonEmpty > 0 && s.confidenceLevels == s.nonEmpty) {
                m.fields[c] = Field::Confidence;
                guess.reasons[c] = describe(s.confidenceLevels, s.nonEmpty, "confidence levels");
                break;
            }
        }
    }

    // 3. The day/month order, from every row of the date columns.
    for (const TableRow& row : table.rows) {
        for (std::size_t c = 0; c < n && c < row.cells.size(); ++c) {
            const Field f = m.fields[c];
            if (fieldHoldsDates(f) && row.cells[c].kind == Cell::Kind::Text)
                guess.dateOrder.observe(row.cells[c].text, row.rowNumber);
        }
    }
    m.dateOrder = guess.dateOrder.order();
    if (guess.dateOrder.ambiguous())
        guess.notes.push_back("the day/month order of the dates is ambiguous: " + guess.dateOrder.explanation());
    else if (guess.dateOrder.conflicting())
        guess.notes.push_back("the dates disagree on the day/month order: " + guess.dateOrder.explanation());
    for (std::string& p : mappingProblems(m)) guess.notes.push_back(std::move(p));
    return guess;
}

// ===========================================================================
// [SECTION] Problems
// ===========================================================================

std::vector<std::string> mappingProblems(const ColumnMapping& m) {
    std::vector<std::string> out;
    auto has = [&](Field f) { return m.columnOf(f) >= 0; };
    auto name = [&](std::size_t c) {
        const std::string& n = c < m.columnNames.size() ? m.columnNames[c] : std::string();
        return n.empty() ? "column " + std::to_string(c + 1) : "\"" + n + "\"";
    };
    for (int f = 1; f < kFieldCount; ++f) {
        const Field field = static_cast<Field>(f);
        if (fieldAllowsSeveralColumns(field)) continue;
        std::vector<std::size_t> cols;
        for (std::size_t c = 0; c < m.fields.size(); ++c)
            if (m.fields[c] == field) cols.push_back(c);
        if (cols.size() > 1)
            out.push_back(std::to_string(cols.size()) + " columns are mapped to " + fieldLabel(field) + ": " +
                          name(cols[0]) + " and " + name(cols[1]) + " (keep one)");
    }
    if (!has(Field::Date) && !has(Field::Year))
        out.push_back("no column is mapped to a date (Date, or Year with Month and Day): every row will be skipped");
    if (has(Field::Date) && has(Field::Year)) out.push_back("both Date and Year are mapped: Date is used");
    if ((has(Field::Month) || has(Field::Day)) && !has(Field::Year))
        out.push_back("Month or Day is mapped without Year");
    auto pair = [&](Field a, Field b) {
        if (has(a) != has(b))
            out.push_back(std::string(fieldLabel(has(a) ? a : b)) + " is mapped without " + fieldLabel(has(a) ? b : a));
    };
    pair(Field::Latitude, Field::Longitude);
    pair(Field::FromLatitude, Field::FromLongitude);
    pair(Field::ToLatitude, Field::ToLongitude);
    if (has(Field::From) != has(Field::To) && !has(Field::FromLatitude) && !has(Field::ToLatitude))
        out.push_back(std::string(has(Field::From) ? "From" : "To") + " is mapped without " +
                      (has(Field::From) ? "To" : "From") + " (a connection has two ends)");
    return out;
}

// ===========================================================================
// [SECTION] Mapping files
// ===========================================================================

std::filesystem::path mappingPathFor(const std::filesystem::path& dataFile) {
    std::filesystem::path p = dataFile;
    p += ".meridian-mapping.json";
    return p;
}

std::string mappingToJson(const ColumnMapping& m) {
    std::string out = "{\n  \"meridianMapping\": 1,\n  \"columns\": [";
    for (std::size_t c = 0; c < m.fields.size(); ++c) {
        out += c ? ",\n    " : "\n    ";
        out += "{\"name\": " + jsonString(c < m.columnNames.size() ? m.columnNames[c] : std::string()) +
               ", \"field\": " + jsonString(fieldId(m.fields[c])) + "}";
    }
    out += m.fields.empty() ? "],\n" : "\n  ],\n";
    out += "  \"dateOrder\": " + jsonString(dayMonthOrderId(m.dateOrder)) + ",\n";
    out += "  \"markup\": " + jsonString(textMarkupId(m.markup)) + ",\n";
    out += "  \"encoding\": " + jsonString(encodingChoiceId(m.encoding)) + ",\n";
    const std::string delimiter = m.delimiter == 0 ? "auto" : std::string(1, m.delimiter);
    out += "  \"delimiter\": " + jsonString(delimiter) + ",\n";
    out += "  \"sheet\": " + jsonString(m.sheet) + "\n}\n";
    return out;
}

MappingLoadResult parseMapping(std::string_view text, const std::string& fileName) {
    MappingLoadResult result;
    JsonError jsonError;
    const auto doc = JsonDocument::parse(text, &jsonError);
    if (!doc) {
        result.diagnostics.push_back(
            {Severity::Error, fileName, jsonError.pos.line, jsonError.pos.column, "", jsonError.message});
        return result;
    }
    JsonContext ctx;
    ctx.fileName = fileName;
    const JsonValue root = doc->root();
    if (!root.isObject()) {
        ctx.error(root, "", std::string("expected a JSON object, found ") + jsonTypeName(root.type()));
        result.diagnostics = std::move(ctx.diagnostics);
        return result;
    }
    ObjectReader top(ctx, root, "",
                     {"meridianMapping", "columns", "dateOrder", "markup", "encoding", "delimiter", "sheet"});
    ColumnMapping m;
    if (const auto v = top.typed("meridianMapping", JsonType::Number, true, "the mapping format version (1)");
        v && v->number() != 1)
        ctx.error(*v, "meridianMapping", "unsupported mapping version (this Meridian reads version 1)");
    if (const auto cols = top.typed("columns", JsonType::Array, true, "an array of {\"name\", \"field\"}")) {
        for (std::uint32_t i = 0; i < cols->size(); ++i) {
            const JsonValue col = cols->at(i);
            const std::string path = item("columns", i);
            if (!col.isObject()) {
                ctx.error(col, path, std::string("expected an object, found ") + jsonTypeName(col.type()));
                continue;
            }
            ObjectReader r(ctx, col, path, {"name", "field"});
            const auto name = r.string("name", true);
            const auto field = r.typed("field", JsonType::String, true, "a field id such as \"date\" or \"latitude\"");
            std::optional<Field> f;
            if (field) {
                f = parseFieldId(field->string());
                if (!f) {
                    std::string ids;
                    for (int k = 0; k < kFieldCount; ++k) ids += (k ? ", " : "") + std::string(kFields[k].id);
                    ctx.error(*field, r.pathOf("field"),
                              quote(field->string()) + " is not a field (expected one of: " + ids + ")");
                }
            }
            m.columnNames.push_back(name.value_or(""));
            m.fields.push_back(f.value_or(Field::Ignore));
        }
    }
    if (const auto v = top.typed("dateOrder", JsonType::String, false, "\"auto\", \"day-first\" or \"month-first\"")) {
        if (const auto o = parseDayMonthOrder(v->string()))
            m.dateOrder = *o;
        else
            ctx.error(*v, "dateOrder",
                      quote(v->string()) + " is not a date order (expected auto, day-first or month-first)");
    }
    if (const auto v = top.typed("markup", JsonType::String, false, "\"auto\", \"html\" or \"plain\"")) {
        if (v->string() == "auto")
            m.markup = TextMarkup::Auto;
        else if (v->string() == "html")
            m.markup = TextMarkup::Html;
        else if (v->string() == "plain")
            m.markup = TextMarkup::Plain;
        else
            ctx.error(*v, "markup", quote(v->string()) + " is not a markup (expected auto, html or plain)");
    }
    if (const auto v = top.typed("encoding", JsonType::String, false, "an encoding such as \"utf-8\"")) {
        if (const auto e = parseEncodingChoice(v->string()))
            m.encoding = *e;
        else
            ctx.error(*v, "encoding",
                      quote(v->string()) + " is not an encoding (expected auto, utf-8 or windows-1252)");
    }
    if (const auto v = top.typed("delimiter", JsonType::String, false, "\"auto\", \",\", \";\" or a tab")) {
        const std::string_view d = v->string();
        if (d == "auto")
            m.delimiter = 0;
        else if (d == "," || d == ";" || d == "\t" || d == "|")
            m.delimiter = d[0];
        else
            ctx.error(*v, "delimiter", quote(d) + " is not a delimiter (expected auto, \",\", \";\", \"|\" or a tab)");
    }
    m.sheet = top.optionalString("sheet");
    result.diagnostics = std::move(ctx.diagnostics);
    if (ctx.errorCount == 0) result.mapping = std::move(m);
    return result;
}

MappingLoadResult loadMapping(const std::filesystem::path& path) {
    std::string error;
    const auto text = readWholeFile(path, &error, std::size_t{16} << 20);
    if (!text) {
        MappingLoadResult result;
        result.diagnostics.push_back({Severity::Error, path.string(), 0, 0, "", "cannot read the mapping: " + error});
        return result;
    }
    return parseMapping(*text, path.string());
}

bool saveMapping(const std::filesystem::path& path, const ColumnMapping& mapping, std::string* error) {
    return writeFileAtomically(path, mappingToJson(mapping), error);
}

ColumnMapping applySavedMapping(const ColumnMapping& saved, const MappingGuess& guess,
                                std::vector<std::string>* missing) {
    ColumnMapping m = guess.mapping;
    m.dateOrder = saved.dateOrder != DayMonthOrder::Unknown ? saved.dateOrder : guess.mapping.dateOrder;
    m.markup = saved.markup;
    m.encoding = saved.encoding;
    m.delimiter = saved.delimiter;
    m.sheet = saved.sheet;
    // The n-th saved entry of a name goes to the n-th column of that name.
    std::map<std::string, std::vector<Field>> byName;
    for (std::size_t i = 0; i < saved.fields.size() && i < saved.columnNames.size(); ++i)
        byName[saved.columnNames[i]].push_back(saved.fields[i]);
    std::map<std::string, std::size_t> used;
    for (std::size_t c = 0; c < m.columnNames.size(); ++c) {
        const auto it = byName.find(m.columnNames[c]);
        if (it == byName.end()) continue;
        std::size_t& k = used[m.columnNames[c]];
        if (k < it->second.size()) m.fields[c] = it->second[k];
        ++k;
    }
    if (missing) {
        for (const auto& [name, fields] : byName) {
            const std::size_t have = used.count(name) ? used[name] : 0;
            for (std::size_t k = have; k < fields.size(); ++k)
                if (fields[k] != Field::Ignore)
                    missing->push_back("the saved mapping's column \"" + name + "\" (" + fieldLabel(fields[k]) +
                                       ") is not in the file");
        }
    }
    return m;
}

}  // namespace meridian::io

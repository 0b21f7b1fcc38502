// Which column of a foreign table holds what (a date, a place, a source...):
// the mapping every importer shares, guessed from the header names and the
// contents, changed by the user in the import dialog, and saved beside the data
// file (FILE.meridian-mapping.json) so the next open is one click.
//
// The mapping is a value: fields per column position, plus the reading
// choices that go with it (day/month order, text encoding, delimiter, sheet).
// Turning a table into events with it is io/import/table_import.h.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/diagnostic.h"
#include "io/import/loose_date.h"
#include "io/import/table.h"
#include "io/import/text_encoding.h"

namespace meridian::io {

// What a column holds. The ids are the names in mapping files; the labels the
// names in the dialog and the headers the CSV writer uses.
enum class Field : std::uint8_t {
    Ignore,
    Id,
    Date,  // one cell: "2006-07-05", "5 July 2006", "c. 1987", a spreadsheet date...
    Year,
    Month,
    Day,
    Time,
    End,
    EndYear,
    EndMonth,
    EndDay,
    EndTime,
    DisplayDate,  // TimelineJS: the date as shown ("Spring 1943"); kept in the event's note
    Approx,       // a yes/no column: the date is approximate
    Earliest,
    Latest,
    Claimed,  // when the claim was made, where that differs from the date (Event::claimed)
    Title,
    Summary,
    Note,  // "about the evidence"
    Category,
    Confidence,
    Place,
    Latitude,
    Longitude,
    Country,
    From,
    FromLatitude,
    FromLongitude,
    To,
    ToLatitude,
    ToLongitude,
    Via,
    Actors,
    Tags,
    Answers,         // ids of the events this one answers (one per line, or separated by ';')
    SourceCitation,  // a free-text citation ("BBC News, 3 May 2006") or an address
    SourcePublisher,
    SourceTitle,
    SourceAuthor,
    SourceVia,  // whom the source relies on ("Kyodo News": "Reuters, citing Kyodo News")
    SourceDate,
    SourceUrl,
    SourceKind,
    SourceNote,
    SourcePassage,  // page, paragraph or quote of the source for this event
    Media,
    MediaCaption,
    MediaCredit,
    MediaThumbnail,  // TimelineJS; not kept (a remote preview image)
    RowType,         // TimelineJS: "title", "era", or an event
    Background,      // TimelineJS: a slide's background colour or image; not kept
    Count
};
inline constexpr int kFieldCount = static_cast<int>(Field::Count);
const char* fieldId(Field f);     // "ignore", "date", "end-year", "source-url", ...
const char* fieldLabel(Field f);  // "(ignore)", "Date", "End Year", "Source URL", ...
std::optional<Field> parseFieldId(std::string_view id);
// Fields several columns may share (their values are joined): actors, tags,
// via, sources' citations, summary and note.
bool fieldAllowsSeveralColumns(Field f);
// Fields whose cells are whole dates (Date, End, Earliest, Latest, Claimed): the
// columns whose numeric dates decide the day/month order.
bool fieldHoldsDates(Field f);

// How text cells are read: HTML to text, or as written.
enum class TextMarkup : std::uint8_t { Auto, Html, Plain };  // Auto: a cell that looksLikeHtml() is HTML
const char* textMarkupId(TextMarkup m);                      // "auto", "html", "plain"

struct ColumnMapping {
    std::vector<Field> fields;                         // by column position
    std::vector<std::string> columnNames;              // the header the fields belong to
    DayMonthOrder dateOrder = DayMonthOrder::Unknown;  // Unknown: as the data says (DayMonthOrderGuess)
    TextMarkup markup = TextMarkup::Auto;
    // Reading choices remembered with the mapping.
    EncodingChoice encoding = EncodingChoice::Auto;
    char delimiter = 0;  // 0: detected
    std::string sheet;   // workbooks: the sheet or layer; empty: the first

    Field fieldOf(std::size_t column) const { return column < fields.size() ? fields[column] : Field::Ignore; }
    // The first column mapped to f, or -1.
    int columnOf(Field f) const;
    friend bool operator==(const ColumnMapping&, const ColumnMapping&) = default;
};

struct MappingGuess {
    ColumnMapping mapping;
    // Per column, why it was mapped: "by name", "by content: 412 of 412 values are dates", or empty.
    std::vector<std::string> reasons;
    DayMonthOrderGuess dateOrder;  // what the date columns say about day-first/month-first
    bool timelineJsSheet = false;  // TimelineJS's spreadsheet template (Year, Month, ... Type, Group)
    // What the user should look at: "no date column: ...", "the dates' day/month order is ambiguous: ..."
    std::vector<std::string> notes;
};

// Guesses from the header names, then the contents (a column of dates, numbers
// within [-90, 90] beside numbers within [-180, 180], confidence levels).
// Reads every row for the day/month order (one pass over the date columns).
MappingGuess guessMapping(const Table& table);

// What makes a mapping unusable or doubtful for this table: "no column is
// mapped to a date (Date, or Year with Month and Day)", "two columns are
// mapped to Title: "Headline" and "Name"", "Latitude without Longitude"...
std::vector<std::string> mappingProblems(const ColumnMapping& mapping);

// ---------------------------------------------------------------------------
// Saved mappings: JSON beside the data file.
//
//   { "meridianMapping": 1,
//     "columns": [ {"name": "Date", "field": "date"}, {"name": "Lat", "field": "latitude"}, ... ],
//     "dateOrder": "day-first", "markup": "auto", "encoding": "windows-1252", "delimiter": ";", "sheet": "" }

std::filesystem::path mappingPathFor(
    const std::filesystem::path& dataFile);  // "x.csv" -> "x.csv.meridian-mapping.json"
std::string mappingToJson(const ColumnMapping& mapping);

struct MappingLoadResult {
    std::optional<ColumnMapping> mapping;  // absent on errors
    std::vector<Diagnostic> diagnostics;
};
MappingLoadResult parseMapping(std::string_view text, const std::string& fileName);
MappingLoadResult loadMapping(const std::filesystem::path& path);
bool saveMapping(const std::filesystem::path& path, const ColumnMapping& mapping, std::string* error);

// A saved mapping applied to a table's header, by column name (the n-th
// column of a name takes the n-th saved entry of that name). Columns the
// saved mapping does not name are guessed (from `guess`); saved names the
// table lacks are listed in *missing.
ColumnMapping applySavedMapping(const ColumnMapping& saved, const MappingGuess& guess,
                                std::vector<std::string>* missing = nullptr);

}  // namespace meridian::io

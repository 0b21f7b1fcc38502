// A table (CSV, a workbook sheet, TimelineJS, GeoJSON features) to a Dataset
// with a column mapping, and the report the import dialog and `meridian
// convert` show:
//
//   412 rows: 405 events, 7 skipped
//   events.csv:18: row 17, column "Date": "31/31/2006" is not a date (neither 31 nor 31 can be a month)
//   Tripoli: Libya chosen; 3 other places share the name (...)   (rows 4, 9)
//   "Springfeld": not found (rows 12, 30); their events stay on the timeline
//
// Honest defaults: no confidence column -> events are Unrated; no source
// column -> the file itself is cited; places found by name say so in their
// note; nothing is invented.
//
// Rows can be fed one at a time (TableImporter) so a million-row CSV never
// needs the whole table in memory; tableToDataset does it for a Table.
#pragma once

#include <cstddef>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "io/diagnostic.h"
#include "io/import/column_mapping.h"
#include "io/import/import_progress.h"
#include "io/import/table.h"

namespace meridian::io {

class Gazetteer;

struct ImportOptions {
    std::string fileName;                  // as the user gave it: messages, the default source, the title
    const Gazetteer* gazetteer = nullptr;  // places by name; null: names are "not found" (coordinates still work)
    std::string rowWord = "row";           // "row"; "event" for TimelineJS JSON, "feature" for GeoJSON
    std::size_t maxRows = std::numeric_limits<std::size_t>::max();  // previews: the first N data rows
    std::size_t maxProblems = 10'000;                               // row problems kept (the rest are counted)
    std::string datasetTitle;  // empty: the title row (TimelineJS) or the file's name
    ImportProgress progress;   // tableToDataset reports row fractions and stops on cancel
};

struct ImportProblem {
    Severity severity = Severity::Error;  // Error: the row was skipped; Warning: imported, with this caveat
    unsigned row = 0;                     // 1-based data row; 0: about the whole file
    unsigned line = 0;                    // the file line the row starts on; 0 when unknown
    std::string column;                   // the column's header, empty when about no one column
    std::string message;                  // ""31/31/2006" is not a date (...)"
    // file:line: row 17, column "Date": message
    Diagnostic toDiagnostic(const std::string& fileName, const std::string& rowWord = "row") const;
};

struct PlaceReview {
    enum class Kind : std::uint8_t { Ambiguous, NotFound };
    Kind kind = Kind::NotFound;
    std::string name;            // as written in the file
    std::string countryHint;     // the Country column's value, if any
    std::string explanation;     // "Tripoli: Libya chosen; 3 other places share the name (...)" / why not found
    std::vector<unsigned> rows;  // the first rows that use it (at most 20)
    std::size_t rowCount = 0;    // all of them
};

struct ImportReport {
    std::size_t rows = 0;       // data rows read, blank ones not counted
    std::size_t events = 0;     // events made
    std::size_t skipped = 0;    // rows that made no event (each has an Error problem)
    std::size_t blankRows = 0;  // rows with every cell empty (not counted in rows)
    std::size_t eras = 0;       // era rows (TimelineJS)
    std::size_t titleRows = 0;  // title rows (TimelineJS)
    std::size_t onMap = 0;      // events with a place or a connection
    std::vector<ImportProblem> problems;
    std::size_t problemsNotKept = 0;  // beyond options.maxProblems
    std::vector<PlaceReview> placeReviews;
    std::vector<std::string> notes;  // about the whole import ("no confidence column: the 405 events are unrated")
    DayMonthOrder dateOrder = DayMonthOrder::Unknown;  // the order used
    bool dateOrderNeeded = false;                      // some dates could be read either way: ask the user
    bool cancelled = false;

    // "412 rows: 405 events, 7 skipped" (", 2 eras", ", 3 blank rows" when there are).
    std::string summary() const;
    // Every problem as a located diagnostic, then the place reviews as warnings.
    std::vector<Diagnostic> diagnostics(const std::string& fileName, const std::string& rowWord = "row") const;
};

struct ImportResult {
    std::optional<Dataset> dataset;  // absent when cancelled; finalized
    ImportReport report;
    bool ok() const { return dataset.has_value() && report.events > 0; }
};

// Rows one at a time, in order. The mapping's dateOrder is used as is: with
// Unknown, a date that reads both ways is a row problem (guessMapping or a
// first pass with DayMonthOrderGuess decides the order beforehand).
class TableImporter {
public:
    TableImporter(const std::vector<std::string>& columns, const ColumnMapping& mapping, const ImportOptions& options);
    ~TableImporter();
    TableImporter(const TableImporter&) = delete;
    TableImporter& operator=(const TableImporter&) = delete;

    void addRow(const TableRow& row);
    // The geometry kind and points of the rows (GeoJSON, GDAL) are used for places when present.
    ImportResult finish();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// The whole table. When the mapping's dateOrder is Unknown, the date columns
// of every row decide it first (DayMonthOrderGuess).
ImportResult tableToDataset(const Table& table, const ColumnMapping& mapping, const ImportOptions& options);
inline ImportResult tableToDataset(const Table& table, const ColumnMapping& mapping, const Gazetteer* gazetteer,
                                   ImportOptions options) {
    options.gazetteer = gazetteer;
    return tableToDataset(table, mapping, options);
}
// The first rows as events, for the dialog's live preview (same messages).
ImportResult previewImport(const Table& table, const ColumnMapping& mapping, ImportOptions options,
                           std::size_t rows = 20);

// "events.csv" -> "events" (the default title).
std::string fileStem(const std::string& fileName);

}  // namespace meridian::io

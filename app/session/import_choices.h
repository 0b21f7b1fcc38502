// What the import dialog asks and decides, without ImGui: which fields its
// column combos offer (grouped, the common ones first), what choosing one does
// to the rest of the mapping, the day/month question with an example and its
// two readings, whether a file needs the dialog at all, and the report's lines.
//
// The dialog (ui/import_dialog) draws these; the model underneath is
// io/import/open_any.h (read, guess, preview, import) and column_mapping.h.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "io/import/column_mapping.h"
#include "io/import/open_any.h"

namespace meridian {

// The fields a column can be mapped to, in the order the combo lists them.
struct FieldGroup {
    const char* label;  // "Dates", "Text", "Places", ...
    std::vector<io::Field> fields;
};
// Every io::Field except Ignore appears exactly once; Ignore is offered first, apart.
const std::vector<FieldGroup>& fieldGroups();

// Maps a column to a field. A field that only one column may hold (Date,
// Title, Latitude...) is taken from the column that had it, which becomes
// Ignore. Returns that column, or -1 when no other column changed.
int assignField(io::ColumnMapping& mapping, std::size_t column, io::Field field);

// The day/month question for the mapping's date columns over the table's rows
// (the whole file, or a big CSV's first rows).
struct DateOrderQuestion {
    bool ask = false;          // some dates read both ways and nothing decides
    bool conflicting = false;  // rows disagree (some only day-first, some only month-first)
    io::DayMonthOrder decided = io::DayMonthOrder::Unknown;  // what the data says, when it says
    std::string explanation;                                 // io::DayMonthOrderGuess::explanation()
    // An example that reads both ways (the first one): where, and its two readings.
    unsigned row = 0;
    std::string column, text;
    std::string dayFirst, monthFirst;  // "5 July 2006", "7 May 2006"
    std::size_t ambiguousCount = 0;    // cells that read both ways
};
DateOrderQuestion dateOrderQuestion(const io::Table& table, const io::ColumnMapping& mapping);

// Why a file should be shown in the dialog before it is imported; empty when
// the import can go ahead at once (a saved mapping that fits, or a structured
// file whose guess left nothing to ask). `order` is the question for `mapping`.
std::vector<std::string> reasonsToReview(const io::ImportSource& source, const io::ColumnMapping& mapping,
                                         const DateOrderQuestion& order);

// The mapping the import runs with: the dialog's, with the date order the user
// chose, else the data's (never Unknown when the data decides).
io::ColumnMapping mappingToImport(io::ColumnMapping mapping, const DateOrderQuestion& order);

// The report as lines for the dialog: the summary first ("12 rows: 10 events,
// 2 skipped"), then what lost data (each skipped row located: "skipped: row 4,
// column "When": ...", the places not found), then the places to check
// (several share the name), the rows' caveats and the notes about the whole
// file; at most maxLines, the last saying how many more there are.
std::vector<std::string> reportLines(const io::ImportReport& report, const std::string& rowWord,
                                     std::size_t maxLines = 200);

}  // namespace meridian

// The one CSV/TSV reader: RFC 4180 quoting ("" inside quotes, line breaks in
// quoted cells), `,` `;` or tab detected, line ends \n, \r\n or \r, text in
// UTF-8 (with or without a byte order mark), UTF-16 LE/BE with one, or
// Windows-1252 (detected, converted and said; see io/import/text_encoding.h).
//
// Gives an io::Table (io/import/table.h): the first record is the header, every
// row knows the line it starts on. Hostile input gives located messages, never
// a crash or a hang: more than maxColumns cells in a row stops reading; a cell
// over maxCellBytes or a quote never closed drops that row with an error;
// reading is linear in the file's size.
//
// For big files, CsvRowReader streams rows one by one over decoded text, so
// an import does not need the whole Table in memory.
#pragma once

#include <cstddef>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/diagnostic.h"
#include "io/import/import_progress.h"
#include "io/import/table.h"
#include "io/import/text_encoding.h"

namespace meridian::io {

struct CsvLimits {
    std::size_t maxColumns = 10'000;
    std::size_t maxCellBytes = std::size_t{10} << 20;  // 10 MiB
    std::size_t maxFileBytes = std::size_t{1} << 30;   // 1 GiB (readCsvFile)
    std::size_t maxWarnings = 100;                     // stored; the rest counted and summed up
};

struct CsvOptions {
    char delimiter = 0;  // 0: detected among ',', ';' and tab
    EncodingChoice encoding = EncodingChoice::Auto;
    std::size_t maxRows = std::numeric_limits<std::size_t>::max();  // data rows to read (previews read a few)
    CsvLimits limits;
    ImportProgress progress;
};

struct CsvDialect {
    char delimiter = ',';
    TextEncoding encoding = TextEncoding::Utf8;
    bool byteOrderMark = false;
    bool encodingGuessed = false;  // Windows-1252 (or BOM-less UTF-16) chosen by detection: the UI may ask
};
// "comma", "semicolon", "tab"
const char* delimiterName(char delimiter);

// Decoded text ready for CsvRowReader.
struct CsvText {
    std::string text;  // UTF-8
    CsvDialect dialect;
    std::vector<Diagnostic> diagnostics;  // the encoding note (a warning) or why the bytes are not text (an error)
    bool ok = false;
};
CsvText decodeCsv(std::string bytes, const std::string& fileName, const CsvOptions& options = {});

// The delimiter the first records agree on: the one that splits the header
// into the most cells and the following rows into as many. ',' when none does.
char detectCsvDelimiter(std::string_view text);

class CsvRowReader {
public:
    CsvRowReader(std::string_view text, char delimiter, std::string fileName, const CsvLimits& limits = {});

    // The first non-blank record as column names; false for an empty text.
    bool readHeader(std::vector<std::string>& columns);
    // The next data row (its cells' strings are reused); false at the end or
    // after a fatal problem. Blank lines are not rows; short rows are padded
    // to the header's width, longer ones cut with a warning.
    bool next(TableRow& row);

    std::vector<Diagnostic>& diagnostics() { return m_diagnostics; }
    std::size_t bytesRead() const { return m_pos; }
    std::size_t droppedRows() const { return m_droppedRows; }
    bool failed() const { return m_failed; }  // stopped by a fatal problem (too many columns)
    // Once finished: "N more warnings not shown".
    void summarizeDroppedWarnings();

private:
    enum class Record { Ok, Dropped, End, Fatal };
    Record readRecord(std::vector<Cell>& cells, std::size_t& count, unsigned& startLine);
    void advanceLine(std::size_t newlinePos);
    unsigned columnAt(std::size_t offset) const;
    void error(unsigned line, unsigned column, std::string message);
    void warning(unsigned line, unsigned column, std::string message);

    std::string_view m_text;
    char m_delimiter;
    std::string m_fileName;
    CsvLimits m_limits;
    std::size_t m_pos = 0;
    unsigned m_line = 1;
    std::size_t m_lineStart = 0;
    std::size_t m_columns = 0;  // the header's width
    unsigned m_rowNumber = 0;
    std::size_t m_droppedRows = 0;
    std::size_t m_warnings = 0;
    bool m_failed = false;
    std::vector<Diagnostic> m_diagnostics;
    std::vector<Cell> m_scratch;
};

struct CsvReadResult {
    std::optional<Table> table;  // absent when the file is not text or its header cannot be read
    std::vector<Diagnostic> diagnostics;
    CsvDialect dialect;
    std::size_t droppedRows = 0;  // rows lost to errors (each has a diagnostic)
    bool complete = true;         // false: stopped at maxRows, by a fatal problem, or cancelled
    bool cancelled = false;
    bool ok() const { return table.has_value(); }
};

// fileName: for messages and Table::fileName.
CsvReadResult parseCsv(std::string bytes, const std::string& fileName, const CsvOptions& options = {});
CsvReadResult readCsvFile(const std::filesystem::path& path, const CsvOptions& options = {});

}  // namespace meridian::io

// libFuzzer target: the CSV/TSV reader (io/csv_reader), its encodings and limits.
//
// Invariants checked on every input:
// - a result or located errors, never a crash, a hang or a read out of bounds (ASan/UBSan);
// - every row is as wide as the header, starts on a line >= 1, lines and row numbers never go back;
// - every cell is valid UTF-8, whatever the input's encoding;
// - writing the table back as CSV (every cell quoted) and reading that gives the same table.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "io/csv_reader.h"
#include "io/import/csv_writer.h"
#include "io/import/text_encoding.h"

#if __has_include("fuzz_check.h")
#include "fuzz_check.h"
#else
#define FUZZ_CHECK(condition, found)                                         \
    do {                                                                     \
        if (!(condition)) {                                                  \
            std::fprintf(stderr, "fuzz invariant broken: %s\n", #condition); \
            std::abort();                                                    \
        }                                                                    \
    } while (0)
#endif

using namespace meridian::io;

namespace {

void appendQuoted(std::string& out, std::string_view cell) {
    out += '"';
    for (const char c : cell) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::string rewrite(const Table& t, char delimiter) {
    std::string out;
    auto row = [&](auto&& cellAt, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) {
            if (i) out += delimiter;
            appendQuoted(out, cellAt(i));
        }
        out += "\r\n";
    };
    row([&](std::size_t i) -> std::string_view { return t.columns[i]; }, t.columns.size());
    for (const TableRow& r : t.rows)
        row([&](std::size_t i) -> std::string_view { return r.cells[i].text; }, r.cells.size());
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    CsvOptions options;
    options.limits.maxColumns = 500;  // the limits are exercised, not the machine's memory
    options.limits.maxCellBytes = 64 * 1024;
    const CsvReadResult r = parseCsv(bytes, "fuzz.csv", options);
    for (const Diagnostic& d : r.diagnostics) FUZZ_CHECK(!d.message.empty(), std::string("an empty message"));
    if (!r.table) {
        FUZZ_CHECK(countErrors(r.diagnostics) > 0, std::string("no table and no error"));
        return 0;
    }
    const Table& t = *r.table;
    unsigned line = 0, number = 0;
    for (const std::string& c : t.columns) FUZZ_CHECK(findInvalidUtf8(c) == std::string::npos, c);
    for (const TableRow& row : t.rows) {
        FUZZ_CHECK(row.cells.size() == t.columns.size(), std::to_string(row.cells.size()));
        FUZZ_CHECK(row.line >= 1 && row.line > line, std::to_string(row.line));
        FUZZ_CHECK(row.rowNumber > number, std::to_string(row.rowNumber));
        line = row.line, number = row.rowNumber;
        for (const Cell& c : row.cells) {
            FUZZ_CHECK(findInvalidUtf8(c.text) == std::string::npos, c.text);
            FUZZ_CHECK((c.kind == Cell::Kind::Empty) == c.text.empty(), c.text);
        }
    }
    // The table written back reads back the same (a leading U+FEFF would be taken for a byte order mark).
    if (!t.columns.empty() && t.columns[0].rfind("\xEF\xBB\xBF", 0) == 0) return 0;
    CsvOptions again = options;
    again.delimiter = r.dialect.delimiter;
    again.encoding = EncodingChoice::Utf8;
    const CsvReadResult back = parseCsv(rewrite(t, r.dialect.delimiter), "again.csv", again);
    FUZZ_CHECK(back.table && countErrors(back.diagnostics) == 0, std::string("the rewritten table does not read"));
    FUZZ_CHECK(back.table->columns == t.columns, std::string("columns differ"));
    FUZZ_CHECK(back.table->rows.size() == t.rows.size(), std::to_string(back.table->rows.size()));
    for (std::size_t i = 0; i < t.rows.size(); ++i)
        for (std::size_t k = 0; k < t.columns.size(); ++k)
            FUZZ_CHECK(back.table->rows[i].cells[k].text == t.rows[i].cells[k].text, t.rows[i].cells[k].text);
    return 0;
}

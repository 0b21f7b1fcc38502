#include <doctest.h>

#include <atomic>
#include <string>

#include "io/csv_reader.h"

using namespace meridian;
using namespace meridian::io;

namespace {

std::string errorsOf(const CsvReadResult& r) {
    std::string out;
    for (const Diagnostic& d : r.diagnostics)
        if (d.severity == Severity::Error) out += (out.empty() ? "" : "\n") + d.format();
    return out;
}

std::string warningsOf(const CsvReadResult& r) {
    std::string out;
    for (const Diagnostic& d : r.diagnostics)
        if (d.severity == Severity::Warning) out += (out.empty() ? "" : "\n") + d.format();
    return out;
}

std::string cellText(const Table& t, std::size_t row, std::size_t column) {
    return t.rows.at(row).cells.at(column).text;
}

// UTF-16 bytes of an ASCII/Latin-1 string, with a byte order mark.
std::string utf16(std::u16string_view text, bool bigEndian) {
    std::string out = bigEndian ? "\xFE\xFF" : "\xFF\xFE";
    for (char16_t c : text) {
        const char hi = static_cast<char>(c >> 8), lo = static_cast<char>(c & 0xFF);
        out += bigEndian ? hi : lo;
        out += bigEndian ? lo : hi;
    }
    return out;
}

}  // namespace

TEST_CASE("csv: RFC 4180 quoting, doubled quotes, line breaks inside cells, row lines") {
    const std::string text =
        "Date,Title,Notes\r\n"
        "2006-07-05,\"Launch, failed\",\"He said \"\"no\"\"\r\nand left\"\r\n"
        "2006-10-09,Test,\r\n";
    const CsvReadResult r = parseCsv(text, "a.csv");
    REQUIRE(r.ok());
    CHECK(errorsOf(r).empty());
    CHECK(r.dialect.delimiter == ',');
    const Table& t = *r.table;
    CHECK(t.fileName == "a.csv");
    CHECK(t.columns == std::vector<std::string>{"Date", "Title", "Notes"});
    REQUIRE(t.rows.size() == 2);
    CHECK(cellText(t, 0, 1) == "Launch, failed");
    CHECK(cellText(t, 0, 2) == "He said \"no\"\r\nand left");  // the line break inside the cell is kept as written
    CHECK(t.rows[0].line == 2);
    CHECK(t.rows[0].rowNumber == 1);
    CHECK(t.rows[1].line == 4);  // row 1 took two lines
    CHECK(t.rows[1].rowNumber == 2);
    CHECK(t.rows[1].cells[2].kind == Cell::Kind::Empty);
    CHECK(t.rows[0].cells[0].kind == Cell::Kind::Text);
}

TEST_CASE("csv: the delimiter is detected: semicolon (European Excel), tab, comma inside quotes") {
    const CsvReadResult semi = parseCsv("Datum;Titel;Ort\n05.07.2006;\"Start, gescheitert\";Musudan-ri\n", "de.csv");
    REQUIRE(semi.ok());
    CHECK(semi.dialect.delimiter == ';');
    CHECK(cellText(*semi.table, 0, 1) == "Start, gescheitert");

    const CsvReadResult tab =
        parseCsv("date\ttitle, with comma\tplace\n2006\tA, b\tTehran\n1987\tC\tPyongyang\n", "t.tsv");
    REQUIRE(tab.ok());
    CHECK(tab.dialect.delimiter == '\t');
    CHECK(tab.table->columns.size() == 3);
    CHECK(cellText(*tab.table, 0, 1) == "A, b");

    const CsvReadResult comma = parseCsv("a,b\n\"x;y;z\",2\n", "c.csv");
    CHECK(comma.dialect.delimiter == ',');
    CHECK(cellText(*comma.table, 0, 0) == "x;y;z");

    CsvOptions forced;
    forced.delimiter = ';';
    const CsvReadResult one = parseCsv("a,b\n1,2\n", "f.csv", forced);
    CHECK(one.table->columns == std::vector<std::string>{"a,b"});
    CHECK(std::string(delimiterName('\t')) == "tab");
}

TEST_CASE("csv: line ends \\n, \\r\\n and old Mac \\r; blank lines are not rows; short and long rows") {
    const CsvReadResult r = parseCsv("a,b,c\r1,2,3\r\r4,5\r6,7,8,9\r", "mac.csv");
    REQUIRE(r.ok());
    const Table& t = *r.table;
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[1].line == 4);
    CHECK(t.rows[1].cells.size() == 3);  // padded
    CHECK(t.rows[1].cells[2].kind == Cell::Kind::Empty);
    CHECK(t.rows[2].line == 5);
    CHECK(t.rows[2].cells.size() == 3);  // cut, with a warning
    CHECK(warningsOf(r) ==
          "mac.csv:5: warning: row 3 has 4 cells but the header has 3 (cells after the 3th are ignored)");

    const CsvReadResult trailing = parseCsv("a,b\n1,2,\n", "t.csv");  // an empty extra cell is no news
    CHECK(warningsOf(trailing).empty());
}

TEST_CASE("csv: UTF-8 with a byte order mark, UTF-16 LE and BE with one") {
    const CsvReadResult bom = parseCsv("\xEF\xBB\xBFplace,lat\nK\xC3\xB6ln,50.9\n", "bom.csv");
    REQUIRE(bom.ok());
    CHECK(bom.dialect.byteOrderMark);
    CHECK(bom.table->columns[0] == "place");  // the mark is not part of the first header
    CHECK(cellText(*bom.table, 0, 0) == "K\xC3\xB6ln");

    for (const bool bigEndian : {false, true}) {
        const CsvReadResult r =
            parseCsv(utf16(u"place\tlat\r\nK\u00F6ln\t50.9\r\n\u4E0A\u6D77\t31.2\r\n", bigEndian), "excel.txt");
        REQUIRE(r.ok());
        CHECK(r.dialect.encoding == (bigEndian ? TextEncoding::Utf16Be : TextEncoding::Utf16Le));
        CHECK(r.dialect.delimiter == '\t');
        CHECK(cellText(*r.table, 0, 0) == "K\xC3\xB6ln");
        CHECK(cellText(*r.table, 1, 0) == "\xE4\xB8\x8A\xE6\xB5\xB7");  // 上海
        CHECK(r.table->rows[1].line == 3);
    }
}

TEST_CASE("csv: Windows-1252 is detected, converted and said (never silent mojibake); or forced") {
    const std::string bytes = "city,note\nM\xFCnchen,\x93quoted\x94 \x80 5\nParis,ok\n";
    const CsvReadResult r = parseCsv(bytes, "win.csv");
    REQUIRE(r.ok());
    CHECK(r.dialect.encoding == TextEncoding::Windows1252);
    CHECK(r.dialect.encodingGuessed);
    CHECK(cellText(*r.table, 0, 0) == "M\xC3\xBCnchen");
    CHECK(cellText(*r.table, 0, 1) == "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC 5");  // “quoted” € 5
    CHECK(
        warningsOf(r) ==
        "win.csv: warning: not UTF-8 (byte 0xFC at line 2, column 2): read as Windows-1252, where it is \"\xC3\xBC\"; "
        "choose another encoding if the text looks wrong");

    CsvOptions utf8;
    utf8.encoding = EncodingChoice::Utf8;
    const CsvReadResult strict = parseCsv(bytes, "win.csv", utf8);
    CHECK_FALSE(strict.ok());
    CHECK(errorsOf(strict) == "win.csv:2:2: not valid UTF-8: byte 0xFC (choose another encoding, e.g. Windows-1252)");

    CsvOptions cp1252;
    cp1252.encoding = EncodingChoice::Windows1252;
    const CsvReadResult forced = parseCsv("a\n\xC3\xA9\n", "x.csv", cp1252);  // UTF-8 "é" read as asked
    REQUIRE(forced.ok());
    CHECK_FALSE(forced.dialect.encodingGuessed);
    CHECK(cellText(*forced.table, 0, 0) == "\xC3\x83\xC2\xA9");
    CHECK(warningsOf(forced).empty());
}

TEST_CASE("csv: hostile input gives one clear, located message") {
    SUBCASE("binary garbage") {
        std::string garbage = "id,name\n1,ok\n";
        garbage += std::string("\x01\x02\xFF\x00\x7F", 5);
        const CsvReadResult r = parseCsv(garbage, "g.csv");
        CHECK_FALSE(r.ok());
        CHECK(errorsOf(r) == "g.csv:3:4: binary data, not text: a NUL byte (byte 17 of the file)");
    }
    SUBCASE("a workbook renamed .csv") {
        const CsvReadResult r = parseCsv(std::string("PK\x03\x04\x14\x00\x06\x00", 8), "book.csv");
        CHECK(errorsOf(r) == "book.csv:1:1: this is a zip archive (an .xlsx or .ods workbook?), not a text file");
    }
    SUBCASE("truncated UTF-16") {
        std::string bytes = utf16(u"a,b\r\n1,2\r\n", false);
        bytes.pop_back();
        const CsvReadResult r = parseCsv(bytes, "u16.csv");
        CHECK_FALSE(r.ok());
        CHECK(errorsOf(r) ==
              "u16.csv:3:1: UTF-16 LE text is truncated: the file ends in the middle of a character (21 bytes, an odd "
              "number)");
        std::string lone = utf16(u"a,b\r\n", true) + std::string("\xD8\x01", 2);
        CHECK(errorsOf(parseCsv(lone, "u16.csv")) ==
              "u16.csv:2:1: UTF-16 BE text is truncated: it ends inside a character (byte 13 of the file)");
    }
    SUBCASE("a quote never closed at the end of the file") {
        const CsvReadResult r = parseCsv("date,title\n2006,ok\n2007,\"Unclosed, and\n2008,lost\n", "q.csv");
        REQUIRE(r.ok());
        CHECK(errorsOf(r) ==
              "q.csv:3:6: a quoted cell starts here and is never closed (the file ends inside it: a '\"' is missing); "
              "the rest of the file is in this cell, so this row is dropped");
        CHECK(r.table->rows.size() == 1);
        CHECK(r.droppedRows == 1);
    }
    SUBCASE("10,000 columns are fine, 10,001 are not") {
        std::string wide;
        for (int i = 0; i < 10'000; ++i) wide += (i ? "," : "") + std::string("c") + std::to_string(i);
        const CsvReadResult ok = parseCsv(wide + "\n" + std::string(9'999, ',') + "x\n", "wide.csv");
        REQUIRE(ok.ok());
        CHECK(ok.table->columns.size() == 10'000);
        CHECK(cellText(*ok.table, 0, 9'999) == "x");
        const CsvReadResult tooWide = parseCsv(wide + ",one-more\n1\n", "wide.csv");
        CHECK_FALSE(tooWide.ok());
        CHECK(errorsOf(tooWide) ==
              "wide.csv:1:58891: more than 10000 columns in one row (the limit; is the comma the right delimiter?)");
    }
    SUBCASE("a 10 MiB cell drops its row, the next rows are read") {
        std::string big = "id,text\n1,small\n2,\"";
        big += std::string((10u << 20) + 1, 'x');
        big += "\"\n3,after\n";
        const CsvReadResult r = parseCsv(big, "big.csv");
        REQUIRE(r.ok());
        CHECK(errorsOf(r) == "big.csv:3:3: a cell longer than 10 MiB (the limit); this row is dropped");
        REQUIRE(r.table->rows.size() == 2);
        CHECK(cellText(*r.table, 1, 1) == "after");
        CHECK(r.table->rows[1].rowNumber == 3);  // the dropped row keeps its number
        CHECK(r.droppedRows == 1);
    }
    SUBCASE("an empty file") {
        CHECK(errorsOf(parseCsv("", "e.csv")) == "e.csv: the file is empty (expected a header row of column names)");
        CHECK(errorsOf(parseCsv("\r\n\n", "e.csv")) ==
              "e.csv: the file is empty (expected a header row of column names)");
    }
    SUBCASE("text after a closing quote is kept, with a warning") {
        const CsvReadResult r = parseCsv("a,b\n\"x\"y,2\n", "w.csv");
        CHECK(cellText(*r.table, 0, 0) == "xy");
        CHECK(warningsOf(r).find("w.csv:2:4: warning: text after a closing quote") == 0);
    }
}

TEST_CASE("csv: previews stop after maxRows; cancel stops a big read; progress reaches the end") {
    std::string text = "n\n";
    for (int i = 1; i <= 10'000; ++i) text += std::to_string(i) + "\n";
    CsvOptions preview;
    preview.maxRows = 20;
    const CsvReadResult head = parseCsv(text, "n.csv", preview);
    REQUIRE(head.ok());
    CHECK(head.table->rows.size() == 20);
    CHECK_FALSE(head.complete);
    CHECK(cellText(*head.table, 19, 0) == "20");

    std::atomic<bool> cancel{true};
    CsvOptions cancelled;
    cancelled.progress.cancel = &cancel;
    const CsvReadResult stopped = parseCsv(text, "n.csv", cancelled);
    CHECK(stopped.cancelled);
    CHECK(stopped.table->rows.empty());

    double last = -1;
    int calls = 0;
    CsvOptions withProgress;
    withProgress.progress.report = [&](double f) {
        CHECK(f >= last);
        last = f;
        ++calls;
    };
    const CsvReadResult all = parseCsv(text, "n.csv", withProgress);
    CHECK(all.table->rows.size() == 10'000);
    CHECK(all.complete);
    CHECK(calls == 3);  // rows 0, 4096, 8192
    CHECK(last > 0.7);
}

TEST_CASE("csv: the streaming row reader gives the same rows as the table") {
    const std::string text = "a,b\n1,\"x\ny\"\n\n2,z\n";
    CsvRowReader reader(text, ',', "s.csv");
    std::vector<std::string> header;
    REQUIRE(reader.readHeader(header));
    CHECK(header == std::vector<std::string>{"a", "b"});
    TableRow row;
    REQUIRE(reader.next(row));
    CHECK(row.cells[1].text == "x\ny");
    CHECK(row.line == 2);
    REQUIRE(reader.next(row));
    CHECK(row.cells[0].text == "2");
    CHECK(row.line == 5);
    CHECK(row.rowNumber == 2);
    CHECK_FALSE(reader.next(row));
    CHECK(reader.bytesRead() == text.size());
}

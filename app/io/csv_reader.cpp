#include "io/csv_reader.h"

#include <algorithm>

#include "io/text_file.h"

namespace meridian::io {

namespace {

std::string mebibytes(std::size_t bytes) {
    return std::to_string(bytes >> 20) + " MiB";
}

// Cells per record of the first records, quote-aware; for delimiter detection.
std::vector<std::size_t> countFields(std::string_view text, char delimiter, std::size_t maxRecords) {
    std::vector<std::size_t> counts;
    std::size_t fields = 1;
    bool inQuotes = false, atFieldStart = true, any = false;
    for (std::size_t i = 0; i < text.size() && counts.size() < maxRecords; ++i) {
        const char c = text[i];
        if (inQuotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"')
                    ++i;
                else
                    inQuotes = false;
            }
            continue;
        }
        if (c == '\n' || c == '\r') {
            if (any) counts.push_back(fields);
            fields = 1, atFieldStart = true, any = false;
            continue;
        }
        any = true;
        if (c == '"' && atFieldStart) {
            inQuotes = true, atFieldStart = false;
        } else if (c == delimiter) {
            ++fields, atFieldStart = true;
        } else {
            atFieldStart = false;
        }
    }
    if (any && !inQuotes && counts.size() < maxRecords) counts.push_back(fields);
    return counts;
}

}  // namespace

const char* delimiterName(char delimiter) {
    switch (delimiter) {
        case ',':
            return "comma";
        case ';':
            return "semicolon";
        case '\t':
            return "tab";
        case '|':
            return "vertical bar";
    }
    return "delimiter";
}

char detectCsvDelimiter(std::string_view text) {
    const std::string_view sample = text.substr(0, 64 * 1024);
    char best = ',';
    double bestScore = 0;
    std::size_t bestWidth = 1;
    for (const char candidate : {',', ';', '\t'}) {
        const std::vector<std::size_t> counts = countFields(sample, candidate, 50);
        if (counts.empty() || counts[0] < 2) continue;
        // The last sampled record may be cut by the sample's end: not counted.
        const std::size_t n = counts.size() > 2 && sample.size() < text.size() ? counts.size() - 1 : counts.size();
        std::size_t agree = 0;
        for (std::size_t i = 1; i < n; ++i) agree += counts[i] == counts[0];
        const double score = n > 1 ? static_cast<double>(agree) / static_cast<double>(n - 1) : 1.0;
        if (score > bestScore + 1e-9 || (score > bestScore - 1e-9 && counts[0] > bestWidth)) {
            best = candidate, bestScore = score, bestWidth = counts[0];
        }
    }
    return best;
}

CsvText decodeCsv(std::string bytes, const std::string& fileName, const CsvOptions& options) {
    CsvText out;
    DecodedText decoded = decodeText(std::move(bytes), options.encoding);
    out.dialect.encoding = decoded.encoding;
    out.dialect.byteOrderMark = decoded.hadByteOrderMark;
    out.dialect.encodingGuessed = decoded.guessed;
    if (!decoded.ok) {
        out.diagnostics.push_back(
            {Severity::Error, fileName, decoded.errorLine, decoded.errorColumn, "", decoded.error});
        return out;
    }
    if (decoded.guessed) out.diagnostics.push_back({Severity::Warning, fileName, 0, 0, "", decoded.note});
    out.text = std::move(decoded.text);
    out.dialect.delimiter = options.delimiter ? options.delimiter : detectCsvDelimiter(out.text);
    out.ok = true;
    return out;
}

// ===========================================================================
// CsvRowReader
// ===========================================================================

CsvRowReader::CsvRowReader(std::string_view text, char delimiter, std::string fileName, const CsvLimits& limits)
    : m_text(text), m_delimiter(delimiter), m_fileName(std::move(fileName)), m_limits(limits) {}

void CsvRowReader::error(unsigned line, unsigned column, std::string message) {
    m_diagnostics.push_back({Severity::Error, m_fileName, line, column, "", std::move(message)});
}

void CsvRowReader::warning(unsigned line, unsigned column, std::string message) {
    if (++m_warnings > m_limits.maxWarnings) return;
    m_diagnostics.push_back({Severity::Warning, m_fileName, line, column, "", std::move(message)});
}

void CsvRowReader::summarizeDroppedWarnings() {
    if (m_warnings <= m_limits.maxWarnings) return;
    m_diagnostics.push_back({Severity::Warning, m_fileName, 0, 0, "",
                             std::to_string(m_warnings - m_limits.maxWarnings) + " more warnings not shown"});
    m_warnings = m_limits.maxWarnings;
}

// The newline at newlinePos (\n, \r\n or \r) has been passed.
void CsvRowReader::advanceLine(std::size_t newlinePos) {
    ++m_line;
    m_lineStart = newlinePos + 1;
}

unsigned CsvRowReader::columnAt(std::size_t offset) const {
    unsigned column = 1;
    for (std::size_t i = m_lineStart; i < offset && i < m_text.size(); ++i)
        column += (static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80;
    return column;
}

CsvRowReader::Record CsvRowReader::readRecord(std::vector<Cell>& cells, std::size_t& count, unsigned& startLine) {
    const std::string_view t = m_text;
    // Blank lines are not records.
    while (m_pos < t.size() && (t[m_pos] == '\n' || t[m_pos] == '\r')) {
        if (t[m_pos] == '\r' && m_pos + 1 < t.size() && t[m_pos + 1] == '\n') ++m_pos;
        advanceLine(m_pos);
        ++m_pos;
    }
    if (m_pos >= t.size()) return Record::End;
    startLine = m_line;
    count = 0;
    bool dropped = false;
    for (;;) {
        if (count >= m_limits.maxColumns) {
            error(m_line, columnAt(m_pos),
                  "more than " + std::to_string(m_limits.maxColumns) + " columns in one row (the limit; is the " +
                      delimiterName(m_delimiter) + " the right delimiter?)");
            m_failed = true;
            return Record::Fatal;
        }
        if (count == cells.size()) cells.emplace_back();
        Cell& cell = cells[count++];
        cell.kind = Cell::Kind::Empty;
        cell.text.clear();
        const unsigned cellLine = m_line;
        const std::size_t cellStart = m_pos, cellLineStart = m_lineStart;
        bool tooBig = false;
        auto append = [&](std::size_t from, std::size_t n) {
            if (tooBig || n == 0) return;
            if (cell.text.size() + n > m_limits.maxCellBytes) {
                tooBig = true;
                cell.text.clear();
                cell.text.shrink_to_fit();
                return;
            }
            cell.text.append(t.data() + from, n);
        };
        auto cellStartColumn = [&] {
            unsigned column = 1;
            for (std::size_t i = cellLineStart; i < cellStart; ++i)
                column += (static_cast<unsigned char>(t[i]) & 0xC0) != 0x80;
            return column;
        };

        if (m_pos < t.size() && t[m_pos] == '"') {
            ++m_pos;
            for (;;) {
                const std::size_t q = t.find('"', m_pos);
                if (q == std::string_view::npos) {
                    error(cellLine, cellStartColumn(),
                          "a quoted cell starts here and is never closed (the file ends inside it: a '\"' is "
                          "missing); the rest of the file is in this cell, so this row is dropped");
                    for (std::size_t i = m_pos; i < t.size(); ++i)
                        if (t[i] == '\n' || (t[i] == '\r' && (i + 1 >= t.size() || t[i + 1] != '\n'))) advanceLine(i);
                    m_pos = t.size();
                    ++m_droppedRows;
                    cell.text.clear();
                    return Record::Dropped;
                }
                for (std::size_t i = m_pos; i < q; ++i)
                    if (t[i] == '\n' || (t[i] == '\r' && t[i + 1] != '\n')) advanceLine(i);
                append(m_pos, q - m_pos);
                m_pos = q + 1;
                if (m_pos < t.size() && t[m_pos] == '"') {
                    append(m_pos, 1);
                    ++m_pos;
                    continue;
                }
                break;
            }
            if (m_pos < t.size() && t[m_pos] != m_delimiter && t[m_pos] != '\n' && t[m_pos] != '\r') {
                warning(m_line, columnAt(m_pos),
                        "text after a closing quote (kept as part of the cell; a '\"' inside a quoted cell is "
                        "written '\"\"')");
                const std::size_t from = m_pos;
                while (m_pos < t.size() && t[m_pos] != m_delimiter && t[m_pos] != '\n' && t[m_pos] != '\r') ++m_pos;
                append(from, m_pos - from);
            }
        } else {
            const std::size_t from = m_pos;
            const char d = m_delimiter;
            while (m_pos < t.size()) {
                const char c = t[m_pos];
                if (c == d || c == '\n' || c == '\r') break;
                ++m_pos;
            }
            append(from, m_pos - from);
        }
        if (tooBig) {
            error(cellLine, cellStartColumn(),
                  "a cell longer than " + mebibytes(m_limits.maxCellBytes) + " (the limit); this row is dropped");
            dropped = true;
        }
        if (!cell.text.empty()) cell.kind = Cell::Kind::Text;

        if (m_pos >= t.size()) break;
        if (t[m_pos] == m_delimiter) {
            ++m_pos;
            continue;  // at the very end this gives one more, empty, cell: "a,b," has 3
        }
        if (t[m_pos] == '\r' && m_pos + 1 < t.size() && t[m_pos + 1] == '\n') ++m_pos;
        advanceLine(m_pos);
        ++m_pos;
        break;
    }
    if (dropped) {
        ++m_droppedRows;
        return Record::Dropped;
    }
    return Record::Ok;
}

bool CsvRowReader::readHeader(std::vector<std::string>& columns) {
    std::size_t count = 0;
    unsigned line = 0;
    for (;;) {
        const Record r = readRecord(m_scratch, count, line);
        if (r == Record::End || r == Record::Fatal) return false;
        if (r == Record::Ok) break;
        --m_droppedRows;  // a dropped header is not a data row; its error says why
        return false;
    }
    columns.clear();
    for (std::size_t i = 0; i < count; ++i) columns.push_back(std::move(m_scratch[i].text));
    m_columns = count;
    m_scratch.clear();
    return true;
}

bool CsvRowReader::next(TableRow& row) {
    for (;;) {
        if (m_failed) return false;
        std::size_t count = 0;
        unsigned line = 0;
        const Record r = readRecord(row.cells, count, line);
        if (r == Record::End || r == Record::Fatal) return false;
        ++m_rowNumber;  // dropped rows keep their number: row numbers stay the file's
        if (r == Record::Dropped) continue;
        if (count > m_columns) {
            bool extraText = false;
            for (std::size_t i = m_columns; i < count; ++i) extraText |= !row.cells[i].empty();
            if (extraText)
                warning(line, 0,
                        "row " + std::to_string(m_rowNumber) + " has " + std::to_string(count) +
                            " cells but the header has " + std::to_string(m_columns) + " (cells after the " +
                            std::to_string(m_columns) + "th are ignored)");
        }
        for (std::size_t i = count; i < m_columns && i < row.cells.size(); ++i) {
            row.cells[i].kind = Cell::Kind::Empty;
            row.cells[i].text.clear();
        }
        row.cells.resize(m_columns);
        row.line = line;
        row.rowNumber = m_rowNumber;
        row.geometry = {};
        return true;
    }
}

// ===========================================================================
// Whole tables
// ===========================================================================

CsvReadResult parseCsv(std::string bytes, const std::string& fileName, const CsvOptions& options) {
    CsvReadResult result;
    CsvText decoded = decodeCsv(std::move(bytes), fileName, options);
    result.dialect = decoded.dialect;
    result.diagnostics = std::move(decoded.diagnostics);
    if (!decoded.ok) return result;

    CsvRowReader reader(decoded.text, decoded.dialect.delimiter, fileName, options.limits);
    Table table;
    table.fileName = fileName;
    if (!reader.readHeader(table.columns)) {
        for (Diagnostic& d : reader.diagnostics()) result.diagnostics.push_back(std::move(d));
        if (!reader.failed() && countErrors(result.diagnostics) == 0)
            result.diagnostics.push_back(
                {Severity::Error, fileName, 0, 0, "", "the file is empty (expected a header row of column names)"});
        return result;
    }
    std::size_t rows = 0;
    for (;;) {
        if (rows >= options.maxRows) {
            result.complete = reader.bytesRead() >= decoded.text.size();
            break;
        }
        if ((rows & 4095) == 0) {
            if (options.progress.cancelled()) {
                result.cancelled = true;
                result.complete = false;
                break;
            }
            options.progress.at(decoded.text.empty() ? 1.0
                                                     : static_cast<double>(reader.bytesRead()) /
                                                           static_cast<double>(decoded.text.size()));
        }
        TableRow& row = table.rows.emplace_back();
        if (!reader.next(row)) {
            table.rows.pop_back();
            break;
        }
        ++rows;
    }
    if (reader.failed()) result.complete = false;
    reader.summarizeDroppedWarnings();
    for (Diagnostic& d : reader.diagnostics()) result.diagnostics.push_back(std::move(d));
    result.droppedRows = reader.droppedRows();
    result.table = std::move(table);
    return result;
}

CsvReadResult readCsvFile(const std::filesystem::path& path, const CsvOptions& options) {
    std::error_code ec;
    if (const auto size = std::filesystem::file_size(path, ec); !ec && size > options.limits.maxFileBytes) {
        CsvReadResult result;  // refused before a byte is read
        result.diagnostics.push_back({Severity::Error, path.string(), 0, 0, "",
                                      "the file is " + std::to_string(size >> 20) +
                                          " MiB: Meridian reads files up to " +
                                          std::to_string(options.limits.maxFileBytes >> 20) + " MiB"});
        return result;
    }
    std::string error;
    auto bytes = readWholeFile(path, &error, options.limits.maxFileBytes);
    if (!bytes) {
        CsvReadResult result;
        result.diagnostics.push_back({Severity::Error, path.string(), 0, 0, "", "cannot read the file: " + error});
        return result;
    }
    return parseCsv(std::move(*bytes), path.string(), options);
}

}  // namespace meridian::io

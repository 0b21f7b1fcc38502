#include "io/import/csv_writer.h"

#include "io/import/event_row.h"

namespace meridian::io {

void appendCsvCell(std::string& out, std::string_view value, char delimiter) {
    const bool quote = value.find_first_of(std::string{delimiter, '"', '\n', '\r'}) != std::string_view::npos ||
                       (!value.empty() && (value.front() == ' ' || value.back() == ' '));
    if (!quote) {
        out += value;
        return;
    }
    out += '"';
    for (const char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::string datasetToCsv(const Dataset& ds, const CsvWriteOptions& options) {
    std::string out = options.byteOrderMark ? "\xEF\xBB\xBF" : "";
    auto row = [&](const std::vector<std::string>& values) {
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i) out += options.delimiter;
            appendCsvCell(out, values[i], options.delimiter);
        }
        out += "\r\n";
    };
    row(eventRowHeader());
    row(titleRowValues(ds));
    for (const Event& e : ds.events) row(eventRowValues(ds, e));
    for (const Era& era : ds.eras) row(eraRowValues(era));
    return out;
}

}  // namespace meridian::io

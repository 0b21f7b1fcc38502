// A Dataset as CSV (or TSV): one row per event with the column names the
// importer reads (io/import/event_row.h), then a row per era (Type "era"), the
// title row first (Type "title"). Quoted as RFC 4180 says, CRLF between rows,
// UTF-8 with a byte order mark by default (so Excel reads the accents).
#pragma once

#include <string>

#include "core/dataset.h"

namespace meridian::io {

struct CsvWriteOptions {
    char delimiter = ',';  // ',' or '\t' (TSV) or ';'
    bool byteOrderMark = true;
};

std::string datasetToCsv(const Dataset& dataset, const CsvWriteOptions& options = {});
// One cell, quoted when it holds the delimiter, a quote, a line break or edge spaces.
void appendCsvCell(std::string& out, std::string_view value, char delimiter);

}  // namespace meridian::io

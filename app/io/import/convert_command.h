// The headless commands for any readable file, for main.cpp to call:
//
//   meridian convert IN OUT [--format meridian|csv|tsv|timelinejs|geojson] [--mapping FILE]
//                    [--day-first | --month-first] [--encoding utf-8|windows-1252] [--delimiter ,|;|tab]
//                    [--sheet NAME] [--no-gazetteer] [--save-mapping FILE]
//   meridian --validate IN          (Meridian JSON as before; CSV, TimelineJS, GeoJSON, workbooks too)
//
// Both print every problem located (file:line: row 17, column "Date": ...) to
// err, and the count ("412 rows: 405 events, 7 skipped") to out. Exit status:
// 0 all rows became events; 1 the file could not be read or converted, or rows
// were skipped; 2 a usage error.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace meridian::io {

// args: what follows "convert" (IN OUT and options).
int runConvertCommand(const std::vector<std::string>& args, std::FILE* out, std::FILE* err);
const char* convertUsage();

// Checks any readable file; for Meridian JSON the output is --validate's as
// before ("FILE: OK: 71 events, ..." or the problems and "N errors; not loaded").
int runValidateAnyFile(const std::string& path, std::FILE* out, std::FILE* err);

}  // namespace meridian::io

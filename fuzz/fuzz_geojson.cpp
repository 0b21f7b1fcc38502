// libFuzzer target: GeoJSON (io/import/geojson) through the column mapping and the table
// importer: points, lines, polygons, properties of any type.
//
// Invariants checked on every input:
// - a table or located errors, never a crash, a hang or a read out of bounds (ASan/UBSan);
// - every row is as wide as the columns; every geometry point is within [-180, 180] x [-90, 90];
// - the counts add up, and whatever was imported is a valid Meridian dataset (its JSON loads).
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "io/dataset_loader.h"
#include "io/dataset_writer.h"
#include "io/import/column_mapping.h"
#include "io/import/geojson.h"
#include "io/import/table_import.h"

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

using namespace meridian;
using namespace meridian::io;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const GeoJsonReadResult r = parseGeoJson(text, "fuzz.geojson");
    if (!r.table) return 0;
    for (const TableRow& row : r.table->rows) {
        FUZZ_CHECK(row.cells.size() == r.table->columns.size(), std::to_string(row.cells.size()));
        for (const geo::LonLat& p : row.geometry.points)
            FUZZ_CHECK(std::fabs(p.lonDeg) <= 180 && std::fabs(p.latDeg) <= 90, std::to_string(p.lonDeg));
    }
    const MappingGuess guess = guessMapping(*r.table);
    const ImportResult imported = tableToDataset(*r.table, guess.mapping, {});
    const ImportReport& rep = imported.report;
    FUZZ_CHECK(rep.rows == rep.events + rep.skipped + rep.eras + rep.titleRows, rep.summary());
    FUZZ_CHECK(imported.dataset.has_value(), rep.summary());
    const DatasetLoadResult loaded = parseDataset(datasetToJson(*imported.dataset), "fuzz-out.json");
    std::string first;
    for (const Diagnostic& d : loaded.diagnostics) first += d.format() + "\n";
    FUZZ_CHECK(loaded.ok(), first);
    return 0;
}

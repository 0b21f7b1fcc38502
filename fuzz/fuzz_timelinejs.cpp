// libFuzzer target: TimelineJS JSON (io/import/timelinejs) through the column mapping and the
// table importer to a Dataset, then the writers.
//
// Invariants checked on every input:
// - a table or located errors, never a crash, a hang or a read out of bounds (ASan/UBSan);
// - the counts add up: rows = events + skipped + eras + title rows;
// - whatever was imported is a valid Meridian dataset: its Meridian JSON loads without errors,
//   and its TimelineJS export reads back with as many events.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "io/dataset_loader.h"
#include "io/dataset_writer.h"
#include "io/import/column_mapping.h"
#include "io/import/table_import.h"
#include "io/import/timelinejs.h"
#include "io/import/timelinejs_writer.h"

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
    const TimelineJsReadResult r = parseTimelineJs(text, "fuzz.json");
    for (const Diagnostic& d : r.diagnostics) FUZZ_CHECK(d.line >= 1 || d.line == 0, d.message);
    if (!r.table) return 0;
    const MappingGuess guess = guessMapping(*r.table);
    const ImportResult imported = tableToDataset(*r.table, guess.mapping, {});
    const ImportReport& rep = imported.report;
    FUZZ_CHECK(rep.rows == rep.events + rep.skipped + rep.eras + rep.titleRows, rep.summary());
    FUZZ_CHECK(imported.dataset.has_value(), rep.summary());
    const Dataset& ds = *imported.dataset;
    const std::string json = datasetToJson(ds);
    const DatasetLoadResult loaded = parseDataset(json, "fuzz-out.json");
    std::string first;
    for (const Diagnostic& d : loaded.diagnostics) first += d.format() + "\n";
    FUZZ_CHECK(loaded.ok(), first);
    const TimelineJsReadResult back = parseTimelineJs(datasetToTimelineJs(ds), "fuzz-out.timeline.json");
    FUZZ_CHECK(back.table.has_value(), std::string("the export does not read back"));
    return 0;
}

// GDAL reader benchmark: reads each file given (a workbook's first sheet with
// rows, or a geodata file's first layer) and prints rows, columns, time and peak
// memory. A CLI that prints figures (not a timed unit test).
// Usage: meridian_bench_gdal FILE [FILE ...]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>

#include "io/import/gdal_table.h"

using namespace meridian;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE [FILE ...]\n", argv[0]);
        return 2;
    }
    std::printf("%-40s %8s %10s %8s %10s %14s\n", "file", "driver", "rows", "columns", "read ms", "peak RSS MiB");
    for (int i = 1; i < argc; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        const io::GdalReadResult r = io::readGdalTable(argv[i]);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        rusage u{};
        getrusage(RUSAGE_SELF, &u);
        if (!r.ok()) {
            std::printf("%-40s %s\n", argv[i], r.diagnostics.empty() ? "failed" : r.diagnostics[0].message.c_str());
            continue;
        }
        std::printf("%-40s %8s %10zu %8zu %10.0f %14ld\n", argv[i], r.driver.c_str(), r.table->rows.size(),
                    r.table->columns.size(), ms, u.ru_maxrss / 1024);
    }
    return 0;
}

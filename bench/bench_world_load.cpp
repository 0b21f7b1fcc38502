// World map load benchmark: read + triangulate each level of detail of the
// offline world (TopoJSON parse, ISO codes, GLU tessellation, borders) and print
// the time and size of each. A CLI that prints figures (not a timed unit test).
// Built for the desktop and, by scripts/web --bench, for the browser's wasm under
// node: the figures decide whether the single-threaded browser build can load
// the 1:10m world between two frames. Usage: meridian_bench_world_load [ASSETS_DIR]
#include <chrono>
#include <cstdio>
#include <string>

#include "io/asset_paths.h"
#include "io/topojson.h"
#include "io/world_data.h"

using namespace meridian;

int main(int argc, char** argv) {
    const auto file = [&](const std::string& relative) {
        return argc > 1 ? std::filesystem::path(argv[1]) / relative : io::assetPath(relative);
    };
    const io::IsoTableResult iso = io::loadIsoTable(file("world/iso3166.csv"));
    if (!iso.ok()) {
        std::fprintf(stderr, "%s\n", iso.diagnostics.empty() ? "iso3166.csv" : iso.diagnostics[0].format().c_str());
        return 1;
    }
    std::printf("%-22s %10s %10s %12s %10s\n", "level", "file MiB", "countries", "triangles", "load ms");
    for (const char* level : {"countries-110m.json", "countries-50m.json", "countries-10m.json"}) {
        const std::filesystem::path path = file(std::string("world/") + level);
        std::error_code ec;
        const double mib = static_cast<double>(std::filesystem::file_size(path, ec)) / 1048576.0;
        const auto t0 = std::chrono::steady_clock::now();
        const io::WorldLevelResult r = io::loadWorldLevel(path, &*iso.table);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (!r.ok()) {
            std::fprintf(stderr, "%s\n", r.error.c_str());
            return 1;
        }
        std::printf("%-22s %10.2f %10zu %12zu %10.0f\n", level, mib, r.level.shapes.countries.size(),
                    r.level.fills.mesh.indices.size() / 3, ms);
    }
    return 0;
}

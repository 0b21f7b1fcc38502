// World map load benchmark: read + triangulate each level of detail of the
// offline world (TopoJSON parse, ISO codes, GLU tessellation, borders) and print
// the time and size of each. A CLI that prints figures (not a timed unit test).
// Built for the desktop and, by scripts/web --bench, for the browser's wasm under
// node: the figures decide whether the single-threaded browser build can load
// the 1:10m world between two frames. Usage: meridian_bench_world_load [ASSETS_DIR]
#include <chrono>
#include <cstdio>
#include <string>

#include "geo/tessellate.h"
#include "io/asset_paths.h"
#include "io/topojson.h"

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
    // "slowest polygon": the longest single tessellatePolygon call, i.e. the smallest
    // piece the tessellation could be cut into to spread it over frames.
    std::printf("%-22s %4s %9s %10s %10s %9s %13s %11s %9s %16s\n", "level", "run", "file MiB", "countries",
                "triangles", "parse ms", "tessellate ms", "borders ms", "total ms", "slowest polygon");
    // Each level twice: in wasm the first run also pays for compiling the code it touches.
    for (const char* level : {"countries-110m.json", "countries-50m.json", "countries-10m.json"}) {
        const std::filesystem::path path = file(std::string("world/") + level);
        std::error_code ec;
        const double mib = static_cast<double>(std::filesystem::file_size(path, ec)) / 1048576.0;
        for (int run = 1; run <= 2; ++run) {
            using Clock = std::chrono::steady_clock;
            const auto ms = [](Clock::time_point a, Clock::time_point b) {
                return std::chrono::duration<double, std::milli>(b - a).count();
            };
            // The steps of io::loadWorldLevel, timed one by one.
            const auto t0 = Clock::now();
            io::TopoJsonResult topo = io::loadTopoJson(path, "countries");
            if (!topo.ok()) {
                std::fprintf(stderr, "%s\n", topo.diagnostics.empty() ? level : topo.diagnostics[0].format().c_str());
                return 1;
            }
            io::applyIsoTable(*topo.shapes, *iso.table);
            const auto t1 = Clock::now();
            const geo::WorldMesh fills = geo::tessellateWorld(*topo.shapes);
            const auto t2 = Clock::now();
            const geo::BorderLines borders = geo::borderLines(*topo.shapes);
            const auto t3 = Clock::now();
            double slowest = 0;
            std::string slowestName;
            for (const io::CountryShape& country : topo.shapes->countries)
                for (const io::Polygon& polygon : country.polygons) {
                    const auto p0 = Clock::now();
                    (void)geo::tessellatePolygon(polygon);
                    if (const double t = ms(p0, Clock::now()); t > slowest) slowest = t, slowestName = country.name;
                }
            std::printf("%-22s %4d %9.2f %10zu %10zu %9.0f %13.0f %11.0f %9.0f %7.0f ms %s\n", level, run, mib,
                        topo.shapes->countries.size(), fills.mesh.indices.size() / 3, ms(t0, t1), ms(t1, t2),
                        ms(t2, t3), ms(t0, t3), slowest, slowestName.c_str());
        }
    }
    return 0;
}

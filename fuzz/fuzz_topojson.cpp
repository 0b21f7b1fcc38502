// libFuzzer target: the TopoJSON reader (io/topojson) and what the app does next with its shapes
// (geo/tessellate: fills through GLU's tessellator, and borders); the same bytes also go through
// the ISO 3166 table reader of the same file.
//
// Invariants checked on every input:
// - a result has shapes exactly when no diagnostic is an error; every diagnostic names the file
//   and says something, and is located (line and column) unless it is about the whole file;
// - shapes hold finite longitude/latitude degrees within the world (plus the reader's slack),
//   pointCount is the number of ring points, and every bounds holds its points;
// - tessellation gives triangles whose indices name vertices, one index range per country.
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "geo/tessellate.h"
#include "io/topojson.h"

using namespace meridian;
using namespace meridian::io;

namespace {

constexpr double kSlackDeg = 1e-6;

void checkDiagnostics(const std::vector<Diagnostic>& diagnostics, bool ok) {
    FUZZ_CHECK(ok == (countErrors(diagnostics) == 0),
               std::to_string(countErrors(diagnostics)) + " errors but " + (ok ? "shapes" : "no shapes"));
    for (const Diagnostic& d : diagnostics) {
        FUZZ_CHECK(d.file == "fuzz.topojson" && !d.message.empty(), "diagnostic: " + d.format());
        FUZZ_CHECK((d.line == 0) == (d.column == 0), "half a position: " + d.format());
    }
}

bool inBounds(const GeoBounds& b, const geo::LonLat& p) {
    return !b.empty && p.lonDeg >= b.minLonDeg && p.lonDeg <= b.maxLonDeg && p.latDeg >= b.minLatDeg &&
           p.latDeg <= b.maxLatDeg;
}

void checkShapes(const WorldShapes& shapes) {
    std::size_t points = 0;
    for (const CountryShape& country : shapes.countries) {
        for (const Polygon& polygon : country.polygons) {
            for (const Ring& ring : polygon) {
                points += ring.size();
                for (const geo::LonLat& p : ring) {
                    FUZZ_CHECK(std::isfinite(p.lonDeg) && std::isfinite(p.latDeg) &&
                                   std::abs(p.lonDeg) <= 180 + kSlackDeg && std::abs(p.latDeg) <= 90 + kSlackDeg,
                               "point " + std::to_string(p.lonDeg) + "," + std::to_string(p.latDeg));
                    FUZZ_CHECK(inBounds(country.bounds, p), "a point outside its country's bounds");
                    FUZZ_CHECK(inBounds(shapes.bounds, p), "a point outside the world's bounds");
                }
            }
        }
    }
    FUZZ_CHECK(points == shapes.pointCount,
               "pointCount " + std::to_string(shapes.pointCount) + ", rings hold " + std::to_string(points));
}

void checkMeshes(const WorldShapes& shapes) {
    geo::TessellateOptions options;
    options.maxEdgeDeg = 10.0;  // the app uses 1 degree; coarser keeps each run fast
    const geo::WorldMesh world = geo::tessellateWorld(shapes, options);
    FUZZ_CHECK(world.countryTriangles.size() == shapes.countries.size(),
               std::to_string(world.countryTriangles.size()) + " ranges for " +
                   std::to_string(shapes.countries.size()) + " countries");
    FUZZ_CHECK(world.mesh.indices.size() % 3 == 0, std::to_string(world.mesh.indices.size()) + " indices");
    for (const std::uint32_t index : world.mesh.indices)
        FUZZ_CHECK(index < world.mesh.vertices.size(), "index " + std::to_string(index) + " of " +
                                                           std::to_string(world.mesh.vertices.size()) + " vertices");
    for (const geo::IndexRange& r : world.countryTriangles)
        FUZZ_CHECK(std::size_t{r.first} + r.count <= world.mesh.indices.size(), std::string("a range past the mesh"));
    const geo::BorderLines borders = geo::borderLines(shapes, options);
    FUZZ_CHECK(borders.vertices.size() % 2 == 0 && borders.countrySegments.size() == shapes.countries.size(),
               std::to_string(borders.vertices.size()) + " border vertices");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    TopoJsonLimits limits;
    limits.maxTotalPoints = 100'000;  // keeps one run short; the limit itself is what is exercised
    const TopoJsonResult result = parseTopoJson(text, "fuzz.topojson", "countries", limits);
    checkDiagnostics(result.diagnostics, result.ok());
    if (result.ok()) {
        checkShapes(*result.shapes);
        if (result.shapes->pointCount <= 20'000) checkMeshes(*result.shapes);
    }

    const IsoTableResult iso = parseIsoTable(text, "fuzz.csv");
    FUZZ_CHECK(iso.ok() == (countErrors(iso.diagnostics) == 0), std::string("ISO table: ok() and errors disagree"));
    if (iso.ok()) {
        for (std::size_t i = 1; i < iso.table->entries.size(); ++i)
            FUZZ_CHECK(iso.table->entries[i - 1].numeric < iso.table->entries[i].numeric,
                       "ISO table not sorted or not unique at " + iso.table->entries[i].numeric);
        for (const IsoCountry& c : iso.table->entries)
            FUZZ_CHECK(iso.table->findByNumeric(c.numeric) != nullptr, "findByNumeric misses " + c.numeric);
    }
    return 0;
}

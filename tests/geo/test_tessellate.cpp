#include <doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <string>

#include "geo/tessellate.h"
#include "io/topojson.h"
#include "test_paths.h"

using namespace meridian;
using namespace meridian::geo;
using io::Polygon;
using io::Ring;

namespace {

const std::filesystem::path kData = meridian::test::testDataDir();
const std::filesystem::path kWorld = kData / ".." / ".." / "assets" / "world";

double triangleArea(const MeshVertex& a, const MeshVertex& b, const MeshVertex& c) {
    const double ax = a.lonDeg, ay = a.latDeg, bx = b.lonDeg, by = b.latDeg, cx = c.lonDeg, cy = c.latDeg;
    return std::fabs((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)) / 2.0;
}

double meshArea(const TriangleMesh& mesh, IndexRange range) {
    double sum = 0.0;
    for (std::uint32_t k = range.first; k + 2 < range.first + range.count; k += 3) {
        sum += triangleArea(mesh.vertices[mesh.indices[k]], mesh.vertices[mesh.indices[k + 1]],
                            mesh.vertices[mesh.indices[k + 2]]);
    }
    return sum;
}
double meshArea(const TriangleMesh& mesh) {
    return meshArea(mesh, {0, static_cast<std::uint32_t>(mesh.indices.size())});
}

// Widest longitude span of any triangle: a ring drawn across the antimeridian without being cut
// makes triangles ~360 degrees wide.
double widestTriangle(const TriangleMesh& mesh, IndexRange range) {
    double widest = 0.0;
    for (std::uint32_t k = range.first; k < range.first + range.count; k += 3) {
        const float a = mesh.vertices[mesh.indices[k]].lonDeg, b = mesh.vertices[mesh.indices[k + 1]].lonDeg,
                    c = mesh.vertices[mesh.indices[k + 2]].lonDeg;
        widest = std::max(widest, static_cast<double>(std::max({a, b, c}) - std::min({a, b, c})));
    }
    return widest;
}

bool covers(const TriangleMesh& mesh, IndexRange range, double lon, double lat) {
    for (std::uint32_t k = range.first; k < range.first + range.count; k += 3) {
        const MeshVertex& a = mesh.vertices[mesh.indices[k]];
        const MeshVertex& b = mesh.vertices[mesh.indices[k + 1]];
        const MeshVertex& c = mesh.vertices[mesh.indices[k + 2]];
        auto side = [&](const MeshVertex& p, const MeshVertex& q) {
            return (q.lonDeg - p.lonDeg) * (lat - p.latDeg) - (q.latDeg - p.latDeg) * (lon - p.lonDeg);
        };
        const double s1 = side(a, b), s2 = side(b, c), s3 = side(c, a);
        if ((s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0)) return true;
    }
    return false;
}

// The planar area a ring encloses, worked out independently of the code under test: longitudes
// are unwrapped across ±180 (the short way), then
//  - a ring that comes back to its start longitude: the shoelace formula;
//  - a ring that goes once round a pole (net 360 degrees): the area between it and that pole.
double referenceRingArea(const Ring& ring) {
    if (ring.size() < 3) return 0.0;
    double minLat = 90, maxLat = -90, sumLat = 0;
    for (const auto& p : ring)
        minLat = std::min(minLat, p.latDeg), maxLat = std::max(maxLat, p.latDeg), sumLat += p.latDeg;
    if (maxLat - minLat <= 0) return 0.0;  // a line has no area
    double shoelace = 0, toPole = 0, net = 0;
    const double pole = sumLat < 0 ? -90.0 : 90.0;
    double lon = ring[0].lonDeg;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const auto& a = ring[i];
        const auto& b = ring[(i + 1) % ring.size()];
        double d = b.lonDeg - a.lonDeg;
        if (d > 180) d -= 360;
        if (d < -180) d += 360;
        const double lonB = lon + d;
        shoelace += lon * b.latDeg - lonB * a.latDeg;
        toPole += d * ((a.latDeg + b.latDeg) / 2 - pole);
        lon = lonB;
        net += d;
    }
    return std::fabs(net) > 180 ? std::fabs(toPole) : std::fabs(shoelace) / 2;
}

// Outer ring minus holes, skipping rings that have no area (world-atlas 50m's Antarctica has an
// "outer" ring that is a line along lat -89.999; its coast is then the first ring with area).
double referencePolygonArea(const Polygon& polygon) {
    double area = 0;
    bool first = true;
    for (const Ring& ring : polygon) {
        const double a = referenceRingArea(ring);
        if (a == 0) continue;
        area += first ? a : -a;
        first = false;
    }
    return area;
}

io::WorldShapes loadWorld(const char* file) {
    const io::TopoJsonResult r = io::loadTopoJson(kWorld / file);
    REQUIRE(r.ok());
    return *r.shapes;
}

std::size_t countryIndex(const io::WorldShapes& shapes, std::string_view name) {
    for (std::size_t i = 0; i < shapes.countries.size(); ++i)
        if (shapes.countries[i].name == name) return i;
    FAIL("no country " << name);
    return 0;
}

Ring square(double lon0, double lat0, double lon1, double lat1) {
    return {{lon0, lat0}, {lon1, lat0}, {lon1, lat1}, {lon0, lat1}};
}

}  // namespace

TEST_CASE("tessellate: a square with a hole fills exactly its area") {
    const Polygon polygon = {square(10, 0, 20, 10), square(13, 3, 17, 7)};
    const PolygonMesh m = tessellatePolygon(polygon);
    REQUIRE(m.ok());
    CHECK(m.mesh.indices.size() % 3 == 0);
    CHECK(meshArea(m.mesh) == doctest::Approx(84.0).epsilon(1e-9));
    CHECK(covers(m.mesh, {0, static_cast<std::uint32_t>(m.mesh.indices.size())}, 11, 1));
    CHECK(!covers(m.mesh, {0, static_cast<std::uint32_t>(m.mesh.indices.size())}, 15, 5));  // in the hole
}

TEST_CASE("tessellate: ring orientation does not matter (ODD rule)") {
    Ring outer = square(0, 0, 4, 4);
    Ring hole = square(1, 1, 2, 2);
    std::reverse(hole.begin(), hole.end());  // same orientation as the outer ring now
    CHECK(meshArea(tessellatePolygon({outer, hole}).mesh) == doctest::Approx(15.0));
    std::reverse(outer.begin(), outer.end());
    CHECK(meshArea(tessellatePolygon({outer, hole}).mesh) == doctest::Approx(15.0));
}

TEST_CASE("tessellate: long edges are densified so no boundary edge exceeds 1 degree") {
    const PolygonMesh m = tessellatePolygon({square(0, 0, 10, 10)});
    REQUIRE(m.ok());
    CHECK(m.mesh.vertices.size() == 40);  // each 10-degree side in 10 pieces
    // Boundary edges are the ones used by exactly one triangle.
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> uses;
    for (std::size_t k = 0; k < m.mesh.indices.size(); k += 3) {
        for (int e = 0; e < 3; ++e) {
            std::uint32_t a = m.mesh.indices[k + e], b = m.mesh.indices[k + (e + 1) % 3];
            ++uses[{std::min(a, b), std::max(a, b)}];
        }
    }
    int boundary = 0;
    for (const auto& [edge, count] : uses) {
        if (count != 1) continue;
        ++boundary;
        const MeshVertex& a = m.mesh.vertices[edge.first];
        const MeshVertex& b = m.mesh.vertices[edge.second];
        CHECK(std::hypot(a.lonDeg - b.lonDeg, a.latDeg - b.latDeg) <= 1.0 + 1e-5);
    }
    CHECK(boundary == 40);
    CHECK(meshArea(m.mesh) == doctest::Approx(100.0));

    TessellateOptions off;
    off.maxEdgeDeg = 0;  // no densifying
    CHECK(tessellatePolygon({square(0, 0, 10, 10)}, off).mesh.vertices.size() == 4);
}

TEST_CASE("tessellate: self-intersections go through the combine callback") {
    // A bow tie: two triangles of area 1 meeting at (1, 1), a point not in the input.
    TessellateOptions noDensify;
    noDensify.maxEdgeDeg = 0;
    const PolygonMesh m = tessellatePolygon({{{0, 0}, {2, 2}, {2, 0}, {0, 2}}}, noDensify);
    REQUIRE(m.ok());
    CHECK(meshArea(m.mesh) == doctest::Approx(2.0));
    CHECK(m.mesh.vertices.size() == 5);
}

TEST_CASE("tessellate: degenerate and impossible rings are skipped without failing") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const Polygon polygon = {
        square(0, 0, 3, 3),
        {{5, 5}, {5, 5}, {6, 6}},       // 2 distinct points
        {{0, 20}, {10, 20}, {20, 20}},  // all on one parallel
        {{1, 1}, {nan, 1}, {2, 2}},     // not a number
        {{1e300, 1}, {2, 1}, {2, 2}},   // not a longitude
        {},
    };
    const PolygonMesh m = tessellatePolygon(polygon);
    REQUIRE(m.ok());
    CHECK(meshArea(m.mesh) == doctest::Approx(9.0));
    CHECK(tessellatePolygon({}).mesh.indices.empty());
    CHECK(planarFillRings(polygon).size() == 1);
}

TEST_CASE("tessellate: a ring crossing the antimeridian is cut into one piece per side") {
    // 20 degrees wide, centred on 180: 10 degrees on each side of the map.
    const Polygon polygon = {{{170, 10}, {-170, 10}, {-170, 20}, {170, 20}}};
    const auto rings = planarFillRings(polygon);
    REQUIRE(rings.size() == 2);
    CHECK(std::fabs(planarSignedArea(rings[0])) == doctest::Approx(100.0));
    CHECK(std::fabs(planarSignedArea(rings[1])) == doctest::Approx(100.0));
    const PolygonMesh m = tessellatePolygon(polygon);
    CHECK(meshArea(m.mesh) == doctest::Approx(200.0));  // not the 340 x 10 smear across the map
    const IndexRange all{0, static_cast<std::uint32_t>(m.mesh.indices.size())};
    CHECK(widestTriangle(m.mesh, all) <= 10.0 + 1e-4);
    CHECK(covers(m.mesh, all, 175, 15));
    CHECK(covers(m.mesh, all, -175, 15));
    CHECK(!covers(m.mesh, all, 0, 15));
}

TEST_CASE("tessellate: a ring going round a pole is closed through that pole") {
    // Once round the south pole around lat -70; crosses 180 between (150,-75) and (-150,-70).
    const Polygon south = {{{-150, -70}, {-30, -70}, {90, -70}, {150, -75}}};
    const PolygonMesh m = tessellatePolygon(south);
    REQUIRE(m.ok());
    // Area between the ring and lat -90, by trapezoids: 562.5 + 2400 + 2400 + 1050 + 487.5.
    CHECK(meshArea(m.mesh) == doctest::Approx(6900.0));
    const IndexRange all{0, static_cast<std::uint32_t>(m.mesh.indices.size())};
    CHECK(covers(m.mesh, all, 0, -89.5));
    CHECK(!covers(m.mesh, all, 0, -60));

    Polygon north = south;
    for (auto& p : north[0]) p.latDeg = -p.latDeg;
    const PolygonMesh n = tessellatePolygon(north);
    CHECK(meshArea(n.mesh) == doctest::Approx(6900.0));
    CHECK(covers(n.mesh, {0, static_cast<std::uint32_t>(n.mesh.indices.size())}, 0, 89.5));
}

TEST_CASE("tessellate: every 110m and 50m country fills its planar area") {
    for (const char* file : {"countries-110m.json", "countries-50m.json"}) {
        CAPTURE(file);
        const io::WorldShapes shapes = loadWorld(file);
        const WorldMesh world = tessellateWorld(shapes);
        CHECK(world.warnings.empty());
        REQUIRE(world.countryTriangles.size() == shapes.countries.size());
        std::uint32_t next = 0;
        for (std::size_t c = 0; c < shapes.countries.size(); ++c) {
            const io::CountryShape& country = shapes.countries[c];
            CAPTURE(country.name);
            const IndexRange range = world.countryTriangles[c];
            CHECK(range.first == next);  // ranges tile the index buffer in country order
            next = range.first + range.count;
            double expected = 0;
            for (const Polygon& polygon : country.polygons) expected += referencePolygonArea(polygon);
            // Relative 1e-4, plus what float vertices (~1e-5 degree steps near 180) cost tiny islands.
            CHECK(meshArea(world.mesh, range) == doctest::Approx(expected).epsilon(1e-4).scale(0.05));
        }
        CHECK(next == world.mesh.indices.size());
        for (std::uint32_t index : world.mesh.indices) REQUIRE(index < world.mesh.vertices.size());
    }
}

TEST_CASE("tessellate: Antarctica reaches the pole, Russia and Fiji do not smear across the map") {
    for (const char* file : {"countries-110m.json", "countries-50m.json"}) {
        CAPTURE(file);
        const io::WorldShapes shapes = loadWorld(file);
        const WorldMesh world = tessellateWorld(shapes);

        const IndexRange antarctica = world.countryTriangles[countryIndex(shapes, "Antarctica")];
        CHECK(covers(world.mesh, antarctica, 0, -89.9));
        CHECK(covers(world.mesh, antarctica, 179.9, -87));
        CHECK(covers(world.mesh, antarctica, -179.9, -87));
        CHECK(!covers(world.mesh, antarctica, 0, -50));
        CHECK(!covers(world.mesh, antarctica, -150, -70));  // the Ross Sea side is open water at 70S
        for (std::uint32_t k = antarctica.first; k < antarctica.first + antarctica.count; ++k) {
            REQUIRE(world.mesh.vertices[world.mesh.indices[k]].latDeg < -59.0f);
        }

        const IndexRange russia = world.countryTriangles[countryIndex(shapes, "Russia")];
        CHECK(widestTriangle(world.mesh, russia) < 180.0);
        CHECK(covers(world.mesh, russia, 100, 60));     // Siberia
        CHECK(covers(world.mesh, russia, -175, 66.5));  // Chukotka, west of the antimeridian
        CHECK(!covers(world.mesh, russia, -100, 66));   // Canada
        CHECK(!covers(world.mesh, russia, 0, 68));      // the Norwegian Sea

        const IndexRange fiji = world.countryTriangles[countryIndex(shapes, "Fiji")];
        CHECK(widestTriangle(world.mesh, fiji) < 10.0);
        CHECK(!covers(world.mesh, fiji, 0, -16.5));
    }
}

TEST_CASE("tessellate: 10m world fills without a warning") {
    const io::WorldShapes shapes = loadWorld("countries-10m.json");
    const WorldMesh world = tessellateWorld(shapes);
    CHECK(world.warnings.empty());
    CHECK(world.mesh.indices.size() / 3 > 500'000);
    const std::size_t iran = countryIndex(shapes, "Iran");
    double expected = 0;
    for (const Polygon& polygon : shapes.countries[iran].polygons) expected += referencePolygonArea(polygon);
    CHECK(expected == doctest::Approx(156.1).epsilon(0.01));
    CHECK(meshArea(world.mesh, world.countryTriangles[iran]) == doctest::Approx(expected).epsilon(1e-4));
}

TEST_CASE("borders: closed loops per country, densified, with no seam or pole lines") {
    io::WorldShapes two;
    two.countries.resize(2);
    two.countries[0].polygons = {{square(0, 0, 10, 10)}};
    two.countries[1].polygons = {{square(10, 0, 20, 10), square(13, 3, 17, 7)}};
    const BorderLines lines = borderLines(two);
    REQUIRE(lines.countrySegments.size() == 2);
    CHECK(lines.countrySegments[0].first == 0);
    CHECK(lines.countrySegments[0].count == 2 * 40);  // 40 one-degree segments
    CHECK(lines.countrySegments[1].first == 80);
    CHECK(lines.countrySegments[1].count == 2 * (40 + 16));  // outer ring + 4x4 hole
    CHECK(lines.vertices.size() == 80 + 112);

    for (const char* file : {"countries-110m.json", "countries-50m.json"}) {
        CAPTURE(file);
        const io::WorldShapes shapes = loadWorld(file);
        const BorderLines world = borderLines(shapes);
        for (std::size_t k = 0; k < world.vertices.size(); k += 2) {
            const MeshVertex& a = world.vertices[k];
            const MeshVertex& b = world.vertices[k + 1];
            REQUIRE(std::hypot(a.lonDeg - b.lonDeg, a.latDeg - b.latDeg) <= 1.0f + 1e-4f);  // no jump across the map
            REQUIRE(a.latDeg > -89.99f);  // neither the pole closure nor 50m's line at -89.999
        }
        // Russia's border reaches both edges of the map: it is cut, not dropped.
        const IndexRange russia = world.countrySegments[countryIndex(shapes, "Russia")];
        float minLon = 180, maxLon = -180;
        for (std::uint32_t k = russia.first; k < russia.first + russia.count; ++k) {
            minLon = std::min(minLon, world.vertices[k].lonDeg);
            maxLon = std::max(maxLon, world.vertices[k].lonDeg);
        }
        CHECK(minLon == -180.0f);
        CHECK(maxLon == 180.0f);
    }
}

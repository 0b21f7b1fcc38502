#include <doctest.h>

#include <cstring>
#include <filesystem>
#include <string>

#include "io/topojson.h"
#include "io/world_level_bytes.h"
#include "test_paths.h"

using namespace meridian;
using namespace meridian::io;

namespace {

const std::filesystem::path kWorld =
    std::filesystem::path(meridian::test::testDataDir()) / ".." / ".." / "assets" / "world";

bool sameVertices(const std::vector<geo::MeshVertex>& a, const std::vector<geo::MeshVertex>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof a[0]) == 0);
}

bool sameRanges(const std::vector<geo::IndexRange>& a, const std::vector<geo::IndexRange>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].first != b[i].first || a[i].count != b[i].count) return false;
    return true;
}

// Two countries, three triangles, two border segments: small enough to cut at every byte.
WorldLevel tinyLevel() {
    WorldLevel level;
    level.fills.mesh.vertices = {{0, 0}, {10, 0}, {0, 10}, {10, 10}, {20, 0}};
    level.fills.mesh.indices = {0, 1, 2, 1, 3, 2, 1, 4, 3};
    level.fills.countryTriangles = {{0, 6}, {6, 3}};
    level.borders.vertices = {{0, 0}, {10, 0}, {10, 0}, {20, 0}};
    level.borders.countrySegments = {{0, 2}, {2, 2}};
    level.shapes.countries.resize(2);
    level.shapes.countries[0].id = "364";
    level.shapes.countries[0].name = "Iran";
    level.shapes.countries[0].alpha3 = "IRN";
    level.shapes.countries[0].bounds.add(geo::LonLat{44.0, 25.0});
    level.shapes.countries[0].bounds.add(geo::LonLat{63.3, 39.8});
    level.shapes.countries[1].id = "408";
    level.shapes.countries[1].name = "North Korea";
    level.shapes.countries[1].alpha3 = "PRK";
    return level;
}

}  // namespace

TEST_CASE("a world level survives the trip through bytes (the 1:110m world)") {
    const IsoTableResult iso = loadIsoTable(kWorld / "iso3166.csv");
    REQUIRE(iso.ok());
    const WorldLevelResult original = loadWorldLevel(kWorld / "countries-110m.json", &*iso.table);
    REQUIRE(original.ok());
    const WorldLevelResult copy = decodeWorldLevel(encodeWorldLevel(original.level));
    REQUIRE_MESSAGE(copy.ok(), copy.error);
    const WorldLevel& a = original.level;
    const WorldLevel& b = copy.level;
    CHECK(sameVertices(a.fills.mesh.vertices, b.fills.mesh.vertices));
    CHECK(a.fills.mesh.indices == b.fills.mesh.indices);
    CHECK(sameRanges(a.fills.countryTriangles, b.fills.countryTriangles));
    CHECK(sameVertices(a.borders.vertices, b.borders.vertices));
    CHECK(sameRanges(a.borders.countrySegments, b.borders.countrySegments));
    REQUIRE(a.shapes.countries.size() == b.shapes.countries.size());
    std::size_t withCode = 0;
    for (std::size_t i = 0; i < a.shapes.countries.size(); ++i) {
        const CountryShape& x = a.shapes.countries[i];
        const CountryShape& y = b.shapes.countries[i];
        CHECK(x.id == y.id);
        CHECK(x.name == y.name);
        CHECK(x.alpha3 == y.alpha3);
        CHECK(x.bounds.minLonDeg == y.bounds.minLonDeg);
        CHECK(x.bounds.maxLatDeg == y.bounds.maxLatDeg);
        CHECK(x.bounds.empty == y.bounds.empty);
        CHECK(y.polygons.empty());  // not carried
        withCode += !y.alpha3.empty();
    }
    CHECK(withCode > 150);
}

TEST_CASE("a world level cut short anywhere is an error naming the byte, never a crash") {
    const std::vector<std::uint8_t> bytes = encodeWorldLevel(tinyLevel());
    const WorldLevelResult whole = decodeWorldLevel(bytes);
    REQUIRE_MESSAGE(whole.ok(), whole.error);
    CHECK(whole.level.shapes.countries[1].name == "North Korea");
    CHECK(whole.level.shapes.countries[0].bounds.maxLonDeg == doctest::Approx(63.3));
    CHECK(whole.level.shapes.countries[1].bounds.empty);
    for (std::size_t n = 0; n < bytes.size(); ++n) {
        const WorldLevelResult cut = decodeWorldLevel(std::span(bytes.data(), n));
        CHECK_MESSAGE(!cut.ok(), n);
        CHECK_MESSAGE(cut.error.find("world level bytes: at byte ") == 0, cut.error);
        CHECK(cut.level.fills.mesh.indices.empty());
    }
}

TEST_CASE("damaged world level bytes are refused with what is wrong") {
    const std::vector<std::uint8_t> good = encodeWorldLevel(tinyLevel());

    std::vector<std::uint8_t> bytes = good;
    bytes[0] = 'X';
    CHECK(decodeWorldLevel(bytes).error == "world level bytes: at byte 4: not a world level (expected \"MWL1\")");

    // The first triangle index (after the 20-byte header and 5 vertices of 8 bytes) points past the vertices.
    bytes = good;
    const std::uint32_t past = 5;
    std::memcpy(bytes.data() + 20 + 5 * 8, &past, 4);
    CHECK(decodeWorldLevel(bytes).error.find("triangle index 0 is 5, past the 5 vertices") != std::string::npos);

    // A country count the rest of the buffer cannot hold.
    bytes = good;
    const std::uint32_t many = 1'000'000;
    std::memcpy(bytes.data() + 12, &many, 4);
    CHECK(decodeWorldLevel(bytes).error.find("1000000 countries do not fit") != std::string::npos);

    bytes = good;
    bytes.push_back(0);
    CHECK(decodeWorldLevel(bytes).error.find("1 bytes after the last country") != std::string::npos);
}

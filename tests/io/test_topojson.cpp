#include <doctest.h>

#include <filesystem>
#include <string>

#include "io/topojson.h"
#include "test_paths.h"

using namespace meridian;
using namespace meridian::io;

namespace {

const std::filesystem::path kData = meridian::test::testDataDir();
const std::filesystem::path kTopo = kData / "topojson";
const std::filesystem::path kWorld = kData / ".." / ".." / "assets" / "world";

const CountryShape* findCountry(const WorldShapes& shapes, std::string_view name) {
    for (const CountryShape& c : shapes.countries)
        if (c.name == name) return &c;
    return nullptr;
}

std::size_t countSeverity(const TopoJsonResult& r, Severity s) {
    std::size_t n = 0;
    for (const Diagnostic& d : r.diagnostics) n += d.severity == s ? 1 : 0;
    return n;
}

// Loads a hostile fixture and returns its (single) error.
Diagnostic loadError(const std::string& fixture, std::string_view objectName = "countries",
                     const TopoJsonLimits& limits = {}) {
    const TopoJsonResult r = loadTopoJson(kTopo / fixture, objectName, limits);
    CHECK_MESSAGE(!r.ok(), fixture);
    CHECK_MESSAGE(!r.shapes.has_value(), fixture);
    REQUIRE_MESSAGE(countSeverity(r, Severity::Error) >= 1, fixture);
    for (const Diagnostic& d : r.diagnostics)
        if (d.severity == Severity::Error) return d;
    return {};
}

void checkRing(const Ring& ring, std::initializer_list<geo::LonLat> expected) {
    REQUIRE(ring.size() == expected.size());
    std::size_t i = 0;
    for (const geo::LonLat& p : expected) {
        CHECK(ring[i].lonDeg == p.lonDeg);  // exact: 0.5 and 0.25 scales are exact in binary
        CHECK(ring[i].latDeg == p.latDeg);
        ++i;
    }
}

}  // namespace

TEST_CASE("topojson: quantised squares sharing an arc decode to exact coordinates") {
    const TopoJsonResult r = loadTopoJson(kTopo / "two_squares.json");
    REQUIRE(r.ok());
    const WorldShapes& shapes = *r.shapes;
    CHECK(shapes.objectName == "countries");
    REQUIRE(shapes.countries.size() == 2);  // the Point and the LineString are not countries

    const CountryShape& alpha = shapes.countries[0];
    CHECK(alpha.id == "001");
    CHECK(alpha.name == "Alpha");
    REQUIRE(alpha.polygons.size() == 1);
    REQUIRE(alpha.polygons[0].size() == 1);
    // arcs [0, 1]: the shared arc, then the rest; rings are open (no repeated first point).
    checkRing(alpha.polygons[0][0], {{10, 0}, {10, 10}, {0, 10}, {0, 0}});

    const CountryShape& beta = shapes.countries[1];
    CHECK(beta.id == "2");  // a numeric id becomes its decimal text
    CHECK(beta.name == "Beta");
    REQUIRE(beta.polygons.size() == 1);
    REQUIRE(beta.polygons[0].size() == 2);
    // arcs [2, -1]: -1 is arc 0 reversed.
    checkRing(beta.polygons[0][0], {{10, 0}, {20, 0}, {20, 10}, {10, 10}});
    checkRing(beta.polygons[0][1], {{13, 3}, {17, 3}, {17, 7}, {13, 7}});  // the hole

    CHECK(alpha.bounds.minLonDeg == 0);
    CHECK(alpha.bounds.maxLonDeg == 10);
    CHECK(shapes.bounds.minLonDeg == 0);
    CHECK(shapes.bounds.maxLonDeg == 20);
    CHECK(shapes.bounds.minLatDeg == 0);
    CHECK(shapes.bounds.maxLatDeg == 10);
    CHECK(shapes.pointCount == 12);

    // The skipped geometries are warnings that say where and why.
    REQUIRE(countSeverity(r, Severity::Warning) == 2);
    CHECK(r.diagnostics[0].path == "objects.countries.geometries[2]");
    CHECK(r.diagnostics[0].line == 10);
    CHECK(r.diagnostics[0].message.find("Point geometry skipped") != std::string::npos);
    CHECK(r.diagnostics[1].path == "objects.countries.geometries[3]");
}

TEST_CASE("topojson: a lone Polygon object is one shape; arcs stitch across three arcs") {
    const TopoJsonResult r = loadTopoJson(kTopo / "two_squares.json", "outline");
    REQUIRE(r.ok());
    REQUIRE(r.shapes->countries.size() == 1);
    const CountryShape& outline = r.shapes->countries[0];
    CHECK(outline.id.empty());
    CHECK(outline.name.empty());
    checkRing(outline.polygons.at(0).at(0), {{10, 10}, {0, 10}, {0, 0}, {10, 0}, {20, 0}, {20, 10}});
}

TEST_CASE("topojson: an unquantised topology reads positions as they are") {
    const std::string text = R"({"type": "Topology",
      "objects": {"c": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "id": "364", "properties": {"name": "Iran"}, "arcs": [[0]]},
        {"type": null, "properties": {"name": "Nothing"}}]}},
      "arcs": [[[44.5, 25.25, 7], [63.25, 25.25, 7], [63.25, 39.75], [44.5, 25.25]]]})";
    const TopoJsonResult r = parseTopoJson(text, "inline.json", "c");
    REQUIRE(r.ok());
    REQUIRE(r.shapes->countries.size() == 1);
    checkRing(r.shapes->countries[0].polygons.at(0).at(0), {{44.5, 25.25}, {63.25, 25.25}, {63.25, 39.75}});
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message == "null geometry skipped");
}

TEST_CASE("topojson: a UTF-8 byte order mark and CRLF line ends are fine") {
    const TopoJsonResult r = loadTopoJson(kTopo / "bom_crlf.json");
    REQUIRE(r.ok());
    CHECK(r.shapes->countries.size() == 1);
    CHECK(r.shapes->countries[0].name == "Square");
}

TEST_CASE("topojson: world-atlas 110m has its 177 countries, Iran and North Korea where they belong") {
    const TopoJsonResult r = loadTopoJson(kWorld / "countries-110m.json");
    REQUIRE(r.ok());
    CHECK(r.diagnostics.empty());
    const WorldShapes& shapes = *r.shapes;
    CHECK(shapes.countries.size() == 177);
    CHECK(shapes.bounds.minLonDeg == -180);
    CHECK(shapes.bounds.maxLonDeg == doctest::Approx(180));

    const CountryShape* iran = findCountry(shapes, "Iran");
    REQUIRE(iran);
    CHECK(iran->id == "364");
    CHECK(iran->bounds.minLonDeg == doctest::Approx(44.1).epsilon(0.005));
    CHECK(iran->bounds.maxLonDeg == doctest::Approx(63.3).epsilon(0.005));
    CHECK(iran->bounds.minLatDeg == doctest::Approx(25.1).epsilon(0.005));
    CHECK(iran->bounds.maxLatDeg == doctest::Approx(39.7).epsilon(0.005));

    const CountryShape* dprk = findCountry(shapes, "North Korea");
    REQUIRE(dprk);
    CHECK(dprk->id == "408");
    CHECK(dprk->bounds.minLonDeg > 124.0);
    CHECK(dprk->bounds.maxLonDeg < 131.0);
    CHECK(dprk->bounds.minLatDeg > 37.5);
    CHECK(dprk->bounds.maxLatDeg < 43.1);
}

TEST_CASE("topojson: world-atlas 50m and 10m load; the file's other object is listed when a name is wrong") {
    const TopoJsonResult r50 = loadTopoJson(kWorld / "countries-50m.json");
    REQUIRE(r50.ok());
    CHECK(r50.shapes->countries.size() == 241);
    const TopoJsonResult r10 = loadTopoJson(kWorld / "countries-10m.json");
    REQUIRE(r10.ok());
    CHECK(r10.shapes->countries.size() == 255);
    CHECK(r10.shapes->pointCount > 500'000);

    const TopoJsonResult land = loadTopoJson(kWorld / "land-110m.json", "land");
    REQUIRE(land.ok());
    CHECK(land.shapes->countries.size() == 1);

    const TopoJsonResult wrong = loadTopoJson(kWorld / "countries-110m.json", "rivers");
    REQUIRE(!wrong.ok());
    CHECK(wrong.diagnostics.at(0).path == "objects");
    CHECK(wrong.diagnostics.at(0).message == "no object named \"rivers\" (available: \"countries\", \"land\")");
}

TEST_CASE("topojson: hostile files give an error with the right path and position") {
    struct Case {
        const char* fixture;
        const char* path;
        unsigned line;
        unsigned column;
        const char* message;  // a part of the message
    };
    const Case cases[] = {
        {"arc_index_out_of_range.json", "objects.countries.geometries[1].arcs[0][1]", 28, 8,
         "arc index 99 is out of range: the topology has 1 arc"},
        {"arc_index_negative_out_of_range.json", "objects.countries.geometries[0].arcs[0][0]", 15, 8,
         "arc index -100 is out of range"},
        {"arc_index_string.json", "objects.countries.geometries[2].arcs[0][0]", 39, 8,
         "expected an arc index (an integer), found a string"},
        {"arc_index_fraction.json", "objects.countries.geometries[0].arcs[0][0]", 15, 8, "found 0.5"},
        {"arc_index_huge.json", "objects.countries.geometries[0].arcs[0][0]", 15, 8, "out of range"},
        {"ring_not_array.json", "objects.countries.geometries[0].arcs[0]", 14, 7, "expected a ring"},
        {"position_not_number.json", "arcs[1][1][0]", 4, 13, "expected a number, found a string"},
        {"position_short.json", "arcs[0][1]", 28, 4, "at least 2 numbers, found 1"},
        {"arc_not_array.json", "arcs[0]", 23, 3, "expected an arc (an array of positions), found a number"},
        {"arcs_not_array.json", "arcs", 22, 10, "expected an array of arcs, found an object"},
        {"missing_arcs.json", "arcs", 1, 1, "missing member"},
        {"number_overflow.json", "arcs[0][1][0]", 2, 21, "expected a finite number"},
        {"overflow_after_transform.json", "arcs[0][0]", 34, 4, "does not decode to finite numbers"},
        {"projected.json", "arcs[0][1]", 28, 4, "(500000, 0), outside longitude"},
        {"transform_bad.json", "transform.scale", 4, 12, "expected an array of 2 numbers, found an array of 1 values"},
        {"missing_object.json", "objects", 3, 13, "(available: \"land\", \"rivers\")"},
        {"geometries_wrong_type.json", "objects.countries.geometries", 6, 18,
         "expected an array of geometries, found a string"},
        {"name_not_string.json", "objects.countries.geometries[1].properties.name", 23, 15,
         "expected a string, found a number"},
        {"id_wrong_type.json", "objects.countries.geometries[0].id", 9, 12,
         "expected a string or an integer, found an object"},
        {"unknown_geometry_type.json", "objects.countries.geometries[0].type", 8, 14,
         "unknown geometry type \"Circle\""},
        {"polygon_arcs_missing.json", "objects.countries.geometries[0].arcs", 7, 5,
         "missing member (expected arc indices)"},
        {"geojson.json", "type", 2, 10, "GeoJSON is not read here"},
        {"top_level_array.json", "", 1, 1, "expected a TopoJSON Topology object, found an array"},
        // Syntax errors come from the JSON reader: no path, but a position.
        {"truncated.json", "", 3, 52, "unexpected end of the file"},
        {"bad_utf8.json", "", 1, 161, "invalid UTF-8"},
        {"deep_nesting.json", "", 1, 215, "nesting is deeper than 64 levels"},
        {"empty.json", "", 1, 1, "the file is empty"},
        {"whitespace_only.json", "", 3, 1, "only white space"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.fixture);
        const Diagnostic d = loadError(c.fixture);
        CHECK(d.file == (kTopo / c.fixture).string());
        CHECK(d.path == c.path);
        CHECK(d.line == c.line);
        CHECK(d.column == c.column);
        CHECK_MESSAGE(d.message.find(c.message) != std::string::npos, d.message);
    }
}

TEST_CASE("topojson: diagnostics format as file:line:column: path: message") {
    const Diagnostic d = loadError("arc_index_out_of_range.json");
    CHECK(d.format() ==
          (kTopo / "arc_index_out_of_range.json").string() +
              ":28:8: objects.countries.geometries[1].arcs[0][1]: arc index 99 is out of range: the topology "
              "has 1 arc");
}

TEST_CASE("topojson: missing files and folders are errors, not crashes") {
    const TopoJsonResult missing = loadTopoJson(kTopo / "no_such_file.json");
    REQUIRE(!missing.ok());
    CHECK(missing.diagnostics.at(0).message == "no such file");
    const TopoJsonResult folder = loadTopoJson(kTopo);
    REQUIRE(!folder.ok());
    CHECK(folder.diagnostics.at(0).file == kTopo.string());
}

TEST_CASE("topojson: limits stop absurd sizes") {
    TopoJsonLimits limits;
    limits.maxTotalPoints = 10;  // two_squares.json has 15 arc positions
    Diagnostic d = loadError("two_squares.json", "countries", limits);
    CHECK(d.path == "arcs[3][0]");
    CHECK(d.message == "too many positions in arcs (limit 10)");

    // A ring naming one 5-point arc 1000 times: small file, 5000 points once stitched.
    limits.maxTotalPoints = 1000;
    d = loadError("ring_blowup.json", "countries", limits);
    CHECK(d.path.rfind("objects.countries.geometries[0].arcs[0][", 0) == 0);
    CHECK(d.message == "too many points in rings (limit 1000)");
    CHECK(loadTopoJson(kTopo / "ring_blowup.json").ok());  // the default limit allows it

    limits = {};
    limits.maxFileBytes = 100;
    d = loadError("two_squares.json", "countries", limits);
    CHECK(d.message.find("larger than") != std::string::npos);

    limits = {};
    limits.maxDepth = 5;
    d = loadError("two_squares.json", "countries", limits);
    CHECK(d.message == "nesting is deeper than 5 levels");
}

TEST_CASE("topojson: errors in several countries are all reported, up to a limit") {
    std::string text = R"({"type": "Topology", "arcs": [[[0, 0], [1, 0], [1, 1], [0, 0]]], "objects": {"countries":
        {"type": "GeometryCollection", "geometries": [)";
    for (int i = 0; i < 80; ++i) text += std::string(i ? "," : "") + R"({"type": "Polygon", "arcs": [[7]]})";
    text += "]}}}";
    TopoJsonResult r = parseTopoJson(text, "many.json");
    CHECK(!r.ok());
    CHECK(countSeverity(r, Severity::Error) == 50);
    CHECK(r.diagnostics[49].path == "objects.countries.geometries[49].arcs[0][0]");
}

TEST_CASE("iso table: the shipped table maps world-atlas ids to alpha-3") {
    const IsoTableResult r = loadIsoTable(kWorld / "iso3166.csv");
    REQUIRE(r.ok());
    const IsoTable& table = *r.table;
    CHECK(table.entries.size() == 238);
    REQUIRE(table.findByNumeric("364"));
    CHECK(table.findByNumeric("364")->alpha3 == "IRN");
    CHECK(table.findByNumeric("364")->name == "Iran");
    CHECK(table.findByNumeric("408")->alpha3 == "PRK");
    CHECK(table.findByNumeric("410")->alpha3 == "KOR");
    CHECK(table.findByNumeric("004")->alpha3 == "AFG");
    CHECK(table.findByNumeric("999") == nullptr);

    // Every 50m country with an id gets a code; the 5 without (Kosovo, N. Cyprus, ...) do not.
    TopoJsonResult world = loadTopoJson(kWorld / "countries-50m.json");
    REQUIRE(world.ok());
    CHECK(applyIsoTable(*world.shapes, table) == 236);
    CHECK(findCountry(*world.shapes, "Iran")->alpha3 == "IRN");
    CHECK(findCountry(*world.shapes, "North Korea")->alpha3 == "PRK");
    CHECK(findCountry(*world.shapes, "Kosovo")->alpha3.empty());

    world = loadTopoJson(kWorld / "countries-10m.json");
    REQUIRE(world.ok());
    CHECK(applyIsoTable(*world.shapes, table) == 239);  // 255 minus the 16 without an id
}

TEST_CASE("iso table: quoting, comments, short numeric ids, and bad rows") {
    const IsoTableResult ok = parseIsoTable(
        "# comment\r\nnumeric,alpha3,name\r\n410,KOR,\"Korea, Republic of\"\r\n002,BTA,\"The \"\"Beta\"\" land\"\r\n",
        "t.csv");
    REQUIRE(ok.ok());
    CHECK(ok.table->findByNumeric("410")->name == "Korea, Republic of");
    CHECK(ok.table->findByNumeric("002")->name == "The \"Beta\" land");

    TopoJsonResult squares = loadTopoJson(kTopo / "two_squares.json");
    REQUIRE(squares.ok());
    CHECK(applyIsoTable(*squares.shapes, *ok.table) == 1);  // id 2 (a JSON number) reads as "002"
    CHECK(squares.shapes->countries[1].alpha3 == "BTA");
    CHECK(squares.shapes->countries[0].alpha3.empty());

    auto firstError = [](std::string_view text) {
        const IsoTableResult r = parseIsoTable(text, "t.csv");
        CHECK(!r.ok());
        return r.diagnostics.empty() ? Diagnostic{} : r.diagnostics[0];
    };
    Diagnostic d = firstError("numeric,alpha3,name\n364,IRN,Iran\n408,Prk,North Korea\n");
    CHECK(d.line == 3);
    CHECK(d.column == 5);
    CHECK(d.message == "expected a 3-letter upper-case alpha-3 code, found \"Prk\"");
    d = firstError("numeric,alpha3,name\n36,AUS,Australia\n");
    CHECK(d.line == 2);
    CHECK(d.message == "expected a 3-digit numeric code, found \"36\"");
    d = firstError("code,name\n");
    CHECK(d.message == "expected the header line numeric,alpha3,name");
    d = firstError("numeric,alpha3,name\n364,IRN,\"Iran\n");  // the one CSV reader (io/csv_reader) says it
    CHECK(d.line == 2);
    CHECK(d.column == 9);
    CHECK(d.message.find("a quoted cell starts here and is never closed") == 0);
    d = firstError("numeric,alpha3,name\n364,IRN,Iran\n364,IRN,Iran again\n");
    CHECK(d.line == 3);
    CHECK(d.message == "numeric code 364 appears twice (first at line 2)");
    d = firstError("");
    CHECK(d.message.find("empty") != std::string::npos);
    CHECK(!loadIsoTable(kTopo / "missing.csv").ok());
}

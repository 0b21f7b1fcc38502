#include <doctest.h>

#include <filesystem>
#include <string>

#include "dataset_compare.h"
#include "io/dataset_loader.h"
#include "io/import/column_mapping.h"
#include "io/import/geojson.h"
#include "io/import/geojson_writer.h"
#include "io/import/open_any.h"
#include "io/import/table_import.h"
#include "io/json_document.h"
#include "test_paths.h"

using namespace meridian;
using namespace meridian::io;

namespace {

const std::filesystem::path kData = std::filesystem::path(meridian::test::testDataDir()) / "import";
const std::filesystem::path kRepo = std::filesystem::path(meridian::test::testDataDir()) / ".." / "..";

std::string all(const std::vector<Diagnostic>& ds) {
    std::string out;
    for (const Diagnostic& d : ds) out += (out.empty() ? "" : "\n") + d.format();
    return out;
}

const Event& eventTitled(const Dataset& ds, std::string_view title) {
    for (const Event& e : ds.events)
        if (e.title == title) return e;
    FAIL("no event titled " << title);
    return ds.events.front();
}

}  // namespace

TEST_CASE("geojson: features become rows, properties columns, geometries points") {
    const GeoJsonReadResult r = parseGeoJson(R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "id": 7, "geometry": {"type": "Point", "coordinates": [51.39, 35.69, 1200]},
   "properties": {"name": "A", "n": 3, "ok": true, "list": ["x", 2], "obj": {"k": [1, null]}, "none": null}},
  {"type": "Feature", "geometry": {"type": "MultiLineString", "coordinates": [[[1, 2], [3, 4]], [[5, 6]]]},
   "properties": {"name": "B", "extra": "e"}},
  {"type": "Feature", "geometry": {"type": "MultiPoint", "coordinates": [[1, 1]]}, "properties": null}
]})",
                                             "f.geojson");
    REQUIRE(r.table);
    const Table& t = *r.table;
    CHECK(t.hasGeometry);
    CHECK(t.columns == std::vector<std::string>{"name", "n", "ok", "list", "obj", "none", "id", "extra"});
    REQUIRE(t.rows.size() == 3);
    const TableRow& a = t.rows[0];
    CHECK(a.cells[1].kind == Cell::Kind::Number);
    CHECK(a.cells[1].number == 3);
    CHECK(a.cells[2].kind == Cell::Kind::Bool);
    CHECK(a.cells[3].text == "x\n2");
    CHECK(a.cells[4].text == "{\"k\":[1,null]}");
    CHECK(a.cells[5].kind == Cell::Kind::Empty);
    CHECK(a.cells[6].text == "7");
    CHECK(a.geometry.kind == CellGeometry::Kind::Point);
    CHECK(a.geometry.points[0] == geo::LonLat{51.39, 35.69});
    CHECK(a.line == 2);
    const TableRow& b = t.rows[1];
    CHECK(b.geometry.kind == CellGeometry::Kind::Line);
    CHECK(b.geometry.points.size() == 3);
    CHECK(b.cells[7].text == "e");
    CHECK(b.cells[0].text == "B");
    CHECK(t.rows[2].geometry.kind == CellGeometry::Kind::Point);  // a MultiPoint of one point
    CHECK(all(r.diagnostics).empty());
}

TEST_CASE("geojson: imported with the same mapping: points, lines with via, polygons, no geometry") {
    const AnyFileResult r = loadAnyFile(kData / "features.geojson");
    CHECK(r.format == FileFormat::GeoJson);
    REQUIRE(r.ok());
    const Dataset& ds = *r.dataset;
    REQUIRE(r.report);
    CHECK(r.report->summary() == "7 rows: 5 events, 2 skipped");
    const Event& meeting = eventTitled(ds, "Tehran meeting");
    CHECK(meeting.id == "f1");
    CHECK(meeting.date == Date::fromCivil(2006, 7, 5));
    CHECK(meeting.confidence == Confidence::Reported);
    CHECK(meeting.tags == std::vector<std::string>{"a", "b"});
    REQUIRE(meeting.place != kNoIndex);
    CHECK(ds.places[meeting.place].name == "Tehran");
    CHECK(ds.places[meeting.place].lonDeg == 51.39);
    const Event& shipment = eventTitled(ds, "Shipment");
    REQUIRE(shipment.isConnection());
    CHECK(ds.places[shipment.from].name == "Pyongyang");
    CHECK(ds.places[shipment.to].name == "Tehran");
    REQUIRE(shipment.via.size() == 1);
    CHECK(ds.places[shipment.via[0]].name == "Beijing");
    CHECK(ds.places[shipment.via[0]].latDeg == 40.08);
    const Event& area = eventTitled(ds, "An area");
    REQUIRE(area.place != kNoIndex);
    CHECK(ds.places[area.place].lonDeg == 1);  // the mean of the outer ring
    CHECK(ds.places[area.place].latDeg == 1);
    CHECK(eventTitled(ds, "Nowhere").place == kNoIndex);
    CHECK(eventTitled(ds, "Off the map").place == kNoIndex);
    const std::string text = all(r.diagnostics);
    CHECK(text.find("features.geojson:14:70: warning: features[4].geometry.coordinates: (200, 10) is outside longitude "
                    "[-180, 180] / latitude [-90, 90] degrees (GeoJSON is WGS 84 longitude, latitude); the feature "
                    "is kept without a place") != std::string::npos);
    CHECK(text.find("features.geojson:15: feature 6, column \"date\": \"31/31/2000\" is not a date") !=
          std::string::npos);
    CHECK(text.find("features.geojson:16:5: features[6]: expected a Feature object, found a string") !=
          std::string::npos);
}

TEST_CASE("geojson: not GeoJSON, a bad geometry type") {
    CHECK(all(parseGeoJson(R"({"type": "Topology"})", "x.json").diagnostics) ==
          "x.json:1:1: type: not GeoJSON (expected an object of type \"FeatureCollection\" or \"Feature\")");
    const GeoJsonReadResult r = parseGeoJson(
        R"({"type": "Feature", "geometry": {"type": "Circle", "coordinates": [0, 0]}, "properties": {"date": "1"}})",
        "x.json");
    REQUIRE(r.table);
    CHECK(r.table->rows.size() == 1);
    CHECK(all(r.diagnostics) ==
          "x.json:1:42: warning: geometry.type: \"Circle\" is not a geometry type (expected Point, MultiPoint, "
          "LineString, MultiLineString, Polygon, MultiPolygon or GeometryCollection); the feature is kept without a "
          "place");
}

TEST_CASE("geojson writer: places and connections with dates as properties; round trip keeps every field") {
    const DatasetLoadResult loaded = loadDataset(kRepo / "data" / "iran-dprk.json");
    REQUIRE(loaded.ok());
    const Dataset& original = *loaded.dataset;
    test::checkUsesCuratorFields(original);
    const std::string text = datasetToGeoJson(original);
    JsonError error;
    const auto doc = JsonDocument::parse(text, &error);
    REQUIRE_MESSAGE(doc, error.message);
    const JsonValue features = *doc->root().find("features");
    CHECK(features.size() == original.events.size() + original.eras.size() + 1);
    // The first event feature: a geometry as its place says, its date as a property.
    const Event& e = original.events[0];
    const JsonValue f = features.at(1);
    CHECK(f.find("properties")->find("Date")->string() == e.date.iso());
    CHECK(f.find("properties")->find("Title")->string() == e.title);
    const auto geometry = f.find("geometry");
    if (e.isConnection())
        CHECK(geometry->find("type")->string() == "LineString");
    else if (e.place != kNoIndex)
        CHECK(geometry->find("type")->string() == "Point");
    else
        CHECK(geometry->isNull());
    CHECK_FALSE(f.find("properties")->find("Latitude"));  // coordinates are the geometry's

    const GeoJsonReadResult back = readGeoJson(*doc, "x.geojson");
    REQUIRE(back.table);
    CHECK(all(back.diagnostics).empty());
    MappingGuess guess = guessMapping(*back.table);
    const ImportResult imported = tableToDataset(*back.table, guess.mapping, {});
    REQUIRE(imported.dataset);
    CHECK(imported.report.problems.empty());
    test::checkSameEvents(original, *imported.dataset);
}

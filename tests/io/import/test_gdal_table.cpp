// Workbooks and geodata through GDAL: files written by LibreOffice and ogr2ogr
// (tests/data/gdal/make-fixtures) and hostile files made here.
#include <doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "io/import/gdal_table.h"
#include "test_paths.h"

using namespace meridian::io;
namespace fs = std::filesystem;

namespace {

const fs::path kGdal = fs::path(meridian::test::testDataDir()) / "gdal";

fs::path tempPath(const std::string& name) {
    return fs::temp_directory_path() / ("meridian-gdal-test-" + std::to_string(::getpid()) + "-" + name);
}

std::string firstError(const std::vector<Diagnostic>& diagnostics) {
    for (const Diagnostic& d : diagnostics)
        if (d.severity == Severity::Error) return d.message;
    return {};
}

std::size_t columnOf(const Table& t, const std::string& name) {
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        if (t.columns[i] == name) return i;
    FAIL("no column " << name);
    return 0;
}

const Cell& cellAt(const Table& t, std::size_t row, const std::string& column) {
    REQUIRE(row < t.rows.size());
    return t.rows[row].cells.at(columnOf(t, column));
}

}  // namespace

#if MERIDIAN_WITH_GDAL

// Whether a library whose file name contains NAME is mapped into this process.
bool mapped(const std::string& name) {
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line))
        if (line.find(name) != std::string::npos) return true;
    return false;
}

TEST_CASE("gdal: the reader is a module, loaded when first asked for") {
    // The test program links no GDAL: the model loads libmeridian-gdal.so (and GDAL) on demand.
    if (!mapped("libmeridian-gdal")) CHECK_FALSE(mapped("libgdal"));
    CHECK(gdalAvailable());
    CHECK(mapped("libmeridian-gdal"));
    CHECK(mapped("libgdal"));
}

TEST_CASE("gdal: formats by extension") {
    CHECK(gdalAvailable());
    CHECK(isGdalFormat("a/b/Events.XLSX"));
    CHECK(isGdalFormat("x.ods"));
    CHECK(isGdalFormat("x.gpkg"));
    CHECK(isGdalFormat("x.kml"));
    CHECK_FALSE(isGdalFormat("x.csv"));
    CHECK_FALSE(isGdalFormat("x.json"));
    CHECK_FALSE(isGdalFormat("xlsx"));
}

TEST_CASE("gdal: the sheets of a workbook written by LibreOffice") {
    for (const char* file : {"events.xlsx", "events.ods"}) {
        INFO(file);
        const GdalLayerList list = listGdalLayers(kGdal / file);
        REQUIRE_MESSAGE(list.ok(), firstError(list.diagnostics));
        CHECK(list.driver == (std::string(file) == "events.xlsx" ? "XLSX" : "ODS"));
        REQUIRE(list.layers.size() == 3);
        CHECK(list.layers[0].name == "Events");
        CHECK(list.layers[1].name == "Places");
        CHECK(list.layers[2].name == "Mixed");
        CHECK(list.layers[0].rows == 4);  // three events and the empty row between them
        CHECK(list.layers[1].rows == 2);
        CHECK_FALSE(list.layers[0].hasGeometry());
    }
}

TEST_CASE("gdal: typed cells from an .xlsx sheet") {
    const GdalReadResult r = readGdalTable(kGdal / "events.xlsx");  // the first sheet with rows
    REQUIRE_MESSAGE(r.ok(), firstError(r.diagnostics));
    CHECK(r.driver == "XLSX");
    CHECK(r.complete);
    const Table& t = *r.table;
    CHECK(t.name == "Events");
    CHECK(t.fileName == (kGdal / "events.xlsx").string());
    CHECK_FALSE(t.hasGeometry);
    REQUIRE(t.columns == std::vector<std::string>{"Date", "Title", "Latitude", "Longitude", "Sequence", "Confirmed",
                                                  "Entered", "Notes"});
    REQUIRE(t.rows.size() == 4);

    const Cell& date = cellAt(t, 0, "Date");
    CHECK(date.kind == Cell::Kind::Date);
    CHECK(date.year == 2006);
    CHECK(date.month == 10);
    CHECK(date.day == 9);

    const Cell& lat = cellAt(t, 0, "Latitude");
    CHECK(lat.kind == Cell::Kind::Number);
    CHECK(lat.number == doctest::Approx(41.294));
    CHECK(cellAt(t, 0, "Sequence").kind == Cell::Kind::Number);
    CHECK(cellAt(t, 0, "Sequence").number == 1);

    const Cell& confirmed = cellAt(t, 2 + 1, "Confirmed");
    CHECK(confirmed.kind == Cell::Kind::Bool);
    CHECK(confirmed.number == 0);
    CHECK(cellAt(t, 0, "Confirmed").number == 1);

    const Cell& entered = cellAt(t, 0, "Entered");
    CHECK(entered.kind == Cell::Kind::DateTime);
    CHECK(entered.year == 2024);
    CHECK(entered.month == 3);
    CHECK(entered.day == 1);
    CHECK(entered.hour == 9);
    CHECK(entered.minute == 30);
    CHECK(entered.second == 15);

    const Cell& title = cellAt(t, 0, "Title");
    CHECK(title.kind == Cell::Kind::Text);
    CHECK(title.text == "First nuclear test");
    CHECK(cellAt(t, 3, "Notes").text == "Sohae — near Sŏhae, “Tongchang-ri”");  // UTF-8 kept

    // The empty sheet row is a row of empty cells, and the numbers stay those of the sheet.
    for (const Cell& c : t.rows[2].cells) CHECK(c.empty());
    CHECK(t.rows[0].line == 2);  // the sheet's row 2 (row 1 is the header)
    CHECK(t.rows[0].rowNumber == 1);
    CHECK(t.rows[3].line == 5);
    CHECK(t.rows[3].rowNumber == 4);
    CHECK(cellAt(t, 3, "Date").year == 2012);
}

TEST_CASE("gdal: typed cells from an .ods sheet, a sheet by name and by index") {
    const GdalReadResult r = readGdalTable(kGdal / "events.ods", "Events");
    REQUIRE_MESSAGE(r.ok(), firstError(r.diagnostics));
    const Table& t = *r.table;
    REQUIRE(t.rows.size() == 4);
    CHECK(cellAt(t, 1, "Date").kind == Cell::Kind::Date);
    CHECK(cellAt(t, 1, "Date").year == 1998);
    CHECK(cellAt(t, 1, "Date").month == 8);
    CHECK(cellAt(t, 1, "Date").day == 31);
    CHECK(cellAt(t, 1, "Longitude").number == doctest::Approx(129.686));
    CHECK(cellAt(t, 1, "Entered").kind == Cell::Kind::DateTime);
    CHECK(cellAt(t, 1, "Entered").minute == 41);
    // GDAL's ODS driver gives boolean cells as the text LibreOffice shows.
    CHECK(cellAt(t, 0, "Confirmed").kind == Cell::Kind::Text);
    CHECK(cellAt(t, 0, "Confirmed").text == "TRUE");

    const GdalReadResult places = readGdalTableAt(kGdal / "events.ods", 1);
    REQUIRE(places.ok());
    CHECK(places.layerIndex == 1);
    CHECK(places.layerCount == 3);
    CHECK(places.table->name == "Places");
    CHECK(places.table->columns == std::vector<std::string>{"Name", "Country", "Rank"});
    CHECK(cellAt(*places.table, 1, "Name").text == "Pyongyang");
    CHECK(cellAt(*places.table, 1, "Rank").number == 2);
}

TEST_CASE("gdal: a column mixing dates and text arrives as text") {
    const GdalReadResult r = readGdalTable(kGdal / "events.xlsx", "Mixed");
    REQUIRE(r.ok());
    const Table& t = *r.table;
    REQUIRE(t.rows.size() == 2);
    CHECK(cellAt(t, 0, "When").kind == Cell::Kind::Text);
    CHECK(cellAt(t, 0, "When").text == "2006/10/09");  // GDAL's rendering of the date cell
    CHECK(cellAt(t, 1, "When").text == "c. 1987");
}

TEST_CASE("gdal: header row choices") {
    GdalOptions none;
    none.header = HeaderRow::None;
    const GdalReadResult r = readGdalTable(kGdal / "events.xlsx", "Places", none);
    REQUIRE(r.ok());
    CHECK(r.table->columns.size() == 3);
    CHECK(r.table->columns[0] != "Name");  // GDAL names them Field1, Field2, ...
    REQUIRE(r.table->rows.size() == 3);
    CHECK(r.table->rows[0].cells[0].text == "Name");  // the header is now data
    CHECK(r.table->rows[0].line == 1);
    CHECK(r.table->rows[0].rowNumber == 1);
}

TEST_CASE("gdal: a missing sheet names the sheets there are") {
    const GdalReadResult r = readGdalTable(kGdal / "events.xlsx", "Sheet9");
    CHECK_FALSE(r.ok());
    CHECK(firstError(r.diagnostics) == "has no sheet named \"Sheet9\" (sheets: \"Events\", \"Places\", \"Mixed\")");
    const GdalReadResult byIndex = readGdalTableAt(kGdal / "events.xlsx", 7);
    CHECK_FALSE(byIndex.ok());
    CHECK(firstError(byIndex.diagnostics) == "has no sheet number 8 (3 sheets: \"Events\", \"Places\", \"Mixed\")");
}

TEST_CASE("gdal: preview reads the first rows only") {
    GdalOptions preview;
    preview.rowLimit = 2;
    const GdalReadResult r = readGdalTable(kGdal / "events.xlsx", {}, preview);
    REQUIRE(r.ok());
    CHECK(r.table->rows.size() == 2);
    CHECK_FALSE(r.complete);
    CHECK(firstError(r.diagnostics).empty());  // a preview is not an error
}

TEST_CASE("gdal: KML placemarks with TimeStamp and TimeSpan") {
    const GdalLayerList list = listGdalLayers(kGdal / "places.kml");
    REQUIRE_MESSAGE(list.ok(), firstError(list.diagnostics));
    CHECK(list.driver == "LIBKML");
    REQUIRE(list.layers.size() == 2);
    CHECK(list.layers[0].name == "points");
    CHECK(list.layers[1].name == "route");
    CHECK(list.layers[0].hasGeometry());

    const GdalReadResult points = readGdalTable(kGdal / "places.kml", "points");
    REQUIRE(points.ok());
    const Table& t = *points.table;
    CHECK(t.hasGeometry);
    REQUIRE(t.rows.size() == 2);
    CHECK(cellAt(t, 0, "Name").text == "Tehran");
    CHECK(cellAt(t, 0, "description").text == "Capital of Iran");
    const Cell& when = cellAt(t, 1, "timestamp");
    CHECK(when.kind == Cell::Kind::DateTime);
    CHECK(when.day == 2);
    CHECK(when.hour == 17);
    CHECK(when.minute == 5);
    CHECK(cellAt(t, 1, "rank").number == 2);
    REQUIRE(t.rows[0].geometry.kind == CellGeometry::Kind::Point);
    REQUIRE(t.rows[0].geometry.points.size() == 1);
    CHECK(t.rows[0].geometry.points[0].lonDeg == doctest::Approx(51.4215));
    CHECK(t.rows[0].geometry.points[0].latDeg == doctest::Approx(35.6944));
    CHECK(t.rows[1].rowNumber == 2);

    const GdalReadResult route = readGdalTable(kGdal / "places.kml", "route");
    REQUIRE(route.ok());
    const TableRow& line = route.table->rows.at(0);
    CHECK(line.geometry.kind == CellGeometry::Kind::Line);
    REQUIRE(line.geometry.points.size() == 3);
    CHECK(line.geometry.points[1].lonDeg == doctest::Approx(116.3972));
    CHECK(line.geometry.points[2].latDeg == doctest::Approx(39.0339));
    CHECK(cellAt(*route.table, 0, "begin").kind == Cell::Kind::DateTime);
    CHECK(cellAt(*route.table, 0, "end").day == 2);
}

TEST_CASE("gdal: GPX waypoints and routes") {
    const GdalLayerList list = listGdalLayers(kGdal / "places.gpx");
    REQUIRE(list.ok());
    CHECK(list.driver == "GPX");
    std::vector<std::string> names;
    for (const GdalLayer& l : list.layers) names.push_back(l.name);
    CHECK(std::find(names.begin(), names.end(), "waypoints") != names.end());
    CHECK(std::find(names.begin(), names.end(), "routes") != names.end());

    const GdalReadResult first = readGdalTable(kGdal / "places.gpx");  // the first layer with rows
    REQUIRE(first.ok());
    CHECK(first.table->name == "waypoints");
    const Table& w = *first.table;
    REQUIRE(w.rows.size() == 2);
    CHECK(cellAt(w, 1, "name").text == "Pyongyang");
    CHECK(cellAt(w, 1, "desc").text == "Capital of North Korea");
    CHECK(cellAt(w, 0, "time").kind == Cell::Kind::DateTime);
    CHECK(cellAt(w, 0, "time").second == 15);
    CHECK(w.rows[1].geometry.kind == CellGeometry::Kind::Point);
    CHECK(w.rows[1].geometry.points.at(0).lonDeg == doctest::Approx(125.7543));

    const GdalReadResult routes = readGdalTable(kGdal / "places.gpx", "routes");
    REQUIRE(routes.ok());
    REQUIRE(routes.table->rows.size() == 1);
    CHECK(routes.table->rows[0].geometry.kind == CellGeometry::Kind::Line);
    CHECK(routes.table->rows[0].geometry.points.size() == 3);
}

TEST_CASE("gdal: GeoPackage layers, converted to longitude/latitude") {
    const GdalLayerList list = listGdalLayers(kGdal / "places.gpkg");
    REQUIRE(list.ok());
    CHECK(list.driver == "GPKG");
    REQUIRE(list.layers.size() == 3);
    CHECK(list.layers[0].name == "points");
    CHECK(list.layers[0].rows == 2);
    CHECK(list.layers[0].geometryType == "Point");
    CHECK(list.layers[1].geometryType == "Line String");

    const GdalReadResult points = readGdalTable(kGdal / "places.gpkg", "points");
    REQUIRE(points.ok());
    CHECK(cellAt(*points.table, 0, "timestamp").kind == Cell::Kind::DateTime);
    CHECK(cellAt(*points.table, 0, "rank").kind == Cell::Kind::Number);

    // The same points stored in Web Mercator metres come back in degrees.
    const GdalReadResult mercator = readGdalTable(kGdal / "places.gpkg", "points_mercator");
    REQUIRE_MESSAGE(mercator.ok(), firstError(mercator.diagnostics));
    REQUIRE(mercator.table->rows.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        const auto& a = points.table->rows[i].geometry.points.at(0);
        const auto& b = mercator.table->rows[i].geometry.points.at(0);
        CHECK(b.lonDeg == doctest::Approx(a.lonDeg).epsilon(1e-7));
        CHECK(b.latDeg == doctest::Approx(a.latDeg).epsilon(1e-7));
    }
}

TEST_CASE("gdal: cancel stops reading") {
    std::atomic<bool> cancel{true};
    GdalOptions options;
    options.cancel = &cancel;
    const GdalReadResult r = readGdalTable(kGdal / "events.xlsx", {}, options);
    CHECK(r.cancelled);
    CHECK_FALSE(r.complete);
}

// ---------------------------------------------------------------------------
// Hostile files: each gives a clear message, quickly, without a crash.
// ---------------------------------------------------------------------------

TEST_CASE("gdal: an .xlsx zip bomb is refused before it is unpacked") {
    const GdalReadResult r = readGdalTable(kGdal / "bomb.xlsx");
    CHECK_FALSE(r.ok());
    const std::string message = firstError(r.diagnostics);
    CHECK(message.find("unpacks to 64.") == 0);
    CHECK(message.find("refused as a possible zip bomb") != std::string::npos);
    CHECK_FALSE(listGdalLayers(kGdal / "bomb.xlsx").ok());

    // The same limit on a real workbook, lowered: refused with the sizes.
    GdalOptions tight;
    tight.limits.maxUnpackedBytes = 1000;
    const GdalReadResult small = readGdalTable(kGdal / "events.xlsx", {}, tight);
    CHECK_FALSE(small.ok());
    CHECK(firstError(small.diagnostics).find("refused as a possible zip bomb (limits: 1000 bytes") !=
          std::string::npos);
}

TEST_CASE("gdal: a zip bomb whose directory lies about the unpacked size") {
    // bomb.xlsx with its big sheet declared as 10,000 bytes, in the local header
    // and in the central directory: the check must inflate to find out.
    std::ifstream in(kGdal / "bomb.xlsx", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string sheet = "xl/worksheets/sheet1.xml";
    int patched = 0;
    auto put32 = [&](std::size_t at, std::uint32_t v) {
        for (int i = 0; i < 4; ++i) bytes[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xFF);
    };
    for (std::size_t at = bytes.find(sheet); at != std::string::npos; at = bytes.find(sheet, at + 1)) {
        if (at >= 30 && bytes.compare(at - 30, 4, "PK\x03\x04") == 0) put32(at - 30 + 22, 10000), ++patched;
        if (at >= 46 && bytes.compare(at - 46, 4, "PK\x01\x02") == 0) put32(at - 46 + 24, 10000), ++patched;
    }
    REQUIRE(patched == 2);
    const fs::path p = tempPath("liar.xlsx");
    std::ofstream(p, std::ios::binary) << bytes;
    const GdalReadResult r = readGdalTable(p);
    fs::remove(p);
    CHECK_FALSE(r.ok());
    CHECK_MESSAGE(firstError(r.diagnostics).find("unpacks to more than ") == 0, firstError(r.diagnostics));
    CHECK(firstError(r.diagnostics).find("refused as a possible zip bomb") != std::string::npos);
}

TEST_CASE("gdal: a truncated workbook") {
    std::ifstream in(kGdal / "events.xlsx", std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(bytes.size() > 1000);
    for (std::size_t keep : {bytes.size() / 2, bytes.size() - 30, std::size_t{100}}) {
        const fs::path p = tempPath("truncated.xlsx");
        std::ofstream(p, std::ios::binary) << bytes.substr(0, keep);
        const GdalReadResult r = readGdalTable(p);
        fs::remove(p);
        CHECK_FALSE(r.ok());
        CHECK_MESSAGE(firstError(r.diagnostics).find("damaged or truncated zip container") == 0,
                      firstError(r.diagnostics));
    }
}

TEST_CASE("gdal: files that are not what their extension says") {
    const fs::path text = tempPath("notes.xlsx");
    std::ofstream(text) << "Date,Title\n2006-10-09,Test\n";
    GdalReadResult r = readGdalTable(text);
    fs::remove(text);
    CHECK_FALSE(r.ok());
    CHECK(firstError(r.diagnostics).find("not an Excel workbook (.xlsx): it is not a zip container") == 0);

    // A zip that is not a workbook: an OpenDocument file renamed .xlsx.
    const fs::path renamed = tempPath("renamed.xlsx");
    fs::copy_file(kGdal / "events.ods", renamed, fs::copy_options::overwrite_existing);
    r = readGdalTable(renamed);
    fs::remove(renamed);
    CHECK_FALSE(r.ok());
    CHECK(firstError(r.diagnostics).find("not an Excel workbook (.xlsx) that can be read") == 0);

    // A workbook renamed .gpkg, and garbage named .kml and .gpx.
    const fs::path gpkg = tempPath("book.gpkg");
    fs::copy_file(kGdal / "events.xlsx", gpkg, fs::copy_options::overwrite_existing);
    r = readGdalTable(gpkg);
    fs::remove(gpkg);
    CHECK_FALSE(r.ok());
    CHECK(firstError(r.diagnostics).find("not a GeoPackage that can be read") == 0);
    for (const char* name : {"garbage.kml", "garbage.gpx"}) {
        const fs::path p = tempPath(name);
        std::ofstream(p) << "<kml><Placemark><Point><coordinates>1,2";
        r = readGdalTable(p);
        fs::remove(p);
        CHECK_FALSE(r.ok());
        CHECK_MESSAGE(!firstError(r.diagnostics).empty(), name);
    }

    const fs::path empty = tempPath("empty.ods");
    std::ofstream(empty).flush();
    r = readGdalTable(empty);
    fs::remove(empty);
    CHECK(firstError(r.diagnostics) == "empty file: expected an OpenDocument spreadsheet (.ods)");

    CHECK(firstError(readGdalTable(tempPath("missing.xlsx")).diagnostics) == "no such file");
    CHECK(firstError(readGdalTable(kGdal / "points.geojson").diagnostics).find("not a workbook or geodata file") == 0);
}

TEST_CASE("gdal: a 2 GB file is refused before GDAL reads it") {
    for (const char* name : {"huge.xlsx", "huge.gpkg", "huge.kml"}) {
        const fs::path p = tempPath(name);
        { std::ofstream(p, std::ios::binary).put('x'); }
        fs::resize_file(p, std::uint64_t{2} << 30);  // sparse: no disk used
        const GdalReadResult r = readGdalTable(p);
        const GdalLayerList l = listGdalLayers(p);
        fs::remove(p);
        CHECK_FALSE(r.ok());
        CHECK_FALSE(l.ok());
        CHECK_MESSAGE(firstError(r.diagnostics).find("the file is 2.0 GB; files over 512.0 MB are not read") == 0,
                      firstError(r.diagnostics));
    }
}

TEST_CASE("gdal: a sheet GDAL stops reading part way is reported, not cut silently") {
    // GDAL 3.6's ODS reader gives up after about 10 MB of cell text with only a
    // message (a 100,000-row .ods from LibreOffice loses its last 6,400 rows):
    // long.ods has 12,000 rows of 1,000 characters.
    const GdalReadResult r = readGdalTable(kGdal / "long.ods");
    REQUIRE_MESSAGE(r.ok(), firstError(r.diagnostics));  // the rows before the stop are kept
    CHECK(r.table->rows.size() > 1000);
    CHECK(r.table->rows.size() < 12000);
    CHECK_FALSE(r.complete);
    const std::string message = firstError(r.diagnostics);
    CHECK_MESSAGE(message.find("sheet \"Long\": GDAL stopped with") == 0, message);
    CHECK(message.find("rows after that may be missing") != std::string::npos);
    CHECK(message.find(" after " + std::to_string(r.table->rows.size()) + " rows") != std::string::npos);
}

TEST_CASE("gdal: too many columns") {
    GdalOptions narrow;
    narrow.limits.maxColumns = 3;
    const GdalReadResult r = readGdalTable(kGdal / "events.xlsx", "Events", narrow);
    CHECK_FALSE(r.ok());
    CHECK(firstError(r.diagnostics) == "sheet \"Events\" has 8 columns; at most 3 are read");
}

#else

TEST_CASE("gdal: a build without GDAL says so") {
    CHECK_FALSE(gdalAvailable());
    CHECK(isGdalFormat("x.xlsx"));
    const GdalReadResult r = readGdalTable(kGdal / "events.xlsx");
    CHECK_FALSE(r.ok());
    CHECK(firstError(r.diagnostics).find("read through GDAL, which this build of Meridian does not include") !=
          std::string::npos);
    CHECK_FALSE(listGdalLayers(kGdal / "events.xlsx").ok());
}

#endif

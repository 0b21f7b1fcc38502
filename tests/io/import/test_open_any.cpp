#include <doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

#include "dataset_compare.h"
#include "io/import/open_any.h"
#include "io/import/save_any.h"
#include "test_paths.h"

using namespace meridian;
using namespace meridian::io;

namespace {

const std::filesystem::path kData = std::filesystem::path(meridian::test::testDataDir());
const std::filesystem::path kRepo = kData / ".." / "..";

// A scratch folder per test, removed at the end.
struct Scratch {
    std::filesystem::path dir;
    explicit Scratch(const std::string& name) : dir(std::filesystem::temp_directory_path() / ("meridian-" + name)) {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
    }
    ~Scratch() { std::filesystem::remove_all(dir); }
    std::filesystem::path write(const std::string& name, const std::string& text) const {
        std::ofstream(dir / name, std::ios::binary) << text;
        return dir / name;
    }
};

std::string all(const std::vector<Diagnostic>& ds) {
    std::string out;
    for (const Diagnostic& d : ds) out += (out.empty() ? "" : "\n") + d.format();
    return out;
}

}  // namespace

TEST_CASE("open any: the format from the content, then the name") {
    CHECK(detectFileFormat("x.json", "{\n  \"meridian\": 1, \"title\": \"T\"") == FileFormat::MeridianJson);
    CHECK(detectFileFormat("x.json", "\xEF\xBB\xBF {\"meridian\" :1}") == FileFormat::MeridianJson);
    CHECK(detectFileFormat("x.json", "{\"title\": {\"meridian\": {\"Title\": \"T\"}}, \"events\": []}") ==
          FileFormat::TimelineJsJson);
    CHECK(detectFileFormat("x.json", "{\"type\": \"FeatureCollection\", \"features\": []}") == FileFormat::GeoJson);
    CHECK(detectFileFormat("x.txt", "Date,Title\n2006,A\n") == FileFormat::Csv);
    CHECK(detectFileFormat("data", std::string("PK\x03\x04", 4)) == FileFormat::Workbook);
    CHECK(detectFileFormat("x.gpx", "<?xml version=\"1.0\"?>") == FileFormat::GeoData);
    CHECK(detectFileFormat("x.xlsx", "anything") == FileFormat::Workbook);
    CHECK(formatOfExtension("A.ODS") == FileFormat::Workbook);
    CHECK(formatOfExtension("a.gpkg") == FileFormat::GeoData);
    CHECK(std::string(fileFormatName(FileFormat::TimelineJsJson)) == "TimelineJS JSON");
}

TEST_CASE("open any: Meridian JSON goes to the validating loader unchanged") {
    const AnyFileResult r = loadAnyFile(kRepo / "data" / "iran-dprk.json");
    CHECK(r.format == FileFormat::MeridianJson);
    REQUIRE(r.ok());
    CHECK_FALSE(r.report);
    CHECK(r.summary().rfind(std::to_string(r.dataset->events.size()) + " events, ", 0) == 0);
    const AnyFileResult bad = loadAnyFile(kData / "bad" / "impossible-date.json");
    CHECK(bad.format == FileFormat::MeridianJson);
    CHECK_FALSE(bad.ok());
    CHECK(countErrors(bad.diagnostics) >= 1);
}

TEST_CASE("open any: hostile and unreadable files say what they are") {
    Scratch s("open-any-hostile");
    CHECK(all(loadAnyFile(s.dir / "missing.csv").diagnostics) ==
          (s.dir / "missing.csv").string() + ": cannot read the file: no such file");
    const auto empty = s.write("empty.csv", "");
    CHECK(all(loadAnyFile(empty).diagnostics) ==
          empty.string() + ": the file is empty (expected a header row of column names)");
    const auto zip = s.write("renamed.csv", std::string("PK\x03\x04\x14\x00", 6));
    CHECK(all(loadAnyFile(zip).diagnostics) ==
          zip.string() +
              ": this looks like a workbook but its name does not say which kind (give it its extension: .xlsx, .ods, "
              ".kml, .gpx, .gpkg)");
    const auto garbage = s.write("garbage.csv", std::string("a,b\n\x01\x02\x00\xFF", 8));
    CHECK(all(loadAnyFile(garbage).diagnostics) ==
          garbage.string() + ":2:3: binary data, not text: a NUL byte (byte 7 of the file)");
    const auto json = s.write("other.json", "[1, 2]");
    CHECK(all(loadAnyFile(json).diagnostics).find("a JSON file Meridian does not know") != std::string::npos);
    const auto workbook = s.write("book.xlsx", "not really a workbook");
    const AnyFileResult w = loadAnyFile(workbook);
    CHECK_FALSE(w.ok());
    CHECK(w.format == FileFormat::Workbook);
    CHECK(countErrors(w.diagnostics) >= 1);
    if (!canReadWorkbooks())
        // (without the GDAL header: "does not read workbooks"; with its stub, the browser's: "does not include")
        CHECK(all(w.diagnostics).find("this build of Meridian does not") != std::string::npos);
        // A 2 GiB file (sparse: nothing is written) is refused before it is read.
#ifdef __EMSCRIPTEN__
    constexpr std::uintmax_t kHugeMiB = 1100;  // the browser build's file system stops short of 2 GiB
#else
    constexpr std::uintmax_t kHugeMiB = 2048;
#endif
    const auto huge = s.dir / "huge.csv";
    s.write("huge.csv", "date,title\n");
    std::filesystem::resize_file(huge, kHugeMiB << 20);
    CHECK(all(loadAnyFile(huge).diagnostics) ==
          huge.string() + ": the file is " + std::to_string(kHugeMiB) +
              " MiB: Meridian reads files up to 1024 MiB (split it, or keep the columns you need)");
    const auto noRows = s.write("header-only.csv", "date,title\n");
    CHECK(all(loadAnyFile(noRows).diagnostics) ==
          noRows.string() + ": no events could be read (0 rows: 0 events, 0 skipped)");
}

TEST_CASE("open any: the mapping saved beside the file, or given with --mapping") {
    Scratch s("open-any-mapping");
    const auto csv = s.write("odd.csv", "Quand;Quoi;Où\n05.07.2006;Essai;Teheran\n");
    // Guessed: "Quand" and "Quoi" mean nothing to the guesser, the dates are found by content.
    AnyFileResult guessed = loadAnyFile(csv);
    REQUIRE(guessed.ok());
    CHECK(guessed.dataset->events[0].title == "row 1");

    ColumnMapping m = *guessed.mapping;
    m.fields = {Field::Date, Field::Title, Field::Place};
    std::string error;
    REQUIRE(saveMapping(mappingPathFor(csv), m, &error));
    AnyFileResult saved = loadAnyFile(csv);
    REQUIRE(saved.ok());
    CHECK(saved.dataset->events[0].title == "Essai");
    CHECK(saved.dataset->events[0].date == Date::fromCivil(2006, 7, 5));
    CHECK(*saved.mapping == m);

    OpenOptions noSaved;
    noSaved.useSavedMapping = false;
    CHECK(loadAnyFile(csv, noSaved).dataset->events[0].title == "row 1");

    const auto broken = s.write("broken-mapping.json", "{\"meridianMapping\": 1, \"columns\": 3}");
    OpenOptions given;
    given.mappingFile = broken;
    const AnyFileResult r = loadAnyFile(csv, given);
    CHECK_FALSE(r.ok());
    CHECK(all(r.diagnostics) ==
          broken.string() + ":1:35: columns: expected an array of {\"name\", \"field\"}, found a number");
}

TEST_CASE("open any: a big CSV streams; the same events as reading the whole table") {
    std::string csv = "date,title,lat,lon\n";
    for (int i = 0; i < 3000; ++i)
        csv += "0" + std::to_string(1 + i % 9) + "/0" + std::to_string(1 + (i / 9) % 9) + "/2006,E" +
               std::to_string(i) + "," + std::to_string(i % 80) + ".5,10.25\n";
    csv += "31/12/2006,Last,1,2\n";  // the only date that tells the order: after the sample
    Scratch s("open-any-big");
    const auto path = s.write("big.csv", csv);

    OpenOptions small;
    small.sampleRows = 100;
    ImportSourceResult src = openImportSource(path, small);
    REQUIRE(src.source);
    CHECK(src.source->tableIsSample);
    CHECK(src.source->table.rows.size() == 100);
    CHECK(src.source->totalRows == 3001);
    CHECK(src.source->guess.mapping.dateOrder == DayMonthOrder::DayFirst);  // seen in the full pass
    const ImportResult preview = previewImportSource(*src.source, src.source->initialMapping(), small, 5);
    CHECK(preview.report.events == 5);
    CHECK(preview.dataset->events[1].date == Date::fromCivil(2006, 1, 2));

    double last = 0;
    small.progress.report = [&](double f) { last = f; };
    const ImportResult streamed = runImport(*src.source, src.source->initialMapping(), small);
    REQUIRE(streamed.dataset);
    CHECK(streamed.report.summary() == "3001 rows: 3001 events, 0 skipped");
    CHECK(last == 1.0);

    OpenOptions whole;
    whole.sampleRows = 10'000;
    ImportSourceResult all = openImportSource(path, whole);
    REQUIRE(all.source);
    CHECK_FALSE(all.source->tableIsSample);
    const ImportResult read = runImport(*all.source, all.source->initialMapping(), whole);
    REQUIRE(read.dataset);
    test::checkSameEvents(*read.dataset, *streamed.dataset);

    std::atomic<bool> cancel{true};
    small.progress.cancel = &cancel;
    const ImportResult cancelled = runImport(*src.source, src.source->initialMapping(), small);
    CHECK(cancelled.report.cancelled);
    CHECK_FALSE(cancelled.dataset);
}

TEST_CASE("save any: formats by name; every format opens again with the same events") {
    CHECK(exportFormatForPath("a.CSV") == ExportFormat::Csv);
    CHECK(exportFormatForPath("lesson.timeline.json") == ExportFormat::TimelineJs);
    CHECK(exportFormatForPath("a.geojson") == ExportFormat::GeoJson);
    CHECK(exportFormatForPath("a.json") == ExportFormat::MeridianJson);
    CHECK_FALSE(exportFormatForPath("a.xlsx"));
    CHECK(parseExportFormat("tsv") == ExportFormat::Tsv);

    const AnyFileResult original = loadAnyFile(kRepo / "data" / "iran-dprk.json");
    REQUIRE(original.ok());
    test::checkUsesCuratorFields(*original.dataset);
    Scratch s("save-any");
    for (const auto& [name, format] : {std::pair{"x.json", ExportFormat::MeridianJson},
                                       {"x.csv", ExportFormat::Csv},
                                       {"x.tsv", ExportFormat::Tsv},
                                       {"x.timeline.json", ExportFormat::TimelineJs},
                                       {"x.geojson", ExportFormat::GeoJson}}) {
        const char* const file = name;  // clang before 16 (emscripten's) cannot capture a structured binding
        INFO(file);
        std::string error;
        REQUIRE(saveDatasetAs(s.dir / name, *original.dataset, format, &error));
        const AnyFileResult back = loadAnyFile(s.dir / name);
        REQUIRE(back.ok());
        if (back.report) CHECK(back.report->skipped == 0);
        test::checkSameEvents(*original.dataset, *back.dataset);
    }
}

TEST_CASE("save any: claimed dates, answers and sources cited via another survive every format") {
    // A claim answered by an earlier row and by a later one; an answer naming an id with ';' in
    // it; a source citing another; a reference source.
    Dataset ds;
    ds.title = "Claims";
    ds.description = "Claims and their answers.";
    Place p;
    p.id = "pyongyang", p.name = "Pyongyang", p.latDeg = 39.03, p.lonDeg = 125.75, p.country = "PRK";
    ds.places.push_back(p);
    Category c;
    c.id = "statement", c.label = "Statement";
    ds.categories.push_back(c);
    Source reuters, wiki;
    reuters.id = "reuters", reuters.publisher = "Reuters", reuters.title = "Report", reuters.via = "Kyodo News";
    wiki.id = "wiki", wiki.publisher = "Wikipedia", wiki.title = "Timeline", wiki.kind = SourceKind::Reference;
    ds.sources = {reuters, wiki};
    Event e;
    e.category = 0;
    e.id = "denial", e.date = Date::fromCivil(2011, 5, 17), e.title = "Denial", e.sources = {{1, ""}};
    e.confidence = Confidence::Confirmed, e.answers = {1, 2};
    ds.events.push_back(e);
    e.id = "claim", e.date = Date::fromYearMonth(2011, 2), e.claimed = Date::fromCivil(2011, 5, 14);
    e.title = "Claim", e.place = 0, e.sources = {{0, "para. 3"}}, e.confidence = Confidence::Alleged, e.answers = {};
    ds.events.push_back(e);
    e.id = "x;y", e.date = Date::fromYear(2012), e.claimed = Date::fromYearMonth(2012, 3), e.title = "Semicolon";
    e.place = kNoIndex, e.sources = {{0, ""}, {1, ""}}, e.confidence = Confidence::Reported;
    ds.events.push_back(e);
    e.id = "answer", e.date = Date::fromYear(2013), e.claimed.reset(), e.title = "Answer", e.sources = {{1, ""}};
    e.confidence = Confidence::Disputed, e.answers = {2};
    ds.events.push_back(e);
    ds.finalize();
    REQUIRE(ds.events[1].answeredBy == std::vector<Index>{0});
    REQUIRE(ds.events[2].answeredBy == std::vector<Index>{0, 3});

    Scratch s("save-any-curator");
    for (const auto& [name, format] : {std::pair{"x.json", ExportFormat::MeridianJson},
                                       {"x.csv", ExportFormat::Csv},
                                       {"x.tsv", ExportFormat::Tsv},
                                       {"x.timeline.json", ExportFormat::TimelineJs},
                                       {"x.geojson", ExportFormat::GeoJson}}) {
        const char* const file = name;  // clang before 16 (emscripten's) cannot capture a structured binding
        INFO(file);
        std::string error;
        REQUIRE(saveDatasetAs(s.dir / name, ds, format, &error));
        const AnyFileResult back = loadAnyFile(s.dir / name);
        REQUIRE(back.ok());
        CHECK(all(back.diagnostics).find("answer") == std::string::npos);
        test::checkSameEvents(ds, *back.dataset);
        CHECK(back.dataset->sources[back.dataset->events[0].sources[0].source].kind == SourceKind::Reference);
    }
}

TEST_CASE("open any: workbooks and geodata through the GDAL reader, mapped like any table") {
    if (!canReadWorkbooks()) return;  // a build without GDAL: "open any: hostile ..." checks its message
    const std::filesystem::path gdal = kData / "gdal";
    for (const char* name : {"events.xlsx", "events.ods"}) {
        INFO(name);
        const AnyFileResult r = loadAnyFile(gdal / name);
        CHECK(r.format == FileFormat::Workbook);
        REQUIRE(r.ok());
        CHECK(r.report->summary() == "3 rows: 3 events, 0 skipped (1 blank row ignored)");
        const Event& first = r.dataset->events[0];
        CHECK(first.title == "First nuclear test");
        CHECK(first.date == Date::fromCivil(2006, 10, 9));  // a spreadsheet date cell, not a serial number
        REQUIRE(first.place != kNoIndex);
        CHECK(r.dataset->places[first.place].latDeg == doctest::Approx(41.294));
    }
    // GPX waypoints: the "time" column of date-times is the date; the geometry is the place.
    const AnyFileResult gpx = loadAnyFile(gdal / "places.gpx");
    CHECK(gpx.format == FileFormat::GeoData);
    REQUIRE(gpx.ok());
    REQUIRE(gpx.dataset->events.size() == 2);
    CHECK(gpx.dataset->events[0].title == "Tehran");
    CHECK(gpx.dataset->events[0].date == Date::fromCivil(2024, 3, 1));
    CHECK(gpx.dataset->events[0].minuteOfDay == 9 * 60 + 30);
    CHECK(gpx.dataset->events[0].place != kNoIndex);
    // A zip bomb is refused with the reader's message; nothing is imported.
    const AnyFileResult bomb = loadAnyFile(gdal / "bomb.xlsx");
    CHECK_FALSE(bomb.ok());
    CHECK(all(bomb.diagnostics).find("refused as a possible zip bomb") != std::string::npos);
}

#include <doctest.h>

#include <filesystem>
#include <string>

#include "dataset_compare.h"
#include "io/csv_reader.h"
#include "io/dataset_loader.h"
#include "io/import/column_mapping.h"
#include "io/import/csv_writer.h"
#include "io/import/event_row.h"
#include "io/import/table_import.h"
#include "test_paths.h"

using namespace meridian;
using namespace meridian::io;

namespace {

const std::filesystem::path kRepo = std::filesystem::path(meridian::test::testDataDir()) / ".." / "..";

Dataset loadCurated() {
    const DatasetLoadResult r = loadDataset(kRepo / "data" / "iran-dprk.json");
    REQUIRE(r.ok());
    return *r.dataset;
}

ImportResult reimport(const std::string& csv) {
    const CsvReadResult read = parseCsv(csv, "export.csv");
    REQUIRE(read.ok());
    const MappingGuess guess = guessMapping(*read.table);
    CHECK(guess.notes.empty());
    return tableToDataset(*read.table, guess.mapping, {});
}

}  // namespace

TEST_CASE("csv writer: cells quoted as RFC 4180 says") {
    std::string out;
    appendCsvCell(out, "plain", ',');
    out += '|';
    appendCsvCell(out, "a, b", ',');
    out += '|';
    appendCsvCell(out, "say \"hi\"", ',');
    out += '|';
    appendCsvCell(out, "two\nlines", ',');
    out += '|';
    appendCsvCell(out, " edge ", ',');
    out += '|';
    appendCsvCell(out, "a, b", '\t');
    CHECK(out == "plain|\"a, b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|\" edge \"|a, b");
}

TEST_CASE("csv writer: one row per event with the importer's column names") {
    const Dataset ds = loadCurated();
    const std::string csv = datasetToCsv(ds);
    CHECK(csv.rfind("\xEF\xBB\xBFID,Type,Date,Time,End,Approx,Earliest,Latest,Claimed,Title,Summary,Evidence Note,"
                    "Category,Confidence,Place,Latitude,Longitude,Country,From,From Latitude,From Longitude,To,To "
                    "Latitude,To Longitude,Via,Actors,Tags,Answers,Source Publisher,Source Title,Source Author,Source "
                    "Via,Source Date,Source URL,Source Kind,Source Note,Source Passage,Media,Media Caption,Media "
                    "Credit\r\n",
                    0) == 0);
    // Every header the writer uses is mapped by name to the field it came from.
    const CsvReadResult read = parseCsv(csv, "export.csv");
    REQUIRE(read.ok());
    CHECK(read.table->rows.size() == 1 + ds.events.size() + ds.eras.size());
    const MappingGuess guess = guessMapping(*read.table);
    CHECK(guess.mapping.fields == eventRowFields());
    for (const std::string& reason : guess.reasons) CHECK(reason == "by name");
}

TEST_CASE("csv writer: import(export(x)) keeps every event field of the curated dataset") {
    const Dataset original = loadCurated();
    test::checkUsesCuratorFields(original);
    const ImportResult back = reimport(datasetToCsv(original));
    REQUIRE(back.dataset);
    std::string problems;
    for (const ImportProblem& p : back.report.problems) problems += p.toDiagnostic("export.csv").format() + "\n";
    CHECK_MESSAGE(back.report.problems.empty(), problems);
    CHECK(back.report.summary() == std::to_string(original.events.size() + original.eras.size() + 1) +
                                       " rows: " + std::to_string(original.events.size()) + " events, 0 skipped, " +
                                       std::to_string(original.eras.size()) + " eras, 1 title row");
    test::checkSameEvents(original, *back.dataset);
    // Sources shared by several events stay one source each.
    CHECK(back.dataset->sources.size() == original.sources.size());

    // As TSV, and without the byte order mark, the same.
    CsvWriteOptions tsv;
    tsv.delimiter = '\t';
    tsv.byteOrderMark = false;
    const ImportResult fromTsv = reimport(datasetToCsv(original, tsv));
    REQUIRE(fromTsv.dataset);
    test::checkSameEvents(original, *fromTsv.dataset);
}

TEST_CASE("csv writer: multi-line items, empty items in the middle, times and deep time survive") {
    Dataset ds;
    ds.title = "T";
    ds.categories.push_back({"c", "Cat", 0, false});
    Source a;
    a.id = "a", a.publisher = "Pub A", a.title = "Title A", a.note = "line one\nline two";
    Source b;
    b.id = "b", b.publisher = "Pub B", b.title = "Title B", b.author = "Someone", b.kind = SourceKind::Academic;
    ds.sources = {a, b};
    Event e;
    e.id = "e1", e.title = "E, with \"quotes\"", e.category = 0, e.confidence = Confidence::Alleged;
    e.date = Date::fromCivil(1999, 12, 31), e.minuteOfDay = 23 * 60 + 59;
    e.summary = "Para one.\n\nPara two.";
    e.sources = {{0, ""}, {1, "p. 7"}};
    ds.events.push_back(e);
    e.id = "e2", e.date = Date::fromYear(-13'800'000'000LL), e.minuteOfDay.reset(), e.sources = {{1, ""}};
    ds.events.push_back(e);
    const ImportResult back = reimport(datasetToCsv(ds));
    REQUIRE(back.dataset);
    const Dataset& r = *back.dataset;
    REQUIRE(r.events.size() == 2);
    CHECK(r.events[0].minuteOfDay == 23 * 60 + 59);
    CHECK(r.events[0].summary == "Para one.\n\nPara two.");
    REQUIRE(r.events[0].sources.size() == 2);
    CHECK(r.sources[r.events[0].sources[0].source].note == "line one line two");  // one line per item
    CHECK(r.sources[r.events[0].sources[0].source].author.empty());
    CHECK(r.sources[r.events[0].sources[1].source].author == "Someone");
    CHECK(r.sources[r.events[0].sources[1].source].kind == SourceKind::Academic);
    CHECK(r.events[0].sources[1].note == "p. 7");
    CHECK(r.events[1].date.civil().year == -13'800'000'000LL);
}

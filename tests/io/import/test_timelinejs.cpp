#include <doctest.h>

#include <filesystem>
#include <string>

#include "dataset_compare.h"
#include "io/dataset_loader.h"
#include "io/import/column_mapping.h"
#include "io/import/html_text.h"
#include "io/import/open_any.h"
#include "io/import/table_import.h"
#include "io/import/timelinejs.h"
#include "io/import/timelinejs_writer.h"
#include "io/json_document.h"
#include "io/text_file.h"
#include "test_paths.h"

using namespace meridian;
using namespace meridian::io;

namespace {

const std::filesystem::path kData = std::filesystem::path(meridian::test::testDataDir()) / "import";
const std::filesystem::path kRepo = std::filesystem::path(meridian::test::testDataDir()) / ".." / "..";

std::string errorsOf(const std::vector<Diagnostic>& ds) {
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

TEST_CASE("timelinejs: slides become rows of TimelineJS's sheet columns") {
    std::string error;
    const auto text = readWholeFile(kData / "timeline.json", &error);
    REQUIRE(text);
    const TimelineJsReadResult r = parseTimelineJs(*text, "timeline.json");
    REQUIRE(r.table);
    CHECK_FALSE(r.meridianExport);
    const Table& t = *r.table;
    CHECK(t.columns == timelineJsColumns());
    REQUIRE(t.rows.size() == 6);  // title, 4 events, 1 era ("start_date": "1951" is dropped)
    CHECK(r.droppedRows == 1);
    CHECK(
        errorsOf(r.diagnostics) ==
        "timeline.json:26:21: events[3].start_date: expected a date object {\"year\", \"month\", \"day\", ...}, found "
        "a string");
    CHECK(t.rows[0].cells[15].text == "title");
    CHECK(t.rows[1].cells[0].text == "1815");
    CHECK(t.rows[1].line == 7);
    CHECK(t.rows[1].rowNumber == 1);
    CHECK(t.rows[2].cells[0].kind == Cell::Kind::Number);
    CHECK(t.rows[2].cells[0].text == "-13800000000");
    CHECK(t.rows[2].cells[17].text == "#F45B69");
    CHECK(t.rows[3].cells[3].text == "14:05");
    CHECK(t.rows[3].cells[8].text == "5 June 1943, afternoon");
    CHECK(t.rows[5].cells[15].text == "era");
}

TEST_CASE("timelinejs: imported with groups as categories, HTML as text, media as links") {
    OpenOptions o;
    const AnyFileResult r = loadAnyFile(kData / "timeline.json", o);
    CHECK(r.format == FileFormat::TimelineJsJson);
    REQUIRE(r.ok());
    const Dataset& ds = *r.dataset;
    REQUIRE(r.report);
    CHECK(r.report->summary() == "7 rows: 3 events, 2 skipped, 1 era, 1 title row");
    CHECK(ds.title == "A test timeline");
    CHECK(ds.description == "Made for Meridian's tests & nothing else.");
    const Event& first = eventTitled(ds, "First event");
    CHECK(first.id == "first");
    CHECK(first.date == Date::fromCivil(1815, 12, 10));
    CHECK(*first.end == Date::fromCivil(1852, 11, 27));
    CHECK(first.summary == "One link (https://example.org/one).\n\n\xE2\x80\xA2 a\n\xE2\x80\xA2 b");
    CHECK(ds.categories[first.category].label == "People");
    CHECK(first.note == "Media: A caption (credit: Someone) https://example.org/one.jpg");
    CHECK(first.confidence == Confidence::Unrated);
    REQUIRE(first.sources.size() == 1);
    CHECK(ds.sources[first.sources[0].source].title == (kData / "timeline.json").filename().string());
    const Event& deep = eventTitled(ds, "Deep time");
    CHECK(deep.date.civil().year == -13'800'000'000LL);
    CHECK(ds.categories[deep.category].label == "Uncategorised");
    const Event& timed = eventTitled(ds, "With a time");
    CHECK(timed.minuteOfDay == 14 * 60 + 5);
    CHECK(timed.summary == "Plain text \xE2\x80\x94 no tags");
    CHECK(timed.note == "Date as shown in the source file: 5 June 1943, afternoon");
    REQUIRE(ds.eras.size() == 1);
    CHECK(ds.eras[0].label == "The forties");
    // The problems, located in the JSON.
    std::string all;
    for (const Diagnostic& d : r.diagnostics) all += d.format() + "\n";
    CHECK(all.find("timeline.json:26:21: events[3].start_date: expected a date object") != std::string::npos);
    CHECK(all.find("timeline.json:29: event 5: no date (column \"Year\" is empty)") != std::string::npos);
}

TEST_CASE("timelinejs: not TimelineJS, or broken JSON, is said with its position") {
    CHECK(errorsOf(parseTimelineJs(R"({"title": {}})", "x.json").diagnostics) ==
          "x.json:1:1: not a TimelineJS file (expected an object with an \"events\" array)");
    CHECK(errorsOf(parseTimelineJs("{\"events\": [", "x.json").diagnostics).rfind("x.json:1:13: ", 0) == 0);
    CHECK(errorsOf(parseTimelineJs(R"({"events": [{"start_date": {"year": [1]}}]})", "x.json").diagnostics) ==
          "x.json:1:37: events[0].start_date.year: expected a number or a string, found an array");
    CHECK(errorsOf(parseTimelineJs(R"({"events": [{"start_date": {"year": 1, "hour": 25}}]})", "x.json").diagnostics) ==
          "x.json:1:48: events[0].start_date.hour: expected an hour, 0 to 23");
}

TEST_CASE("timelinejs writer: the structure TimelineJS's templates use; round trip keeps every field") {
    const DatasetLoadResult loaded = loadDataset(kRepo / "data" / "iran-dprk.json");
    REQUIRE(loaded.ok());
    const Dataset& original = *loaded.dataset;
    test::checkUsesCuratorFields(original);
    const std::string json = datasetToTimelineJs(original);

    JsonError error;
    const auto doc = JsonDocument::parse(json, &error);
    REQUIRE_MESSAGE(doc, error.message);
    const JsonValue root = doc->root();
    REQUIRE(isTimelineJsDocument(root));
    const JsonValue events = *root.find("events");
    REQUIRE(events.size() == original.events.size());
    // Every slide as TimelineJS reads it: start_date.year a number, text.headline a string, unique ids.
    for (std::uint32_t i = 0; i < events.size(); ++i) {
        const JsonValue e = events.at(i);
        REQUIRE(e.find("start_date"));
        CHECK(e.find("start_date")->find("year")->isNumber());
        CHECK(e.find("text")->find("headline")->isString());
        CHECK(e.find("unique_id")->string() == original.events[i].id);
        CHECK(e.find("group")->string() == original.categories[original.events[i].category].label);
    }
    CHECK(root.find("eras")->size() == original.eras.size());
    CHECK(root.find("title")->find("text")->find("headline")->string() == original.title);

    // What the slide shows: summary, where, evidence, confidence, sources with links.
    const std::string firstText(events.at(0).find("text")->find("text")->string());
    CHECK(firstText.find("<p><b>Confidence:</b> ") != std::string::npos);
    CHECK(firstText.find("<p><b>Sources:</b></p><ul><li>") != std::string::npos);
    // A claim says when it was made and what answers it; an answer what it answers.
    for (std::uint32_t i = 0; i < events.size(); ++i) {
        const Event& e = original.events[i];
        const std::string text(events.at(i).find("text")->find("text")->string());
        CHECK((text.find("<p><b>Claimed:</b> " + e.claimed.value_or(e.date).display() + "</p>") != std::string::npos) ==
              e.claimed.has_value());
        CHECK((text.find("<p><b>Answers:</b> ") != std::string::npos) == !e.answers.empty());
        CHECK((text.find("<p><b>Answered by:</b> ") != std::string::npos) == !e.answeredBy.empty());
        if (!e.answeredBy.empty()) {
            const Event& first = original.events[e.answeredBy[0]];
            CHECK(text.find("<p><b>Answered by:</b> " + escapeHtml(first.title + ", " + describeWhen(first))) !=
                  std::string::npos);
        }
    }

    // Back in: every event field (the "meridian" members), and the title, eras.
    const TimelineJsReadResult back = readTimelineJs(*doc, "x.json");
    REQUIRE(back.table);
    CHECK(back.meridianExport);
    MappingGuess guess = guessMapping(*back.table);
    guess.mapping.markup = TextMarkup::Plain;
    const ImportResult imported = tableToDataset(*back.table, guess.mapping, {});
    REQUIRE(imported.dataset);
    CHECK(imported.report.skipped == 0);
    CHECK(imported.report.problems.empty());
    test::checkSameEvents(original, *imported.dataset);
}

TEST_CASE("timelinejs writer: deep time switches to the cosmological scale; BC years are astronomical") {
    Dataset ds;
    ds.title = "T";
    Category c;
    c.id = "c", c.label = "C";
    ds.categories.push_back(c);
    Source s;
    s.id = "s", s.publisher = "P", s.title = "T";
    ds.sources.push_back(s);
    Event e;
    e.id = "bb", e.title = "Big <Bang>", e.category = 0, e.sources = {{0, ""}}, e.confidence = Confidence::Unrated;
    e.date = Date::fromYear(-13'800'000'000LL);
    ds.events.push_back(e);
    e.id = "ides", e.title = "Ides", e.date = Date::fromCivil(-43, 3, 15), e.approx = true, e.minuteOfDay = 11 * 60;
    ds.events.push_back(e);
    const std::string json = datasetToTimelineJs(ds);
    CHECK(json.find("\"scale\": \"cosmological\"") != std::string::npos);
    CHECK(json.find("\"start_date\": {\"year\": -13800000000}") != std::string::npos);
    CHECK(json.find("\"start_date\": {\"year\": -43, \"month\": 3, \"day\": 15, \"hour\": 11, \"minute\": 0, "
                    "\"display_date\": \"c. 15 March 44 BC\"}") != std::string::npos);
    CHECK(json.find("\"headline\": \"Big &lt;Bang&gt;\"") != std::string::npos);
}

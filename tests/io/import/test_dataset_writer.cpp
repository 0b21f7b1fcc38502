#include <doctest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "dataset_compare.h"
#include "io/dataset_loader.h"
#include "io/dataset_writer.h"
#include "io/text_file.h"
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

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

}  // namespace

TEST_CASE("dataset writer: load(save(x)) == x for the curated dataset") {
    const Dataset original = loadCurated();
    test::checkUsesCuratorFields(original);
    const std::string text = datasetToJson(original);
    const DatasetLoadResult back = parseDataset(text, "saved.json");
    std::string problems;
    for (const Diagnostic& d : back.diagnostics) problems += d.format() + "\n";
    REQUIRE_MESSAGE(back.ok(), problems);
    CHECK(problems.empty());  // not even a warning
    test::checkIdentical(original, *back.dataset);
    // The layout is a fixed point: saving what was loaded gives the same text.
    CHECK(datasetToJson(*back.dataset) == text);
}

TEST_CASE("dataset writer: canonical layout, one key per line, shortest numbers") {
    const std::string text = R"({"meridian": 1, "title": "T",
  "places": [{"note": "n", "lon": 125.75, "lat": 39.03, "name": "P", "id": "p"}],
  "sources": [{"kind": "un", "title": "Report", "publisher": "UN", "id": "s", "date": "2011-05"}],
  "categories": [{"id": "c", "label": "C", "color": "#E69F00"}],
  "events": [{"title": "Launch", "id": "e", "date": "2006-07-05", "time": "05:01", "category": "c",
              "sources": [{"ref": "s", "note": "para. 1"}, "s"], "confidence": "unrated", "place": "p",
              "tags": ["a", "b"]}]})";
    const DatasetLoadResult r = parseDataset(text, "x.json");
    REQUIRE(r.ok());
    CHECK(datasetToJson(*r.dataset) == R"({
  "meridian": 1,
  "title": "T",
  "places": [
    {
      "id": "p",
      "name": "P",
      "lat": 39.03,
      "lon": 125.75,
      "note": "n"
    }
  ],
  "sources": [
    {
      "id": "s",
      "publisher": "UN",
      "title": "Report",
      "date": "2011-05",
      "kind": "un"
    }
  ],
  "categories": [
    {
      "id": "c",
      "label": "C",
      "color": "#e69f00"
    }
  ],
  "actors": [],
  "eras": [],
  "events": [
    {
      "id": "e",
      "date": "2006-07-05",
      "time": "05:01",
      "title": "Launch",
      "category": "c",
      "confidence": "unrated",
      "place": "p",
      "tags": ["a", "b"],
      "sources": [{"ref": "s", "note": "para. 1"}, "s"]
    }
  ]
}
)");
}

TEST_CASE("dataset writer: claimed, answers by id, a source's via, the reference kind") {
    const std::string text = R"({"meridian": 1, "title": "T",
  "sources": [{"id": "r", "publisher": "Reuters", "title": "Report", "kind": "press", "via": "Kyodo News"},
              {"id": "w", "publisher": "Wikipedia", "title": "Timeline", "kind": "reference"}],
  "categories": [{"id": "c", "label": "C"}],
  "events": [{"id": "denial", "date": "2011-05-17", "title": "Denial", "category": "c", "sources": ["w"],
              "confidence": "confirmed", "answers": ["claim"]},
             {"id": "claim", "date": "2011-02", "claimed": "2011-05-14", "title": "Claim", "category": "c",
              "sources": ["r"], "confidence": "alleged"}]})";
    const DatasetLoadResult r = parseDataset(text, "x.json");
    REQUIRE(r.ok());
    REQUIRE(r.dataset->events[1].answeredBy == std::vector<Index>{0});
    const std::string saved = datasetToJson(*r.dataset);
    CHECK(saved.find(R"(
    {
      "id": "r",
      "publisher": "Reuters",
      "title": "Report",
      "via": "Kyodo News",
      "kind": "press"
    },
    {
      "id": "w",
      "publisher": "Wikipedia",
      "title": "Timeline",
      "kind": "reference"
    }
  ],)") != std::string::npos);
    CHECK(saved.find(R"(
  "events": [
    {
      "id": "denial",
      "date": "2011-05-17",
      "title": "Denial",
      "category": "c",
      "confidence": "confirmed",
      "sources": ["w"],
      "answers": ["claim"]
    },
    {
      "id": "claim",
      "date": "2011-02",
      "claimed": "2011-05-14",
      "title": "Claim",
      "category": "c",
      "confidence": "alleged",
      "sources": ["r"]
    }
  ]
}
)") != std::string::npos);
    CHECK(saved.find("answeredBy") == std::string::npos);  // derived on load, never written
    const DatasetLoadResult back = parseDataset(saved, "saved.json");
    REQUIRE(back.ok());
    test::checkIdentical(*r.dataset, *back.dataset);
}

TEST_CASE("dataset writer: changing one event changes only that event's lines") {
    Dataset ds = loadCurated();
    REQUIRE(ds.events.size() > 40);
    const std::vector<std::string> before = linesOf(datasetToJson(ds));
    Event& e = ds.events[37];
    e.title += " (edited)";
    e.summary = "A new summary.";
    e.tags.push_back("edited");
    e.confidence = Confidence::Disputed;
    const std::vector<std::string> after = linesOf(datasetToJson(ds));
    REQUIRE(before.size() == after.size());  // event 37 has a summary and tags: the edits change lines, add none

    // The event's lines: from its "id" line to the closing brace.
    const std::string idLine = "      \"id\": \"" + e.id + "\",";
    std::size_t first = 0;
    while (first < after.size() && after[first] != idLine) ++first;
    REQUIRE(first < after.size());
    std::size_t last = first;
    while (last < after.size() && after[last].rfind("    }", 0) != 0) ++last;
    std::size_t changed = 0;
    for (std::size_t i = 0; i < after.size(); ++i) {
        if (before[i] == after[i]) continue;
        ++changed;
        CHECK_MESSAGE((i >= first && i <= last), "line " << i + 1 << " changed outside the event: " << after[i]);
    }
    CHECK(changed >= 3);
}

TEST_CASE("dataset writer: save writes atomically and refuses a dataset that would not load") {
    Dataset ds = loadCurated();
    const auto path = std::filesystem::temp_directory_path() / "meridian-writer-test.json";
    std::string error;
    REQUIRE(saveDataset(path, ds, &error));
    const DatasetLoadResult back = loadDataset(path);
    REQUIRE(back.ok());
    CHECK(back.dataset->events.size() == ds.events.size());

    ds.events[0].title.clear();  // the format requires a title
    CHECK_FALSE(saveDataset(path, ds, &error));
    CHECK(error.find("the saved file would not load (") == 0);
    CHECK(error.find("events[0].title: must not be empty") != std::string::npos);
    CHECK(loadDataset(path).ok());  // the file on disk is untouched
    std::filesystem::remove(path);
}

TEST_CASE("dataset writer: deep time, BC dates, strings with quotes and control characters") {
    Dataset ds;
    ds.title = "Line\nbreak \"quoted\" \\ tab\t\x01";
    Category c;
    c.id = "c", c.label = "C";
    ds.categories.push_back(c);
    Source s;
    s.id = "s", s.publisher = "P", s.title = "T";
    ds.sources.push_back(s);
    Event e;
    e.id = "big-bang", e.title = "Big Bang", e.category = 0, e.sources = {{0, ""}};
    e.date = Date::fromYear(-13'800'000'000LL);
    e.confidence = Confidence::Unrated;
    ds.events.push_back(e);
    e.id = "caesar", e.title = "Caesar", e.date = Date::fromCivil(-43, 3, 15);
    ds.events.push_back(e);
    const std::string text = datasetToJson(ds);
    CHECK(text.find("\"title\": \"Line\\nbreak \\\"quoted\\\" \\\\ tab\\t\\u0001\"") != std::string::npos);
    CHECK(text.find("\"date\": \"-13800000000\"") != std::string::npos);
    CHECK(text.find("\"date\": \"-0043-03-15\"") != std::string::npos);
    const DatasetLoadResult back = parseDataset(text, "x.json");
    REQUIRE(back.ok());
    CHECK(back.dataset->title == ds.title);
    CHECK(back.dataset->events[1].date == Date::fromCivil(-43, 3, 15));
}

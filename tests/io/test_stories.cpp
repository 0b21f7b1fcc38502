#include <doctest.h>

#include "io/dataset_loader.h"
#include "io/story_writer.h"

using namespace meridian;
using namespace meridian::io;

namespace {
const std::string kBase = R"({
  "meridian": 1,
  "title": "Stories",
  "places": [{"id": "py", "name": "Pyongyang", "lat": 39.03, "lon": 125.75}],
  "sources": [{"id": "s", "publisher": "P", "title": "T", "kind": "press"}],
  "categories": [{"id": "c", "label": "C"}],
  "events": [
    {"id": "a", "date": "2006-07-05", "title": "A", "category": "c", "place": "py", "sources": ["s"], "confidence": "confirmed"},
    {"id": "b", "date": "2009", "title": "B", "category": "c", "place": "py", "sources": ["s"], "confidence": "alleged"}
  ],
  "stories": [
    {"id": "lesson", "title": "Lesson", "steps": [
      {"title": "One", "text": "First.", "time": "2006-07", "highlight": ["a"]},
      {"title": "Two", "from": "2008", "to": "2009", "camera": {"projection": "globe", "center": [125, 39], "zoom": 3},
       "highlight": ["b"], "filter": {"confidence": ["alleged"]}, "duration": 12}
    ]}
  ]
}
)";
}  // namespace

TEST_CASE("stories load with their steps resolved") {
    const DatasetLoadResult r = parseDataset(kBase, "s.json");
    REQUIRE(r.ok());
    const Dataset& ds = *r.dataset;
    REQUIRE(ds.stories.size() == 1);
    const Story& st = ds.stories[0];
    REQUIRE(st.steps.size() == 2);
    CHECK(st.steps[0].highlight == std::vector<Index>{0});
    CHECK(st.steps[0].fitHighlighted);
    CHECK(*stepPlayheadDay(st.steps[0]) == doctest::Approx(daysFromCivil(2006, 8, 1) - 0.5));
    CHECK(st.steps[1].camera->projection == "globe");
    CHECK(st.steps[1].camera->zoom == 3);
    CHECK_FALSE(st.steps[1].fitHighlighted);
    CHECK(st.steps[1].filterConfidenceMask == (1u << static_cast<int>(Confidence::Alleged)));
    CHECK(st.steps[1].durationSec == 12);
    CHECK(stepWindow(st.steps[1])->first == daysFromCivil(2008, 1, 1));
    CHECK(ds.findStory("lesson") == 0);
}

TEST_CASE("an unknown event in a story is an error with its line and column") {
    std::string bad = kBase;
    bad.replace(bad.find("\"highlight\": [\"b\"]"), 18, "\"highlight\": [\"zz\"]");
    const DatasetLoadResult r = parseDataset(bad, "s.json");
    REQUIRE_FALSE(r.ok());
    REQUIRE(countErrors(r.diagnostics) == 1);
    CHECK(r.diagnostics[0].format() ==
          "s.json:15:22: stories[0].steps[1].highlight[0]: unknown event \"zz\" (no event has this id)");
}

TEST_CASE("step problems: time and window together, half a window, a bad projection") {
    std::string bad = kBase;
    bad.replace(bad.find("\"time\": \"2006-07\""), 17, "\"time\": \"2006-07\", \"from\": \"2006\"");
    auto r = parseDataset(bad, "s.json");
    CHECK(countErrors(r.diagnostics) == 2);  // time + from, and from without to
    bad = kBase;
    bad.replace(bad.find("\"globe\""), 7, "\"mercator\"");
    r = parseDataset(bad, "s.json");
    REQUIRE(countErrors(r.diagnostics) == 1);
    CHECK(r.diagnostics[0].format().find("stories[0].steps[1].camera.projection: \"mercator\" is not a projection") !=
          std::string::npos);
}

TEST_CASE("saving stories keeps the rest of the file and round-trips") {
    DatasetLoadResult r = parseDataset(kBase, "s.json");
    REQUIRE(r.ok());
    Dataset ds = std::move(*r.dataset);
    ds.stories[0].steps[0].title = "Edited \u2014 with a dash";
    StoryStep added;
    added.title = "Three";
    added.time = Date::fromYear(2009);
    added.highlight = {1};
    ds.stories[0].steps.push_back(added);
    std::string error;
    const std::string saved = replaceStoriesInText(kBase, ds, &error);
    REQUIRE_MESSAGE(!saved.empty(), error);
    const DatasetLoadResult again = parseDataset(saved, "s.json");
    REQUIRE(again.ok());
    CHECK(again.dataset->events.size() == 2);
    CHECK(again.dataset->places[0].name == "Pyongyang");
    REQUIRE(again.dataset->stories[0].steps.size() == 3);
    CHECK(again.dataset->stories[0].steps[0].title == "Edited \u2014 with a dash");
    CHECK(again.dataset->stories[0].steps[1].camera->zoom == 3);
    CHECK(again.dataset->stories[0].steps[2].highlight == std::vector<Index>{1});
    // Key order of the rest of the file is kept: "meridian" first, "stories" last.
    CHECK(saved.find("\"meridian\"") < saved.find("\"events\""));
    CHECK(saved.find("\"events\"") < saved.find("\"stories\""));
    CHECK(replaceStoriesInText("{\"meridian\": 1,", ds, &error).empty());
    CHECK(error.find("not valid JSON") != std::string::npos);
}

TEST_CASE("a story step dated before year 0 saves and loads back (found by fuzz_date)") {
    // Date::iso() wrote "-0043" as "-43", which the loader refuses, so saving such a story failed
    // with "the saved version would not load".
    DatasetLoadResult r = parseDataset(kBase, "s.json");
    REQUIRE(r.ok());
    Dataset ds = std::move(*r.dataset);
    ds.stories[0].steps[0].time = Date::fromCivil(-43, 3, 15);
    ds.stories[0].steps[1].from = Date::fromYear(-44);
    std::string error;
    const std::string saved = replaceStoriesInText(kBase, ds, &error);
    REQUIRE_MESSAGE(!saved.empty(), error);
    CHECK(saved.find("\"time\": \"-0043-03-15\"") != std::string::npos);
    const DatasetLoadResult again = parseDataset(saved, "s.json");
    REQUIRE(again.ok());
    CHECK(again.dataset->stories[0].steps[0].time == Date::fromCivil(-43, 3, 15));
    CHECK(again.dataset->stories[0].steps[1].from == Date::fromYear(-44));
}

TEST_CASE("a number beyond a double under an unknown key: saving stories says so (found by fuzz_stories)") {
    // The file loads (1e340 is infinity under a key the loader ignores with a warning), but
    // nlohmann cannot read it to write the file back; the message said the file was not valid JSON.
    std::string text = kBase;
    text.replace(text.rfind('}'), 1, ", \"extension\": {\"big\": 1e340}}");
    DatasetLoadResult r = parseDataset(text, "s.json");
    REQUIRE(r.ok());
    std::string error;
    CHECK(replaceStoriesInText(text, *r.dataset, &error).empty());
    CHECK(error.find("a number too large to write back") != std::string::npos);
    CHECK(error.find("1e340") != std::string::npos);
}

// The streaming loader (events read as the parser reaches them) against the
// whole-tree one: the same Dataset and the same diagnostics, in the same order,
// on the curated file and on broken files; and Cancel.
#include <doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

#include "io/dataset_loader.h"
#include "io/text_file.h"
#include "test_paths.h"

using namespace meridian;
using namespace meridian::io;
namespace fs = std::filesystem;

namespace {

const fs::path kRepo = fs::path(meridian::test::testDataDir()) / ".." / "..";

// A file with everything the loader reads: stories that highlight events, answers to
// events further down, media, times, every list.
const std::string kFull = R"({
  "meridian": 1, "title": "Full", "description": "d", "license": "CC0", "authors": ["a"], "updated": "2024-01",
  "places": [{"id": "a", "name": "A", "lat": 1, "lon": 2}, {"id": "b", "name": "B", "lat": 3, "lon": 4},
             {"id": "c", "name": "C", "lat": 5, "lon": 6, "approx": true, "note": "n"}],
  "sources": [{"id": "s1", "publisher": "P", "title": "T", "kind": "press", "url": "https://x.org/"},
              {"id": "s2", "publisher": "Q", "title": "U", "kind": "advocacy", "via": "V"}],
  "categories": [{"id": "k1", "label": "One", "color": "#112233"}, {"id": "k2", "label": "Two"}],
  "actors": [{"id": "x", "name": "X"}],
  "eras": [{"id": "war", "start": "1980", "end": "1988", "label": "War"}],
  "events": [
    {"id": "e1", "date": "1987", "title": "One", "category": "k1", "from": "a", "to": "b", "via": ["c"],
     "sources": ["s1", {"ref": "s2", "note": "p. 4"}], "confidence": "reported", "answers": ["e3"],
     "approx": true, "earliest": "1985", "latest": "1989", "tags": ["t1", "t2"], "actors": ["x"]},
    {"id": "e2", "date": "2006-07-05", "time": "14:05", "title": "Two", "category": "k2", "place": "c",
     "sources": ["s2"], "confidence": "alleged", "claimed": "2006-08", "note": "n",
     "media": [{"path": "img/a.png", "caption": "c", "credit": "x"}]},
    {"id": "e3", "date": "1983", "end": "1985", "title": "Three", "summary": "s", "category": "k2",
     "sources": ["s1"], "confidence": "disputed"}
  ],
  "stories": [{"id": "st", "title": "Story", "steps": [
    {"title": "First", "time": "1990", "highlight": ["e1", "e2"]},
    {"title": "Second", "from": "2000", "to": "2010", "filter": {"categories": ["k2"], "confidence": ["alleged"]}}]}]
}
)";

std::string replaceOnce(std::string text, std::string_view from, std::string_view to) {
    const auto pos = text.find(from);
    REQUIRE_MESSAGE(pos != std::string::npos, from);
    text.replace(pos, from.size(), to);
    return text;
}

std::string formatted(const DatasetLoadResult& r) {
    std::string out;
    for (const Diagnostic& d : r.diagnostics) out += d.format() + "\n";
    return out;
}

// Streamed and whole give the same result; returns the streamed one.
DatasetLoadResult checkSame(const std::string& text, const std::string& name = "x.json") {
    const DatasetLoadResult streamed = parseDataset(text, name);
    const DatasetLoadResult whole = parseDatasetWhole(text, name);
    CHECK(streamed.ok() == whole.ok());
    CHECK_FALSE(streamed.cancelled);
    CHECK(formatted(streamed) == formatted(whole));
    CHECK(streamed.diagnostics == whole.diagnostics);
    if (streamed.ok() && whole.ok()) CHECK(*streamed.dataset == *whole.dataset);
    return streamed;
}

// A file of n events (enough text for the progress to be reported many times).
std::string manyEvents(int n) {
    std::string text = R"({"meridian": 1, "title": "Many", "places": [{"id": "p", "name": "P", "lat": 1, "lon": 2}],
  "sources": [{"id": "s", "publisher": "P", "title": "T", "kind": "press"}],
  "categories": [{"id": "c", "label": "C"}], "events": [
)";
    for (int i = 0; i < n; ++i)
        text += std::string(i ? ",\n" : "") + R"(  {"id": "e)" + std::to_string(i) +
                R"(", "date": "2001-02-03", "title": "Event", "category": "c", "place": "p", "sources": ["s"], )" +
                R"("confidence": "reported"})";
    return text + "\n]}\n";
}

}  // namespace

TEST_CASE("streaming: the curated file loads exactly as from its whole tree") {
    std::string error;
    const auto text = readWholeFile(kRepo / "data" / "iran-dprk.json", &error);
    REQUIRE_MESSAGE(text, error);
    const DatasetLoadResult r = checkSame(*text, "data/iran-dprk.json");
    REQUIRE(r.ok());
    CHECK(r.dataset->events.size() > 50);
    CHECK_FALSE(r.dataset->stories.empty());
    // And through the file (its text read into memory that is given back as it is parsed).
    const DatasetLoadResult fromFile = loadDataset(kRepo / "data" / "iran-dprk.json");
    REQUIRE(fromFile.ok());
    CHECK(*fromFile.dataset == *r.dataset);
    CHECK(fromFile.diagnostics.size() == r.diagnostics.size());
}

TEST_CASE("streaming: the test files load as from their whole tree") {
    for (const fs::path& p : {fs::path(meridian::test::testDataDir()) / "small.json",
                              fs::path(meridian::test::testDataDir()) / "bad" / "impossible-date.json"}) {
        CAPTURE(p);
        std::string error;
        const auto text = readWholeFile(p, &error);
        REQUIRE_MESSAGE(text, error);
        checkSame(*text, p.filename().string());
    }
}

TEST_CASE("streaming: every field, answers further down and stories, as from the whole tree") {
    const DatasetLoadResult r = checkSame(kFull);
    REQUIRE_MESSAGE(r.ok(), formatted(r));
    const Dataset& ds = *r.dataset;
    REQUIRE(ds.events.size() == 3);
    REQUIRE(ds.events[0].answers.size() == 1);
    CHECK(ds.events[0].answers[0] == 2);  // e3, read after e1
    CHECK(ds.events[2].answeredBy == std::vector<Index>{0});
    REQUIRE(ds.stories.size() == 1);
    CHECK(ds.stories[0].steps[0].highlight == std::vector<Index>{0, 1});
}

TEST_CASE("streaming: broken files give the same diagnostics, in the same order") {
    const std::pair<std::string_view, std::string_view> breaks[] = {
        // Unknown keys (warnings) at the top level before and after the events, and in an event.
        {R"("meridian": 1,)", R"("meridian": 1, "colour": "red",)"},
        {R"("stories": [)", R"("extra": 1, "stories": [)"},
        {R"("id": "e2", "date")", R"("id": "e2", "wen": 1, "date")"},
        // Duplicate keys and ids.
        {R"("title": "Full",)", R"("title": "Full", "title": "Again",)"},
        {R"("stories": [)", R"("events": [], "stories": [)"},
        {R"("id": "e2", "date")", R"("id": "e1", "date")"},
        {R"("id": "e3", "date": "1983",)", R"("id": "e3", "date": "1983", "date": "1984",)"},
        // Errors inside events and in what refers to them.
        {R"("date": "2006-07-05")", R"("date": "2006-02-30")"},
        {R"("answers": ["e3"])", R"("answers": ["e9", 4, "e1", "e3", "e3"])"},
        {R"("highlight": ["e1", "e2"])", R"("highlight": ["e1", "nope", 3])"},
        {R"("category": "k1")", R"("category": "k9")"},
        {R"("place": "c",)", R"("place": "c", "from": "a",)"},
        {R"("confidence": "alleged")", R"("confidence": "likely")"},
        {R"("sources": ["s1"], "confidence": "disputed"})", R"("sources": [], "confidence": "disputed"}, 42)"},
        // Not a Meridian file of this version: nothing read past the version.
        {R"("meridian": 1,)", R"("meridian": 2,)"},
        {R"("meridian": 1,)", R"()"},
        // The events not an array (nothing streamed), and errors in the lists before them.
        {R"("events": [)", R"("events": {"a": [)"},
        {R"("lat": 3,)", R"("lat": 300,)"},
        {R"("kind": "press",)", R"("kind": "tabloid",)"},
    };
    for (const auto& change : breaks) {  // not a structured binding: clang 14 cannot capture one (CAPTURE)
        const std::string_view from = change.first, to = change.second;
        CAPTURE(to);
        std::string text = replaceOnce(kFull, from, to);
        if (from == R"("events": [)") text = replaceOnce(text, "\n  ],\n  \"stories\"", "\n  ]},\n  \"stories\"");
        const DatasetLoadResult r = checkSame(text);
        CHECK_FALSE(r.diagnostics.empty());
    }
}

TEST_CASE("streaming: a syntax error inside an event gives only that error, as from the whole tree") {
    for (const auto& change : std::initializer_list<std::pair<std::string_view, std::string_view>>{
             {R"("title": "Two",)", R"("title": "Two" "x",)"},
             {R"("confidence": "disputed"})", R"("confidence": "disputed",})"},
             {R"("tags": ["t1", "t2"])", R"("tags": ["t1", "t2")"},
         }) {
        const std::string_view from = change.first, to = change.second;
        CAPTURE(to);
        const DatasetLoadResult r = checkSame(replaceOnce(kFull, from, to));
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].path.empty());
    }
    // Cut off in the middle of the events: the unclosed containers are named as before.
    const std::string cut = kFull.substr(0, kFull.find(R"("id": "e2")"));
    const DatasetLoadResult r = checkSame(cut);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message.find("is not closed") != std::string::npos);
}

TEST_CASE("streaming: lists after the events are read from the whole tree, with the same result") {
    // The places after the events: the events could not be read when the parser reached them.
    std::string text = kFull;
    const auto placesBegin = text.find(R"("places": [)");
    const auto placesEnd = text.find(R"("sources": [)");
    const std::string places = text.substr(placesBegin, placesEnd - placesBegin);
    text.erase(placesBegin, placesEnd - placesBegin);
    text = replaceOnce(text, R"("stories": [)", places + R"("stories": [)");
    const DatasetLoadResult r = checkSame(text);
    REQUIRE_MESSAGE(r.ok(), formatted(r));
    CHECK(r.dataset->events[0].from == 0);
    // The version after the events.
    const std::string late =
        replaceOnce(replaceOnce(kFull, R"("meridian": 1,)", ""), R"("stories": [)", R"("meridian": 1, "stories": [)");
    CHECK(checkSame(late).ok());
}

TEST_CASE("streaming: a cancelled load stops within the parse and gives no data") {
    const std::string text = manyEvents(20000);  // ~2.4 MB: the progress is reported every 64 KiB
    std::atomic<bool> cancel{false};
    double lastFraction = 0;
    int reports = 0;
    ImportProgress progress;
    progress.cancel = &cancel;
    progress.report = [&](double f) {
        lastFraction = f;
        ++reports;
        if (f > 0.3) cancel = true;
    };
    const DatasetLoadResult r = parseDataset(text, "many.json", {}, progress);
    CHECK(r.cancelled);
    CHECK_FALSE(r.ok());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].severity == Severity::Error);
    CHECK(r.diagnostics[0].message == "cancelled");
    CHECK(reports > 3);
    CHECK(lastFraction < 0.35);  // stopped at the next check, not at the end of the file

    // Not cancelled: the whole file, the fraction reaching the end.
    cancel = false;
    progress.report = [&](double f) { lastFraction = f; };
    const DatasetLoadResult full = parseDataset(text, "many.json", {}, progress);
    REQUIRE(full.ok());
    CHECK(full.dataset->events.size() == 20000);
    CHECK(lastFraction > 0.95);
}

TEST_CASE("streaming: a load from a file is cancelled too, and a cancel set before reading stops at once") {
    const fs::path file = fs::temp_directory_path() / "meridian-test-streaming-cancel.json";
    std::ofstream(file) << manyEvents(5000);
    std::atomic<bool> cancel{true};
    ImportProgress progress;
    progress.cancel = &cancel;
    const DatasetLoadResult r = loadDataset(file, progress);
    CHECK(r.cancelled);
    CHECK_FALSE(r.ok());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message == "cancelled");
    cancel = false;
    const DatasetLoadResult ok = loadDataset(file, progress);
    REQUIRE(ok.ok());
    CHECK(ok.dataset->events.size() == 5000);
    CHECK_FALSE(ok.cancelled);
    fs::remove(file);
}

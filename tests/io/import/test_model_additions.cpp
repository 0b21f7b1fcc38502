// What issue 12 added to the model and the format: the "unrated" confidence,
// an event's time of day, deep-time years, table-row diagnostics without a column.
#include <doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/event_filter.h"
#include "io/dataset_loader.h"
#include "io/settings.h"

using namespace meridian;
using namespace meridian::io;

namespace {

std::string fileWithEvent(const std::string& eventMembers) {
    return R"({"meridian": 1, "title": "T", "categories": [{"id": "c", "label": "C"}],
  "sources": [{"id": "s", "publisher": "P", "title": "T", "kind": "press"}],
  "events": [
    {"id": "e", "title": "E", "category": "c", "sources": ["s"], )" +
           eventMembers + R"(}
  ]
})";
}

std::string errorsOf(const std::string& text) {
    std::string out;
    for (const Diagnostic& d : parseDataset(text, "x.json").diagnostics)
        if (d.severity == Severity::Error) out += (out.empty() ? "" : "\n") + d.format();
    return out;
}

}  // namespace

TEST_CASE("model additions: unrated is the fifth confidence level, accepted by the loader") {
    CHECK(kConfidenceCount == 5);
    CHECK(static_cast<int>(Confidence::Unrated) == 4);  // after the four curated levels: their bits are unchanged
    CHECK(std::string(confidenceId(Confidence::Unrated)) == "unrated");
    CHECK(std::string(confidenceLabel(Confidence::Unrated)) == "Unrated");
    CHECK(std::string(confidenceExplanation(Confidence::Unrated)) == "The source file gives no confidence.");
    CHECK(parseConfidence("unrated") == Confidence::Unrated);

    const DatasetLoadResult r = parseDataset(fileWithEvent(R"("date": "1987", "confidence": "unrated")"), "x.json");
    REQUIRE(r.ok());
    CHECK(r.dataset->events[0].confidence == Confidence::Unrated);
}

TEST_CASE("model additions: filters and stories keep unrated events by default") {
    CHECK(kAllConfidenceMask == 0x1F);
    CHECK(EventFilter{}.confidenceMask == kAllConfidenceMask);
    CHECK_FALSE(EventFilter{}.isActive());
    CHECK(StoryStep{}.filterConfidenceMask == kAllConfidenceMask);
}

TEST_CASE("model additions: an event's time of day") {
    CHECK(parseTimeOfDay("00:00") == 0);
    CHECK(parseTimeOfDay("14:05") == 14 * 60 + 5);
    CHECK(parseTimeOfDay("23:59") == 1439);
    CHECK_FALSE(parseTimeOfDay("24:00"));
    CHECK_FALSE(parseTimeOfDay("9:30"));
    CHECK_FALSE(parseTimeOfDay("12:60"));
    CHECK(formatTimeOfDay(14 * 60 + 5) == "14:05");

    const DatasetLoadResult r =
        parseDataset(fileWithEvent(R"("date": "2006-07-05", "time": "05:01", "confidence": "confirmed")"), "x.json");
    REQUIRE(r.ok());
    CHECK(r.dataset->events[0].minuteOfDay == 5 * 60 + 1);
    CHECK(describeWhen(r.dataset->events[0]) == "5 July 2006, 05:01");

    CHECK(errorsOf(fileWithEvent(R"("date": "2006-07-05", "time": "5pm", "confidence": "confirmed")")) ==
          "x.json:4:96: events[0].time: \"5pm\" is not a time of day (expected \"HH:MM\", 00:00 to 23:59)");
    CHECK(errorsOf(fileWithEvent(R"("date": "2006-07", "time": "05:01", "confidence": "confirmed")")) ==
          "x.json:4:93: events[0].time: a time of day needs a date given to the day (YYYY-MM-DD)");
}

TEST_CASE("model additions: deep-time years (TimelineJS's cosmological scale) are dates") {
    const DateParseResult bigBang = parseIsoDate("-13800000000");
    REQUIRE(bigBang.date);
    CHECK(bigBang.date->civil().year == -13800000000LL);
    CHECK(bigBang.date->iso() == "-13800000000");
    CHECK(bigBang.date->display() == "13800000001 BC");
    CHECK_FALSE(parseIsoDate("-1380000000000").date);  // 13 digits: beyond the format
}

TEST_CASE("model additions: a diagnostic with a line but no column (a table row)") {
    const Diagnostic d{Severity::Error, "events.csv", 18, 0, "row 17, column \"Date\"", "\"31/31/2006\" is not a date"};
    CHECK(d.format() == "events.csv:18: row 17, column \"Date\": \"31/31/2006\" is not a date");
}

TEST_CASE("model additions: iso() writes every year the way parseIsoDate reads it (\"-0043\", not \"-43\")") {
    for (const std::int64_t year : {-13800000000LL, -2999LL, -43LL, 0LL, 622LL, 2006LL, 12345LL}) {
        const Date d = Date::fromCivil(year, 3, 15);
        const DateParseResult back = parseIsoDate(d.iso());
        REQUIRE_MESSAGE(back.date, d.iso());
        CHECK(*back.date == d);
    }
    CHECK(Date::fromYear(-43).iso() == "-0043");
}

TEST_CASE("model additions: settings saved before 'unrated' existed keep showing every level") {
    const auto path = std::filesystem::temp_directory_path() / "meridian-settings-unrated.json";
    std::ofstream(path) << R"({"filter": {"confidenceMask": 15}})";  // 0x0F: the four levels there were
    CHECK(meridian::io::loadSettings(path).settings.confidenceMask == kAllConfidenceMask);
    std::ofstream(path) << R"({"filter": {"confidenceMask": 1}})";  // confirmed only stays so
    CHECK(meridian::io::loadSettings(path).settings.confidenceMask == 1);
    std::filesystem::remove(path);
}

// TimelineJS's own templates and sample sheets, from the npm package
// @knight-lab/timelinejs (not in the repository: its licence). scripts/test
// fetches the package into build/timelinejs; CTest runs these cases alone
// (`--no-skip -tc="timelinejs templates*"`, test "timelinejs_templates") and
// they exit 77 (CTest's SKIP_RETURN_CODE) when the package is absent. The plain
// unit test run skips them (doctest::skip).
#include <doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "io/import/html_text.h"
#include "io/import/open_any.h"
#include "io/json_document.h"
#include "io/text_file.h"

using namespace meridian;
using namespace meridian::io;

namespace {

std::filesystem::path packageDir() {
    const char* dir = std::getenv("MERIDIAN_TIMELINEJS_DIR");
    const std::filesystem::path p = dir ? dir : "build/timelinejs/package";
    if (!std::filesystem::exists(p / "src" / "template" / "cosmo.json")) {
        std::fprintf(stderr, "skipped: TimelineJS's npm package is not at %s (scripts/test fetches it)\n", p.c_str());
        std::exit(77);
    }
    return p;
}

// The date a TimelineJS date object says, computed here from the JSON.
Date expectedDate(const JsonValue& d) {
    auto number = [&](const char* key) -> std::optional<std::int64_t> {
        const auto v = d.find(key);
        if (!v) return std::nullopt;
        if (v->isNumber()) return static_cast<std::int64_t>(v->number());
        if (v->isString() && !v->string().empty()) return std::stoll(std::string(v->string()));
        return std::nullopt;
    };
    const auto y = number("year"), m = number("month"), day = number("day");
    REQUIRE(y);
    if (m && day) return Date::fromCivil(*y, static_cast<int>(*m), static_cast<int>(*day));
    if (m) return Date::fromYearMonth(*y, static_cast<int>(*m));
    return Date::fromYear(*y);
}

void checkJsonTemplate(const std::filesystem::path& file) {
    INFO(file.string());
    std::string error;
    const auto text = readWholeFile(file, &error);
    REQUIRE(text);
    JsonError jsonError;
    const auto doc = JsonDocument::parse(*text, &jsonError);
    REQUIRE(doc);
    const JsonValue events = *doc->root().find("events");

    const AnyFileResult r = loadAnyFile(file);
    CHECK(r.format == FileFormat::TimelineJsJson);
    REQUIRE(r.ok());
    REQUIRE(r.report);
    CHECK(r.report->skipped == 0);
    CHECK(countErrors(r.diagnostics) == 0);
    const Dataset& ds = *r.dataset;
    REQUIRE(ds.events.size() == events.size());  // every event present
    for (std::uint32_t i = 0; i < events.size(); ++i) {
        const JsonValue e = events.at(i);
        const Event& got = ds.events[i];
        INFO("events[" << i << "]");
        CHECK(got.date == expectedDate(*e.find("start_date")));  // the right date, with its precision
        if (const auto end = e.find("end_date")) CHECK((got.end ? *got.end : got.date) == expectedDate(*end));
        const auto headline = e.find("text") ? e.find("text")->find("headline") : std::nullopt;
        if (headline && !headline->string().empty()) CHECK(got.title == htmlToText(headline->string()));
        if (const auto group = e.find("group"); group && !group->string().empty())
            CHECK(ds.categories[got.category].label == group->string());
        CHECK(got.confidence == Confidence::Unrated);
    }
    if (const auto eras = doc->root().find("eras")) CHECK(ds.eras.size() == eras->size());
    if (const auto title = doc->root().find("title"))
        CHECK(ds.title == htmlToText(title->find("text")->find("headline")->string()));
}

const Event& eventTitled(const Dataset& ds, std::string_view title) {
    for (const Event& e : ds.events)
        if (e.title == title) return e;
    FAIL("no event titled " << title);
    return ds.events.front();
}

}  // namespace

TEST_CASE("timelinejs templates: TimelineJS's own JSON templates, every event with its date" * doctest::skip()) {
    const std::filesystem::path dir = packageDir() / "src" / "template";
    for (const char* name : {"cosmo.json", "cosmo-mixed.json", "eras.json", "all-media-types.json"})
        checkJsonTemplate(dir / name);
}

TEST_CASE("timelinejs templates: TimelineJS's spreadsheet template and sample sheet as CSV" * doctest::skip()) {
    const std::filesystem::path root = packageDir() / "src";
    for (const auto& file :
         {root / "template" / "my-own-timeline.csv", root / "js" / "core" / "__tests__" / "women_in_computing.csv"}) {
        INFO(file.string());
        const AnyFileResult r = loadAnyFile(file);
        CHECK(r.format == FileFormat::Csv);
        REQUIRE(r.ok());
        CHECK(r.report->summary() == "11 rows: 10 events, 0 skipped, 1 title row");
        const Dataset& ds = *r.dataset;
        const Event& ada = eventTitled(ds, "Ada Lovelace");
        CHECK(ada.date == Date::fromCivil(1815, 12, 10));
        CHECK(*ada.end == Date::fromCivil(1852, 11, 27));
        CHECK(ada.summary.find("Take Ada Lovelace (https://en.wikipedia.org/wiki/Ada_Lovelace)") != std::string::npos);
        const Event& eniac = eventTitled(ds, "...And the women who made it work");
        CHECK(eniac.date == Date::fromYearMonth(1943, 7));
        CHECK(*eniac.end == Date::fromYear(1946));
        CHECK(eventTitled(ds, "Grace Hopper invents the compiler").date == Date::fromYear(1952));
        CHECK(eventTitled(ds, "Edith Clarke: Bucking the Trend").date == Date::fromCivil(1948, 3, 14));
    }
}

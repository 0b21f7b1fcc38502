#include <doctest.h>

#include <algorithm>
#include <string>

#include "io/import/save_any.h"
#include "session/save_as_choices.h"

using namespace meridian;
using io::ExportFormat;

namespace {

constexpr ExportFormat kAll[] = {ExportFormat::MeridianJson, ExportFormat::Csv, ExportFormat::Tsv,
                                 ExportFormat::TimelineJs, ExportFormat::GeoJson};

bool mentions(const std::vector<std::string>& lines, const std::string& part) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::string& l) { return l.find(part) != std::string::npos; });
}

}  // namespace

TEST_CASE("save as: the name follows the format, and the format is read back from the name") {
    CHECK(fileNameForFormat("lesson.csv", ExportFormat::GeoJson) == "lesson.geojson");
    CHECK(fileNameForFormat("lesson.timeline.json", ExportFormat::Csv) == "lesson.csv");
    CHECK(fileNameForFormat("lesson.json", ExportFormat::TimelineJs) == "lesson.timeline.json");
    CHECK(fileNameForFormat("Lesson.CSV", ExportFormat::Tsv) == "Lesson.tsv");
    CHECK(fileNameForFormat("notes", ExportFormat::MeridianJson) == "notes.json");
    CHECK(fileNameForFormat("v1.2.data.csv", ExportFormat::MeridianJson) == "v1.2.data.json");
    CHECK(fileNameForFormat(".csv", ExportFormat::Csv) == "data.csv");
    for (const ExportFormat f : kAll) {
        for (const ExportFormat from : kAll) {
            const std::string name = fileNameForFormat(fileNameForFormat("x", from), f);
            CHECK_MESSAGE(io::exportFormatForPath(name) == f, name);
            CHECK(name.rfind("x.", 0) == 0);
        }
    }
}

TEST_CASE("save as: what a format cannot keep, counted on the data") {
    Dataset plain;
    plain.title = "Plain";
    plain.places.push_back(Place{"p1", "Tehran", "", 35.7, 51.4, "IRN", false, ""});
    plain.categories.push_back(Category{"c1", "Missiles", 0, false});
    for (const ExportFormat f : kAll) CHECK(exportLosses(plain, f).empty());

    Dataset ds = plain;
    ds.stories.push_back(Story{"s1", "One", "", {}});
    ds.stories.push_back(Story{"s2", "Two", "", {}});
    ds.categories.push_back(Category{"c2", "Talks", 0x3366ccff, true});
    ds.places.push_back(Place{"p2", "Pyongyang", "PY", 39.0, 125.7, "PRK", true, "a note"});
    ds.actors.push_back(Actor{"a1", "Someone", "IRN"});
    ds.authors = {"A. Author"};
    ds.license = "CC BY 4.0";
    Event e;
    e.id = "e1";
    e.from = 0;
    e.to = 1;  // both ends have a country
    ds.events.push_back(e);
    CHECK(exportLosses(ds, ExportFormat::MeridianJson).empty());
    for (const ExportFormat f :
         {ExportFormat::Csv, ExportFormat::Tsv, ExportFormat::TimelineJs, ExportFormat::GeoJson}) {
        const std::vector<std::string> lost = exportLosses(ds, f);
        CHECK(mentions(lost, "2 stories"));
        CHECK(mentions(lost, "the colours of 1 category"));
        CHECK(mentions(lost, "of 1 place"));
        CHECK(mentions(lost, "2 connection ends"));
        CHECK(mentions(lost, "the countries of 1 actor"));
        CHECK(mentions(lost, "the author's name"));
        CHECK(mentions(lost, "CC BY 4.0"));
        CHECK(lost.size() == 7);
    }
}

// The timeline, rendered by the real binary: markers where their dates say,
// the playhead where --time put it, and the map following the playhead.
#include <doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "core/date.h"
#include "render_harness.h"

using namespace meridian;
using namespace meridian::test;

namespace {

const std::string kArcs = sourceDir() + "/tests/data/render/arcs.json";

nlohmann::json layout(const std::string& name) {
    std::ifstream in(outDir() + "/" + name + ".json");
    REQUIRE(in.good());
    return nlohmann::json::parse(in);
}

double xOfDay(const nlohmann::json& l, double day) {
    return l["lanesX"].get<double>() + (day - l["firstDay"].get<double>()) * l["pxPerDay"].get<double>();
}
double yOfCategory(const nlohmann::json& l, int category) {
    const auto& cats = l["rowCategories"];
    for (std::size_t r = 0; r < cats.size(); ++r)
        if (cats[r].get<int>() == category)
            return l["lanesY"].get<double>() + l["rowTops"][r].get<double>() + l["rowHeights"][r].get<double>() / 2;
    FAIL("no lane for category " << category);
    return 0;
}

}  // namespace

TEST_CASE("markers sit at their dates, the playhead at --time, and the map follows it") {
    const std::string args = kArcs + " --size 1600x900 --projection equirectangular --view 20,30,1 --no-legend";
    const Png early =
        renderShot("timeline_2003", args + " --time 2003-01-01 --layout-report " + outDir() + "/timeline_2003.json");
    const Png late =
        renderShot("timeline_2006", args + " --time 2006-08-01 --layout-report " + outDir() + "/timeline_2006.json");
    REQUIRE((early.ok() && late.ok()));
    const nlohmann::json l = layout("timeline_2003");

    // The magenta event (category 0) is a single day, 5 July 2006: its marker
    // is centred on that day in the first lane; the cyan one (1 Jan 2000) in the second.
    const double magentaDay = static_cast<double>(daysFromCivil(2006, 7, 5)) + 0.5;
    const double cyanDay = static_cast<double>(daysFromCivil(2000, 1, 1)) + 0.5;
    CHECK(countNear(early, xOfDay(l, magentaDay), yOfCategory(l, 0), 3, 0xFF00FF, 40) > 5);
    CHECK(countNear(early, xOfDay(l, cyanDay), yOfCategory(l, 1), 3, 0x00FFFF, 40) > 5);
    // ...and not a lane or a year away.
    CHECK(countNear(early, xOfDay(l, magentaDay + 365), yOfCategory(l, 0), 3, 0xFF00FF, 40) == 0);
    CHECK(countNear(early, xOfDay(l, magentaDay), yOfCategory(l, 1), 3, 0xFF00FF, 40) == 0);

    // The playhead (red, 255,80,60 in the dark theme) at 1 Jan 2003, and elsewhere in the later shot.
    const double y = l["lanesY"].get<double>() + 4;
    const double x2003 = xOfDay(l, static_cast<double>(daysFromCivil(2003, 1, 1)));
    const double x2006 = xOfDay(l, static_cast<double>(daysFromCivil(2006, 8, 1)));
    CHECK(countNear(early, x2003, y, 2, 0xFF503C, 30) > 3);
    CHECK(countNear(early, x2006, y, 2, 0xFF503C, 30) == 0);
    CHECK(countNear(late, x2006, y, 2, 0xFF503C, 30) > 3);

    // The map (top left) follows: in 2003 the 2006 arc is not drawn, in August 2006 it is.
    int before = 0, after = 0;
    for (int yy = 60; yy < 500; yy += 2)
        for (int xx = 0; xx < 1000; xx += 2) {
            before += countNear(early, xx, yy, 0, 0xFF00FF, 60);
            after += countNear(late, xx, yy, 0, 0xFF00FF, 60);
        }
    CHECK(before == 0);
    CHECK(after > 50);
}

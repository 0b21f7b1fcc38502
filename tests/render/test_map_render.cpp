// The map, rendered by the real binary: arcs where great circles say they are,
// at the right time, across the antimeridian, in each projection.
#include <doctest.h>

#include "geo/camera.h"
#include "geo/great_circle.h"
#include "render_harness.h"

using namespace meridian;
using namespace meridian::test;

namespace {

const std::string kArcs = sourceDir() + "/tests/data/render/arcs.json";
constexpr std::uint32_t kMagenta = 0xFF00FF, kCyan = 0x00FFFF;
const geo::LonLat kPyongyang{125.75, 39.03}, kTehran{51.39, 35.69}, kTokyo{139.69, 35.68}, kLosAngeles{-118.24, 34.05};

geo::ScreenPoint screenOf(const geo::CameraState& cam, geo::LonLat p, double w, double h) {
    const auto s = geo::worldToScreen(cam, {w, h}, p);
    REQUIRE(s.has_value());
    return *s;
}

// Magenta pixels at several points along the Pyongyang-Tehran great circle.
int magentaAlongArc(const Png& png, const geo::CameraState& cam) {
    int hits = 0;
    for (double t : {0.3, 0.45, 0.6, 0.75}) {
        const auto s = screenOf(cam, geo::interpolate(kPyongyang, kTehran, t), png.width, png.height);
        hits += countNear(png, s.xPx, s.yPx, 4, kMagenta, 90) > 0;
    }
    return hits;
}

}  // namespace

TEST_CASE("an arc appears between its places after its date, and not before") {
    const std::string common =
        kArcs + " --map-only --no-legend --projection equirectangular --view 90,30,2 --size 1200x600";
    const geo::CameraState cam{geo::Projection::Equirectangular, 90, 30, 2};
    const Png before = renderShot("arc_before", common + " --time 2006-07-01");
    const Png after = renderShot("arc_after", common + " --time 2006-07-20");
    REQUIRE(before.ok());
    REQUIRE(after.ok());
    CHECK(magentaAlongArc(before, cam) == 0);
    CHECK(magentaAlongArc(after, cam) == 4);
    // And it is drawn along the great circle, not the straight lon/lat line: the
    // great circle bulges north of the rhumb line's midpoint.
    const auto rhumbMid =
        screenOf(cam, {(kPyongyang.lonDeg + kTehran.lonDeg) / 2, (kPyongyang.latDeg + kTehran.latDeg) / 2}, 1200, 600);
    CHECK(countNear(after, rhumbMid.xPx, rhumbMid.yPx, 3, kMagenta, 90) == 0);
}

TEST_CASE("an arc across the antimeridian is cut at the map's edges, not drawn across the world") {
    const geo::CameraState cam{geo::Projection::Equirectangular, 0, 0, 1};
    const Png png = renderShot(
        "antimeridian",
        kArcs + " --map-only --no-legend --projection equirectangular --view 0,0,1 --size 1200x600 --time 2000-02");
    REQUIRE(png.ok());
    // Near Tokyo (east edge side) and near Los Angeles (west side): cyan.
    for (double t : {0.15, 0.85}) {
        const auto s = screenOf(cam, geo::interpolate(kTokyo, kLosAngeles, t), 1200, 600);
        CHECK_MESSAGE(countNear(png, s.xPx, s.yPx, 4, kCyan, 100) > 0, "t=" << t);
    }
    // A straight line Tokyo -> Los Angeles across the map would pass lon 0 at
    // about lat 35: nothing cyan anywhere in the middle of the map.
    int middle = 0;
    for (int y = 0; y < 600; y += 2) middle += countNear(png, 600, y, 1, kCyan, 100);
    CHECK(middle == 0);
}

TEST_CASE("the projections draw different maps, and the globe hides its far side") {
    const std::string common = kArcs + " --map-only --no-legend --size 800x600 --time 2006-08 --view 90,30,1";
    const Png equirect = renderShot("proj_equirect", common + " --projection equirectangular");
    const Png equalEarth = renderShot("proj_equal_earth", common + " --projection equal-earth");
    const Png natural = renderShot("proj_natural_earth", common + " --projection natural-earth");
    const Png globe = renderShot("proj_globe", common + " --projection globe");
    REQUIRE((equirect.ok() && equalEarth.ok() && natural.ok() && globe.ok()));
    CHECK(differingShare(equirect, equalEarth) > 0.05);
    CHECK(differingShare(equalEarth, natural) > 0.02);
    CHECK(differingShare(equirect, globe) > 0.2);
    // Facing Asia, the globe shows the arc.
    const geo::CameraState facing{geo::Projection::Orthographic, 90, 30, 1};
    CHECK(magentaAlongArc(globe, facing) >= 3);
    // Turned to the Americas, the arc is behind the globe: at most faintly seen through it.
    const Png back =
        renderShot("proj_globe_back",
                   kArcs + " --map-only --no-legend --size 800x600 --time 2006-08 --view -90,20,1 --projection globe");
    REQUIRE(back.ok());
    int strong = 0;
    for (int y = 0; y < back.height; y += 2)
        for (int x = 0; x < back.width; x += 2) strong += countNear(back, x, y, 0, kMagenta, 60);
    CHECK(strong == 0);
}

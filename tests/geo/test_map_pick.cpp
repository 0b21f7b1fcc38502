#include <doctest.h>

#include "geo/camera.h"
#include "geo/great_circle.h"
#include "geo/map_pick.h"

using namespace meridian;
using namespace meridian::geo;

namespace {

const LonLat kPyongyang{125.75, 39.03}, kTehran{51.39, 35.69}, kTokyo{139.69, 35.68}, kLosAngeles{-118.24, 34.05};
const Viewport kViewport{1200, 600};
const CameraState kCamera{Projection::Equirectangular, 0, 0, 1};

ArcItem arc(LonLat from, LonLat to, Index event) {
    ArcItem a;
    a.from = from;
    a.to = to;
    a.event = event;
    a.crossesAntimeridian = crossesAntimeridian(from, to);
    return a;
}

ItemShown always(const ArcItem&) {
    return {true, 1.0};
}
ItemShown alwaysMarker(const MarkerItem&) {
    return {true, 1.0};
}

ScreenPoint onScreen(LonLat p) {
    return *worldToScreen(kCamera, kViewport, p);
}

MapPick pick(const std::vector<ArcItem>& arcs, const std::vector<MarkerItem>& markers, ScreenPoint p,
             const std::function<ItemShown(const ArcItem&)>& shown = always) {
    return pickMapItem(arcs, markers, shown, alwaysMarker, kCamera, kViewport, PickStyle{}, p);
}

}  // namespace

TEST_CASE("the pointer on a leg's great circle picks it; a little way off does not") {
    const std::vector<ArcItem> arcs{arc(kPyongyang, kTehran, 0)};
    const ScreenPoint mid = onScreen(interpolate(kPyongyang, kTehran, 0.5));
    const MapPick hit = pick(arcs, {}, mid);
    CHECK(hit.kind == MapPick::Kind::Arc);
    CHECK(hit.item == 0);
    CHECK_FALSE(pick(arcs, {}, {mid.xPx, mid.yPx + 40}));
    // The great circle bows north of the straight line between the two cities.
    const ScreenPoint a = onScreen(kPyongyang), b = onScreen(kTehran);
    CHECK_FALSE(pick(arcs, {}, {(a.xPx + b.xPx) / 2, (a.yPx + b.yPx) / 2 + 25}));
}

TEST_CASE("a marker drawn over an arc wins, as it is drawn last") {
    const std::vector<ArcItem> arcs{arc(kPyongyang, kTehran, 0)};
    MarkerItem m;
    m.position = kTehran;
    m.event = 1;
    const MapPick hit = pick(arcs, {m}, onScreen(kTehran));
    CHECK(hit.kind == MapPick::Kind::Marker);
    CHECK(hit.item == 0);
}

TEST_CASE("events between the same two places are told apart by their lateral slots") {
    ArcItem left = arc(kPyongyang, kTehran, 0), right = arc(kPyongyang, kTehran, 1);
    left.bundleOffset = -1;
    right.bundleOffset = 1;
    const std::vector<ArcItem> arcs{left, right};
    // Along the leg's middle, the two are 2 x 10 px apart; the pointer 7 px to
    // either side of the centre line finds one of them, and not the same one.
    const LonLat m0 = interpolate(kPyongyang, kTehran, 0.5), m1 = interpolate(kPyongyang, kTehran, 0.51);
    const ScreenPoint c = onScreen(m0), d = onScreen(m1);
    const double dx = d.xPx - c.xPx, dy = d.yPx - c.yPx, len = std::hypot(dx, dy);
    const ScreenPoint side1{c.xPx + dy / len * 7, c.yPx - dx / len * 7},
        side2{c.xPx - dy / len * 7, c.yPx + dx / len * 7};
    const MapPick a = pick(arcs, {}, side1), b = pick(arcs, {}, side2);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a.item != b.item);
    CHECK(a.item == 1);  // the +1 slot lies on the shader's normal side
}

TEST_CASE("only the grown part of a leg and only items that show can be picked") {
    const std::vector<ArcItem> arcs{arc(kPyongyang, kTehran, 0)};
    auto grownAThird = [](const ArcItem&) { return ItemShown{true, 0.3}; };
    CHECK(pick(arcs, {}, onScreen(interpolate(kPyongyang, kTehran, 0.15)), grownAThird));
    CHECK_FALSE(pick(arcs, {}, onScreen(interpolate(kPyongyang, kTehran, 0.8)), grownAThird));
    auto hidden = [](const ArcItem&) { return ItemShown{false, 1.0}; };
    CHECK_FALSE(pick(arcs, {}, onScreen(interpolate(kPyongyang, kTehran, 0.5)), hidden));
}

TEST_CASE("a leg across the antimeridian is picked on both edges of a flat map") {
    const std::vector<ArcItem> arcs{arc(kTokyo, kLosAngeles, 0)};
    REQUIRE(arcs[0].crossesAntimeridian);
    const LonLat westOfSeam = interpolate(kTokyo, kLosAngeles, 0.2), eastOfSeam = interpolate(kTokyo, kLosAngeles, 0.8);
    CHECK(pick(arcs, {}, onScreen(westOfSeam)));
    CHECK(pick(arcs, {}, onScreen(eastOfSeam)));
    // ... and not across the middle of the map, where an unwrapped line would run.
    CHECK_FALSE(pick(arcs, {}, onScreen({0, 36})));
}

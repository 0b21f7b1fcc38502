#include <doctest.h>

#include <cmath>

#include "geo/camera.h"
#include "geo/great_circle.h"
#include "geo/map_pick.h"
#include "geo/projection.h"

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
    return {1.0, 1.0};
}
ItemShown alwaysMarker(const MarkerItem&) {
    return {1.0, 1.0};
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
    auto grownAThird = [](const ArcItem&) { return ItemShown{1.0, 0.3}; };
    CHECK(pick(arcs, {}, onScreen(interpolate(kPyongyang, kTehran, 0.15)), grownAThird));
    CHECK_FALSE(pick(arcs, {}, onScreen(interpolate(kPyongyang, kTehran, 0.8)), grownAThird));
    auto hidden = [](const ArcItem&) { return ItemShown{0.0, 1.0}; };
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

// ---------------------------------------------------------------------------
// The geometry the shaders rasterise (render/map_shaders.h), as the GPU pick
// (the items drawn with their ids) sees it. --bench-frames compares the two
// on real maps; these pin the parts a distance-to-the-line pick got wrong.
// ---------------------------------------------------------------------------

namespace {

struct Dir {
    double x, y;  // unit, y down
};

Dir directionAt(LonLat from, LonLat to, double t0, double t1) {
    const ScreenPoint a = onScreen(interpolate(from, to, t0)), b = onScreen(interpolate(from, to, t1));
    const double len = std::hypot(b.xPx - a.xPx, b.yPx - a.yPx);
    return {(b.xPx - a.xPx) / len, (b.yPx - a.yPx) / len};
}

ScreenPoint offset(ScreenPoint p, Dir along, double forward, double sideways) {
    return {p.xPx + along.x * forward - along.y * sideways, p.yPx + along.y * forward + along.x * sideways};
}

}  // namespace

TEST_CASE("a leg's arrowhead is picked where it is drawn, wider than the line") {
    const std::vector<ArcItem> arcs{arc(kTehran, kPyongyang, 0)};
    const PickStyle st;  // line 4 px + 8 px of widening: 6 px either side of the centre
    // The head: its tip markerPx * 0.35 before the place, its base (18.4 * 1.3 px) behind the tip and
    // 2 x 18.4 * 0.62 px wide (drawn at 10.4 px, widened by the pick's 8 px).
    const Dir d = directionAt(kTehran, kPyongyang, 0.99, 1.0);
    const ScreenPoint end = onScreen(kPyongyang);
    const double tipBack = st.markerPx * 0.35;
    CHECK(pick(arcs, {}, offset(end, d, -(tipBack + 20), 8)));  // 8 px beside the line, inside the head
    CHECK(pick(arcs, {}, offset(end, d, -(tipBack + 20), -8)));
    // Beside the line away from the head, 8 px is too far.
    const Dir mid = directionAt(kTehran, kPyongyang, 0.5, 0.51);
    CHECK_FALSE(pick(arcs, {}, offset(onScreen(interpolate(kTehran, kPyongyang, 0.5)), mid, 0, 8)));
    // A leg that is not its route's last draws no head.
    std::vector<ArcItem> notLast = arcs;
    notLast[0].lastLeg = false;
    CHECK_FALSE(pick(notLast, {}, offset(end, d, -(tipBack + 20), 8)));
}

TEST_CASE("a leg's line ends square at its origin, without a round cap") {
    const std::vector<ArcItem> arcs{arc(kTehran, kPyongyang, 0)};
    const Dir d = directionAt(kTehran, kPyongyang, 0.0, 0.01);
    const ScreenPoint start = onScreen(kTehran);
    CHECK(pick(arcs, {}, offset(start, d, 2, 0)));
    CHECK_FALSE(pick(arcs, {}, offset(start, d, -3, 0)));  // within a 6 px round cap, outside the strip
}

TEST_CASE("every arrowhead is drawn over every leg's line: an earlier leg's head wins over a later line") {
    const Dir d = directionAt(kTehran, kPyongyang, 0.99, 1.0);
    const ScreenPoint inHead = offset(onScreen(kPyongyang), d, -(16 * 0.35 + 20), 0);
    // A later leg along a meridian (straight and vertical on this map) through that pixel.
    const LonLat onMeridian = *screenToWorld(kCamera, kViewport, inHead);
    const std::vector<ArcItem> arcs{arc(kTehran, kPyongyang, 0),
                                    arc({onMeridian.lonDeg, 15}, {onMeridian.lonDeg, 60}, 1)};
    const MapPick hit = pick(arcs, {}, inHead);
    REQUIRE(hit);
    CHECK(hit.item == 0);
    // Without the head (not the route's last leg) the later line is on top.
    std::vector<ArcItem> noHead = arcs;
    noHead[0].lastLeg = false;
    CHECK(pick(noHead, {}, inHead).item == 1);
}

TEST_CASE("a leg across the seam is cut exactly at the map's edge, as the clip plane cuts it") {
    // 160 degrees along the equator in 48 steps of 3.33 degrees (11 px here): no step ends at the seam.
    const std::vector<ArcItem> arcs{arc({101, 0}, {-99, 0}, 0)};
    REQUIRE(arcs[0].crossesAntimeridian);
    CHECK(pick(arcs, {}, onScreen({179.6, 0})));   // in the step cut by the seam
    CHECK(pick(arcs, {}, onScreen({-179.6, 0})));  // its copy beyond the other edge
    CHECK(pick(arcs, {}, onScreen({-100.5, 0})));
    CHECK_FALSE(pick(arcs, {}, onScreen({-97, 0})));  // past its end
}

TEST_CASE("on the globe, legs on the far side are picked as drawn: faded, not hidden") {
    const CameraState globe{Projection::Orthographic, 0, 0, 1};
    const std::vector<ArcItem> arcs{arc({150, 10}, {170, 25}, 0)};
    const LonLat mid = interpolate({150, 10}, {170, 25}, 0.5);
    const ViewTransform vt = viewTransform(globe, kViewport);
    const ScreenPoint through = vt.toScreen(projectUnclipped(Projection::Orthographic, mid, vt.globe).plane);
    auto shownAs = [](double alpha) { return [alpha](const ArcItem&) { return ItemShown{alpha, 1.0}; }; };
    CHECK(pickMapItem(arcs, {}, shownAs(1.0), alwaysMarker, globe, kViewport, PickStyle{}, through));
    // The far side fades a leg to 0.22 of its opacity: a faint group's leg vanishes there.
    CHECK_FALSE(pickMapItem(arcs, {}, shownAs(0.015), alwaysMarker, globe, kViewport, PickStyle{}, through));
    // ... unless it is selected, hovered or highlighted (its floor).
    auto floored = [](const ArcItem&) { return ItemShown{0.015, 1.0, 0.4}; };
    CHECK(pickMapItem(arcs, {}, floored, alwaysMarker, globe, kViewport, PickStyle{}, through));
}

TEST_CASE("the pixel under the pointer is tested at its centre, as it is rasterised") {
    const std::vector<ArcItem> arcs{arc(kTehran, kPyongyang, 0)};
    const Dir d = directionAt(kTehran, kPyongyang, 0.0, 0.01);
    // The line's start is square: find a pixel whose centre is inside and whose left edge is not.
    const ScreenPoint start = onScreen(kTehran);
    int agreeing = 0;
    for (int i = -20; i <= 20; ++i) {
        const ScreenPoint p = offset(start, d, i * 0.05, 0);
        const ScreenPoint centre{std::floor(p.xPx) + 0.5, std::floor(p.yPx) + 0.5};
        agreeing += static_cast<bool>(pick(arcs, {}, p)) == static_cast<bool>(pick(arcs, {}, centre));
    }
    CHECK(agreeing == 41);
}

TEST_CASE("items show with the shaders' opacity: trails, selection dimming, the selection's floor") {
    ShadedTime t;
    t.playheadDay = 1000;
    t.trailDays = 100;
    ArcItem a = arc(kTehran, kPyongyang, 3);
    a.days = {900, 950};
    // Ended 50 days ago in a 100-day trail: 0.15 + 0.85 * 0.5.
    CHECK(arcShownAt(a, 1, t).alpha == doctest::Approx(0.575));
    CHECK(arcShownAt(a, 0, t).alpha == 0);  // hidden by the filters
    t.selected = 7;                         // another event selected: the rest at 0.35
    CHECK(arcShownAt(a, 1, t).alpha == doctest::Approx(0.575 * 0.35));
    CHECK(arcShownAt(a, 2, t).alpha == doctest::Approx(0.575));  // highlighted: not dimmed
    CHECK(arcShownAt(a, 2, t).floorAlpha == doctest::Approx(0.9));
    t.selected = 3;  // this one: shown whatever the time, whole
    a.days = {2000, 2100};
    CHECK(arcShownAt(a, 1, t).floorAlpha == doctest::Approx(0.4));
    CHECK(arcShownAt(a, 1, t).grow == 1);
    // A group's fixed arc under a selection: its strength dimmed too, below the discard.
    ArcItem group = arc(kTehran, kPyongyang, 9);
    group.fixed = true;
    group.strength = 0.01f;
    CHECK(arcShownAt(group, 1, t).alpha < 0.004);
    const std::vector<ArcItem> arcs{group};
    auto asShaded = [&](const ArcItem& x) { return arcShownAt(x, 1, t); };
    CHECK_FALSE(pick(arcs, {}, onScreen(interpolate(kTehran, kPyongyang, 0.5)), asShaded));
    // A hovered place event pops in whole once reached, at full opacity.
    MarkerItem m;
    m.event = 5;
    m.days = {990, 991};
    ShadedTime h;
    h.playheadDay = 1000;
    h.trailDays = 0;
    h.hovered = 5;
    CHECK(markerShownAt(m, 1, h).alpha == 1);
    CHECK(markerShownAt(m, 1, h).grow == 1);
    h.hovered = kNoIndex;
    CHECK(markerShownAt(m, 1, h).alpha == 0);
}

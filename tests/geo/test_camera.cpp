#include <doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "geo/camera.h"
#include "geo/great_circle.h"

using namespace meridian::geo;

namespace {

const Viewport kViewport{1280.0, 720.0};
const std::vector<Projection> kFlat{Projection::Equirectangular, Projection::EqualEarth, Projection::NaturalEarth};

// Angular distance in degrees; compares positions without caring about
// longitude wrap or the meaningless longitude at a pole.
double apartDeg(LonLat a, LonLat b) {
    const Vec3 va = toUnitVector(a), vb = toUnitVector(b);
    return radToDeg(std::atan2(length(cross(va, vb)), dot(va, vb)));
}

// Every point is on screen, `marginPx` clear of the edges. With allowHidden,
// points on the globe's far side are let off (no camera can show them).
void checkInside(const CameraState& camera, const Viewport& viewport, const std::vector<LonLat>& points,
                 double marginPx, bool allowHidden = false) {
    int shown = 0;
    for (const LonLat& p : points) {
        CAPTURE(p.lonDeg);
        CAPTURE(p.latDeg);
        const auto s = worldToScreen(camera, viewport, p);
        if (allowHidden && !s) continue;
        REQUIRE(s);
        ++shown;
        CHECK(s->xPx >= marginPx - 1e-6);
        CHECK(s->xPx <= viewport.widthPx - marginPx + 1e-6);
        CHECK(s->yPx >= marginPx - 1e-6);
        CHECK(s->yPx <= viewport.heightPx - marginPx + 1e-6);
    }
    CHECK(shown > 0);
}

// Geographic point under `s`, which must be on the world.
LonLat under(const CameraState& camera, ScreenPoint s) {
    const auto p = screenToWorld(camera, kViewport, s);
    REQUIRE(p);
    return *p;
}

}  // namespace

TEST_CASE("zoom 1 fits the whole world") {
    for (Projection projection : kAllProjections) {
        CAPTURE(projectionName(projection));
        const CameraState camera{projection, 0.0, 0.0, 1.0};
        const ViewTransform t = viewTransform(camera, kViewport);
        const PlaneBounds b = planeBounds(projection);
        const ScreenPoint topLeft = t.toScreen({b.minX, b.maxY});
        const ScreenPoint bottomRight = t.toScreen({b.maxX, b.minY});
        CHECK(topLeft.xPx >= -1e-9);
        CHECK(topLeft.yPx >= -1e-9);
        CHECK(bottomRight.xPx <= kViewport.widthPx + 1e-9);
        CHECK(bottomRight.yPx <= kViewport.heightPx + 1e-9);
        // ...and touches one pair of edges (it is as large as it can be).
        const bool touchesX = std::abs(bottomRight.xPx - topLeft.xPx - kViewport.widthPx) < 1e-9;
        const bool touchesY = std::abs(bottomRight.yPx - topLeft.yPx - kViewport.heightPx) < 1e-9;
        CHECK((touchesX || touchesY));
        // The centre of the world is the centre of the screen; north is up.
        const auto origin = worldToScreen(camera, kViewport, {0.0, 0.0});
        REQUIRE(origin);
        CHECK(origin->xPx == doctest::Approx(640.0));
        CHECK(origin->yPx == doctest::Approx(360.0));
        CHECK(worldToScreen(camera, kViewport, {0.0, 45.0})->yPx < 360.0);
        CHECK(worldToScreen(camera, kViewport, {45.0, 0.0})->xPx > 640.0);
    }
}

TEST_CASE("world <-> screen round trip and the uniform matrix") {
    const LonLat place{51.389, 35.6892};
    for (Projection projection : kAllProjections) {
        CAPTURE(projectionName(projection));
        const CameraState camera{projection, 40.0, 30.0, 3.0};
        const auto s = worldToScreen(camera, kViewport, place);
        REQUIRE(s);
        const auto back = screenToWorld(camera, kViewport, *s);
        REQUIRE(back);
        CHECK(apartDeg(*back, place) < 1e-9);
        // The camera centre is at the viewport centre.
        const auto centre = worldToScreen(camera, kViewport, {40.0, 30.0});
        CHECK(centre->xPx == doctest::Approx(640.0));
        CHECK(centre->yPx == doctest::Approx(360.0));

        const ViewTransform t = viewTransform(camera, kViewport);
        const auto m = t.planeToClipColumnMajor();
        const PlanePoint plane = t.toPlane(*s);
        const double clipX = m[0] * plane.x + m[3] * plane.y + m[6];
        const double clipY = m[1] * plane.x + m[4] * plane.y + m[7];
        CHECK(clipX == doctest::Approx(2.0 * s->xPx / kViewport.widthPx - 1.0).epsilon(1e-5));
        CHECK(clipY == doctest::Approx(1.0 - 2.0 * s->yPx / kViewport.heightPx).epsilon(1e-5));
        if (projection == Projection::Orthographic) {
            CHECK(t.globe.centerLonDeg == 40.0);
            CHECK(t.globe.centerLatDeg == 30.0);
        } else {
            CHECK(t.globe.centerLonDeg == 0.0);  // flat maps keep central meridian 0
        }
    }
    // Off the world: nothing there.
    CHECK_FALSE(screenToWorld({Projection::Orthographic, 0.0, 0.0, 1.0}, kViewport, {5.0, 5.0}).has_value());
    CHECK_FALSE(screenToWorld({Projection::EqualEarth, 0.0, 0.0, 1.0}, kViewport, {5.0, 5.0}).has_value());
    // The globe's far side has no screen position.
    CHECK_FALSE(worldToScreen({Projection::Orthographic, 0.0, 0.0, 1.0}, kViewport, {180.0, 0.0}).has_value());
}

TEST_CASE("zoomAt keeps the place under the cursor fixed on flat maps") {
    for (Projection projection : kFlat) {
        CAPTURE(projectionName(projection));
        CameraState camera{projection, 20.0, 10.0, 2.0};
        for (ScreenPoint cursor : {ScreenPoint{900.0, 200.0}, ScreenPoint{100.5, 650.25}, ScreenPoint{640.0, 360.0}}) {
            for (double factor : {1.25, 3.0, 0.8}) {
                const LonLat before = under(camera, cursor);
                const CameraState zoomed = zoomAt(camera, kViewport, cursor, factor);
                CHECK(zoomed.zoom == doctest::Approx(camera.zoom * factor));
                const LonLat after = under(zoomed, cursor);
                CHECK(std::abs(after.lonDeg - before.lonDeg) < 1e-9);
                CHECK(std::abs(after.latDeg - before.latDeg) < 1e-9);
                camera = zoomed;
            }
        }
    }
}

TEST_CASE("zoomAt on the globe") {
    const CameraState camera{Projection::Orthographic, 10.0, 20.0, 1.0};
    const ScreenPoint cursor{800.0, 250.0};
    const LonLat before = under(camera, cursor);
    const CameraState zoomed = zoomAt(camera, kViewport, cursor, 2.0);
    CHECK(zoomed.zoom == doctest::Approx(2.0));
    CHECK(apartDeg(under(zoomed, cursor), before) < 1e-9);
    // Zoom limits.
    CHECK(zoomAt(camera, kViewport, cursor, 1e9).zoom == kMaxZoom);
    CHECK(zoomAt(camera, kViewport, cursor, 1e-9).zoom == kMinZoom);
    CHECK(zoomAt(camera, kViewport, cursor, NAN) == camera);
    CHECK(zoomAt(camera, kViewport, cursor, -2.0) == camera);
}

TEST_CASE("panByPixels drags the map with the pointer") {
    for (Projection projection : kAllProjections) {
        CAPTURE(projectionName(projection));
        const CameraState camera{projection, 30.0, 15.0, 2.0};
        const ScreenPoint from{700.0, 300.0}, to{560.0, 420.0};
        const LonLat grabbed = under(camera, from);
        const CameraState moved = panByPixels(camera, kViewport, from, to);
        CHECK(apartDeg(under(moved, to), grabbed) < 1e-9);
        CHECK(moved.zoom == camera.zoom);
    }
    // Dragging right shows what was to the west.
    const CameraState flat{Projection::EqualEarth, 0.0, 0.0, 2.0};
    CHECK(panByPixels(flat, kViewport, {600, 300}, {700, 300}).centerLonDeg < 0.0);
    const CameraState globe{Projection::Orthographic, 0.0, 0.0, 1.0};
    CHECK(panByPixels(globe, kViewport, {640, 360}, {700, 360}).centerLonDeg < 0.0);
    // Dragging down shows the north.
    CHECK(panByPixels(globe, kViewport, {640, 360}, {640, 400}).centerLatDeg > 0.0);
}

TEST_CASE("panByPixels limits") {
    // The globe's centre latitude stops at ±89°, also from an off-disc drag.
    const CameraState globe{Projection::Orthographic, 100.0, 80.0, 1.0};
    const CameraState pulled = panByPixels(globe, kViewport, {640, 300}, {640, 700});
    CHECK(pulled.centerLatDeg <= kMaxGlobeCenterLatDeg);
    const CameraState offDisc = panByPixels(globe, kViewport, {5, 5}, {5, 2000});
    CHECK(offDisc.centerLatDeg == kMaxGlobeCenterLatDeg);
    const CameraState spun = panByPixels(globe, kViewport, {5, 5}, {3005, 5});
    CHECK(spun.centerLonDeg >= -180.0);
    CHECK(spun.centerLonDeg <= 180.0);
    // A flat map's centre stays on the map.
    const CameraState flat{Projection::NaturalEarth, 0.0, 0.0, 1.0};
    const CameraState far = panByPixels(flat, kViewport, {640, 360}, {-50000, 90000});
    CHECK(far.centerLonDeg == doctest::Approx(180.0));
    CHECK(far.centerLatDeg == doctest::Approx(90.0));
}

TEST_CASE("fitToBounds frames the points with the margin") {
    const std::vector<LonLat> middleEast{{51.389, 35.6892},   {125.7625, 39.0392}, {51.7273, 33.7243},
                                         {125.7547, 39.7960}, {56.27, 27.18},      {129.09, 41.28}};
    const std::vector<LonLat> pacific{{178.44, -18.14}, {-171.77, -13.83}, {-175.2, -21.14}, {173.0, 1.33}};
    const std::vector<LonLat> world{{-120.0, 60.0}, {150.0, -35.0}, {20.0, -30.0}, {-70.0, -50.0}};
    const double margin = 40.0;
    for (Projection projection : kAllProjections) {
        CAPTURE(projectionName(projection));
        for (const auto* points : {&middleEast, &pacific, &world}) {
            const CameraState camera = fitToBounds(projection, *points, kViewport, margin);
            CHECK(camera.projection == projection);
            CHECK(camera.zoom >= kMinZoom);
            CHECK(camera.zoom <= kMaxFitZoom);
            const bool spreadOverGlobe = projection == Projection::Orthographic && points == &world;
            checkInside(camera, kViewport, *points, margin, spreadOverGlobe);
        }
        // A tight set is zoomed in, not left at the world view.
        CHECK(fitToBounds(projection, middleEast, kViewport, margin).zoom > 2.0);

        // One point: centred, at the sane maximum zoom.
        const CameraState single = fitToBounds(projection, {{126.0, 39.0}}, kViewport, margin);
        CHECK(single.zoom == kMaxFitZoom);
        const auto s = worldToScreen(single, kViewport, {126.0, 39.0});
        REQUIRE(s);
        CHECK(s->xPx == doctest::Approx(640.0));
        CHECK(s->yPx == doctest::Approx(360.0));

        // Nothing to frame: the default world view.
        const CameraState none = fitToBounds(projection, {}, kViewport, margin);
        CHECK(none.zoom == 1.0);
        CHECK(none.centerLonDeg == 0.0);
    }
    // On the globe a Pacific set is centred near 180°, not near 0°, and
    // zoomed in well past the whole-globe view.
    const CameraState globe = fitToBounds(Projection::Orthographic, pacific, kViewport, margin);
    CHECK(std::abs(lonDeltaDeg(globe.centerLonDeg, 180.0)) < 10.0);
    CHECK(globe.zoom > 3.0);
    // Points all round the globe: the whole disc, within the margin.
    const std::vector<LonLat> everywhere{{0, 0}, {90, 0}, {180, 0}, {-90, 0}, {0, 89}, {0, -89}};
    const CameraState all = fitToBounds(Projection::Orthographic, everywhere, kViewport, margin);
    const ViewTransform t = viewTransform(all, kViewport);
    CHECK(t.scalePxPerUnit == doctest::Approx(360.0 - margin));
}

TEST_CASE("camera interpolation") {
    const CameraState a{Projection::Orthographic, 170.0, 10.0, 1.0};
    const CameraState b{Projection::Orthographic, -170.0, 30.0, 16.0};
    CHECK(interpolate(a, b, 0.0) == a);
    CHECK(interpolate(a, b, 1.0) == b);
    CHECK(interpolate(a, b, -0.5) == a);
    CHECK(interpolate(a, b, 2.0) == b);

    // The short way across 180°, not 340° through Greenwich.
    const CameraState mid = interpolate(a, b, 0.5);
    CHECK(std::abs(std::abs(mid.centerLonDeg) - 180.0) < 1e-9);
    CHECK(mid.centerLatDeg == doctest::Approx(20.0));
    CHECK(mid.zoom == doctest::Approx(4.0));  // geometric: sqrt(1 * 16)
    CHECK(interpolate(a, b, 0.25).centerLonDeg == doctest::Approx(175.0));
    CHECK(interpolate(a, b, 0.75).centerLonDeg == doctest::Approx(-175.0));
    CHECK(interpolate(a, b, 0.25).zoom == doctest::Approx(2.0));
    for (double t = 0.0; t <= 1.0; t += 0.05) {
        const double lon = interpolate(a, b, t).centerLonDeg;
        CHECK(std::abs(lon) >= 170.0 - 1e-9);
    }

    // Projection switches at the halfway point; the centre still goes the
    // short way because the globe is involved.
    const CameraState flatA{Projection::EqualEarth, 170.0, 0.0, 2.0};
    CHECK(interpolate(flatA, b, 0.49).projection == Projection::EqualEarth);
    CHECK(interpolate(flatA, b, 0.5).projection == Projection::Orthographic);
    CHECK(std::abs(interpolate(flatA, b, 0.5).centerLonDeg) == doctest::Approx(180.0));

    // Between two flat maps the centre pans across the map instead of
    // jumping between its ±180 edges.
    const CameraState flatB{Projection::NaturalEarth, -170.0, 0.0, 2.0};
    CHECK(interpolate(flatA, flatB, 0.5).centerLonDeg == doctest::Approx(0.0));

    CHECK(easeSmoothstep(0.0) == 0.0);
    CHECK(easeSmoothstep(1.0) == 1.0);
    CHECK(easeSmoothstep(0.5) == doctest::Approx(0.5));
    CHECK(easeSmoothstep(0.25) == doctest::Approx(0.15625));
    CHECK(easeSmoothstep(7.0) == 1.0);
}

TEST_CASE("fitToBoundsInRect frames the points inside a part of the viewport (above a narration card)") {
    const std::vector<LonLat> pts{{51.39, 35.69}, {125.75, 39.03}, {129.69, 40.86}, {44.37, 33.31}};
    const Viewport vp{1600, 900};
    for (Projection p : {Projection::EqualEarth, Projection::Equirectangular, Projection::Orthographic}) {
        // Top 55 % (the card below), and the right half (a card on the left).
        for (const ScreenRect& rect : {ScreenRect{0, 0, 1600, 495}, ScreenRect{800, 0, 1600, 900}}) {
            const CameraState cam = fitToBoundsInRect(p, pts, vp, rect, 40);
            for (const LonLat& pt : pts) {
                const auto sp = worldToScreen(cam, vp, pt);
                REQUIRE(sp.has_value());
                CHECK_MESSAGE(sp->xPx >= rect.x0 + 30, projectionName(p) << " x " << sp->xPx);
                CHECK_MESSAGE(sp->xPx <= rect.x1 - 30, projectionName(p) << " x " << sp->xPx);
                CHECK_MESSAGE(sp->yPx >= rect.y0 + 30, projectionName(p) << " y " << sp->yPx);
                CHECK_MESSAGE(sp->yPx <= rect.y1 - 30, projectionName(p) << " y " << sp->yPx);
            }
            // Not framed too loosely: the points span most of the rectangle's width or height.
            double minX = 1e9, maxX = -1e9, minY = 1e9, maxY = -1e9;
            for (const LonLat& pt : pts) {
                const auto sp = *worldToScreen(cam, vp, pt);
                minX = std::min(minX, sp.xPx), maxX = std::max(maxX, sp.xPx);
                minY = std::min(minY, sp.yPx), maxY = std::max(maxY, sp.yPx);
            }
            CHECK(std::max((maxX - minX) / rect.width(), (maxY - minY) / rect.height()) > 0.6);
        }
    }
}

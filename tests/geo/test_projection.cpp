#include <doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "geo/projection.h"
#include "render/projection_glsl.h"

using namespace meridian::geo;

namespace {

// Reference values below were derived independently from the published
// formulas (same constants as d3-geo's equalEarth.js / naturalEarth1.js).
constexpr double kEqEarthMaxX = 2.7066299836960748;    // (180°, 0°)
constexpr double kEqEarthMaxY = 1.3173627591574133;    // the pole line
constexpr double kEqEarthPoleX = 1.6035886482840516;   // (180°, 90°)
constexpr double kNatEarthMaxX = 2.735384723480633;    // (180°, 0°) = 0.8707 π
constexpr double kNatEarthMaxY = 1.422390506730596;    // the pole line
constexpr double kNatEarthPoleX = 1.5055563920169703;  // (180°, 90°)

double lonErrorDeg(double a, double b) {
    return std::abs(lonDeltaDeg(a, b));
}

std::vector<double> gridLons() {
    std::vector<double> lons{-180.0, -179.999, 179.999, 180.0};
    for (double lon = -165.0; lon <= 165.0; lon += 15.0) lons.push_back(lon);
    return lons;
}

// Includes the poles and points very near them. (Much nearer than 89.99° the
// inverse is ill-conditioned by nature: Equal Earth's y has zero slope in
// latitude at the pole, so 1 ulp of y is ~1e-8° there.)
std::vector<double> gridLats() {
    std::vector<double> lats{-90.0, -89.99, -89.9, 89.9, 89.99, 90.0};
    for (double lat = -82.5; lat <= 82.5; lat += 7.5) lats.push_back(lat);
    return lats;
}

}  // namespace

TEST_CASE("projection names parse and print") {
    CHECK(parseProjection("equirectangular") == Projection::Equirectangular);
    CHECK(parseProjection("equal-earth") == Projection::EqualEarth);
    CHECK(parseProjection("natural-earth") == Projection::NaturalEarth);
    CHECK(parseProjection("globe") == Projection::Orthographic);
    CHECK(parseProjection("orthographic") == Projection::Orthographic);
    CHECK(parseProjection("Equal_Earth") == Projection::EqualEarth);
    CHECK_FALSE(parseProjection("mercator").has_value());
    CHECK_FALSE(parseProjection("").has_value());
    CHECK_FALSE(parseProjection("globe ").has_value());
    for (Projection p : kAllProjections) {
        CHECK(parseProjection(projectionName(p)) == p);
        CHECK(std::string(projectionNameList()).find(projectionName(p)) != std::string::npos);
        CHECK_FALSE(projectionLabel(p).empty());
    }
    CHECK(projectionName(Projection::Orthographic) == "globe");
}

TEST_CASE("equirectangular is the identity in radians") {
    const auto p = project(Projection::Equirectangular, {-73.5, 40.25});
    REQUIRE(p);
    CHECK(p->x == doctest::Approx(-73.5 * kPi / 180.0).epsilon(1e-15));
    CHECK(p->y == doctest::Approx(40.25 * kPi / 180.0).epsilon(1e-15));
    const PlaneBounds b = planeBounds(Projection::Equirectangular);
    CHECK(b.maxX == doctest::Approx(kPi));
    CHECK(b.minY == doctest::Approx(-kPi / 2.0));
}

TEST_CASE("Equal Earth known points") {
    const auto east = project(Projection::EqualEarth, {180.0, 0.0});
    REQUIRE(east);
    CHECK(east->x == doctest::Approx(kEqEarthMaxX).epsilon(1e-12));
    CHECK(east->y == 0.0);
    const auto pole = project(Projection::EqualEarth, {180.0, 90.0});
    REQUIRE(pole);
    CHECK(pole->x == doctest::Approx(kEqEarthPoleX).epsilon(1e-12));
    CHECK(pole->y == doctest::Approx(kEqEarthMaxY).epsilon(1e-12));
    const auto south = project(Projection::EqualEarth, {-180.0, -90.0});
    REQUIRE(south);
    CHECK(south->x == doctest::Approx(-kEqEarthPoleX).epsilon(1e-12));
    CHECK(south->y == doctest::Approx(-kEqEarthMaxY).epsilon(1e-12));
    // The published width:height ratio of the Equal Earth outline is ~2.05.
    const PlaneBounds b = planeBounds(Projection::EqualEarth);
    CHECK(b.width() / b.height() == doctest::Approx(2.0546).epsilon(1e-4));
}

TEST_CASE("Equal Earth is equal-area") {
    // Area of a 10°x10° cell must not depend on latitude. The cell is a
    // trapezoid-like region; with straight parallels its area is the integral
    // of row width over y, done here numerically.
    auto cellArea = [](double latDeg) {
        double area = 0.0;
        const int steps = 2000;
        for (int i = 0; i < steps; ++i) {
            const double lat0 = latDeg + 10.0 * i / steps, lat1 = latDeg + 10.0 * (i + 1) / steps;
            const auto a = project(Projection::EqualEarth, {10.0, lat0});
            const auto b = project(Projection::EqualEarth, {10.0, lat1});
            area += (a->x + b->x) / 2.0 * (b->y - a->y);
        }
        return area / (std::sin(degToRad(latDeg + 10.0)) - std::sin(degToRad(latDeg)));
    };
    CHECK(cellArea(0.0) == doctest::Approx(cellArea(60.0)).epsilon(1e-6));
    CHECK(cellArea(0.0) == doctest::Approx(cellArea(-80.0)).epsilon(1e-6));
}

TEST_CASE("Natural Earth known points") {
    const auto east = project(Projection::NaturalEarth, {180.0, 0.0});
    REQUIRE(east);
    CHECK(east->x == doctest::Approx(kNatEarthMaxX).epsilon(1e-12));
    CHECK(east->x == doctest::Approx(0.8707 * kPi).epsilon(1e-12));
    const auto pole = project(Projection::NaturalEarth, {180.0, 90.0});
    REQUIRE(pole);
    CHECK(pole->x == doctest::Approx(kNatEarthPoleX).epsilon(1e-12));
    CHECK(pole->y == doctest::Approx(kNatEarthMaxY).epsilon(1e-12));
    const auto mid = project(Projection::NaturalEarth, {45.0, 30.0});
    REQUIRE(mid);
    CHECK(mid->x == doctest::Approx(0.6546184983036702).epsilon(1e-12));
    CHECK(mid->y == doctest::Approx(0.5291484743893574).epsilon(1e-12));
    const PlaneBounds b = planeBounds(Projection::NaturalEarth);
    CHECK(b.maxX == doctest::Approx(kNatEarthMaxX));
    CHECK(b.maxY == doctest::Approx(kNatEarthMaxY));
}

TEST_CASE("flat projections round-trip within 1e-9 degrees, including ±180 and the poles") {
    for (Projection projection : {Projection::Equirectangular, Projection::EqualEarth, Projection::NaturalEarth}) {
        CAPTURE(projectionName(projection));
        double worstDeg = 0.0;
        for (double lat : gridLats()) {
            for (double lon : gridLons()) {
                CAPTURE(lon);
                CAPTURE(lat);
                const auto plane = project(projection, {lon, lat});
                REQUIRE(plane);
                const auto back = unproject(projection, *plane);
                REQUIRE(back);
                // Exact, not modulo 360: the sign of ±180 says which map edge.
                worstDeg = std::max({worstDeg, std::abs(back->lonDeg - lon), std::abs(back->latDeg - lat)});
            }
        }
        CHECK(worstDeg < 1e-9);
    }
}

TEST_CASE("flat unproject rejects points outside the map outline") {
    for (Projection projection : {Projection::Equirectangular, Projection::EqualEarth, Projection::NaturalEarth}) {
        CAPTURE(projectionName(projection));
        const PlaneBounds b = planeBounds(projection);
        CHECK_FALSE(unproject(projection, {0.0, b.maxY * 1.001}).has_value());
        CHECK_FALSE(unproject(projection, {b.maxX * 1.001, 0.0}).has_value());
        CHECK_FALSE(unproject(projection, {NAN, 0.0}).has_value());
        // Clamped inverse pulls such points onto the edge instead.
        const LonLat edge = unprojectClamped(projection, {b.maxX * 3.0, b.maxY * 3.0});
        CHECK(edge.lonDeg == doctest::Approx(180.0));
        CHECK(edge.latDeg == doctest::Approx(90.0));
    }
    // Equal Earth and Natural Earth have rounded corners: the bounding box
    // corner is off the map.
    const PlaneBounds ee = planeBounds(Projection::EqualEarth);
    CHECK_FALSE(unproject(Projection::EqualEarth, {ee.maxX * 0.99, ee.maxY * 0.99}).has_value());
    const PlaneBounds ne = planeBounds(Projection::NaturalEarth);
    CHECK_FALSE(unproject(Projection::NaturalEarth, {ne.maxX * 0.99, ne.maxY * 0.99}).has_value());
}

TEST_CASE("forward input handling") {
    CHECK_FALSE(project(Projection::EqualEarth, {0.0, 90.5}).has_value());
    CHECK_FALSE(project(Projection::EqualEarth, {NAN, 0.0}).has_value());
    CHECK_FALSE(project(Projection::Orthographic, {0.0, INFINITY}).has_value());
    const auto wrapped = project(Projection::NaturalEarth, {190.0, 10.0});
    const auto direct = project(Projection::NaturalEarth, {-170.0, 10.0});
    REQUIRE(wrapped);
    REQUIRE(direct);
    CHECK(wrapped->x == doctest::Approx(direct->x));
    // ±180 stay on their own edges.
    CHECK(project(Projection::EqualEarth, {180.0, 10.0})->x > 0.0);
    CHECK(project(Projection::EqualEarth, {-180.0, 10.0})->x < 0.0);
}

TEST_CASE("orthographic: near side, limb and far side") {
    const GlobeRotation center{30.0, 20.0};
    const auto middle = project(Projection::Orthographic, {30.0, 20.0}, center);
    REQUIRE(middle);
    CHECK(std::abs(middle->x) < 1e-15);
    CHECK(std::abs(middle->y) < 1e-15);
    CHECK(globeFacing({30.0, 20.0}, center) == doctest::Approx(1.0));

    // The antipode and everything beyond the limb are hidden...
    CHECK_FALSE(project(Projection::Orthographic, {-150.0, -20.0}, center).has_value());
    CHECK(globeFacing({-150.0, -20.0}, center) == doctest::Approx(-1.0));
    const GlobeRotation atZero{};
    CHECK_FALSE(project(Projection::Orthographic, {180.0, 0.0}, atZero).has_value());
    CHECK_FALSE(project(Projection::Orthographic, {91.0, 0.0}, atZero).has_value());
    // ...but still available unclipped, with negative facing, for fading.
    const ProjectedPoint far = projectUnclipped(Projection::Orthographic, {91.0, 0.0}, atZero);
    CHECK(far.facing < 0.0);
    CHECK(far.plane.x == doctest::Approx(std::cos(degToRad(1.0))));
    // The limb itself is kept.
    const auto limb = project(Projection::Orthographic, {90.0, 0.0}, atZero);
    REQUIRE(limb);
    CHECK(limb->x == doctest::Approx(1.0));
    // North up: with the centre on the equator the north pole is at the top.
    const auto north = project(Projection::Orthographic, {0.0, 90.0}, atZero);
    REQUIRE(north);
    CHECK(north->y == doctest::Approx(1.0));
    // Facing is 1 on flat maps.
    CHECK(projectUnclipped(Projection::EqualEarth, {170.0, 80.0}).facing == 1.0);
    CHECK(planeBounds(Projection::Orthographic).width() == doctest::Approx(2.0));
}

TEST_CASE("orthographic round trip and disc limit") {
    for (GlobeRotation rotation : {GlobeRotation{0.0, 0.0}, GlobeRotation{135.0, 40.0}, GlobeRotation{-179.5, -89.0},
                                   GlobeRotation{180.0, 60.0}}) {
        CAPTURE(rotation.centerLonDeg);
        CAPTURE(rotation.centerLatDeg);
        int checked = 0;
        for (double lat : gridLats()) {
            for (double lon : gridLons()) {
                const LonLat point{lon, lat};
                // Close to the limb the inverse is ill-conditioned by nature.
                if (globeFacing(point, rotation) < 1e-3) continue;
                const auto plane = project(Projection::Orthographic, point, rotation);
                REQUIRE(plane);
                const auto back = unproject(Projection::Orthographic, *plane, rotation);
                REQUIRE(back);
                CHECK(std::abs(back->latDeg - lat) < 1e-9);
                if (std::abs(lat) < 90.0) CHECK(lonErrorDeg(back->lonDeg, lon) < 1e-9);
                ++checked;
            }
        }
        CHECK(checked > 100);
        CHECK_FALSE(unproject(Projection::Orthographic, {0.8, 0.7}, rotation).has_value());
        const auto centre = unproject(Projection::Orthographic, {0.0, 0.0}, rotation);
        REQUIRE(centre);
        CHECK(lonErrorDeg(centre->lonDeg, rotation.centerLonDeg) < 1e-9);
        CHECK(centre->latDeg == doctest::Approx(rotation.centerLatDeg));
    }
}

TEST_CASE("GLSL twin uses the same ids and constants") {
    static_assert(static_cast<int>(Projection::Equirectangular) == 0);
    static_assert(static_cast<int>(Projection::EqualEarth) == 1);
    static_assert(static_cast<int>(Projection::NaturalEarth) == 2);
    static_assert(static_cast<int>(Projection::Orthographic) == 3);
    const std::string glsl = meridian::render::kProjectionGlsl;
    for (const char* needle : {"PROJECTION_EQUIRECTANGULAR = 0",
                               "PROJECTION_EQUAL_EARTH = 1",
                               "PROJECTION_NATURAL_EARTH = 2",
                               "PROJECTION_ORTHOGRAPHIC = 3",
                               "1.340264",
                               "-0.081106",
                               "0.000893",
                               "0.003796",
                               "0.8707",
                               "-0.131979",
                               "-0.013791",
                               "0.003971",
                               "-0.001529",
                               "1.007226",
                               "0.015085",
                               "-0.044475",
                               "0.028874",
                               "-0.005916",
                               "uniform int u_projection",
                               "uniform vec2 u_globeCenterRad",
                               "uniform mat3 u_planeToClip"}) {
        CAPTURE(needle);
        CHECK(glsl.find(needle) != std::string::npos);
    }
    CHECK(glsl.find("#version") == std::string::npos);  // the including shader owns that line
}

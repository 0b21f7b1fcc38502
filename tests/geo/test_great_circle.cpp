#include <doctest.h>

#include <algorithm>
#include <cmath>

#include "geo/great_circle.h"

using namespace meridian::geo;

namespace {

const LonLat kTokyo{139.6917, 35.6895};
const LonLat kLosAngeles{-118.2437, 34.0522};
const LonLat kPyongyang{125.7625, 39.0392};
const LonLat kTehran{51.3890, 35.6892};
const LonLat kLondon{-0.1278, 51.5074};
const LonLat kParis{2.3522, 48.8566};

bool isFinite(LonLat p) {
    return std::isfinite(p.lonDeg) && std::isfinite(p.latDeg);
}

// Largest jump in longitude between consecutive points of a polyline.
double maxLonJumpDeg(const Polyline& line) {
    double worst = 0.0;
    for (size_t i = 1; i < line.size(); ++i) worst = std::max(worst, std::abs(line[i].lonDeg - line[i - 1].lonDeg));
    return worst;
}

}  // namespace

TEST_CASE("unit vectors round-trip and point the documented way") {
    const Vec3 v = toUnitVector({90.0, 0.0});
    CHECK(v.x == doctest::Approx(0.0).epsilon(1e-15));
    CHECK(v.y == doctest::Approx(1.0));
    CHECK(toUnitVector({0.0, 90.0}).z == doctest::Approx(1.0));
    for (LonLat p : {kTokyo, kLosAngeles, LonLat{-179.25, -66.5}, LonLat{180.0, 12.0}}) {
        const LonLat back = fromUnitVector(toUnitVector(p));
        CHECK(back.latDeg == doctest::Approx(p.latDeg).epsilon(1e-13));
        CHECK(std::abs(lonDeltaDeg(back.lonDeg, p.lonDeg)) < 1e-12);
    }
    // Not-normalised input is fine.
    CHECK(fromUnitVector({0.0, 0.0, 5.0}).latDeg == doctest::Approx(90.0));
}

TEST_CASE("distances") {
    // Reference: haversine with R = 6371.0088 km, computed independently.
    CHECK(distanceKm(kLondon, kParis) == doctest::Approx(343.55653488088313).epsilon(1e-10));
    CHECK(distanceKm(kTokyo, kLosAngeles) == doctest::Approx(8815.485532259809).epsilon(1e-10));
    CHECK(distanceKm({0.0, 0.0}, {1.0, 0.0}) == doctest::Approx(111.1950802335329).epsilon(1e-12));
    CHECK(distanceKm({10.0, 20.0}, {-170.0, -20.0}) == doctest::Approx(20015.114442035923).epsilon(1e-12));
    CHECK(centralAngleDeg({180.0, 0.0}, {-180.0, 0.0}) < 1e-12);
    CHECK(distanceKm(kTokyo, kTokyo) == 0.0);
    // Tiny separations stay accurate (acos would return 0 or noise here).
    CHECK(distanceKm({0.0, 0.0}, {0.0, 1e-7}) == doctest::Approx(1e-7 * kPi / 180.0 * kEarthRadiusKm).epsilon(1e-6));
}

TEST_CASE("slerp on the equator and at the ends") {
    const LonLat mid = interpolate({0.0, 0.0}, {90.0, 0.0}, 0.5);
    CHECK(mid.lonDeg == doctest::Approx(45.0));
    CHECK(std::abs(mid.latDeg) < 1e-12);
    const LonLat quarter = interpolate({10.0, 0.0}, {50.0, 0.0}, 0.25);
    CHECK(quarter.lonDeg == doctest::Approx(20.0));
    // Across the antimeridian the short way.
    const LonLat across = interpolate({170.0, 0.0}, {-170.0, 0.0}, 0.5);
    CHECK(std::abs(std::abs(across.lonDeg) - 180.0) < 1e-9);
    CHECK(interpolate(kTokyo, kLosAngeles, 0.0) == kTokyo);
    CHECK(interpolate(kTokyo, kLosAngeles, 1.0) == kLosAngeles);
    // Midpoint is equidistant and on the shortest path.
    const LonLat m = interpolate(kTokyo, kLosAngeles, 0.5);
    CHECK(distanceKm(kTokyo, m) == doctest::Approx(distanceKm(m, kLosAngeles)).epsilon(1e-9));
    CHECK(distanceKm(kTokyo, m) == doctest::Approx(distanceKm(kTokyo, kLosAngeles) / 2.0).epsilon(1e-9));
}

TEST_CASE("slerp of identical and antipodal points is stable") {
    for (double t : {0.1, 0.5, 0.9}) {
        const LonLat same = interpolate(kParis, kParis, t);
        CHECK(same.lonDeg == doctest::Approx(kParis.lonDeg));
        CHECK(same.latDeg == doctest::Approx(kParis.latDeg));

        const LonLat a{20.0, 30.0}, b{-160.0, -30.0};
        const LonLat p = interpolate(a, b, t);
        REQUIRE(isFinite(p));
        CHECK(centralAngleDeg(a, p) == doctest::Approx(180.0 * t).epsilon(1e-9));
        CHECK(centralAngleDeg(p, b) == doctest::Approx(180.0 * (1.0 - t)).epsilon(1e-9));

        // Pole to pole has no "nearer pole": it must still be a meridian.
        const LonLat q = interpolate({0.0, 90.0}, {0.0, -90.0}, t);
        REQUIRE(isFinite(q));
        CHECK(q.latDeg == doctest::Approx(90.0 - 180.0 * t));

        // Almost antipodal, almost identical.
        REQUIRE(isFinite(interpolate({0.0, 0.0}, {180.0 - 1e-9, 1e-9}, t)));
        REQUIRE(isFinite(interpolate({0.0, 0.0}, {1e-13, 0.0}, t)));
    }
    // Antipodal on the equator goes over the north pole (the nearer one is
    // a tie there; north is the documented choice).
    CHECK(interpolate({0.0, 0.0}, {180.0, 0.0}, 0.5).latDeg == doctest::Approx(90.0));
    // From 10°S the nearer pole is the south one, 80° away; the arc then
    // climbs the opposite meridian.
    CHECK(interpolate({30.0, -10.0}, {-150.0, 10.0}, 80.0 / 180.0).latDeg == doctest::Approx(-90.0));
    const LonLat past = interpolate({30.0, -10.0}, {-150.0, 10.0}, 0.5);
    CHECK(past.lonDeg == doctest::Approx(-150.0));
    CHECK(past.latDeg == doctest::Approx(-80.0));
}

TEST_CASE("initial bearing") {
    CHECK(initialBearingDeg({0.0, 0.0}, {0.0, 10.0}) == doctest::Approx(0.0));
    CHECK(initialBearingDeg({0.0, 0.0}, {10.0, 0.0}) == doctest::Approx(90.0));
    CHECK(initialBearingDeg({0.0, 10.0}, {0.0, 0.0}) == doctest::Approx(180.0));
    CHECK(initialBearingDeg({0.0, 0.0}, {-10.0, 0.0}) == doctest::Approx(270.0));
    CHECK(initialBearingDeg(kLondon, kParis) == doctest::Approx(148.11561687105336).epsilon(1e-10));
    CHECK(initialBearingDeg(kParis, kParis) == 0.0);
    // Tokyo to LA starts out north-east (the arc bulges towards the pole).
    const double b = initialBearingDeg(kTokyo, kLosAngeles);
    CHECK(b > 0.0);
    CHECK(b < 90.0);
    const double almostNorth = initialBearingDeg({0.0, 0.0}, {-1e-14, 10.0});
    CHECK(almostNorth >= 0.0);
    CHECK(almostNorth < 360.0);
}

TEST_CASE("densify") {
    const Polyline line = densify({0.0, 0.0}, {90.0, 0.0}, 10.0);
    REQUIRE(line.size() == 10);
    CHECK(line.front() == LonLat{0.0, 0.0});
    CHECK(line.back() == LonLat{90.0, 0.0});

    const Polyline arc = densify(kTokyo, kLosAngeles, 1.0);
    CHECK(arc.size() == static_cast<size_t>(std::ceil(centralAngleDeg(kTokyo, kLosAngeles))) + 1);
    CHECK(arc.front() == kTokyo);
    CHECK(arc.back() == kLosAngeles);
    const Vec3 normal = cross(toUnitVector(kTokyo), toUnitVector(kLosAngeles));
    for (size_t i = 1; i < arc.size(); ++i) {
        CHECK(centralAngleDeg(arc[i - 1], arc[i]) <= 1.0 + 1e-12);
        CHECK(std::abs(dot(toUnitVector(arc[i]), normal)) < 1e-12);  // on the great circle
    }
    CHECK(densify(kParis, kParis, 1.0).size() == 2);
    // A zero or NaN step must not hang or explode.
    CHECK(densify({0.0, 0.0}, {1.0, 0.0}, 0.0).size() <= 102);
    CHECK(densify({0.0, 0.0}, {1.0, 0.0}, NAN).size() <= 102);
}

TEST_CASE("Tokyo to Los Angeles splits at the antimeridian") {
    const std::vector<Polyline> pieces = splitAtAntimeridian(densify(kTokyo, kLosAngeles, 1.0));
    REQUIRE(pieces.size() == 2);
    const LonLat exit = pieces[0].back();
    const LonLat entry = pieces[1].front();
    CHECK(exit.lonDeg == 180.0);
    CHECK(entry.lonDeg == -180.0);
    CHECK(exit.latDeg == entry.latDeg);
    CHECK(pieces[0].front() == kTokyo);
    CHECK(pieces[1].back() == kLosAngeles);
    // The inserted point is exactly on the arc's great circle.
    const Vec3 normal = cross(toUnitVector(kTokyo), toUnitVector(kLosAngeles));
    CHECK(std::abs(dot(toUnitVector(exit), normal)) < 1e-12);
    CHECK(exit.latDeg > std::max(kTokyo.latDeg, kLosAngeles.latDeg));  // the arc bulges north
    for (const Polyline& piece : pieces) CHECK(maxLonJumpDeg(piece) < 2.0);

    // The other direction ends on the west edge first.
    const std::vector<Polyline> back = splitAtAntimeridian(densify(kLosAngeles, kTokyo, 1.0));
    REQUIRE(back.size() == 2);
    CHECK(back[0].back().lonDeg == -180.0);
    CHECK(back[1].front().lonDeg == 180.0);
    CHECK(back[0].back().latDeg == doctest::Approx(exit.latDeg).epsilon(1e-12));
}

TEST_CASE("Pyongyang to Tehran does not split") {
    const Polyline arc = densify(kPyongyang, kTehran, 1.0);
    const std::vector<Polyline> pieces = splitAtAntimeridian(arc);
    REQUIRE(pieces.size() == 1);
    CHECK(pieces[0].size() == arc.size());
    CHECK(pieces[0].front() == kPyongyang);
    CHECK(pieces[0].back() == kTehran);
}

TEST_CASE("antimeridian edge cases") {
    // A vertex exactly on 180 is reused, not duplicated.
    auto pieces = splitAtAntimeridian({{170.0, 0.0}, {180.0, 0.0}, {-170.0, 0.0}});
    REQUIRE(pieces.size() == 2);
    CHECK(pieces[0] == Polyline{{170.0, 0.0}, {180.0, 0.0}});
    CHECK(pieces[1] == Polyline{{-180.0, 0.0}, {-170.0, 0.0}});

    // Running along the antimeridian is not a crossing.
    pieces = splitAtAntimeridian({{180.0, 0.0}, {-180.0, 10.0}, {170.0, 10.0}});
    REQUIRE(pieces.size() == 1);
    CHECK(pieces[0][1] == LonLat{180.0, 10.0});

    // A polyline starting on -180 heading west starts on the east edge.
    pieces = splitAtAntimeridian({{-180.0, 5.0}, {170.0, 5.0}});
    REQUIRE(pieces.size() == 1);
    CHECK(pieces[0] == Polyline{{180.0, 5.0}, {170.0, 5.0}});

    // Out-of-range longitudes are wrapped first: 190 is -170.
    pieces = splitAtAntimeridian({{175.0, 0.0}, {190.0, 0.0}});
    REQUIRE(pieces.size() == 2);
    CHECK(pieces[1].back().lonDeg == doctest::Approx(-170.0));
    CHECK(pieces[0].back().latDeg == doctest::Approx(0.0));

    // Crossing twice gives three pieces.
    pieces = splitAtAntimeridian({{170.0, 0.0}, {-170.0, 1.0}, {175.0, 2.0}});
    CHECK(pieces.size() == 3);

    CHECK(splitAtAntimeridian({}).empty());
    CHECK(splitAtAntimeridian({{10.0, 10.0}}).empty());
}

TEST_CASE("densifyRing") {
    const Polyline closedSquare{{0.0, 0.0}, {10.0, 0.0}, {10.0, 10.0}, {0.0, 10.0}, {0.0, 0.0}};
    const Polyline closed = densifyRing(closedSquare, 2.5);
    CHECK(closed.size() == 17);
    CHECK(closed.front() == closed.back());
    CHECK(closed[2] == LonLat{5.0, 0.0});  // straight in lon/lat
    CHECK(closed[6] == LonLat{10.0, 5.0});

    const Polyline open = densifyRing({{0.0, 0.0}, {10.0, 0.0}, {10.0, 10.0}, {0.0, 10.0}}, 2.5);
    CHECK(open.size() == 16);
    CHECK(open.back() == LonLat{0.0, 2.5});  // the closing edge is densified, not closed

    // Antarctica-style edge along the south "parallel" from -180 to 180.
    const Polyline antarctic = densifyRing({{-180.0, -90.0}, {180.0, -90.0}, {180.0, -80.0}, {-180.0, -80.0}}, 10.0);
    CHECK(antarctic.size() == 36 + 1 + 36 + 1);
    CHECK(antarctic[18] == LonLat{0.0, -90.0});

    // Geodesic edges: the midpoint of a 0-60°E edge at 45°N lies north of 45°.
    const Polyline geodesic = densifyRing({{0.0, 45.0}, {60.0, 45.0}, {30.0, 0.0}}, 1.0, RingEdges::GreatCircle);
    double northmost = -90.0;
    for (const LonLat& p : geodesic) northmost = std::max(northmost, p.latDeg);
    CHECK(northmost > 48.0);
    for (size_t i = 1; i < geodesic.size(); ++i) CHECK(centralAngleDeg(geodesic[i - 1], geodesic[i]) <= 1.0 + 1e-12);

    CHECK(densifyRing({}, 1.0).empty());
    CHECK(densifyRing({{1.0, 2.0}}, 1.0).size() == 1);
}

TEST_CASE("longitude helpers") {
    CHECK(wrapLonDeg(180.0) == 180.0);
    CHECK(wrapLonDeg(-180.0) == -180.0);
    CHECK(wrapLonDeg(190.0) == doctest::Approx(-170.0));
    CHECK(wrapLonDeg(-190.0) == doctest::Approx(170.0));
    CHECK(wrapLonDeg(540.0) == doctest::Approx(180.0));
    CHECK(wrapLonDeg(725.0) == doctest::Approx(5.0));
    CHECK(lonDeltaDeg(170.0, -170.0) == doctest::Approx(20.0));
    CHECK(lonDeltaDeg(-170.0, 170.0) == doctest::Approx(-20.0));
    CHECK(lonDeltaDeg(10.0, 30.0) == doctest::Approx(20.0));
}

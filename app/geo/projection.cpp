#include "geo/projection.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace meridian::geo {

namespace {

// Equal Earth constants (Šavrič, Patterson & Jenny 2018, as in d3-geo's
// equalEarth.js). The parametric latitude θ = asin(M sin φ) makes it
// equal-area; x and y are polynomials in θ.
constexpr double kEeA1 = 1.340264;
constexpr double kEeA2 = -0.081106;
constexpr double kEeA3 = 0.000893;
constexpr double kEeA4 = 0.003796;
const double kEeM = std::sqrt(3.0) / 2.0;

// Natural Earth I polynomial coefficients (Šavrič et al. 2011, as in d3-geo's
// naturalEarth1.js): x = λ·xFactor(φ), y = yPoly(φ).
constexpr double kNeX0 = 0.8707, kNeX2 = -0.131979, kNeX4 = -0.013791, kNeX10 = 0.003971, kNeX12 = -0.001529;
constexpr double kNeY1 = 1.007226, kNeY3 = 0.015085, kNeY7 = -0.044475, kNeY9 = 0.028874, kNeY11 = -0.005916;

// Newton stops when the step is below this (radians); 1e-15 rad is ~6e-14°,
// well inside the 1e-9° round-trip budget. A hard cap keeps a pathological
// input from looping.
constexpr double kNewtonTolerance = 1e-15;
constexpr int kNewtonMaxIterations = 40;

// How far outside the outline/disc a plane point may be and still count as
// on it: absorbs rounding of points projected exactly onto the edge.
constexpr double kEdgeTolerance = 1e-12;

double clampLatRad(double latRad) {
    return std::clamp(latRad, -kPi / 2.0, kPi / 2.0);
}

// ---- Equal Earth ---------------------------------------------------------
double eqEarthYOfTheta(double theta) {
    const double t2 = theta * theta, t6 = t2 * t2 * t2;
    return theta * (kEeA1 + kEeA2 * t2 + t6 * (kEeA3 + kEeA4 * t2));
}
double eqEarthDyDTheta(double theta) {
    const double t2 = theta * theta, t6 = t2 * t2 * t2;
    return kEeA1 + 3.0 * kEeA2 * t2 + t6 * (7.0 * kEeA3 + 9.0 * kEeA4 * t2);
}
PlanePoint eqEarthForward(double lonRad, double latRad) {
    const double theta = std::asin(kEeM * std::sin(latRad));
    return {lonRad * std::cos(theta) / (kEeM * eqEarthDyDTheta(theta)), eqEarthYOfTheta(theta)};
}

// ---- Natural Earth I -------------------------------------------------------
double natEarthXFactor(double latRad) {
    const double p2 = latRad * latRad, p4 = p2 * p2;
    return kNeX0 + kNeX2 * p2 + p4 * (kNeX4 + p4 * (kNeX10 * p2 + kNeX12 * p4));
}
double natEarthY(double latRad) {
    const double p2 = latRad * latRad, p4 = p2 * p2;
    return latRad * (kNeY1 + p2 * (kNeY3 + p4 * (kNeY7 + kNeY9 * p2 + kNeY11 * p4)));
}
double natEarthDyDLat(double latRad) {
    const double p2 = latRad * latRad, p4 = p2 * p2;
    return kNeY1 + p2 * (3.0 * kNeY3 + p4 * (7.0 * kNeY7 + 9.0 * kNeY9 * p2 + 11.0 * kNeY11 * p4));
}
PlanePoint natEarthForward(double lonRad, double latRad) {
    return {lonRad * natEarthXFactor(latRad), natEarthY(latRad)};
}

// Solves f(u) = y for u by Newton's method from the starting guess y/f'(0).
// Both y polynomials are odd and strictly increasing on the map's range, so
// this converges in a handful of steps.
template <typename F, typename DF>
double newtonInvert(double y, F f, DF df) {
    double u = y / df(0.0);
    for (int i = 0; i < kNewtonMaxIterations; ++i) {
        const double step = (f(u) - y) / df(u);
        u -= step;
        if (std::abs(step) < kNewtonTolerance) break;
    }
    return u;
}

struct FlatExtent {
    double maxX;  // at the equator, lon = 180
    double maxY;  // at the north pole
};

FlatExtent flatExtent(Projection projection) {
    static const FlatExtent kEqEarth{eqEarthForward(kPi, 0.0).x, eqEarthForward(0.0, kPi / 2.0).y};
    static const FlatExtent kNatEarth{natEarthForward(kPi, 0.0).x, natEarthForward(0.0, kPi / 2.0).y};
    switch (projection) {
        case Projection::EqualEarth:
            return kEqEarth;
        case Projection::NaturalEarth:
            return kNatEarth;
        case Projection::Equirectangular:
            return {kPi, kPi / 2.0};
        case Projection::Orthographic:
            break;
    }
    return {1.0, 1.0};
}

// Latitude (radians) of the row at plane height y, which must lie within
// ±maxY. Equal Earth's y has zero slope in φ at the poles, so there one ulp of
// y is worth up to ~1e-8° of latitude (7e-9° at 89.99999°); snapping the pole
// row itself makes at least ±90° come back exactly.
double flatLatRadOfY(Projection projection, double y) {
    const double maxY = flatExtent(projection).maxY;
    if (std::abs(y) >= maxY) return std::copysign(kPi / 2.0, y);
    switch (projection) {
        case Projection::EqualEarth: {
            const double theta = newtonInvert(y, eqEarthYOfTheta, eqEarthDyDTheta);
            return std::asin(std::clamp(std::sin(theta) / kEeM, -1.0, 1.0));
        }
        case Projection::NaturalEarth:
            return newtonInvert(y, natEarthY, natEarthDyDLat);
        case Projection::Equirectangular:
        case Projection::Orthographic:
            break;
    }
    return y;
}

// Plane x of lon = 1 rad on the row at latitude latRad (x is linear in lon
// on all three flat maps).
double flatXPerLonRad(Projection projection, double latRad) {
    switch (projection) {
        case Projection::EqualEarth: {
            const double theta = std::asin(kEeM * std::sin(latRad));
            return std::cos(theta) / (kEeM * eqEarthDyDTheta(theta));
        }
        case Projection::NaturalEarth:
            return natEarthXFactor(latRad);
        case Projection::Equirectangular:
        case Projection::Orthographic:
            break;
    }
    return 1.0;
}

// The globe's view frame: east and north at the centre, and the direction
// towards the viewer. x = v·east, y = v·north, facing = v·toward.
struct GlobeFrame {
    Vec3 east, north, toward;
};
GlobeFrame globeFrame(const GlobeRotation& rotation) {
    const double lon0 = degToRad(rotation.centerLonDeg), lat0 = degToRad(rotation.centerLatDeg);
    const double sinLon0 = std::sin(lon0), cosLon0 = std::cos(lon0);
    const double sinLat0 = std::sin(lat0), cosLat0 = std::cos(lat0);
    return {{-sinLon0, cosLon0, 0.0},
            {-sinLat0 * cosLon0, -sinLat0 * sinLon0, cosLat0},
            {cosLat0 * cosLon0, cosLat0 * sinLon0, sinLat0}};
}

// The same dot products written as the textbook orthographic formulas, which
// is how the GLSL computes them.
ProjectedPoint orthographicForward(double lonRad, double latRad, const GlobeRotation& rotation) {
    const double lat0 = degToRad(rotation.centerLatDeg);
    const double dLon = lonRad - degToRad(rotation.centerLonDeg);
    const double cosLat = std::cos(latRad), sinLat = std::sin(latRad);
    const double cosLat0 = std::cos(lat0), sinLat0 = std::sin(lat0);
    const double cosLatCosDLon = cosLat * std::cos(dLon);
    return {{cosLat * std::sin(dLon), cosLat0 * sinLat - sinLat0 * cosLatCosDLon},
            sinLat0 * sinLat + cosLat0 * cosLatCosDLon};
}

LonLat orthographicInverse(PlanePoint plane, const GlobeRotation& rotation) {
    const GlobeFrame frame = globeFrame(rotation);
    const double z = std::sqrt(std::max(0.0, 1.0 - plane.x * plane.x - plane.y * plane.y));
    const Vec3 v = frame.east * plane.x + frame.north * plane.y + frame.toward * z;
    return {radToDeg(std::atan2(v.y, v.x)), radToDeg(std::atan2(v.z, std::hypot(v.x, v.y)))};
}

bool isFinite(PlanePoint p) {
    return std::isfinite(p.x) && std::isfinite(p.y);
}

}  // namespace

std::optional<Projection> parseProjection(std::string_view name) {
    std::string key(name);
    for (char& c : key) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c == '_') c = '-';
    }
    if (key == "equirectangular") return Projection::Equirectangular;
    if (key == "equal-earth") return Projection::EqualEarth;
    if (key == "natural-earth") return Projection::NaturalEarth;
    if (key == "globe" || key == "orthographic") return Projection::Orthographic;
    return std::nullopt;
}

std::string_view projectionName(Projection projection) {
    switch (projection) {
        case Projection::Equirectangular:
            return "equirectangular";
        case Projection::EqualEarth:
            return "equal-earth";
        case Projection::NaturalEarth:
            return "natural-earth";
        case Projection::Orthographic:
            return "globe";
    }
    return "equal-earth";
}

std::string_view projectionLabel(Projection projection) {
    switch (projection) {
        case Projection::Equirectangular:
            return "Equirectangular";
        case Projection::EqualEarth:
            return "Equal Earth";
        case Projection::NaturalEarth:
            return "Natural Earth";
        case Projection::Orthographic:
            return "Globe";
    }
    return "Equal Earth";
}

std::string_view projectionNameList() {
    return "equirectangular, equal-earth, natural-earth, globe";
}

ProjectedPoint projectUnclipped(Projection projection, LonLat point, const GlobeRotation& rotation) {
    return projectUnwrapped(projection, {wrapLonDeg(point.lonDeg), point.latDeg}, rotation);
}

ProjectedPoint projectUnwrapped(Projection projection, LonLat point, const GlobeRotation& rotation) {
    const double lonRad = degToRad(point.lonDeg);
    const double latRad = clampLatRad(degToRad(point.latDeg));
    switch (projection) {
        case Projection::Equirectangular:
            return {{lonRad, latRad}, 1.0};
        case Projection::EqualEarth:
            return {eqEarthForward(lonRad, latRad), 1.0};
        case Projection::NaturalEarth:
            return {natEarthForward(lonRad, latRad), 1.0};
        case Projection::Orthographic:
            return orthographicForward(lonRad, latRad, rotation);
    }
    return {{lonRad, latRad}, 1.0};
}

double globeFacing(LonLat point, const GlobeRotation& rotation) {
    return projectUnclipped(Projection::Orthographic, point, rotation).facing;
}

std::optional<PlanePoint> project(Projection projection, LonLat point, const GlobeRotation& rotation) {
    if (!std::isfinite(point.lonDeg) || !std::isfinite(point.latDeg) || std::abs(point.latDeg) > 90.0) {
        return std::nullopt;
    }
    const ProjectedPoint projected = projectUnclipped(projection, point, rotation);
    if (projected.facing < 0.0) return std::nullopt;
    return projected.plane;
}

std::optional<LonLat> unproject(Projection projection, PlanePoint plane, const GlobeRotation& rotation) {
    if (!isFinite(plane)) return std::nullopt;
    if (projection == Projection::Orthographic) {
        if (plane.x * plane.x + plane.y * plane.y > 1.0 + kEdgeTolerance) return std::nullopt;
        return orthographicInverse(plane, rotation);
    }
    const FlatExtent extent = flatExtent(projection);
    if (std::abs(plane.y) > extent.maxY + kEdgeTolerance) return std::nullopt;
    const double latRad = flatLatRadOfY(projection, std::clamp(plane.y, -extent.maxY, extent.maxY));
    const double lonRad = plane.x / flatXPerLonRad(projection, latRad);
    if (std::abs(lonRad) > kPi * (1.0 + kEdgeTolerance)) return std::nullopt;
    return LonLat{radToDeg(std::clamp(lonRad, -kPi, kPi)), radToDeg(latRad)};
}

LonLat unprojectClamped(Projection projection, PlanePoint plane, const GlobeRotation& rotation) {
    if (!isFinite(plane)) plane = {0.0, 0.0};
    if (projection == Projection::Orthographic) {
        const double radius = std::hypot(plane.x, plane.y);
        if (radius > 1.0) plane = {plane.x / radius, plane.y / radius};
        return orthographicInverse(plane, rotation);
    }
    const FlatExtent extent = flatExtent(projection);
    const double latRad = flatLatRadOfY(projection, std::clamp(plane.y, -extent.maxY, extent.maxY));
    const double lonRad = std::clamp(plane.x / flatXPerLonRad(projection, latRad), -kPi, kPi);
    return {radToDeg(lonRad), radToDeg(latRad)};
}

PlaneBounds planeBounds(Projection projection) {
    const FlatExtent extent = flatExtent(projection);
    return {-extent.maxX, -extent.maxY, extent.maxX, extent.maxY};
}

}  // namespace meridian::geo

#pragma once
// Geographic coordinates and the small amount of angle arithmetic every other
// geo header needs. Kept separate so projection.h does not have to pull in the
// great-circle code (and vice versa).

#include <cmath>
#include <numbers>

namespace meridian::geo {

inline constexpr double kPi = std::numbers::pi;
inline constexpr double kDegPerRad = 180.0 / kPi;
inline constexpr double kRadPerDeg = kPi / 180.0;

// Mean Earth radius (IUGG R1). A sphere is all a world overview needs: the
// ellipsoid changes distances by < 0.5 %, far below what the UI shows.
inline constexpr double kEarthRadiusKm = 6371.0088;

// A geographic position in degrees. lonDeg east-positive in [-180, 180],
// latDeg north-positive in [-90, 90]. Both ±180 are allowed on purpose: a
// polyline cut at the antimeridian ends on +180 on one side and -180 on the
// other, and the flat maps must draw those two ends at opposite edges.
struct LonLat {
    double lonDeg = 0.0;
    double latDeg = 0.0;

    friend bool operator==(const LonLat&, const LonLat&) = default;
};

// Point on (or direction from the centre of) the unit sphere, Earth-centred:
// +x towards (0°, 0°), +y towards (90°E, 0°), +z towards the north pole.
struct Vec3 {
    double x = 0.0;
    double y = 0.0;
    double z = 0.0;
};

constexpr double degToRad(double deg) {
    return deg * kRadPerDeg;
}
constexpr double radToDeg(double rad) {
    return rad * kDegPerRad;
}

inline double dot(const Vec3& a, const Vec3& b) {
    return a.x * b.x + a.y * b.y + a.z * b.z;
}
inline Vec3 cross(const Vec3& a, const Vec3& b) {
    return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}
inline double length(const Vec3& v) {
    return std::sqrt(dot(v, v));
}
inline Vec3 operator+(const Vec3& a, const Vec3& b) {
    return {a.x + b.x, a.y + b.y, a.z + b.z};
}
inline Vec3 operator-(const Vec3& a, const Vec3& b) {
    return {a.x - b.x, a.y - b.y, a.z - b.z};
}
inline Vec3 operator*(const Vec3& v, double s) {
    return {v.x * s, v.y * s, v.z * s};
}
inline Vec3 operator*(double s, const Vec3& v) {
    return v * s;
}

// Wraps a longitude into [-180, 180]. Values already inside the closed range
// are returned untouched (so +180 stays +180 and -180 stays -180: the sign
// carries which map edge a cut polyline ends on); anything outside lands in
// (-180, 180].
inline double wrapLonDeg(double lonDeg) {
    if (lonDeg >= -180.0 && lonDeg <= 180.0) return lonDeg;
    double wrapped = std::fmod(lonDeg + 180.0, 360.0);
    if (wrapped <= 0.0) wrapped += 360.0;
    return wrapped - 180.0;
}

// The signed longitude difference b - a taken the short way round, in
// [-180, 180). Used wherever "which way is shorter" matters (camera flights,
// antimeridian detection).
inline double lonDeltaDeg(double fromLonDeg, double toLonDeg) {
    double delta = std::fmod(toLonDeg - fromLonDeg, 360.0);
    if (delta < -180.0) delta += 360.0;
    if (delta >= 180.0) delta -= 360.0;
    return delta;
}

}  // namespace meridian::geo

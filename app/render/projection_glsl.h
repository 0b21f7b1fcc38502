#pragma once
// GLSL 3.30 twin of meridian::geo's forward projections (app/geo/projection.cpp),
// so vertices can be stored once in lon/lat and re-projected on the GPU when
// the projection or the globe's rotation changes. The formulas and constants
// must stay identical to the C++ ones; tests/geo/test_projection.cpp checks the
// constants appear here.
//
// Paste it into a vertex shader after `#version 330 core`. It declares:
//   uniform int  u_projection;     // int(meridian::geo::Projection)
//   uniform vec2 u_globeCenterRad; // (centerLonDeg, centerLatDeg) in radians
//   uniform mat3 u_planeToClip;    // ViewTransform::planeToClipColumnMajor()
// and the functions
//   vec3 projectLonLat(vec2 lonLatRad)  -> (plane x, plane y, facing)
//   vec2 planeToClip(vec2 plane)        -> clip-space xy
// facing is cos(c) on the globe (< 0 on the far side: fade or discard there)
// and 1 on flat maps. Longitudes must already be in [-pi, pi]: there is no
// wrapping here, because a polyline cut at the antimeridian relies on +pi and
// -pi landing on opposite edges.

namespace meridian::render {

inline constexpr const char* kProjectionUniform = "u_projection";
inline constexpr const char* kGlobeCenterUniform = "u_globeCenterRad";
inline constexpr const char* kPlaneToClipUniform = "u_planeToClip";

constexpr const char* kProjectionGlsl = R"glsl(
uniform int u_projection;
uniform vec2 u_globeCenterRad;
uniform mat3 u_planeToClip;

const int PROJECTION_EQUIRECTANGULAR = 0;
const int PROJECTION_EQUAL_EARTH = 1;
const int PROJECTION_NATURAL_EARTH = 2;
const int PROJECTION_ORTHOGRAPHIC = 3;

vec3 projectEquirectangular(vec2 lonLat) {
    return vec3(lonLat, 1.0);
}

// Equal Earth (Savric, Patterson & Jenny 2018).
vec3 projectEqualEarth(vec2 lonLat) {
    const float A1 = 1.340264;
    const float A2 = -0.081106;
    const float A3 = 0.000893;
    const float A4 = 0.003796;
    const float M = 0.8660254037844386; // sqrt(3) / 2
    float theta = asin(M * sin(lonLat.y));
    float t2 = theta * theta;
    float t6 = t2 * t2 * t2;
    float dy = A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2);
    return vec3(lonLat.x * cos(theta) / (M * dy),
                theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2)),
                1.0);
}

// Natural Earth I (Savric et al. 2011).
vec3 projectNaturalEarth(vec2 lonLat) {
    float p2 = lonLat.y * lonLat.y;
    float p4 = p2 * p2;
    float xFactor = 0.8707 + -0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 + -0.001529 * p4));
    float y = lonLat.y * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 + -0.005916 * p4)));
    return vec3(lonLat.x * xFactor, y, 1.0);
}

// Orthographic globe centred on centerRad = (lon0, lat0).
vec3 projectOrthographic(vec2 lonLat, vec2 centerRad) {
    float dLon = lonLat.x - centerRad.x;
    float cosLat = cos(lonLat.y);
    float sinLat = sin(lonLat.y);
    float cosLat0 = cos(centerRad.y);
    float sinLat0 = sin(centerRad.y);
    float cosLatCosDLon = cosLat * cos(dLon);
    return vec3(cosLat * sin(dLon),
                cosLat0 * sinLat - sinLat0 * cosLatCosDLon,
                sinLat0 * sinLat + cosLat0 * cosLatCosDLon);
}

vec3 projectLonLat(vec2 lonLatRad) {
    vec2 lonLat = vec2(lonLatRad.x, clamp(lonLatRad.y, -1.5707963267948966, 1.5707963267948966));
    if (u_projection == PROJECTION_EQUAL_EARTH) return projectEqualEarth(lonLat);
    if (u_projection == PROJECTION_NATURAL_EARTH) return projectNaturalEarth(lonLat);
    if (u_projection == PROJECTION_ORTHOGRAPHIC) return projectOrthographic(lonLat, u_globeCenterRad);
    return projectEquirectangular(lonLat);
}

vec2 planeToClip(vec2 plane) {
    return (u_planeToClip * vec3(plane, 1.0)).xy;
}
)glsl";

}  // namespace meridian::render

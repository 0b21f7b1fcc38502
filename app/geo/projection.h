#pragma once
// Map projections from the sphere to a plane, in unit-sphere units (an Earth
// of radius 1), x east, y north-up. The camera scales and translates this
// plane to pixels; the renderer runs the same forward formulas on the GPU
// (app/render/projection_glsl.h), so any change here must be mirrored there.

#include <array>
#include <optional>
#include <string_view>

#include "geo/lon_lat.h"

namespace meridian::geo {

// The enumerator values are also the projection ids used by the GLSL code.
enum class Projection {
    Equirectangular = 0,
    EqualEarth = 1,    // Šavrič, Patterson & Jenny 2018 (equal-area)
    NaturalEarth = 2,  // Natural Earth I, Šavrič et al. 2011 (compromise)
    Orthographic = 3,  // "globe": the sphere seen from infinitely far away
};

inline constexpr std::array<Projection, 4> kAllProjections = {Projection::Equirectangular, Projection::EqualEarth,
                                                              Projection::NaturalEarth, Projection::Orthographic};

// For `--projection NAME` and settings files. Canonical names:
// "equirectangular", "equal-earth", "natural-earth", "globe"; "orthographic"
// is accepted as an alias of "globe". Matching ignores ASCII case and treats
// '_' like '-' so "Equal_Earth" works too; anything else is nullopt.
std::optional<Projection> parseProjection(std::string_view name);
std::string_view projectionName(Projection projection);   // canonical CLI name
std::string_view projectionLabel(Projection projection);  // for UI, e.g. "Equal Earth"
// "equirectangular, equal-earth, natural-earth, globe" for usage/errors.
std::string_view projectionNameList();

constexpr bool isFlat(Projection projection) {
    return projection != Projection::Orthographic;
}

struct PlanePoint {
    double x = 0.0;
    double y = 0.0;
};

struct PlaneBounds {
    double minX = 0.0;
    double minY = 0.0;
    double maxX = 0.0;
    double maxY = 0.0;

    double width() const { return maxX - minX; }
    double height() const { return maxY - minY; }
};

// Which point of the globe faces the viewer. Only the orthographic projection
// uses it: the flat maps keep central meridian 0 because the Natural Earth
// land data is cut at ±180, and they pan by translating the plane instead.
struct GlobeRotation {
    double centerLonDeg = 0.0;
    double centerLatDeg = 0.0;
};

// A forward projection with no clipping, matching what the GLSL returns.
// facing is cos(c), c being the angular distance from the globe's centre
// (> 0 near side, 0 on the limb, < 0 far side); always 1 for flat maps.
struct ProjectedPoint {
    PlanePoint plane;
    double facing = 1.0;
};

// Always succeeds for finite input: longitudes outside [-180, 180] are wrapped
// and latitudes are clamped to [-90, 90]. Far-side globe points come out
// mirrored onto the disc with facing < 0, so callers can fade rather than cut.
ProjectedPoint projectUnclipped(Projection projection, LonLat point, const GlobeRotation& rotation = {});

// The same without wrapping the longitude, as the GLSL does: on a flat map a
// point at 190 degrees lies beyond the right edge (the renderer clips it there
// and draws a copy shifted by 360 degrees), on the globe it is 170 W.
ProjectedPoint projectUnwrapped(Projection projection, LonLat point, const GlobeRotation& rotation = {});

// cos(c) for the globe: how squarely `point` faces the viewer.
double globeFacing(LonLat point, const GlobeRotation& rotation);

// Forward projection. nullopt for non-finite input or |lat| > 90, and on the
// globe for points on the far hemisphere (facing < 0; the limb is kept).
std::optional<PlanePoint> project(Projection projection, LonLat point, const GlobeRotation& rotation = {});

// Inverse projection. nullopt outside the projected world: beyond the map
// outline for flat maps, outside the unit disc for the globe. Equal Earth and
// Natural Earth invert y by Newton iteration (converged to ~1e-15 rad). The
// returned lonDeg is in [-180, 180] (a flat map's right edge gives +180).
std::optional<LonLat> unproject(Projection projection, PlanePoint plane, const GlobeRotation& rotation = {});

// Like unproject for flat maps, but a plane point outside the map outline is
// pulled to the nearest row/edge of the map instead of failing: y is clamped to
// the map's height, then x to that row's width. The camera uses it to keep its
// centre on the map while panning. For the globe it is unproject() with the
// point pulled onto the disc's rim.
LonLat unprojectClamped(Projection projection, PlanePoint plane, const GlobeRotation& rotation = {});

// The projected extent of the whole world: [-pi, pi] x [-pi/2, pi/2] for
// equirectangular, the outline's box for Equal/Natural Earth, the unit disc's
// box [-1, 1]^2 for the globe.
PlaneBounds planeBounds(Projection projection);

}  // namespace meridian::geo

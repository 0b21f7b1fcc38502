#pragma once
// The map camera: which projection, what is in the middle, how far zoomed.
// All conversions go lon/lat -> plane (projection.h) -> screen pixels, with
// the plane -> screen step a plain scale + offset (ViewTransform) that the
// renderer uploads as uniforms.

#include <array>
#include <optional>
#include <vector>

#include "geo/lon_lat.h"
#include "geo/projection.h"

namespace meridian::geo {

// Zoom limits. Below 0.5 the world is a speck; at 1000 a 1000 px window shows
// roughly 35 m per pixel, more than event locations are precise to.
inline constexpr double kMinZoom = 0.5;
inline constexpr double kMaxZoom = 1000.0;
// fitToBounds never zooms further than this, so framing a single place (or
// places a few metres apart) still shows its surroundings: about a 300 km
// wide view in a 1000 px window.
inline constexpr double kMaxFitZoom = 32.0;
// The globe's centre stays off the exact poles, where "north up" and the
// east direction are undefined and dragging would spin the view.
inline constexpr double kMaxGlobeCenterLatDeg = 89.0;

struct CameraState {
    Projection projection = Projection::EqualEarth;
    // Geographic point at the viewport centre. On the globe this is also the
    // globe's rotation; on flat maps the central meridian stays 0 and this
    // point only says where the plane is translated to.
    double centerLonDeg = 0.0;
    double centerLatDeg = 0.0;
    double zoom = 1.0;  // 1 = the whole world (planeBounds) just fits the viewport

    GlobeRotation rotation() const { return {centerLonDeg, centerLatDeg}; }
    friend bool operator==(const CameraState&, const CameraState&) = default;
};

struct Viewport {
    double widthPx = 0.0;
    double heightPx = 0.0;
};

// Screen pixels: origin top-left, y down.
struct ScreenPoint {
    double xPx = 0.0;
    double yPx = 0.0;
};

// plane -> screen for one camera and viewport, as uniforms:
//   screen.x = plane.x * scalePxPerUnit + offsetXPx
//   screen.y = -plane.y * scalePxPerUnit + offsetYPx   (plane is y-up)
// plus the globe rotation (for flat maps 0, 0: their central meridian is 0).
struct ViewTransform {
    double scalePxPerUnit = 1.0;
    double offsetXPx = 0.0;
    double offsetYPx = 0.0;
    GlobeRotation globe;
    Viewport viewport;

    ScreenPoint toScreen(PlanePoint plane) const;
    PlanePoint toPlane(ScreenPoint screen) const;
    // The same mapping straight to OpenGL clip space (x right, y up, [-1, 1]),
    // column-major for glUniformMatrix3fv(loc, 1, GL_FALSE, m.data()):
    // clip.xy = (M * vec3(plane, 1)).xy. This is the GLSL's u_planeToClip.
    std::array<float, 9> planeToClipColumnMajor() const;
};

// Pixels per plane unit at zoom 1 for this projection and viewport.
double baseScalePxPerUnit(Projection projection, const Viewport& viewport);
ViewTransform viewTransform(const CameraState& camera, const Viewport& viewport);

// nullopt on the globe's far side (and for invalid coordinates). Points off
// screen are still returned.
std::optional<ScreenPoint> worldToScreen(const CameraState& camera, const Viewport& viewport, LonLat point);
// nullopt where the screen shows no part of the world (outside the flat
// map's outline or the globe's disc).
std::optional<LonLat> screenToWorld(const CameraState& camera, const Viewport& viewport, ScreenPoint screen);

// Multiplies zoom by factor (then clamps to [kMinZoom, kMaxZoom]). Flat maps
// keep the plane point under `cursor` fixed on screen, so the place under the
// mouse stays put. The globe zooms about its centre, then rotates so the place
// that was under the cursor is back under it where that is possible.
// Exactness is given up only where a clamp (zoom range, the map edge for the
// centre, the globe's ±89° centre latitude) bites.
CameraState zoomAt(const CameraState& camera, const Viewport& viewport, ScreenPoint cursor, double factor);

// A mouse drag from `from` to `to`. Flat maps translate the plane with the
// pointer (the centre stays on the map). The globe rotates so the place that
// was under `from` ends up under `to`, with the centre latitude clamped to
// ±kMaxGlobeCenterLatDeg; a drag starting off the disc turns the globe by the
// angle the pixels span at its centre.
CameraState panByPixels(const CameraState& camera, const Viewport& viewport, ScreenPoint from, ScreenPoint to);

// The camera in `projection` that frames all `points` inside the viewport
// with `marginPx` to spare on every side (as far as kMinZoom allows). Centre
// = middle of the points' projected box on flat maps; on the globe the centre
// is the normalised mean of the points' unit vectors (so a set spanning the
// antimeridian is centred near 180°, not near 0°). Zoom is capped at
// kMaxFitZoom (so one point gives a regional view). No points: the default
// whole-world view. On the globe, points that would still be on the far side
// (spread over more than a hemisphere) are ignored for the zoom, which then is 1.
CameraState fitToBounds(Projection projection, const std::vector<LonLat>& points, const Viewport& viewport,
                        double marginPx);

// A screen rectangle (pixels, y down): x0 <= x1, y0 <= y1.
struct ScreenRect {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
};
// fitToBounds into a part of the viewport (the part a narration card or a
// legend leaves free): the points end up inside `rect`, with `marginPx`.
CameraState fitToBoundsInRect(Projection projection, const std::vector<LonLat>& points, const Viewport& viewport,
                              const ScreenRect& rect, double marginPx);

// Camera flight between two states for t in [0, 1] (clamped; t = 0 and 1 give
// a and b exactly). Pass an eased t (easeSmoothstep) for a smooth start and
// stop. Zoom is interpolated geometrically, so each frame zooms by the same
// factor. Centre latitude is linear; centre longitude goes the short way
// round when the globe is involved, but on two flat maps it is linear: a flat
// map is cut at ±180, so the "short way" there is a jump across the whole
// map. The projection switches from a's to b's at t = 0.5.
CameraState interpolate(const CameraState& a, const CameraState& b, double t);

// 3t² - 2t³ on [0, 1] (clamped): zero slope at both ends.
double easeSmoothstep(double t);

}  // namespace meridian::geo

#include "geo/map_pick.h"

#include <algorithm>
#include <cmath>

#include "geo/great_circle.h"
#include "geo/projection.h"

namespace meridian::geo {

namespace {

constexpr int kSamples = 48;  // as the shader's strip

// Shortest distance from p to the segment ab, in pixels.
double segmentDistance(ScreenPoint p, ScreenPoint a, ScreenPoint b) {
    const double dx = b.xPx - a.xPx, dy = b.yPx - a.yPx;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.xPx - a.xPx) * dx + (p.yPx - a.yPx) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const double x = a.xPx + t * dx - p.xPx, y = a.yPx + t * dy - p.yPx;
    return std::sqrt(x * x + y * y);
}

// Longitude unwrapped next to refLon (the shader's lonLatNear), so a path
// across the seam stays continuous.
double lonNear(double lonDeg, double refLonDeg) {
    return refLonDeg + std::fmod(std::fmod(lonDeg - refLonDeg + 180.0, 360.0) + 360.0, 360.0) - 180.0;
}

bool hitsArc(const ArcItem& a, const ItemShown& shown, const CameraState& camera, const Viewport& viewport,
             const PickStyle& style, ScreenPoint p) {
    const double width = style.arcWidthPx * (a.fixed ? a.widthScale : 1.0) *
                             (a.event == style.selected  ? 1.7
                              : a.event == style.hovered ? 1.35
                                                         : 1.0) +
                         style.widenPx;
    // The part of the leg drawn so far (its route grows from origin to destination).
    const double tEnd =
        a.fixed ? 1.0 : std::clamp((shown.grow - a.routeStart) / std::max(1e-6f, a.routeSpan), 0.0, 1.0);
    if (tEnd <= 0) return false;
    const ViewTransform vt = viewTransform(camera, viewport);
    const bool flat = isFlat(camera.projection);
    const double shifts[3] = {0.0, 360.0, -360.0};
    const int shiftCount = flat && a.crossesAntimeridian ? 3 : 1;
    for (int s = 0; s < shiftCount; ++s) {
        bool havePrev = false;
        ScreenPoint prev;
        for (int k = 0; k <= kSamples; ++k) {
            const double t = std::min(tEnd, static_cast<double>(k) / kSamples);
            LonLat ll = interpolate(a.from, a.to, t);
            ll.lonDeg = lonNear(ll.lonDeg, a.from.lonDeg) + shifts[s];
            // Flat maps clip at the seam (the shifted copy draws the rest).
            const bool inside = !flat || std::abs(ll.lonDeg) <= 180.0;
            std::optional<ScreenPoint> sp;
            if (inside) {
                if (const auto plane = project(camera.projection, ll, camera.rotation())) sp = vt.toScreen(*plane);
            }
            if (!sp) {
                havePrev = false;
                continue;
            }
            // Events between the same two places bow apart, as in the shader.
            const double routeT = a.routeStart + t * a.routeSpan;
            const double bulge = a.bundleOffset * style.bundleSpacingPx * std::sin(kPi * routeT);
            ScreenPoint q = *sp;
            if (bulge != 0) {
                LonLat ll2 = interpolate(a.from, a.to, std::min(1.0, t + 0.01));
                ll2.lonDeg = lonNear(ll2.lonDeg, a.from.lonDeg) + shifts[s];
                if (const auto plane2 = project(camera.projection, ll2, camera.rotation())) {
                    const ScreenPoint s2 = vt.toScreen(*plane2);
                    double dx = s2.xPx - sp->xPx, dy = s2.yPx - sp->yPx;
                    const double len = std::sqrt(dx * dx + dy * dy);
                    if (len > 1e-9) {
                        dx /= len, dy /= len;
                        // The shader's normal (-dir.y, dir.x), in y-up pixels, is (dy, -dx) here (y down).
                        q.xPx += dy * bulge;
                        q.yPx -= dx * bulge;
                    }
                }
            }
            if (havePrev && segmentDistance(p, prev, q) <= width * 0.5) return true;
            prev = q;
            havePrev = true;
            if (t >= tEnd) break;
        }
    }
    return false;
}

bool hitsMarker(const MarkerItem& m, const ItemShown& shown, const CameraState& camera, const Viewport& viewport,
                const PickStyle& style, ScreenPoint p) {
    const auto sp = worldToScreen(camera, viewport, m.position);
    if (!sp) return false;
    const bool emphasised = m.event == style.selected || m.event == style.hovered;
    double size = style.markerPx * (m.endpoint ? 0.5 : 1.0) * (emphasised ? 1.45 : 1.0);
    if (!m.endpoint) size *= 1.8 + (1.0 - 1.8) * std::clamp(shown.grow, 0.0, 1.0);  // a new event pops in
    if (m.fixed) size *= m.sizeScale;
    size += style.widenPx;
    return std::hypot(p.xPx - sp->xPx, p.yPx - sp->yPx) <= size * 0.5;
}

}  // namespace

MapPick pickMapItem(const std::vector<ArcItem>& arcs, const std::vector<MarkerItem>& markers,
                    const std::function<ItemShown(const ArcItem&)>& arcShown,
                    const std::function<ItemShown(const MarkerItem&)>& markerShown, const CameraState& camera,
                    const Viewport& viewport, const PickStyle& style, ScreenPoint pointer) {
    // Markers are drawn over the arcs; within each, later items over earlier.
    for (std::size_t i = markers.size(); i-- > 0;) {
        const ItemShown shown = markerShown(markers[i]);
        if (shown.shown && hitsMarker(markers[i], shown, camera, viewport, style, pointer))
            return {MapPick::Kind::Marker, i};
    }
    // Arcs that cross the antimeridian are drawn after the others.
    for (int pass = 1; pass >= 0; --pass)
        for (std::size_t i = arcs.size(); i-- > 0;) {
            if (arcs[i].crossesAntimeridian != (pass == 1)) continue;
            const ItemShown shown = arcShown(arcs[i]);
            if (shown.shown && hitsArc(arcs[i], shown, camera, viewport, style, pointer))
                return {MapPick::Kind::Arc, i};
        }
    return {};
}

}  // namespace meridian::geo

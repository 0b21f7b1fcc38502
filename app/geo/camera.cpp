#include "geo/camera.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "geo/great_circle.h"

namespace meridian::geo {

namespace {

// A viewport can be 0x0 while a window is minimised; treat it as 1x1 rather
// than dividing by zero.
double safeExtentPx(double px) {
    return std::isfinite(px) && px >= 1.0 ? px : 1.0;
}

double clampZoom(double zoom, double maxZoom = kMaxZoom) {
    if (!std::isfinite(zoom)) return maxZoom;
    return std::clamp(zoom, kMinZoom, maxZoom);
}

// Where the camera centre sits in the plane. The globe is always drawn with
// its centre at the plane origin (the rotation does the rest).
PlanePoint centerPlane(const CameraState& camera) {
    if (!isFlat(camera.projection)) return {0.0, 0.0};
    return projectUnclipped(camera.projection, {camera.centerLonDeg, camera.centerLatDeg}).plane;
}

CameraState withFlatCenter(CameraState camera, PlanePoint center) {
    const LonLat geo = unprojectClamped(camera.projection, center);
    camera.centerLonDeg = geo.lonDeg;
    camera.centerLatDeg = geo.latDeg;
    return camera;
}

CameraState withGlobeCenter(CameraState camera, double lonDeg, double latDeg) {
    camera.centerLonDeg = wrapLonDeg(lonDeg);
    camera.centerLatDeg = std::clamp(latDeg, -kMaxGlobeCenterLatDeg, kMaxGlobeCenterLatDeg);
    return camera;
}

// The globe rotation that puts `point` at plane position `target` (|target|
// <= 1), picking of the (generally two) solutions the one nearer `current`.
// With Δλ = λ - λ0: x = cos φ sin Δλ fixes Δλ up to Δλ ↔ π - Δλ; then
// (y, z) is (sin φ, cos φ cos Δλ) turned by φ0, which gives φ0 as an angle
// difference. nullopt if no candidate has |φ0| <= 90°.
std::optional<GlobeRotation> rotationPlacing(LonLat point, PlanePoint target, const GlobeRotation& current) {
    const double radius2 = target.x * target.x + target.y * target.y;
    if (radius2 > 1.0) return std::nullopt;
    const double z = std::sqrt(1.0 - radius2);
    const double lonRad = degToRad(point.lonDeg);
    const double latRad = degToRad(point.latDeg);
    const double cosLat = std::cos(latRad);

    std::array<double, 2> dLonCandidates{};
    size_t candidateCount = 2;
    if (cosLat < 1e-12) {
        // A pole sits at x = 0 whatever λ0 is: keep the current λ0.
        dLonCandidates[0] = lonRad - degToRad(current.centerLonDeg);
        candidateCount = 1;
    } else {
        // |x| > cos φ has no exact solution; the clamp gives the nearest.
        const double dLon = std::asin(std::clamp(target.x / cosLat, -1.0, 1.0));
        dLonCandidates = {dLon, kPi - dLon};
    }

    std::optional<GlobeRotation> best;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (size_t i = 0; i < candidateCount; ++i) {
        const double dLon = dLonCandidates[i];
        double lat0 = std::atan2(z, target.y) - std::atan2(cosLat * std::cos(dLon), std::sin(latRad));
        lat0 = std::remainder(lat0, 2.0 * kPi);  // into [-pi, pi]
        if (std::abs(lat0) > kPi / 2.0 + 1e-12) continue;
        const GlobeRotation candidate{wrapLonDeg(radToDeg(lonRad - dLon)),
                                      radToDeg(std::clamp(lat0, -kPi / 2, kPi / 2))};
        const double distance = std::abs(lonDeltaDeg(current.centerLonDeg, candidate.centerLonDeg)) +
                                std::abs(candidate.centerLatDeg - current.centerLatDeg);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        }
    }
    return best;
}

CameraState fitFlat(Projection projection, const std::vector<LonLat>& points, const Viewport& viewport,
                    double marginPx) {
    PlaneBounds box{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
                    -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
    for (const LonLat& point : points) {
        const std::optional<PlanePoint> p = project(projection, point);
        if (!p) continue;
        box = {std::min(box.minX, p->x), std::min(box.minY, p->y), std::max(box.maxX, p->x), std::max(box.maxY, p->y)};
    }
    CameraState camera{projection, 0.0, 0.0, 1.0};
    if (!(box.minX <= box.maxX)) return camera;  // no valid point

    const double availableW = std::max(safeExtentPx(viewport.widthPx) - 2.0 * marginPx, 1.0);
    const double availableH = std::max(safeExtentPx(viewport.heightPx) - 2.0 * marginPx, 1.0);
    // A zero extent divides to +inf, which the kMaxFitZoom clamp then catches.
    const double scale = std::min(availableW / box.width(), availableH / box.height());
    camera.zoom = clampZoom(scale / baseScalePxPerUnit(projection, viewport), kMaxFitZoom);
    return withFlatCenter(camera, {(box.minX + box.maxX) / 2.0, (box.minY + box.maxY) / 2.0});
}

CameraState fitGlobe(const std::vector<LonLat>& points, const Viewport& viewport, double marginPx) {
    std::vector<LonLat> valid;
    Vec3 sum;
    for (const LonLat& point : points) {
        if (!project(Projection::Equirectangular, point)) continue;  // non-finite or |lat| > 90
        valid.push_back(point);
        sum = sum + toUnitVector(point);
    }
    CameraState camera{Projection::Orthographic, 0.0, 0.0, 1.0};
    if (valid.empty()) return camera;
    // Nearly cancelling vectors (points all round the globe): any centre is
    // as good as another, so use the first point.
    const LonLat mean = length(sum) > 1e-9 * static_cast<double>(valid.size()) ? fromUnitVector(sum) : valid.front();
    camera = withGlobeCenter(camera, mean.lonDeg, mean.latDeg);

    // The mean of unit vectors is not the middle of the projected box (the
    // projection is non-linear), so re-centre on the box a few times; each
    // step makes the extents more symmetric and so allows a larger zoom.
    auto extentOf = [&](const CameraState& c, PlaneBounds& box) {
        box = {1.0, 1.0, -1.0, -1.0};
        for (const LonLat& point : valid) {
            const ProjectedPoint p = projectUnclipped(Projection::Orthographic, point, c.rotation());
            if (p.facing < 0.0) return false;
            box = {std::min(box.minX, p.plane.x), std::min(box.minY, p.plane.y), std::max(box.maxX, p.plane.x),
                   std::max(box.maxY, p.plane.y)};
        }
        return true;
    };
    PlaneBounds box;
    bool allVisible = extentOf(camera, box);
    for (int i = 0; i < 4 && allVisible; ++i) {
        const LonLat middle = unprojectClamped(
            Projection::Orthographic, {(box.minX + box.maxX) / 2.0, (box.minY + box.maxY) / 2.0}, camera.rotation());
        const CameraState moved = withGlobeCenter(camera, middle.lonDeg, middle.latDeg);
        PlaneBounds movedBox;
        if (!extentOf(moved, movedBox)) break;
        camera = moved;
        box = movedBox;
    }
    // The view is centred on the plane origin, so what must fit is the
    // largest distance from it on each axis. With far-side points, fit the
    // whole disc.
    const double reachX = allVisible ? std::max(-box.minX, box.maxX) : 1.0;
    const double reachY = allVisible ? std::max(-box.minY, box.maxY) : 1.0;
    const double halfW = std::max(safeExtentPx(viewport.widthPx) / 2.0 - marginPx, 0.5);
    const double halfH = std::max(safeExtentPx(viewport.heightPx) / 2.0 - marginPx, 0.5);
    const double scale = std::min(halfW / reachX, halfH / reachY);
    camera.zoom = clampZoom(scale / baseScalePxPerUnit(Projection::Orthographic, viewport), kMaxFitZoom);
    return camera;
}

}  // namespace

ScreenPoint ViewTransform::toScreen(PlanePoint plane) const {
    return {plane.x * scalePxPerUnit + offsetXPx, -plane.y * scalePxPerUnit + offsetYPx};
}

PlanePoint ViewTransform::toPlane(ScreenPoint screen) const {
    return {(screen.xPx - offsetXPx) / scalePxPerUnit, (offsetYPx - screen.yPx) / scalePxPerUnit};
}

std::array<float, 9> ViewTransform::planeToClipColumnMajor() const {
    // clip.x = 2 * screen.x / w - 1,  clip.y = 1 - 2 * screen.y / h
    const double w = safeExtentPx(viewport.widthPx);
    const double h = safeExtentPx(viewport.heightPx);
    return {static_cast<float>(2.0 * scalePxPerUnit / w),
            0.0f,
            0.0f,
            0.0f,
            static_cast<float>(2.0 * scalePxPerUnit / h),
            0.0f,
            static_cast<float>(2.0 * offsetXPx / w - 1.0),
            static_cast<float>(1.0 - 2.0 * offsetYPx / h),
            1.0f};
}

double baseScalePxPerUnit(Projection projection, const Viewport& viewport) {
    const PlaneBounds bounds = planeBounds(projection);
    return std::min(safeExtentPx(viewport.widthPx) / bounds.width(), safeExtentPx(viewport.heightPx) / bounds.height());
}

ViewTransform viewTransform(const CameraState& camera, const Viewport& viewport) {
    const double scale = baseScalePxPerUnit(camera.projection, viewport) * clampZoom(camera.zoom);
    const PlanePoint center = centerPlane(camera);
    ViewTransform transform;
    transform.scalePxPerUnit = scale;
    transform.offsetXPx = safeExtentPx(viewport.widthPx) / 2.0 - center.x * scale;
    transform.offsetYPx = safeExtentPx(viewport.heightPx) / 2.0 + center.y * scale;
    transform.globe = isFlat(camera.projection) ? GlobeRotation{} : camera.rotation();
    transform.viewport = viewport;
    return transform;
}

std::optional<ScreenPoint> worldToScreen(const CameraState& camera, const Viewport& viewport, LonLat point) {
    const std::optional<PlanePoint> plane = project(camera.projection, point, camera.rotation());
    if (!plane) return std::nullopt;
    return viewTransform(camera, viewport).toScreen(*plane);
}

std::optional<LonLat> screenToWorld(const CameraState& camera, const Viewport& viewport, ScreenPoint screen) {
    return unproject(camera.projection, viewTransform(camera, viewport).toPlane(screen), camera.rotation());
}

CameraState zoomAt(const CameraState& camera, const Viewport& viewport, ScreenPoint cursor, double factor) {
    if (!std::isfinite(factor) || factor <= 0.0) return camera;
    CameraState zoomed = camera;
    zoomed.zoom = clampZoom(camera.zoom * factor);

    if (isFlat(camera.projection)) {
        // Keep the cursor's plane point fixed: the centre moves towards it by
        // the fraction the zoom grew. Done in the plane, so it also works over
        // the empty background beside the map.
        const double grown = zoomed.zoom / clampZoom(camera.zoom);
        const PlanePoint cursorPlane = viewTransform(camera, viewport).toPlane(cursor);
        const PlanePoint center = centerPlane(camera);
        return withFlatCenter(zoomed, {cursorPlane.x + (center.x - cursorPlane.x) / grown,
                                       cursorPlane.y + (center.y - cursorPlane.y) / grown});
    }

    const std::optional<LonLat> underCursor = screenToWorld(camera, viewport, cursor);
    if (!underCursor) return zoomed;
    const PlanePoint target = viewTransform(zoomed, viewport).toPlane(cursor);
    const std::optional<GlobeRotation> rotation = rotationPlacing(*underCursor, target, camera.rotation());
    if (!rotation) return zoomed;  // zooming out past the point's reach: about the centre
    return withGlobeCenter(zoomed, rotation->centerLonDeg, rotation->centerLatDeg);
}

CameraState panByPixels(const CameraState& camera, const Viewport& viewport, ScreenPoint from, ScreenPoint to) {
    const ViewTransform transform = viewTransform(camera, viewport);
    if (isFlat(camera.projection)) {
        const PlanePoint center = centerPlane(camera);
        const double dx = (to.xPx - from.xPx) / transform.scalePxPerUnit;
        const double dy = -(to.yPx - from.yPx) / transform.scalePxPerUnit;  // screen y is down
        return withFlatCenter(camera, {center.x - dx, center.y - dy});
    }

    if (const std::optional<LonLat> grabbed = screenToWorld(camera, viewport, from)) {
        PlanePoint target = transform.toPlane(to);
        const double radius = std::hypot(target.x, target.y);
        if (radius > 1.0) target = {target.x / radius, target.y / radius};  // dragged off the disc: follow the rim
        if (const auto rotation = rotationPlacing(*grabbed, target, camera.rotation())) {
            return withGlobeCenter(camera, rotation->centerLonDeg, rotation->centerLatDeg);
        }
    }
    // Off the disc there is nothing to grab: turn by the angle the drag spans
    // at the globe's centre (one plane unit there is one radian). Dragging
    // right brings the west into view, dragging down the north.
    const double dLonDeg = -radToDeg((to.xPx - from.xPx) / transform.scalePxPerUnit);
    const double dLatDeg = radToDeg((to.yPx - from.yPx) / transform.scalePxPerUnit);
    return withGlobeCenter(camera, camera.centerLonDeg + dLonDeg, camera.centerLatDeg + dLatDeg);
}

CameraState fitToBounds(Projection projection, const std::vector<LonLat>& points, const Viewport& viewport,
                        double marginPx) {
    marginPx = std::isfinite(marginPx) ? std::max(marginPx, 0.0) : 0.0;
    return isFlat(projection) ? fitFlat(projection, points, viewport, marginPx) : fitGlobe(points, viewport, marginPx);
}

CameraState fitToBoundsInRect(Projection projection, const std::vector<LonLat>& points, const Viewport& viewport,
                              const ScreenRect& rect, double marginPx) {
    const Viewport sub{std::max(1.0, rect.width()), std::max(1.0, rect.height())};
    if (sub.widthPx >= viewport.widthPx && sub.heightPx >= viewport.heightPx)
        return fitToBounds(projection, points, viewport, marginPx);
    // Fit into a viewport the size of the rectangle, keep that scale in the
    // whole viewport, then move the result from the centre to the rectangle's.
    CameraState cam = fitToBounds(projection, points, sub, marginPx);
    const double subScale = baseScalePxPerUnit(projection, sub) * cam.zoom;
    cam.zoom = std::clamp(subScale / baseScalePxPerUnit(projection, viewport), kMinZoom, kMaxZoom);
    const ScreenPoint centre{viewport.widthPx / 2, viewport.heightPx / 2};
    const ScreenPoint target{(rect.x0 + rect.x1) / 2, (rect.y0 + rect.y1) / 2};
    // The point now at the centre must end at the rectangle's centre: the
    // content moves by (target - centre).
    return panByPixels(cam, viewport, centre, target);
}

CameraState interpolate(const CameraState& a, const CameraState& b, double t) {
    if (!(t > 0.0)) return a;  // also catches NaN
    if (t >= 1.0) return b;
    const bool involvesGlobe = !isFlat(a.projection) || !isFlat(b.projection);
    const double dLonDeg =
        involvesGlobe ? lonDeltaDeg(a.centerLonDeg, b.centerLonDeg) : b.centerLonDeg - a.centerLonDeg;
    const double zoomA = clampZoom(a.zoom);
    const double zoomB = clampZoom(b.zoom);

    CameraState result;
    result.projection = t < 0.5 ? a.projection : b.projection;
    result.centerLonDeg = wrapLonDeg(a.centerLonDeg + t * dLonDeg);
    result.centerLatDeg = a.centerLatDeg + t * (b.centerLatDeg - a.centerLatDeg);
    result.zoom = zoomA * std::pow(zoomB / zoomA, t);
    return result;
}

double easeSmoothstep(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

}  // namespace meridian::geo

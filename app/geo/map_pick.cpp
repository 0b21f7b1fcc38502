#include "geo/map_pick.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "geo/great_circle.h"
#include "geo/projection.h"

namespace meridian::geo {

namespace {

constexpr int kSegments = 48;            // as the renderer's strip (map_renderer.cpp: kArcSegments)
constexpr double kDiscardAlpha = 0.004;  // the fragment shaders' threshold
constexpr double kFarSideFade = 0.22;    // arcs seen through the globe

struct Vec2 {
    double x = 0, y = 0;
};
Vec2 operator+(Vec2 a, Vec2 b) {
    return {a.x + b.x, a.y + b.y};
}
Vec2 operator-(Vec2 a, Vec2 b) {
    return {a.x - b.x, a.y - b.y};
}
Vec2 operator*(Vec2 a, double k) {
    return {a.x * k, a.y * k};
}

// A vertex as the arc shader outputs it: its position in pixels (y up, as
// gl_FragCoord) and what its fragments interpolate.
struct Vertex {
    Vec2 pos;
    double routeT = 0, clip = 1, alpha = 0;
};

// Longitude unwrapped next to refLon (the shader's lonLatNear), so a path
// across the seam stays continuous.
double lonNear(double lonDeg, double refLonDeg) {
    return refLonDeg + std::fmod(std::fmod(lonDeg - refLonDeg + 180.0, 360.0) + 360.0, 360.0) - 180.0;
}

double cross(Vec2 a, Vec2 b, Vec2 p) {
    return (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
}

// Whether the triangle covers p and its fragment there survives the shader's
// discards (route not grown that far, too faint) and the seam's clip plane,
// with the attributes interpolated as the rasteriser does (linearly: w = 1).
bool covers(const Vertex& a, const Vertex& b, const Vertex& c, Vec2 p, double grow) {
    const double area = cross(a.pos, b.pos, c.pos);
    if (area == 0) return false;
    const double wa = cross(b.pos, c.pos, p) / area, wb = cross(c.pos, a.pos, p) / area,
                 wc = cross(a.pos, b.pos, p) / area;
    if (wa < 0 || wb < 0 || wc < 0) return false;
    auto at = [&](double Vertex::*field) { return wa * a.*field + wb * b.*field + wc * c.*field; };
    return at(&Vertex::clip) >= 0 && at(&Vertex::routeT) <= grow + 1e-4 && at(&Vertex::alpha) > kDiscardAlpha;
}

class ArcGeometry {
public:
    ArcGeometry(const CameraState& camera, const Viewport& viewport, const PickStyle& style)
        : m_vt(viewTransform(camera, viewport)),
          m_projection(camera.projection),
          m_heightPx(viewport.heightPx),
          m_style(style) {}

    bool flat() const { return isFlat(m_projection); }

    // The leg's body (the strip), shifted by shiftDeg of longitude.
    bool bodyCovers(const ArcItem& a, const ArcFrame& frame, const ItemShown& shown, double shiftDeg, Vec2 p) const {
        // The centre line first: a step's two triangles lie within reach (half
        // the width plus the bundle's bulge) of its two centre points, so only
        // the steps whose first point is within reach plus the step's length
        // of the pixel need their triangles.
        std::array<Vec2, kSegments + 1> centres;
        std::array<double, kSegments + 1> facings;
        const double width = widthPx(a);
        const double reach = 0.5 * width + std::abs(a.bundleOffset * m_style.bundleSpacingPx) + 1.0;
        for (int k = 0; k <= kSegments; ++k) {
            LonLat ll = frame.pointAt(static_cast<double>(k) / kSegments);
            ll.lonDeg = lonNear(ll.lonDeg, a.from.lonDeg) + shiftDeg;
            centres[static_cast<std::size_t>(k)] = toScreen(ll, &facings[static_cast<std::size_t>(k)]);
        }
        auto vertices = [&](int k, Vertex& left, Vertex& right) {
            const double t = static_cast<double>(k) / kSegments;
            Vec2 s1, dir;
            double clip = 1, facing = 1;
            centre(a, frame, t, shiftDeg, s1, dir, clip, facing);
            const Vec2 nrm{-dir.y, dir.x};
            left.routeT = right.routeT = a.routeStart + t * a.routeSpan;
            const double bulge = a.bundleOffset * m_style.bundleSpacingPx * std::sin(kPi * left.routeT);
            left.pos = s1 + nrm * (-0.5 * width + bulge);
            right.pos = s1 + nrm * (0.5 * width + bulge);
            left.clip = right.clip = clip;
            left.alpha = right.alpha = vertexAlpha(shown, facing);
        };
        for (int k = 1; k <= kSegments; ++k) {
            const Vec2 c0 = centres[static_cast<std::size_t>(k - 1)], c1 = centres[static_cast<std::size_t>(k)];
            if (std::hypot(p.x - c0.x, p.y - c0.y) > reach + std::hypot(c1.x - c0.x, c1.y - c0.y)) continue;
            Vertex l0, r0, l1, r1;
            vertices(k - 1, l0, r0);
            vertices(k, l1, r1);
            // The strip's two triangles per step, as GL_TRIANGLE_STRIP forms them.
            if (covers(l0, r0, l1, p, shown.grow) || covers(r0, l1, r1, p, shown.grow)) return true;
        }
        return false;
    }

    // The arrowhead at the destination (the last leg of a route, once whole).
    bool headCovers(const ArcItem& a, const ArcFrame& frame, const ItemShown& shown, double shiftDeg, Vec2 p) const {
        if (!a.lastLeg || shown.grow < 0.999) return false;
        Vec2 s1, dir;
        double clip = 1, facing = 1;
        centre(a, frame, 1.0, shiftDeg, s1, dir, clip, facing);
        const Vec2 nrm{-dir.y, dir.x};
        // As drawn, the pick's widening added around it (not scaled with it).
        const double head = std::max((widthPx(a) - m_style.widenPx) * 2.6, 9.0) + m_style.widenPx;
        const Vec2 tip = s1 - dir * (m_style.markerPx * 0.35);
        Vertex v[3];
        for (int i = 0; i < 3; ++i) {
            const double side = i - 1.0;
            v[i].pos = side == 0 ? tip : tip - dir * (head * 1.3) + nrm * (side * head * 0.62);
            v[i].routeT = a.routeStart + a.routeSpan;
            v[i].clip = clip;
            v[i].alpha = vertexAlpha(shown, facing);
        }
        return covers(v[0], v[1], v[2], p, shown.grow);
    }

private:
    ViewTransform m_vt;
    Projection m_projection;
    double m_heightPx;
    PickStyle m_style;

    double widthPx(const ArcItem& a) const {
        return m_style.arcWidthPx * (a.fixed ? a.widthScale : 1.0) *
                   (a.event == m_style.selected  ? 1.7
                    : a.event == m_style.hovered ? 1.35
                                                 : 1.0) +
               m_style.widenPx;
    }

    double vertexAlpha(const ItemShown& shown, double facing) const {
        const double fade = m_projection == Projection::Orthographic && facing < 0 ? kFarSideFade : 1.0;
        return std::max(shown.alpha * fade, shown.floorAlpha);
    }

    // y up, as the shader's screen position.
    Vec2 toScreen(LonLat ll, double* facing) const {
        const ProjectedPoint pp = projectUnwrapped(m_projection, ll, m_vt.globe);
        if (facing) *facing = pp.facing;
        const ScreenPoint sp = m_vt.toScreen(pp.plane);
        return {sp.xPx, m_heightPx - sp.yPx};
    }

    // The point a fraction t along the leg and the direction of travel there (the
    // arc shader's s1 and dir), its seam clip distance and its facing.
    void centre(const ArcItem& a, const ArcFrame& frame, double t, double shiftDeg, Vec2& s1, Vec2& dir, double& clip,
                double& facing) const {
        const bool atEnd = t > 0.995;
        LonLat ll = frame.pointAt(t), ll2 = frame.pointAt(atEnd ? t - 0.01 : t + 0.01);
        ll.lonDeg = lonNear(ll.lonDeg, a.from.lonDeg) + shiftDeg;
        ll2.lonDeg = lonNear(ll2.lonDeg, a.from.lonDeg) + shiftDeg;
        s1 = toScreen(ll, &facing);
        const Vec2 s2 = toScreen(ll2, nullptr);
        dir = atEnd ? s1 - s2 : s2 - s1;
        const double len = std::hypot(dir.x, dir.y);
        dir = len > 1e-6 ? dir * (1.0 / len) : Vec2{1, 0};
        clip = m_projection == Projection::Orthographic ? 1.0 : 180.0 - std::abs(ll.lonDeg);
    }
};

bool hitsMarker(const MarkerItem& m, const ItemShown& shown, const CameraState& camera, const Viewport& viewport,
                const PickStyle& style, Vec2 p) {
    if (shown.alpha <= kDiscardAlpha) return false;
    const auto sp = worldToScreen(camera, viewport, m.position);  // none on the globe's far side
    if (!sp) return false;
    const bool emphasised = m.event == style.selected || m.event == style.hovered;
    double size = style.markerPx * (m.endpoint ? 0.5 : 1.0) * (emphasised ? 1.45 : 1.0);
    if (!m.endpoint) size *= 1.8 + (1.0 - 1.8) * std::clamp(shown.grow, 0.0, 1.0);  // a new event pops in
    if (m.fixed) size *= m.sizeScale;
    size += style.widenPx;
    const double yUp = viewport.heightPx - sp->yPx;
    return std::hypot(p.x - sp->xPx, p.y - yUp) <= size * 0.5;
}

// The shaders' eventOpacity and eventGrow (map_shaders.h: kEventTimingGlsl).
double shadedOpacity(DaySpan days, const ShadedTime& t) {
    const double first = static_cast<double>(days.first), last = static_cast<double>(days.last);
    if (t.window) return first < static_cast<double>(t.window->last) && static_cast<double>(t.window->first) < last;
    if (t.playheadDay < first) return 0;
    if (t.playheadDay < last || t.allUpToNow) return 1;
    if (t.trailDays <= 0) return 0;
    const double fade = 1.0 - (t.playheadDay - last) / t.trailDays;
    return fade <= 0 ? 0.0 : std::clamp(0.15 + 0.85 * fade, 0.0, 1.0);
}
double shadedGrow(DaySpan days, const ShadedTime& t) {
    if (t.window) return 1;
    return std::clamp((t.playheadDay - static_cast<double>(days.first)) / std::max(t.growDays, 1e-3), 0.0, 1.0);
}

}  // namespace

ItemShown arcShownAt(const ArcItem& a, std::uint8_t mask, const ShadedTime& t) {
    const double shown = mask > 0 ? 1.0 : 0.0;
    const bool highlighted = mask >= 2, selected = a.event == t.selected, hovered = a.event == t.hovered;
    const bool reached = !t.window && t.playheadDay >= static_cast<double>(a.days.first);
    ItemShown s;
    s.grow = a.fixed || selected || highlighted ? 1.0 : shadedGrow(a.days, t);
    s.alpha = a.fixed ? a.strength : shadedOpacity(a.days, t) * shown;
    // (the globe's far side fades alpha here)
    if (selected) s.floorAlpha = shown * 0.4;  // the selection shows whatever the time
    if (selected || hovered)
        s.floorAlpha = std::max(s.floorAlpha, reached ? shown : 0.0);
    else if (t.selected != kNoIndex || t.hasHighlight)
        s.alpha *= highlighted ? 1.0 : 0.35;  // the selected route stands out
    if (highlighted && reached) s.floorAlpha = std::max(s.floorAlpha, 0.9);
    return s;
}

ItemShown markerShownAt(const MarkerItem& m, std::uint8_t mask, const ShadedTime& t) {
    const double shown = mask > 0 ? 1.0 : 0.0;
    const bool highlighted = mask >= 2, selected = m.event == t.selected;
    const bool emphasised = selected || m.event == t.hovered;
    const bool reached = !t.window && t.playheadDay >= static_cast<double>(m.days.first);
    ItemShown s;
    s.grow = m.fixed || emphasised || highlighted ? 1.0 : shadedGrow(m.days, t);
    s.alpha = m.fixed ? m.strength : shadedOpacity(m.days, t) * shown;
    if (emphasised && reached) s.alpha = shown;
    if (selected)
        s.alpha = std::max(s.alpha, shown * 0.4);  // shown whatever the time
    else if (!emphasised && (t.selected != kNoIndex || t.hasHighlight))
        s.alpha *= highlighted ? 1.0 : 0.45;
    if (highlighted && reached) s.alpha = std::max(s.alpha, 0.9);
    return s;  // (none on the globe's far side: hitsMarker)
}

MapPick pickMapItem(const std::vector<ArcItem>& arcs, const std::vector<MarkerItem>& markers,
                    const std::function<ItemShown(const ArcItem&)>& arcShown,
                    const std::function<ItemShown(const MarkerItem&)>& markerShown, const CameraState& camera,
                    const Viewport& viewport, const PickStyle& style, ScreenPoint pointer) {
    // The centre of the pixel under the pointer, y up (gl_FragCoord).
    const Vec2 p{std::floor(pointer.xPx) + 0.5, viewport.heightPx - (std::floor(pointer.yPx) + 0.5)};
    // Markers are drawn last; within each draw call, later items over earlier.
    for (std::size_t i = markers.size(); i-- > 0;)
        if (hitsMarker(markers[i], markerShown(markers[i]), camera, viewport, style, p))
            return {MapPick::Kind::Marker, i};

    // The renderer's buffer holds the legs that do not cross the seam, then
    // those that do (each group in item order). It draws them all (bodies,
    // then arrowheads), then on flat maps the crossing ones again shifted by
    // +360 and by -360 degrees (bodies, then arrowheads, each time).
    std::vector<std::size_t> order;
    order.reserve(arcs.size());
    for (int crossing = 0; crossing < 2; ++crossing)
        for (std::size_t i = 0; i < arcs.size(); ++i)
            if (arcs[i].crossesAntimeridian == (crossing == 1)) order.push_back(i);
    const std::size_t crossingFirst = static_cast<std::size_t>(
        std::count_if(arcs.begin(), arcs.end(), [](const ArcItem& a) { return !a.crossesAntimeridian; }));

    const ArcGeometry geometry(camera, viewport, style);
    std::vector<ItemShown> shown(arcs.size());
    std::vector<bool> visible(arcs.size());
    for (std::size_t i = 0; i < arcs.size(); ++i) {
        shown[i] = arcShown(arcs[i]);
        visible[i] = std::max(shown[i].alpha, shown[i].floorAlpha) > kDiscardAlpha;
    }
    struct Layer {
        double shiftDeg;
        bool heads;
        std::size_t first;  // into order
    };
    std::vector<Layer> layers;  // last drawn first
    if (geometry.flat() && crossingFirst < arcs.size())
        for (double shift : {-360.0, 360.0})
            layers.push_back({shift, true, crossingFirst}), layers.push_back({shift, false, crossingFirst});
    layers.push_back({0.0, true, 0});
    layers.push_back({0.0, false, 0});
    for (const Layer& layer : layers)
        for (std::size_t k = order.size(); k-- > layer.first;) {
            const std::size_t i = order[k];
            if (!visible[i]) continue;
            const ArcFrame frame(arcs[i].from, arcs[i].to);
            const bool hit = layer.heads ? geometry.headCovers(arcs[i], frame, shown[i], layer.shiftDeg, p)
                                         : geometry.bodyCovers(arcs[i], frame, shown[i], layer.shiftDeg, p);
            if (hit) return {MapPick::Kind::Arc, i};
        }
    return {};
}

}  // namespace meridian::geo

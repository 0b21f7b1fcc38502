// GLSL sources of the map layers. Each vertex shader gets the projection code
// (projection_glsl.h) pasted in; event timing mirrors core/view_state.cpp's
// eventOpacityAt() so the GPU fades exactly what the model says is visible.
#pragma once

namespace meridian::render {

// Event timing, filter mask, selection: shared by arcs and markers.
constexpr const char* kEventTimingGlsl = R"glsl(
uniform float u_playhead;      // days since 1970-01-01
uniform float u_trailDays;
uniform int u_allUpToNow;
uniform int u_useWindow;
uniform vec2 u_window;         // [first, last) days
uniform float u_growDays;      // how many playhead days an arc takes to draw itself
uniform sampler2D u_eventMask; // R8, 4096 wide: 1 = passes the filters
uniform int u_selected;
uniform int u_hovered;
uniform int u_hasHighlight;    // some events are highlighted (a story step): dim the rest

float eventOpacity(float first, float last) {
    if (u_useWindow == 1) return (first < u_window.y && u_window.x < last) ? 1.0 : 0.0;
    if (u_playhead < first) return 0.0;
    if (u_playhead < last || u_allUpToNow == 1) return 1.0;
    if (u_trailDays <= 0.0) return 0.0;
    float fade = 1.0 - (u_playhead - last) / u_trailDays;
    return fade <= 0.0 ? 0.0 : clamp(0.15 + 0.85 * fade, 0.0, 1.0);
}
float eventGrow(float first) {
    if (u_useWindow == 1) return 1.0;
    return clamp((u_playhead - first) / max(u_growDays, 1e-3), 0.0, 1.0);
}
// 0 hidden by the filters, 1 shown (0.5 in the texture), highlighted (1.0).
float eventMask(int index) {
    return texelFetch(u_eventMask, ivec2(index % 4096, index / 4096), 0).r > 0.25 ? 1.0 : 0.0;
}
bool eventHighlighted(int index) {
    return texelFetch(u_eventMask, ivec2(index % 4096, index / 4096), 0).r > 0.75;
}
)glsl";

// ---------------------------------------------------------------------------
// Country fills, borders, graticule, ocean and basemap: lon/lat vertices.
// ---------------------------------------------------------------------------
constexpr const char* kSurfaceVertex = R"glsl(
layout(location = 0) in vec2 a_lonLatDeg;
layout(location = 2) in vec2 a_uv;         // grid: basemap texture coordinate
out float gl_ClipDistance[1];
out vec2 v_uv;
void main() {
    vec3 p = projectLonLat(radians(a_lonLatDeg));
    gl_Position = vec4(planeToClip(p.xy), 0.0, 1.0);
    // The globe's far side is cut away; flat maps keep everything.
    gl_ClipDistance[0] = u_projection == PROJECTION_ORTHOGRAPHIC ? p.z : 1.0;
    v_uv = a_uv;
}
)glsl";

constexpr const char* kSurfaceFragment = R"glsl(
in vec2 v_uv;
uniform vec4 u_color;
uniform int u_useTexture;
uniform sampler2D u_texture;
out vec4 o_color;
void main() {
    if (u_useTexture == 1) o_color = vec4(texture(u_texture, v_uv).rgb, 1.0) * u_color;
    else o_color = u_color;
}
)glsl";

// ---------------------------------------------------------------------------
// Arcs: one instance per great-circle leg, a template strip of segments plus
// an arrowhead, extruded to a screen-space width in the vertex shader.
// ---------------------------------------------------------------------------
constexpr const char* kArcVertex = R"glsl(
layout(location = 0) in vec3 a_template;  // t along the leg, side (-1..1), kind (0 body, 1 arrowhead)
layout(location = 1) in vec4 a_ends;      // from lon, lat, to lon, lat (degrees)
layout(location = 2) in vec4 a_route;     // routeStart, routeSpan, routeAngleRad, bundleOffset
layout(location = 3) in vec4 a_color;
layout(location = 4) in vec4 a_meta;      // first day, last day, event index, style (confidence + 8 lastLeg + 16 fixed)
layout(location = 5) in vec2 a_fixed;     // fixed arcs (a group of events, shown as given): width scale, strength
uniform vec2 u_viewportPx;
uniform float u_lonShiftDeg;    // 0, then +-360: flat maps draw each arc again beyond the seam, clipped
uniform float u_widthPx;
uniform float u_bundleSpacingPx;
uniform float u_pxPerRadian;
uniform float u_pickWidenPx;
uniform float u_markerPx;
uniform float u_haloPx;         // > 0: the dark (or light) outline pass drawn under the arcs
out float gl_ClipDistance[1];
out float v_routeT;
out float v_side;
out float v_widthPx;
out float v_alongPx;
out float v_grow;
out float v_alpha;
out vec4 v_color;
flat out int v_style;
flat out int v_event;
flat out int v_kind;
flat out int v_moving;   // its pattern flows (see u_animateAll)
uniform int u_animateAll;

vec3 unitVector(vec2 lonLatDeg) {
    vec2 r = radians(lonLatDeg);
    return vec3(cos(r.y) * cos(r.x), cos(r.y) * sin(r.x), sin(r.y));
}
vec3 slerpPlain(vec3 a, vec3 b, float t) {
    float w = acos(clamp(dot(a, b), -1.0, 1.0));
    if (w < 1e-5) return normalize(mix(a, b, t));
    return (sin((1.0 - t) * w) * a + sin(t * w) * b) / sin(w);
}
// Nearly antipodal ends have no single great circle (and float slerp breaks
// down): go through a point 90 degrees from both, on the meridian plane, as
// geo::interpolate does (through the nearer pole).
vec3 slerpUnit(vec3 a, vec3 b, float t) {
    if (dot(a, b) > -0.9995) return slerpPlain(a, b, t);
    vec3 axis = cross(a, vec3(0.0, 0.0, 1.0));
    if (length(axis) < 1e-4) axis = cross(a, vec3(1.0, 0.0, 0.0));
    vec3 mid = normalize(cross(normalize(axis), a));
    if (dot(mid, vec3(0.0, 0.0, 1.0)) * a.z < 0.0) mid = -mid;
    return t < 0.5 ? slerpPlain(a, mid, t * 2.0) : slerpPlain(mid, b, t * 2.0 - 1.0);
}
// Longitude unwrapped next to refLon, so a path across the seam stays continuous.
vec2 lonLatNear(vec3 v, float refLon) {
    float lon = degrees(atan(v.y, v.x));
    float lat = degrees(asin(clamp(v.z, -1.0, 1.0)));
    return vec2(refLon + mod(lon - refLon + 180.0, 360.0) - 180.0, lat);
}
vec2 toScreen(vec2 lonLatDeg, out float facing) {
    vec3 p = projectLonLat(radians(lonLatDeg));
    facing = p.z;
    return (planeToClip(p.xy) * 0.5 + 0.5) * u_viewportPx;
}

void main() {
    float t = a_template.x;
    float side = a_template.y;
    v_kind = int(a_template.z + 0.5);
    v_event = int(a_meta.z + 0.5);
    int style = int(a_meta.w + 0.5);
    bool fixedArc = style >= 16;
    style = style % 16;
    bool lastLeg = style >= 8;
    v_style = style % 8;

    vec3 A = unitVector(a_ends.xy);
    vec3 B = unitVector(a_ends.zw);
    float tt = v_kind == 1 ? 1.0 : t;
    bool atEnd = tt > 0.995;
    vec2 ll = lonLatNear(slerpUnit(A, B, tt), a_ends.x) + vec2(u_lonShiftDeg, 0.0);
    vec2 ll2 = lonLatNear(slerpUnit(A, B, atEnd ? tt - 0.01 : tt + 0.01), a_ends.x) + vec2(u_lonShiftDeg, 0.0);
    float facing, facing2;
    vec2 s1 = toScreen(ll, facing);
    vec2 s2 = toScreen(ll2, facing2);
    vec2 dir = atEnd ? s1 - s2 : s2 - s1;
    float len = length(dir);
    dir = len > 1e-6 ? dir / len : vec2(1.0, 0.0);
    vec2 nrm = vec2(-dir.y, dir.x);

    bool selected = v_event == u_selected;
    bool hovered = v_event == u_hovered;
    v_moving = u_animateAll == 1 || selected || hovered ? 1 : 0;
    float width = u_widthPx * (fixedArc ? a_fixed.x : 1.0) * (selected ? 1.7 : hovered ? 1.35 : 1.0) + u_pickWidenPx + u_haloPx;
    v_widthPx = width;
    v_routeT = a_route.x + t * a_route.y;
    float bulge = a_route.w * u_bundleSpacingPx * sin(3.14159265 * v_routeT);

    // A selected or highlighted event is always drawn whole (never stopped half-way).
    v_grow = fixedArc || selected || eventHighlighted(v_event) ? 1.0 : eventGrow(a_meta.x);
    v_alpha = fixedArc ? a_fixed.y : eventOpacity(a_meta.x, a_meta.y) * eventMask(v_event);
    if (u_projection == PROJECTION_ORTHOGRAPHIC && facing < 0.0) v_alpha *= 0.22;  // seen through the globe
    // The selection shows whatever the time: faint when it is not yet (or no longer) shown.
    if (selected) v_alpha = max(v_alpha, eventMask(v_event) * 0.4);
    if (selected || hovered) v_alpha = max(v_alpha, eventMask(v_event) * (u_useWindow == 1 ? 0.0 : (u_playhead >= a_meta.x ? 1.0 : 0.0)));
    else if (u_selected >= 0 || u_hasHighlight == 1) v_alpha *= eventHighlighted(v_event) ? 1.0 : 0.35;   // the selected route stands out
    if (eventHighlighted(v_event) && u_useWindow == 0 && u_playhead >= a_meta.x) v_alpha = max(v_alpha, 0.9);

    vec2 pos;
    if (v_kind == 0) {
        pos = s1 + nrm * (side * 0.5 * width + bulge);
    } else {
        // Arrowhead at the destination, tip just outside the place's marker.
        // The outline and the pick's widening go around the head (not scaled with it).
        float head = max((width - u_haloPx - u_pickWidenPx) * 2.6, 9.0) + u_haloPx + u_pickWidenPx;
        vec2 tip = s1 - dir * (u_markerPx * 0.35);
        pos = side == 0.0 ? tip : tip - dir * head * 1.3 + nrm * side * head * 0.62;
        if (!lastLeg || v_grow < 0.999) pos = vec2(-1e4);  // degenerate: not drawn
    }
    v_alongPx = v_routeT * a_route.z * u_pxPerRadian;
    v_side = side;
    v_color = a_color;
    gl_Position = vec4(pos / u_viewportPx * 2.0 - 1.0, 0.0, 1.0);
    gl_ClipDistance[0] = u_projection == PROJECTION_ORTHOGRAPHIC ? 1.0 : 180.0 - abs(ll.x);
}
)glsl";

constexpr const char* kArcFragment = R"glsl(
in float v_routeT;
in float v_side;
in float v_widthPx;
in float v_alongPx;
in float v_grow;
in float v_alpha;
in vec4 v_color;
flat in int v_style;
flat in int v_event;
flat in int v_kind;
flat in int v_moving;
uniform float u_timeSec;    // the phase of the flowing arcs
uniform float u_stillSec;   // the phase of the resting ones
uniform float u_haloPx;
uniform vec4 u_haloColor;
uniform float u_inkDarken;  // projector theme: light colours (yellow, sand) darkened to read on white
#ifdef PICK
out uint o_pick;
#else
out vec4 o_color;
#endif
vec3 ink(vec3 c) {
    float luminance = dot(c, vec3(0.2126, 0.7152, 0.0722));
    return mix(c, c * 0.6, u_inkDarken * smoothstep(0.45, 0.85, luminance));
}
void main() {
    if (v_routeT > v_grow + 1e-4 || v_alpha <= 0.004) discard;
#ifdef PICK
    o_pick = uint(v_event + 1);
#else
    vec3 col = ink(v_color.rgb);
    float halfW = v_widthPx * 0.5;
    float across = abs(v_side) * halfW;   // px from the centre line
    if (v_kind == 0) {
        // Confidence as line style; the pattern marches from origin to destination.
        float phase = v_alongPx - (v_moving == 1 ? u_timeSec : u_stillSec) * 22.0;
        if (v_style == 1 && mod(phase, 24.0) > 16.0) discard;          // reported: long dashes
        if (v_style == 2 && mod(phase, 14.0) > 7.0) discard;           // alleged: short dashes
        if (v_style == 3) {                                            // disputed: dots
            float m = mod(phase, 3.0 * v_widthPx) - 0.75 * v_widthPx;
            if (length(vec2(m, across)) > halfW) discard;
        }
        // Unrated (an imported file that says nothing about confidence): a plain,
        // greyed line that claims no level.
        if (v_style == 4) col = mix(col, vec3(0.6), 0.55);
        // Solid lines show direction with a soft bright pulse travelling along them.
        float pulse = v_style == 4 ? 0.0 : 1.0 - smoothstep(0.0, 40.0, mod(phase, 220.0));
        col = mix(col, vec3(1.0), (v_style == 0 ? 0.45 : 0.25) * pulse);
    }
    float edge = v_kind == 0 ? 1.0 - smoothstep(halfW - 1.0, halfW + 0.2, across) : 1.0;
    if (u_haloPx > 0.0) o_color = vec4(u_haloColor.rgb, u_haloColor.a * v_alpha * v_alpha * edge);
    else o_color = vec4(col, v_alpha * edge);
#endif
}
)glsl";

// ---------------------------------------------------------------------------
// Markers: one instance per place event (and small dots at arc ends).
// ---------------------------------------------------------------------------
constexpr const char* kMarkerVertex = R"glsl(
layout(location = 0) in vec2 a_corner;    // -1..1
layout(location = 1) in vec2 a_lonLatDeg;
layout(location = 3) in vec4 a_color;
layout(location = 4) in vec4 a_meta;      // first day, last day, event index, style (confidence + 8 endpoint + 16 fixed)
layout(location = 5) in vec2 a_fixed;     // fixed markers (a group of events, shown as given): size scale, strength
uniform vec2 u_viewportPx;
uniform float u_markerPx;
uniform float u_pickWidenPx;
out vec2 v_uv;
out float v_alpha;
out vec4 v_color;
out float v_sizePx;
flat out int v_style;
flat out int v_event;
flat out int v_endpoint;
void main() {
    v_event = int(a_meta.z + 0.5);
    int style = int(a_meta.w + 0.5);
    bool fixedMarker = style >= 16;
    style = style % 16;
    v_style = style % 8;
    v_endpoint = style >= 8 ? 1 : 0;
    vec3 p = projectLonLat(radians(a_lonLatDeg));
    vec2 centre = (planeToClip(p.xy) * 0.5 + 0.5) * u_viewportPx;
    bool emphasised = v_event == u_selected || v_event == u_hovered;
    float size = u_markerPx * (v_endpoint == 1 ? 0.5 : 1.0) * (emphasised ? 1.45 : 1.0);
    float grow = fixedMarker || emphasised || eventHighlighted(v_event) ? 1.0 : eventGrow(a_meta.x);
    size *= v_endpoint == 1 ? 1.0 : mix(1.8, 1.0, grow);   // a new event pops in
    if (fixedMarker) size *= a_fixed.x;
    size += u_pickWidenPx;
    v_sizePx = size;
    v_alpha = fixedMarker ? a_fixed.y : eventOpacity(a_meta.x, a_meta.y) * eventMask(v_event);
    if (emphasised && u_useWindow == 0 && u_playhead >= a_meta.x) v_alpha = eventMask(v_event);
    if (v_event == u_selected) v_alpha = max(v_alpha, eventMask(v_event) * 0.4);  // shown whatever the time
    else if (!emphasised && (u_selected >= 0 || u_hasHighlight == 1)) v_alpha *= eventHighlighted(v_event) ? 1.0 : 0.45;
    if (eventHighlighted(v_event) && u_useWindow == 0 && u_playhead >= a_meta.x) v_alpha = max(v_alpha, 0.9);
    if (u_projection == PROJECTION_ORTHOGRAPHIC && p.z < 0.0) v_alpha = 0.0;   // behind the globe
    v_uv = a_corner;
    v_color = a_color;
    gl_Position = vec4((centre + a_corner * size * 0.5) / u_viewportPx * 2.0 - 1.0, 0.0, 1.0);
}
)glsl";

constexpr const char* kMarkerFragment = R"glsl(
in vec2 v_uv;
in float v_alpha;
in vec4 v_color;
in float v_sizePx;
flat in int v_style;
flat in int v_event;
flat in int v_endpoint;
uniform vec4 u_haloColor;
uniform float u_inkDarken;
#ifdef PICK
out uint o_pick;
#else
out vec4 o_color;
#endif
vec3 ink(vec3 c) {
    float luminance = dot(c, vec3(0.2126, 0.7152, 0.0722));
    return mix(c, c * 0.6, u_inkDarken * smoothstep(0.45, 0.85, luminance));
}
void main() {
    if (v_alpha <= 0.004) discard;
    float r = length(v_uv);                  // 0 centre, 1 edge of the quad
    float px = 2.0 / max(v_sizePx, 1.0);     // one pixel in uv units
    if (r > 1.0) discard;
#ifdef PICK
    o_pick = uint(v_event + 1);
#else
    // Shape says the confidence without colour: filled (confirmed), half
    // (reported), ring (alleged), crossed ring (disputed); a halo keeps it
    // readable on any land or sea colour.
    float ring = 0.78, inner = 0.50;
    vec4 col = vec4(ink(v_color.rgb), v_color.a);
    bool fill;
    if (v_endpoint == 1 || v_style == 0) fill = r < ring;
    else if (v_style == 1) fill = r < ring && (r > inner || v_uv.x < 0.0);
    else if (v_style == 2) fill = r < ring && r > inner;
    else if (v_style == 4) fill = r < ring && r > 0.64;  // unrated: a thin ring, no claim
    else fill = r < ring && (r > inner || abs(v_uv.x + v_uv.y) < 0.28);
    vec4 outColor = fill ? col : (r < ring ? vec4(u_haloColor.rgb, 0.55) : u_haloColor);
    float edge = 1.0 - smoothstep(1.0 - px, 1.0, r);
    o_color = vec4(outColor.rgb, outColor.a * v_alpha * edge);
#endif
}
)glsl";

}  // namespace meridian::render

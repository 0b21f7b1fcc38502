// What is under the pointer on the map, found on the CPU from the items the
// renderer draws (geo/map_items.h) with the geometry its shaders rasterise
// (render/map_shaders.h), so that it says what a GPU pick (the items drawn
// with their ids) says, without rendering anything: a software renderer took
// 30 ms to 1.5 s for that, this takes well under a millisecond for thousands
// of items.
//
// Mirrored from the shaders: each leg is the same triangle strip (49 steps
// along the great circle, pushed sideways by its bundle slot, as wide as drawn
// plus a few pixels), cut where the growing route ends and, on flat maps, at
// the seam (a leg crossing it drawn again 360 degrees to either side); its
// arrowhead is a triangle of its own; markers are discs. The pixel is tested
// at its centre, as rasterisation samples it, and what is drawn last there
// wins, in the renderer's order: the legs, then their arrowheads, then the
// seam-crossing legs' copies beyond either edge, then the markers. On the
// globe, arcs on the far side still count (the map shows them faintly).
//
// What can still differ: the GPU computes in single precision (and llvmpipe's
// sin, acos and atan are approximations), so a pixel centre within a few
// hundredths of a pixel of an edge can fall either way (--bench-frames counts
// those apart: within 0.05 px); and legs between nearly antipodal places
// (within 2 degrees) take a slightly different path in the shader.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "geo/camera.h"
#include "geo/map_items.h"

namespace meridian::geo {

struct PickStyle {
    double arcWidthPx = 4, markerPx = 16, bundleSpacingPx = 10;
    double widenPx = 8;                             // how far beside a line or a marker still counts
    Index selected = kNoIndex, hovered = kNoIndex;  // drawn wider or larger
};

// How an item shows now, as its shader computes it: its opacity (the
// fragment is discarded at 0.004 or below), how much of a timed item has
// grown (0..1 of its route, as the shader's eventGrow; 1 for fixed items),
// and, for arcs, the opacity the globe's far side (which fades arcs to 0.22)
// cannot take them below (a selected, hovered or highlighted arc).
struct ItemShown {
    double alpha = 0;
    double grow = 1;
    double floorAlpha = 0;
};

// The time, selection and highlight the shaders see (render::MapTime's and
// the event mask's share).
struct ShadedTime {
    double playheadDay = 0, trailDays = 0, growDays = 60;
    bool allUpToNow = false;
    std::optional<DaySpan> window;
    Index selected = kNoIndex, hovered = kNoIndex;
    bool hasHighlight = false;  // some event's mask is 2 (a story step): the others are dimmed
};

// As the arc and marker shaders compute them (render/map_shaders.h), for an
// item whose event has this mask byte (0 hidden by the filters, 1 shown, 2
// highlighted).
ItemShown arcShownAt(const ArcItem& arc, std::uint8_t mask, const ShadedTime& time);
ItemShown markerShownAt(const MarkerItem& marker, std::uint8_t mask, const ShadedTime& time);

struct MapPick {
    enum class Kind { None, Arc, Marker } kind = Kind::None;
    std::size_t item = 0;  // index into the arcs or the markers
    explicit operator bool() const { return kind != Kind::None; }
};

// pointer: in pixels from the map's top-left corner (y down); the pixel it
// falls in is tested.
MapPick pickMapItem(const std::vector<ArcItem>& arcs, const std::vector<MarkerItem>& markers,
                    const std::function<ItemShown(const ArcItem&)>& arcShown,
                    const std::function<ItemShown(const MarkerItem&)>& markerShown, const CameraState& camera,
                    const Viewport& viewport, const PickStyle& style, ScreenPoint pointer);

}  // namespace meridian::geo

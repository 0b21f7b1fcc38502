// What is under the pointer on the map, found on the CPU from the items the
// renderer draws (geo/map_items.h) with the same geometry as its shaders:
// great-circle legs through the projection, pushed sideways by their bundle
// slot, as wide as drawn plus a few pixels; round markers. The item drawn
// last at that pixel wins (markers are drawn over arcs), as a GPU pick would
// say, without rendering anything: a software renderer took 30 ms to 1.5 s
// for that, this takes well under a millisecond for thousands of items.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "geo/camera.h"
#include "geo/map_items.h"

namespace meridian::geo {

struct PickStyle {
    double arcWidthPx = 4, markerPx = 16, bundleSpacingPx = 10;
    double widenPx = 8;                             // how far beside a line or a marker still counts
    Index selected = kNoIndex, hovered = kNoIndex;  // drawn wider or larger
};

// Whether an item shows now, and how much of a timed item has grown (0..1 of
// its route, as the shader's eventGrow; 1 for fixed items).
struct ItemShown {
    bool shown = false;
    double grow = 1;
};

struct MapPick {
    enum class Kind { None, Arc, Marker } kind = Kind::None;
    std::size_t item = 0;  // index into the arcs or the markers
    explicit operator bool() const { return kind != Kind::None; }
};

MapPick pickMapItem(const std::vector<ArcItem>& arcs, const std::vector<MarkerItem>& markers,
                    const std::function<ItemShown(const ArcItem&)>& arcShown,
                    const std::function<ItemShown(const MarkerItem&)>& markerShown, const CameraState& camera,
                    const Viewport& viewport, const PickStyle& style, ScreenPoint pointer);

}  // namespace meridian::geo

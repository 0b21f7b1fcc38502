// Map label decluttering: places labels in priority order at the first of
// several candidate positions around their anchor that overlaps no label
// already placed (and no reserved area); labels that fit nowhere are hidden.
// Pure screen-space geometry, so it is tested without a window.
#pragma once

#include <cstdint>
#include <vector>

namespace meridian::geo {

struct LabelRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool overlaps(const LabelRect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

struct LabelRequest {
    float anchorX = 0, anchorY = 0;  // screen px (y down)
    float width = 0, height = 0;     // text size
    float gapPx = 6;                 // distance from the anchor (the marker's radius)
    float priority = 0;              // higher first
};

struct PlacedLabel {
    std::uint32_t request = 0;  // index into the requests
    LabelRect rect;
};

// Candidates in order: right, left, above, below, then the four diagonals.
// `reserved` areas (e.g. a legend) are avoided; labels are kept inside
// `bounds`. A label whose anchor is closer than `minAnchorGapPx` to the anchor
// of a label already placed is left out: at that zoom the two places share a
// spot (Tehran and its airport at world scale), and one name says where.
// Returns the placed labels in priority order.
std::vector<PlacedLabel> placeLabels(const std::vector<LabelRequest>& requests, const LabelRect& bounds,
                                     const std::vector<LabelRect>& reserved = {}, float minAnchorGapPx = 0);

}  // namespace meridian::geo

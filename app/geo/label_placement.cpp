#include "geo/label_placement.h"

#include <algorithm>
#include <numeric>

namespace meridian::geo {

std::vector<PlacedLabel> placeLabels(const std::vector<LabelRequest>& requests, const LabelRect& bounds,
                                     const std::vector<LabelRect>& reserved, float minAnchorGapPx) {
    std::vector<std::uint32_t> order(requests.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return requests[a].priority > requests[b].priority; });
    std::vector<PlacedLabel> placed;
    placed.reserve(requests.size());
    for (std::uint32_t i : order) {
        const LabelRequest& r = requests[i];
        const float g = r.gapPx, w = r.width, h = r.height, ax = r.anchorX, ay = r.anchorY;
        const bool crowded = std::any_of(placed.begin(), placed.end(), [&](const PlacedLabel& p) {
            const LabelRequest& o = requests[p.request];
            const float dx = o.anchorX - ax, dy = o.anchorY - ay;
            return dx * dx + dy * dy < minAnchorGapPx * minAnchorGapPx;
        });
        if (crowded) continue;
        const LabelRect candidates[] = {
            {ax + g, ay - h * 0.5f, ax + g + w, ay + h * 0.5f},  // right
            {ax - g - w, ay - h * 0.5f, ax - g, ay + h * 0.5f},  // left
            {ax - w * 0.5f, ay - g - h, ax + w * 0.5f, ay - g},  // above
            {ax - w * 0.5f, ay + g, ax + w * 0.5f, ay + g + h},  // below
            {ax + g * 0.7f, ay - g * 0.7f - h, ax + g * 0.7f + w, ay - g * 0.7f},
            {ax - g * 0.7f - w, ay - g * 0.7f - h, ax - g * 0.7f, ay - g * 0.7f},
            {ax + g * 0.7f, ay + g * 0.7f, ax + g * 0.7f + w, ay + g * 0.7f + h},
            {ax - g * 0.7f - w, ay + g * 0.7f, ax - g * 0.7f, ay + g * 0.7f + h},
        };
        for (const LabelRect& c : candidates) {
            if (c.x0 < bounds.x0 || c.y0 < bounds.y0 || c.x1 > bounds.x1 || c.y1 > bounds.y1) continue;
            const auto hits = [&](const LabelRect& o) { return c.overlaps(o); };
            if (std::any_of(reserved.begin(), reserved.end(), hits)) continue;
            if (std::any_of(placed.begin(), placed.end(), [&](const PlacedLabel& p) { return c.overlaps(p.rect); }))
                continue;
            placed.push_back({i, c});
            break;
        }
    }
    return placed;
}

}  // namespace meridian::geo

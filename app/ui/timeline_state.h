// The timeline's state, created on first use, and a report of its geometry
// (lane area origin, day <-> x mapping, rows) that headless renders can write
// out so render tests know where a date must be drawn.
#pragma once

#include <memory>
#include <vector>

#include "ui/app_context.h"

namespace meridian::ui {

std::shared_ptr<TimelineState> createTimelineState();

struct TimelineLayoutReport {
    float lanesX = 0, lanesY = 0;  // screen px of the lane area's top-left
    double firstDay = 0, pxPerDay = 1, widthPx = 0;
    std::vector<float> rowTops, rowHeights;  // relative to lanesY
    std::vector<Index> rowCategories;
};
void timelineLayoutReport(const AppContext& ctx, TimelineLayoutReport& out);

}  // namespace meridian::ui

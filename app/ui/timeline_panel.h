// The scrubbable timeline: a header (play, speed, the date in large type),
// the axis, a density strip, era bands and one lane per category. Drawing
// only emits the records of the pre-pass (timeline/prepass.h), so a frame
// costs what is on screen, not the size of the dataset. The panel owns its
// index and lane layout, rebuilt when the document's revision or the filter
// stamp changes.
#pragma once

#include <memory>
#include <vector>

#include "ui/context.h"

namespace meridian::ui {

// Where the timeline drew its lanes and how days map to x: render tests use it
// to know where a date's marker and the playhead must be.
struct TimelineLayoutReport {
    float lanesX = 0, lanesY = 0;  // screen px of the lane area's top-left
    double firstDay = 0, pxPerDay = 1, widthPx = 0;
    std::vector<float> rowTops, rowHeights;  // relative to lanesY
    std::vector<Index> rowCategories;
    int lanesVisible = 0, lanesBelow = 0;  // rows on screen, rows scrolled below the fold
};

class TimelinePanel {
public:
    TimelinePanel();
    ~TimelinePanel();
    TimelinePanel(const TimelinePanel&) = delete;
    TimelinePanel& operator=(const TimelinePanel&) = delete;

    // Draws into the current ImGui window's remaining area.
    void draw(Context& c);
    void layoutReport(TimelineLayoutReport& out) const;

    struct State;

private:
    std::unique_ptr<State> m_state;
};

}  // namespace meridian::ui

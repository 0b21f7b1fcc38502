// Adaptive calendar ticks for the timeline's axis (the model for ImPlot's
// GetUnitForRange, but with our own day numbers so history before 1970 works).
//
// The major unit is the finest of 1/2/7/14 days, 1/3/6 months, 1/2/5/10/20/50/
// 100/200/500/1000 years whose labels ("14 Mar 1987", "Mar 1987", "1987") do not
// overlap at this zoom; minor ticks subdivide it. Every tick sits on a calendar
// boundary: 1 January of a multiple-of-N year, the 1st of a multiple-of-N month,
// or day 1, 1+N, 1+2N... of a month (day ticks restart on the 1st, and the last
// one of a month is dropped when it would sit closer than N days to the next 1st,
// so the gap between day ticks is always N..2N-1 days).
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "timeline/timeline_view.h"

namespace meridian::timeline {

enum class TickUnit : std::uint8_t {
    Day1,
    Day2,
    Day7,
    Day14,
    Month1,
    Month3,
    Month6,
    Year1,
    Year2,
    Year5,
    Year10,
    Year20,
    Year50,
    Year100,
    Year200,
    Year500,
    Year1000,
};
inline constexpr int kTickUnitCount = 17;

struct AxisTickOptions {
    // How wide a label is drawn, in px. When empty, labels are estimated at
    // pxPerChar per character (good enough for a monospace or digit-heavy font).
    std::function<float(std::string_view)> labelWidthPx;
    float pxPerChar = 7.0f;
    float labelGapPx = 12.0f;        // free space between one label's end and the next tick
    float minMinorSpacingPx = 6.0f;  // minor ticks closer than this are not drawn
};

// A label is drawn left-aligned at its tick: [xPx, xPx + labelWidthPx).
// Labels of consecutive majors never overlap: a.xPx + a.labelWidthPx + labelGapPx <= b.xPx.
struct AxisTick {
    double day = 0;  // whole day number of the boundary (as double for drawing)
    float xPx = 0;
    bool isMajor = false;
    std::uint8_t labelLength = 0;  // 0 for minor ticks (and the rare thinned major label)
    char label[22] = {};           // NUL-terminated, fixed size so reusing the vector never allocates
    float labelWidthPx = 0;

    std::string_view labelText() const { return {label, labelLength}; }
};

struct AxisTicks {
    TickUnit majorUnit = TickUnit::Year1;
    TickUnit minorUnit = TickUnit::Year1;
    bool hasMinor = false;
    // Sorted by day. The first major is at or before the left edge (x <= 0) so
    // its label can be drawn partly or pinned; everything else is within the view.
    std::vector<AxisTick> ticks;
};

// Fills `out` for this view; reuses out.ticks' capacity (no allocation in a
// steady frame unless a label-width callback allocates).
void computeAxisTicks(const TimeAxisView& view, const AxisTickOptions& options, AxisTicks& out);

// Calendar helpers (exposed for tests and for the widget's snapping).
DayNumber tickAtOrBefore(TickUnit unit, DayNumber day);  // the latest boundary <= day
DayNumber nextTick(TickUnit unit, DayNumber tick);       // the boundary after a boundary
double minUnitDays(TickUnit unit);                       // shortest gap between two ticks of the unit
const char* tickUnitName(TickUnit unit);                 // "1 day", "3 months", "50 years"
// "1987", "44 BC" / "Mar 1987" / "14 Mar 1987", by the unit's kind; returns the length.
int formatTickLabel(TickUnit unit, DayNumber day, char* buf, int bufSize);

}  // namespace meridian::timeline

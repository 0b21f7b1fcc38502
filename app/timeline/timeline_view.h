// The timeline's horizontal mapping between days and pixels, and the three ways
// the user changes it: zoom around the cursor, pan, and fit a span.
//
// Days are doubles (days since 1970-01-01, negative before 1970, fractional
// within a day) so zoom and pan are smooth; x is in pixels from the left edge
// of the lane area (the widget adds its screen origin).
#pragma once

#include "core/date.h"

namespace meridian::timeline {

// Zoom limits, as the number of days the whole width shows: from about six
// centuries (the curated history fits with room) down to three days (a day is
// then a third of the width, enough to tell same-week events apart).
inline constexpr double kMaxVisibleDays = 600 * 365.2425;
inline constexpr double kMinVisibleDays = 3.0;
// The view never leaves years -9999..9999: past that the calendar labels and
// float pixel positions stop meaning anything.
inline constexpr double kEarliestDay = -4371587.0;  // daysFromCivil(-9999, 1, 1)
inline constexpr double kLatestDay = 2932897.0;     // daysFromCivil(10000, 1, 1)

struct TimeAxisView {
    double firstDay = 0;  // the day at x = 0
    double pxPerDay = 1;  // > 0
    double widthPx = 1;   // the lane area's width

    double dayToX(double day) const { return (day - firstDay) * pxPerDay; }
    double xToDay(double xPx) const { return firstDay + xPx / pxPerDay; }
    double lastDay() const { return firstDay + widthPx / pxPerDay; }  // the day at x = widthPx
    double visibleDays() const { return widthPx / pxPerDay; }
};

// Multiplies pxPerDay by `factor` (> 1 zooms in) keeping the day under
// `cursorXPx` where it is. The zoom is clamped to kMinVisibleDays..kMaxVisibleDays
// across the width; the cursor day stays fixed even when clamped.
TimeAxisView zoomAround(const TimeAxisView& view, double cursorXPx, double factor);

// Drags the content by dxPx (positive = content moves right, earlier days come in).
TimeAxisView pan(const TimeAxisView& view, double dxPx);

// A view showing `span` across `widthPx` with `marginPx` free on each side
// (clamped to the zoom limits; a span shorter than kMinVisibleDays is centred).
TimeAxisView fitSpan(DaySpan span, double widthPx, double marginPx);

// Same view with a new width (window resize), keeping firstDay and clamping the zoom.
TimeAxisView resize(const TimeAxisView& view, double widthPx);

}  // namespace meridian::timeline

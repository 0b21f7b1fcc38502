#include "timeline/timeline_view.h"

#include <algorithm>
#include <cmath>

namespace meridian::timeline {

static double safeWidth(double widthPx) {
    return std::isfinite(widthPx) && widthPx >= 1 ? widthPx : 1;
}

static double clampPxPerDay(double pxPerDay, double widthPx) {
    return std::clamp(pxPerDay, widthPx / kMaxVisibleDays, widthPx / kMinVisibleDays);
}

// Keeps the whole view inside the supported years (only matters far from any data).
static double clampFirstDay(double firstDay, double visibleDays) {
    return std::clamp(firstDay, kEarliestDay, std::max(kEarliestDay, kLatestDay - visibleDays));
}

TimeAxisView zoomAround(const TimeAxisView& view, double cursorXPx, double factor) {
    if (!std::isfinite(factor) || factor <= 0 || !std::isfinite(cursorXPx)) return view;
    TimeAxisView out = view;
    out.widthPx = safeWidth(view.widthPx);
    const double cursorDay = view.xToDay(cursorXPx);
    out.pxPerDay = clampPxPerDay(view.pxPerDay * factor, out.widthPx);
    // Solve dayToX(cursorDay) == cursorXPx for the new scale.
    out.firstDay = clampFirstDay(cursorDay - cursorXPx / out.pxPerDay, out.visibleDays());
    return out;
}

TimeAxisView pan(const TimeAxisView& view, double dxPx) {
    if (!std::isfinite(dxPx)) return view;
    TimeAxisView out = view;
    out.firstDay = clampFirstDay(view.firstDay - dxPx / view.pxPerDay, view.visibleDays());
    return out;
}

TimeAxisView fitSpan(DaySpan span, double widthPx, double marginPx) {
    TimeAxisView out;
    out.widthPx = safeWidth(widthPx);
    const double margin = std::clamp(marginPx, 0.0, out.widthPx * 0.45);
    const double days = std::max<double>(static_cast<double>(span.length()), 1e-9);
    out.pxPerDay = clampPxPerDay((out.widthPx - 2 * margin) / days, out.widthPx);
    // Centre the span: equals "margin on the left" unless the zoom was clamped.
    const double centreDay = static_cast<double>(span.first) + static_cast<double>(span.length()) / 2;
    out.firstDay = clampFirstDay(centreDay - out.visibleDays() / 2, out.visibleDays());
    return out;
}

TimeAxisView resize(const TimeAxisView& view, double widthPx) {
    TimeAxisView out = view;
    out.widthPx = safeWidth(widthPx);
    out.pxPerDay = clampPxPerDay(view.pxPerDay, out.widthPx);
    return out;
}

}  // namespace meridian::timeline

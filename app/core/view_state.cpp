#include "core/view_state.h"

#include <algorithm>

namespace meridian {

float eventOpacityAt(const Event& event, const ViewState& view) {
    const DaySpan span = event.span();
    if (view.window) return span.overlaps(*view.window) ? 1.0f : 0.0f;
    const double t = view.playheadDay;
    if (t < static_cast<double>(span.first)) return 0.0f;
    if (t < static_cast<double>(span.last) || view.allUpToNow) return 1.0f;
    if (view.trailDays <= 0) return 0.0f;
    const double age = t - static_cast<double>(span.last);
    // Keep a faint floor until the trail ends so older context stays visible.
    const double fade = 1.0 - age / view.trailDays;
    return fade <= 0 ? 0.0f : static_cast<float>(std::clamp(0.15 + 0.85 * fade, 0.0, 1.0));
}

}  // namespace meridian

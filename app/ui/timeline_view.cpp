#include <imgui.h>

#include "ui/views.h"

namespace meridian::ui {

void drawTimelineView(AppContext& ctx) {
    // Placeholder until the timeline lands (issue 4).
    ImGui::PushFont(ctx.fonts.large);
    ImGui::TextUnformatted(formatDayNumber(static_cast<DayNumber>(ctx.view.playheadDay)).c_str());
    ImGui::PopFont();
}

}  // namespace meridian::ui

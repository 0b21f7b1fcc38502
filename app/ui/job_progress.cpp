#include "ui/job_progress.h"

#include <imgui.h>

#include <cfloat>
#include <cstdio>

namespace meridian::ui {

bool drawJobProgress(Context& c, const JobProgressView& v) {
    ImGui::Text("%s %s\u2026", v.what.c_str(), v.fileName.c_str());
    const float fraction = static_cast<float>(v.fraction);
    char overlay[64];
    if (fraction > 0)
        std::snprintf(overlay, sizeof overlay, "%.0f %%  (%.0f s)", v.fraction * 100.0, v.elapsedSec);
    else
        std::snprintf(overlay, sizeof overlay, "%.0f s", v.elapsedSec);
    ImGui::ProgressBar(fraction, ImVec2(-FLT_MIN, 0), overlay);
    for (const std::string& note : v.notes) ImGui::TextDisabled("%s", note.c_str());
    ImGui::BeginDisabled(v.cancelling);
    const bool pressed = ImGui::Button(v.cancelling ? "Cancelling\u2026" : "Cancel");
    c.reportControl(v.cancelControl);
    ImGui::EndDisabled();
    return pressed;
}

}  // namespace meridian::ui

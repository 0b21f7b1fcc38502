#include <imgui.h>

#include "io/dataset_loader.h"
#include "ui/theme.h"
#include "ui/views.h"

namespace meridian::ui {

void drawMapView(AppContext& ctx) {
    // Placeholder until the map renderer lands (issue 3).
    ImGui::SetCursorPos(ImVec2(20 * ctx.scale(), 20 * ctx.scale()));
    ImGui::PushFont(ctx.fonts.title);
    ImGui::TextUnformatted(ctx.hasDataset ? ctx.dataset.title.c_str() : "No data loaded");
    ImGui::PopFont();
    if (ctx.hasDataset) {
        ImGui::SetCursorPosX(20 * ctx.scale());
        ImGui::TextDisabled("%s", io::summarizeDataset(ctx.dataset).c_str());
    }
}

}  // namespace meridian::ui

#include "ui/alerts.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "ui/context.h"
#include "ui/theme.h"

namespace meridian::ui {

bool Alerts::add(std::string text) {
    if (std::find(items.begin(), items.end(), text) != items.end() ||
        std::find(dismissed.begin(), dismissed.end(), text) != dismissed.end())
        return false;
    std::fprintf(stderr, "meridian: %s\n", text.c_str());
    items.push_back(std::move(text));
    unseen = true;
    return true;
}

void Alerts::dismissAll() {
    dismissed.insert(dismissed.end(), items.begin(), items.end());
    items.clear();
    open = unseen = false;
}

void drawAlertsButton(Context& c) {
    Alerts& a = c.app.alerts;
    if (a.items.empty()) return;
    ImGui::Separator();
    const Palette& pal = palette(c.look.theme);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(pal.notice));
    char label[64];
    std::snprintf(label, sizeof label, "\u26A0 %zu message%s", a.items.size(), a.items.size() == 1 ? "" : "s");
    if (ImGui::Button(label)) a.open = !a.open, a.unseen = false;
    ImGui::PopStyleColor();
    c.reportControl("alerts");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", a.items.back().c_str());
}

void drawAlertsWindow(Context& c) {
    Alerts& a = c.app.alerts;
    if (!a.open || a.items.empty()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // A fixed width inside the window (the paths are long: they wrap), the height
    // of the list up to most of the window, under the menu bar in the middle.
    const float width = std::min(vp->Size.x - 32 * c.scale(), 760 * c.scale());
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + ImGui::GetFrameHeight() * 2.5f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, vp->Size.y * 0.75f));
    if (ImGui::Begin("Messages", &a.open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove)) {
        ImGui::TextDisabled("Meridian keeps working; these say what it could not do.");
        ImGui::PushTextWrapPos(0.0f);
        for (const std::string& text : a.items) {
            ImGui::Bullet();
            ImGui::TextUnformatted(text.c_str());
        }
        ImGui::PopTextWrapPos();
        if (ImGui::Button("Copy")) {
            std::string all;
            for (const std::string& text : a.items) all += text + "\n";
            ImGui::SetClipboardText(all.c_str());
        }
        ImGui::SameLine();
        if (ImGui::Button("Dismiss all")) a.dismissAll();
        c.reportControl("alerts.dismiss");
    }
    ImGui::End();
}

}  // namespace meridian::ui

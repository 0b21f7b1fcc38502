#include "ui/recovery_dialog.h"

#include <imgui.h>

namespace meridian::ui {

namespace {
constexpr const char* kTitle = "Restore unsaved changes?###recovery";
}

void RecoveryDialog::offer(std::string file, std::string savedAt, std::string summary) {
    m_open = true;
    m_file = std::move(file);
    m_savedAt = std::move(savedAt);
    m_summary = std::move(summary);
}

RecoveryChoice RecoveryDialog::draw(Context& c) {
    if (!m_open) return RecoveryChoice::None;
    if (!ImGui::IsPopupOpen(kTitle)) ImGui::OpenPopup(kTitle);
    RecoveryChoice choice = RecoveryChoice::None;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::Text("Meridian was not closed normally while %s had unsaved changes.", m_file.c_str());
        ImGui::Text("A copy of them was kept at %s (%s).", m_savedAt.c_str(), m_summary.c_str());
        ImGui::TextDisabled("Restore shows them as unsaved changes; the file itself is unchanged until you save.");
        ImGui::TextDisabled("Discard deletes the copy and shows the file as it is.");
        ImGui::Spacing();
        if (ImGui::Button("Restore")) choice = RecoveryChoice::Restore;
        c.reportControl("recovery.restore");
        ImGui::SameLine();
        if (ImGui::Button("Discard")) choice = RecoveryChoice::Discard;
        c.reportControl("recovery.discard");
        if (choice != RecoveryChoice::None) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (choice != RecoveryChoice::None) {
        m_open = false;
        for (const char* name : {"recovery.restore", "recovery.discard"}) c.app.controls.erase(name);
    }
    return choice;
}

}  // namespace meridian::ui

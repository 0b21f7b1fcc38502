#include "ui/changed_on_disk.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/widgets.h"

namespace meridian::ui {

namespace {
constexpr const char* kTitle = "The file changed on disk###changed-on-disk";
constexpr const char* kControls[] = {"disk.reload",     "disk.reloadConfirm", "disk.back", "disk.saveAs",
                                     "disk.saveAsPath", "disk.keepMine",      "disk.later"};
}  // namespace

void ChangedOnDiskPrompt::ask(std::string file, std::string saveAs) {
    m_open = true;
    m_confirmReload = false;
    m_file = std::move(file);
    m_saveAs = std::move(saveAs);
}

DiskChangeChoice ChangedOnDiskPrompt::draw(Context& c) {
    if (!m_open) return DiskChangeChoice::None;
    if (!ImGui::IsPopupOpen(kTitle)) ImGui::OpenPopup(kTitle);
    DiskChangeChoice choice = DiskChangeChoice::None;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        for (const char* name : kControls) c.app.controls.erase(name);
        ImGui::Text("Another program changed %s, and the changes made here are not saved.", m_file.c_str());
        ImGui::TextDisabled("Both versions are kept until you choose.");
        ImGui::Spacing();
        if (m_confirmReload) {
            warningText(c, "Reloading shows the file as it is now: the changes made here are lost.");
            if (ImGui::Button("Reload, lose my changes")) choice = DiskChangeChoice::Reload;
            c.reportControl("disk.reloadConfirm");
            ImGui::SameLine();
            if (ImGui::Button("Back")) m_confirmReload = false;
            c.reportControl("disk.back");
        } else {
            if (ImGui::Button("Reload the file\u2026")) m_confirmReload = true;
            c.reportControl("disk.reload");
            ImGui::SameLine();
            ImGui::TextDisabled("shows the other program's version");
            if (ImGui::Button("Save mine as")) choice = DiskChangeChoice::SaveAs;
            c.reportControl("disk.saveAs");
            ImGui::SameLine();
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
            ImGui::InputText("##save-as", &m_saveAs);
            c.reportControl("disk.saveAsPath");
            if (ImGui::Button("Keep mine (overwrite the file)")) choice = DiskChangeChoice::KeepMine;
            c.reportControl("disk.keepMine");
            ImGui::SameLine();
            ImGui::TextDisabled("the other program's version is kept as %s.bak", m_file.c_str());
            if (ImGui::Button("Decide later")) choice = DiskChangeChoice::Later;
            c.reportControl("disk.later");
        }
        if (choice != DiskChangeChoice::None) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (choice != DiskChangeChoice::None) {
        m_open = false;
        for (const char* name : kControls) c.app.controls.erase(name);
    }
    return choice;
}

}  // namespace meridian::ui

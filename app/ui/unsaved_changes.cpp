#include "ui/unsaved_changes.h"

#include <imgui.h>

#include "ui/keys.h"

namespace meridian::ui {

namespace {
constexpr const char* kTitle = "Unsaved changes###unsaved-changes";
}

void UnsavedChangesPrompt::ask(std::string what, std::function<void()> then) {
    m_open = true;
    m_what = std::move(what);
    m_then = std::move(then);
}

std::function<void()> UnsavedChangesPrompt::takeContinuation() {
    std::function<void()> then = std::move(m_then);
    m_then = nullptr;
    return then;
}

UnsavedChoice UnsavedChangesPrompt::draw(Context& c) {
    if (!m_open) return UnsavedChoice::None;
    if (!ImGui::IsPopupOpen(kTitle)) ImGui::OpenPopup(kTitle);
    UnsavedChoice choice = UnsavedChoice::None;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        const std::string name =
            c.doc.path().empty() ? std::string("the new dataset") : c.doc.path().filename().string();
        ImGui::Text("Save the changes to %s before you %s?", name.c_str(), m_what.c_str());
        if (c.doc.canUndo()) ImGui::TextDisabled("Last change: %s", c.doc.undoName().c_str());
        ImGui::TextDisabled("If you don't save, your changes are lost.");
        ImGui::Spacing();
        if (ImGui::Button("Save")) choice = UnsavedChoice::Save;
        c.reportControl("unsaved.save");
        ImGui::SameLine();
        if (ImGui::Button("Don't save")) choice = UnsavedChoice::DontSave;
        c.reportControl("unsaved.dontSave");
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || keyPressed(Key::Escape, false)) choice = UnsavedChoice::Cancel;
        c.reportControl("unsaved.cancel");
        if (choice != UnsavedChoice::None) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (choice != UnsavedChoice::None) {
        m_open = false;
        for (const char* name : {"unsaved.save", "unsaved.dontSave", "unsaved.cancel"}) c.app.controls.erase(name);
    }
    return choice;
}

}  // namespace meridian::ui

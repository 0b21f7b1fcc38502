#include "ui/new_dataset_dialog.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <filesystem>

#include "session/editing.h"
#include "ui/keys.h"
#include "ui/widgets.h"

namespace meridian::ui {

void NewDatasetDialog::draw(Context& c) {
    constexpr const char* kTitle = "New dataset";
    if (c.app.editing.showNewDataset) {
        c.app.editing.showNewDataset = false;
        m_title.clear(), m_description.clear(), m_license.clear(), m_authors.clear(), m_error.clear();
        std::error_code ec;
        m_path = (std::filesystem::current_path(ec) / "lesson.json").string();
        ImGui::OpenPopup(kTitle);
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize(ImVec2(std::min(vp->WorkSize.x * 0.9f, 640 * c.scale()), 0), ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.4f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(kTitle, nullptr)) return;
    auto field = [&](const char* label, const char* id, std::string& value, const char* hint, const char* control,
                     bool multiline = false) {
        ImGui::TextUnformatted(label);
        ImGui::SetNextItemWidth(-1);
        if (multiline)
            ImGui::InputTextMultiline(id, &value, ImVec2(-1, ImGui::GetTextLineHeight() * 3 + 8));
        else
            ImGui::InputTextWithHint(id, hint, &value);
        c.reportControl(control);
    };
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    field("Title", "##title", m_title, "what the data is about", "newds.title");
    field("Description", "##description", m_description, "", "newds.description", true);
    field("Licence", "##license", m_license, "e.g. CC-BY-4.0 (how others may reuse it)", "newds.license");
    field("Authors", "##authors", m_authors, "names, separated by commas", "newds.authors");
    field("Save into", "##path", m_path, "a .json file (optional: you can choose later)", "newds.path");
    ImGui::TextDisabled("The file is written when you save (Ctrl+S).");
    if (!m_error.empty()) errorText(c, m_error.c_str());
    if (ImGui::Button("Create")) {
        m_error.clear();
        namespace fs = std::filesystem;
        std::error_code ec;
        if (m_title.empty()) m_error = "The dataset needs a title.";
        if (m_error.empty() && !m_path.empty()) {
            const fs::path p(m_path);
            if (p.extension() != ".json")
                m_error = "The file name must end in .json.";
            else if (!fs::is_directory(fs::absolute(p, ec).parent_path(), ec))
                m_error = "The folder " + fs::absolute(p, ec).parent_path().string() + " does not exist.";
            else if (fs::exists(p, ec))
                m_error = p.filename().string() + " exists already: choose another name (it is never overwritten).";
        }
        if (m_error.empty()) {
            DatasetInfo info;
            info.title = m_title;
            info.description = m_description;
            info.license = m_license;
            info.authors = splitList(m_authors);
            c.requests.newDataset = Requests::NewDataset{std::move(info), m_path};
            ImGui::CloseCurrentPopup();
        }
    }
    c.reportControl("newds.create");
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || keyPressed(Key::Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace meridian::ui

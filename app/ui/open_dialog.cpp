#include "ui/open_dialog.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "ui/keys.h"

#ifdef __EMSCRIPTEN__
#include "browser/files.h"
#endif

namespace meridian::ui {

namespace fs = std::filesystem;

void OpenDialog::draw(Context& c) {
#ifdef __EMSCRIPTEN__
    // A page cannot list the computer's folders: the browser's own file picker
    // (the chosen file arrives like a file dropped on the page).
    if (c.requests.showOpenDialog) web::pickFile(web::kOpenableFiles);
    c.requests.showOpenDialog = false;
    return;
#endif
    if (c.requests.showOpenDialog) {
        ImGui::OpenPopup("Open a data file");
        c.requests.showOpenDialog = false;
        std::error_code ec;
        m_dir = c.doc.path().empty() ? fs::current_path(ec) : fs::absolute(c.doc.path(), ec).parent_path();
        m_needsListing = true;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x * 0.5f, vp->WorkSize.y * 0.6f), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal("Open a data file", nullptr)) return;
    if (m_needsListing) {
        m_entries.clear();
        std::error_code ec;
        for (fs::directory_iterator it(m_dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
             it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (name.empty() || name[0] == '.') continue;
            const bool isDir = it->is_directory(ec);
            if (isDir || it->path().extension() == ".json") m_entries.push_back({name, isDir});
        }
        std::sort(m_entries.begin(), m_entries.end(), [](const Entry& a, const Entry& b) {
            return a.directory != b.directory ? a.directory : a.name < b.name;
        });
        m_pathText = m_dir.string() + "/";
        m_needsListing = false;
    }
    auto open = [&](const fs::path& p) {
        c.requests.openPath = p.string();
        ImGui::CloseCurrentPopup();
    };
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##path", &m_pathText, ImGuiInputTextFlags_EnterReturnsTrue)) {
        const fs::path typed(m_pathText);
        std::error_code ec;
        if (fs::is_directory(typed, ec))
            m_dir = typed, m_needsListing = true;
        else
            open(typed);
    }
    if (ImGui::Button("\u2191 Up") && m_dir.has_parent_path()) m_dir = m_dir.parent_path(), m_needsListing = true;
    ImGui::SameLine();
    ImGui::TextDisabled("%s", m_dir.string().c_str());
    ImGui::BeginChild("entries", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 1.6f), true);
    for (const Entry& e : m_entries) {
        const std::string label = (e.directory ? "[dir]  " : "       ") + e.name;
        if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick)) {
            if (e.directory) {
                m_dir /= e.name;
                m_needsListing = true;
            } else {
                m_pathText = (m_dir / e.name).string();
                if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) open(m_dir / e.name);
            }
        }
    }
    ImGui::EndChild();
    if (ImGui::Button("Open")) open(fs::path(m_pathText));
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || keyPressed(Key::Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace meridian::ui

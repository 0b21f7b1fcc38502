#include "ui/file_chooser.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace meridian::ui {

namespace fs = std::filesystem;

void FileChooser::reset(const fs::path& folder, Mode mode, std::vector<std::string> extensions) {
    std::error_code ec;
    m_dir = fs::is_directory(folder, ec) ? fs::absolute(folder, ec) : fs::current_path(ec);
    m_mode = mode;
    m_extensions = std::move(extensions);
    m_needsListing = true;
}

void FileChooser::list() {
    m_entries.clear();
    std::error_code ec;
    for (fs::directory_iterator it(m_dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        const bool isDir = it->is_directory(ec);
        std::string ext = it->path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return std::tolower(ch); });
        const bool wanted =
            m_extensions.empty() || std::find(m_extensions.begin(), m_extensions.end(), ext) != m_extensions.end();
        if (isDir || (m_mode == Mode::OpenFile && wanted)) m_entries.push_back({name, isDir});
    }
    std::sort(m_entries.begin(), m_entries.end(), [](const Entry& a, const Entry& b) {
        return a.directory != b.directory ? a.directory : a.name < b.name;
    });
    m_pathText = m_mode == Mode::ChooseFolder ? m_dir.string() : m_dir.string() + "/";
    m_needsListing = false;
}

std::optional<fs::path> FileChooser::draw(Context& c, float heightPx) {
    (void)c;
    if (m_needsListing) list();
    std::optional<fs::path> chosen;
    ImGui::SetNextItemWidth(-1);
    // The path field has the keyboard when the chooser appears: type a path and press Enter.
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    if (ImGui::InputText("##path", &m_pathText, ImGuiInputTextFlags_EnterReturnsTrue)) {
        const fs::path typed(m_pathText);
        std::error_code ec;
        if (fs::is_directory(typed, ec) && m_mode == Mode::OpenFile)
            m_dir = typed, m_needsListing = true;
        else
            chosen = typed;
    }
    if (ImGui::Button("\u2191 Up") && m_dir.has_parent_path() && m_dir != m_dir.root_path())
        m_dir = m_dir.parent_path(), m_needsListing = true;
    ImGui::SameLine();
    ImGui::TextDisabled("%s", m_dir.string().c_str());
    ImGui::BeginChild("entries", ImVec2(0, heightPx), true);
    for (const Entry& e : m_entries) {
        const std::string label = (e.directory ? "[folder]  " : "          ") + e.name;
        if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick)) {
            if (e.directory) {
                m_dir /= e.name;
                m_needsListing = true;
            } else {
                m_pathText = (m_dir / e.name).string();
                if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) chosen = m_dir / e.name;
            }
        }
    }
    if (m_entries.empty())
        ImGui::TextDisabled(m_mode == Mode::ChooseFolder ? "(no folders here)" : "(nothing to open here)");
    ImGui::EndChild();
    if (m_mode == Mode::ChooseFolder) {
        if (ImGui::Button("Use this folder")) chosen = m_dir;
    } else {
        if (ImGui::Button("Open")) chosen = fs::path(m_pathText);
    }
    return chosen;
}

}  // namespace meridian::ui

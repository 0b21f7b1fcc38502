// A small built-in file browser for opening data files (no desktop portal
// needed, works the same offline and in a classroom's locked-down session).
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "ui/keys.h"
#include "ui/panels.h"

namespace meridian::ui {

namespace fs = std::filesystem;

void drawOpenDialog(AppContext& ctx) {
    struct Entry {
        std::string name;
        bool directory;
    };
    static fs::path dir;
    static std::vector<Entry> entries;
    static char pathText[1024] = "";
    static std::string error;
    static bool needsListing = true;

    if (ctx.showOpenDialog) {
        ImGui::OpenPopup("Open a data file");
        ctx.showOpenDialog = false;
        std::error_code ec;
        dir = ctx.dataFile.empty() ? fs::current_path(ec) : fs::absolute(ctx.dataFile, ec).parent_path();
        needsListing = true;
        error.clear();
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x * 0.5f, vp->WorkSize.y * 0.6f), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal("Open a data file", nullptr)) return;
    if (needsListing) {
        entries.clear();
        std::error_code ec;
        for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
             it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (name.empty() || name[0] == '.') continue;
            const bool isDir = it->is_directory(ec);
            if (isDir || it->path().extension() == ".json") entries.push_back({name, isDir});
        }
        std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
            return a.directory != b.directory ? a.directory : a.name < b.name;
        });
        std::snprintf(pathText, sizeof pathText, "%s/", dir.string().c_str());
        needsListing = false;
    }
    auto open = [&](const fs::path& p) {
        if (loadIntoContext(ctx, p.string())) {
            ImGui::CloseCurrentPopup();
            error.clear();
        } else {
            error = "The file has problems; see the list of problems. The data shown is unchanged.";
        }
    };
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##path", pathText, sizeof pathText, ImGuiInputTextFlags_EnterReturnsTrue)) {
        const fs::path typed(pathText);
        std::error_code ec;
        if (fs::is_directory(typed, ec))
            dir = typed, needsListing = true;
        else
            open(typed);
    }
    if (ImGui::Button("\u2191 Up") && dir.has_parent_path()) dir = dir.parent_path(), needsListing = true;
    ImGui::SameLine();
    ImGui::TextDisabled("%s", dir.string().c_str());
    ImGui::BeginChild("entries", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 1.6f), true);
    for (const Entry& e : entries) {
        const std::string label = (e.directory ? "[dir]  " : "       ") + e.name;
        if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick)) {
            if (e.directory) {
                dir /= e.name;
                needsListing = true;
            } else {
                std::snprintf(pathText, sizeof pathText, "%s", (dir / e.name).string().c_str());
                if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) open(dir / e.name);
            }
        }
    }
    ImGui::EndChild();
    if (!error.empty()) ImGui::TextColored(ImVec4(0.9f, 0.35f, 0.25f, 1), "%s", error.c_str());
    if (ImGui::Button("Open")) open(fs::path(pathText));
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || keyPressed(Key::Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace meridian::ui

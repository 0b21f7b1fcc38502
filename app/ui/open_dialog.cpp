#include "ui/open_dialog.h"

#include <imgui.h>

#include "ui/keys.h"

namespace meridian::ui {

void OpenDialog::draw(Context& c) {
    if (c.requests.showOpenDialog) {
        ImGui::OpenPopup("Open a data file");
        c.requests.showOpenDialog = false;
        std::error_code ec;
        const std::filesystem::path start = c.doc.path().empty()
                                                ? std::filesystem::current_path(ec)
                                                : std::filesystem::absolute(c.doc.path(), ec).parent_path();
        m_chooser.reset(
            start, FileChooser::Mode::OpenFile,
            {".json", ".geojson", ".csv", ".tsv", ".txt", ".xlsx", ".ods", ".kml", ".kmz", ".gpx", ".gpkg"});
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x * 0.6f, vp->WorkSize.y * 0.7f), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal("Open a data file", nullptr)) return;
    if (auto chosen = m_chooser.draw(c, -ImGui::GetFrameHeightWithSpacing() * 1.6f)) {
        c.requests.openPath = chosen->string();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || keyPressed(Key::Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace meridian::ui

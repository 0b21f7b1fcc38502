#include "ui/save_as_dialog.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

#include "io/import/save_any.h"
#include "session/save_as_choices.h"
#include "ui/keys.h"
#include "ui/widgets.h"

namespace meridian::ui {

namespace {

constexpr io::ExportFormat kFormats[] = {io::ExportFormat::MeridianJson, io::ExportFormat::Csv, io::ExportFormat::Tsv,
                                         io::ExportFormat::TimelineJs, io::ExportFormat::GeoJson};
constexpr const char* kWhatFor[] = {
    "Meridian's own file: keeps everything (stories, colours, notes). An imported file becomes a curated one.",
    "One row per event with the column names Meridian reads back: for Excel, LibreOffice or Google Sheets.",
    "The same as CSV with tabs between the columns.",
    "For TimelineJS's web embed (a lesson published as a web page); Meridian reads it back too.",
    "Places and connections with their dates as properties: for QGIS, kepler.gl and other GIS tools."};

}  // namespace

void SaveAsDialog::draw(Context& c) {
    namespace fs = std::filesystem;
    if (c.requests.showSaveAsDialog) {
        c.requests.showSaveAsDialog = false;
        ImGui::OpenPopup("Save as");
        m_error.clear();
        std::error_code ec;
        const fs::path file = c.doc.path().empty() ? fs::current_path(ec) / "meridian.json"
                                                   : fs::absolute(c.doc.path(), ec).lexically_normal();
        m_folder = file.parent_path().string();
        m_name = fileNameForFormat(file.filename().string(), kFormats[m_format]);
        m_lossesFor = -1;
    }
    // A fixed width, never wider than the window (a projector at 200 %), and a fixed top: the
    // controls are where the first frame drew them (the app may draw no second frame before a click).
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = std::min(ImGui::GetFontSize() * 42, vp->WorkSize.x * 0.96f);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.08f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, vp->WorkSize.y * 0.9f));
    StyleVars vars;
    vars.push(ImGuiStyleVar_FrameBorderSize, std::max(1.0f, c.scale()));  // unticked radios visible on white
    if (!ImGui::BeginPopupModal("Save as", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float maxW = width - style.WindowPadding.x * 2;
    const float besideField = ImGui::CalcTextSize("File name").x + ImGui::CalcTextSize("Browse\u2026").x +
                              style.FramePadding.x * 2 + style.ItemInnerSpacing.x + style.ItemSpacing.x * 2;
    const float fieldW = std::min(ImGui::GetFontSize() * 26, maxW - besideField);
    ImGui::TextUnformatted("Format");
    float lineEnd = 0;  // where the last radio ended on its line
    for (int i = 0; i < static_cast<int>(std::size(kFormats)); ++i) {
        const char* label = io::exportFormatLabel(kFormats[i]);
        const float w = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
        if (i > 0 && lineEnd + style.ItemSpacing.x + w <= maxW) {
            ImGui::SameLine();
            lineEnd += style.ItemSpacing.x + w;
        } else {
            lineEnd = w;
        }
        if (ImGui::RadioButton(label, m_format == i)) {
            m_format = i;
            m_name = fileNameForFormat(m_name, kFormats[i]);
        }
        c.reportControl(("saveas.format." + std::string(io::exportFormatId(kFormats[i]))).c_str());
    }
    ImGui::PushTextWrapPos(0.0f);  // the window's width
    ImGui::TextDisabled("%s", kWhatFor[m_format]);
    // What the format cannot keep of this data (counted again when the data or the format changes).
    if (m_lossesFor != m_format || m_lossesRevision != c.doc.revision()) {
        m_losses = exportLosses(c.data(), kFormats[m_format]);
        m_lossesFor = m_format;
        m_lossesRevision = c.doc.revision();
    }
    if (!m_losses.empty()) {
        std::string text = std::string(io::exportFormatLabel(kFormats[m_format])) + " cannot keep: ";
        for (std::size_t i = 0; i < m_losses.size(); ++i) text += (i ? "; " : "") + m_losses[i];
        text += ". Keep a Meridian JSON copy for those.";
        warningText(c, text.c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::Separator();
    ImGui::SetNextItemWidth(fieldW);
    ImGui::InputText("Folder", &m_folder);
    ImGui::SameLine();
    if (ImGui::Button("Browse\u2026")) {
        m_chooser.reset(m_folder, FileChooser::Mode::ChooseFolder, {});
        ImGui::OpenPopup("Choose a folder");
    }
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 34, ImGui::GetFontSize() * 24), ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal("Choose a folder")) {
        if (auto chosen = m_chooser.draw(c, -ImGui::GetFrameHeightWithSpacing() * 1.6f)) {
            m_folder = chosen->string();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::SetNextItemWidth(fieldW);
    if (ImGui::InputText("File name", &m_name)) {
        // A name typed with another format's extension chooses that format.
        if (const auto f = io::exportFormatForPath(m_name))
            for (int i = 0; i < static_cast<int>(std::size(kFormats)); ++i)
                if (kFormats[i] == *f) m_format = i;
    }
    c.reportControl("saveas.name");
    const fs::path target = fs::path(m_folder) / m_name;
    std::error_code ec;
    const bool exists = fs::exists(target, ec);
    const bool isDocFile = !c.doc.path().empty() && fs::equivalent(target, c.doc.path(), ec);
    const io::ExportFormat format = kFormats[m_format];
    if (isDocFile && format != io::ExportFormat::MeridianJson)
        errorText(c, "This is the file the data came from: choose another name (Meridian never writes over it).");
    else if (exists)
        warningText(c, format == io::ExportFormat::MeridianJson
                           ? "A file of that name exists: it is replaced (the previous version is kept as .bak)."
                           : "A file of that name exists: it is replaced.");
    if (!m_error.empty()) errorText(c, m_error.c_str());
    ImGui::BeginDisabled(isDocFile && format != io::ExportFormat::MeridianJson);
    const bool save = ImGui::Button(exists ? "Replace" : "Save");
    c.reportControl("saveas.go");
    ImGui::EndDisabled();
    if (save) {
        m_error.clear();
        if (!fs::is_directory(m_folder, ec))
            m_error = "The folder " + m_folder + " does not exist.";
        else if (io::exportFormatForPath(target) != format)
            m_error = std::string("The name must end in ") + exportExtension(format) + " for " +
                      io::exportFormatLabel(format) + ".";
        if (m_error.empty()) {
            c.requests.saveAsPath = target.string();
            ImGui::CloseCurrentPopup();
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || (keyPressed(Key::Escape) && !ImGui::IsPopupOpen("Choose a folder")))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace meridian::ui

#include "ui/export_dialog.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "io/frame_sink.h"
#include "io/user_folders.h"
#include "ui/keys.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace meridian::ui {

namespace {

struct SizePreset {
    const char* label;
    int w, h;
    bool imageOnly;
};
// Screens, and paper for handouts at 300 dpi (A4 210 x 297 mm, Letter 8.5 x 11 in).
constexpr SizePreset kSizes[] = {{"1280 x 720 (HD)", 1280, 720, false},
                                 {"1920 x 1080 (Full HD)", 1920, 1080, false},
                                 {"2560 x 1440", 2560, 1440, false},
                                 {"3840 x 2160 (4K)", 3840, 2160, false},
                                 {"7680 x 4320 (8K)", 7680, 4320, true},
                                 {"1080 x 1080 (square)", 1080, 1080, false},
                                 {"A4 landscape, 300 dpi (3508 x 2480)", 3508, 2480, true},
                                 {"A4 portrait, 300 dpi (2480 x 3508)", 2480, 3508, true},
                                 {"Letter landscape, 300 dpi (3300 x 2550)", 3300, 2550, true},
                                 {"Letter portrait, 300 dpi (2550 x 3300)", 2550, 3300, true}};
constexpr int kSizeCount = static_cast<int>(std::size(kSizes));

// Before a long video: how long it may take, from the last export's speed
// (or a cautious guess for software rendering).
std::string estimate(int frames, int w, int h, double msPerMegapixel) {
    const double perMp = msPerMegapixel > 0 ? msPerMegapixel : 120.0;
    const double seconds = frames * perMp * (static_cast<double>(w) * h / 1e6) / 1000.0;
    char text[128];
    if (seconds < 90)
        std::snprintf(text, sizeof text, "%d frames, about %.0f s on this computer%s", frames, std::ceil(seconds),
                      msPerMegapixel > 0 ? "" : " (a guess until one export has run)");
    else
        std::snprintf(text, sizeof text, "%d frames, about %.0f min on this computer%s", frames,
                      std::ceil(seconds / 60), msPerMegapixel > 0 ? "" : " (a guess until one export has run)");
    return text;
}

}  // namespace

void ExportDialog::suggestOutput(const Context& c) {
    const std::string stem = c.doc.path().empty() ? std::string("meridian") : c.doc.path().stem().string();
    if (m_kind == 0)
        m_name = stem + "-map.png";
    else if (m_kind == 1)
        m_name = stem + "-" + m_from + "-" + m_to + (io::findFfmpeg().empty() ? "-frames" : ".mp4");
    else
        m_name = stem + "-story" + (io::findFfmpeg().empty() ? "-frames" : ".mp4");
    if (!m_userChoseFolder) {
        std::error_code ec;
        const std::filesystem::path dataFolder =
            c.doc.path().empty() ? std::filesystem::path() : std::filesystem::absolute(c.doc.path(), ec).parent_path();
        m_folder =
            io::exportFolder(m_kind == 0 ? io::UserFolder::Pictures : io::UserFolder::Videos, dataFolder).string();
    }
}

void ExportDialog::draw(Context& c) {
    const Dataset& ds = c.data();
    if (c.requests.showExportDialog) {
        ImGui::OpenPopup("Export");
        c.requests.showExportDialog = false;
        m_error.clear();
        if (m_from.empty()) m_from = formatDayNumber(ds.extent.first).substr(0, 4);
        if (m_to.empty()) m_to = formatDayNumber(ds.extent.last - 1).substr(0, 4);
        m_lastKind = -1;
    }
    if (!ImGui::BeginPopupModal("Export", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::RadioButton("Image of the current view", &m_kind, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Animation of a time range", &m_kind, 1);
    ImGui::SameLine();
    ImGui::BeginDisabled(ds.stories.empty());
    ImGui::RadioButton("Story", &m_kind, 2);
    ImGui::EndDisabled();
    if (m_kind != m_lastKind) suggestOutput(c), m_lastKind = m_kind;
    ImGui::Separator();
    const float fieldW = ImGui::GetFontSize() * 26;
    ImGui::SetNextItemWidth(fieldW);
    if (m_kind != 0 && kSizes[m_sizePreset].imageOnly) m_sizePreset = 1;  // 8K and paper sizes: images only
    if (ImGui::BeginCombo("Size", kSizes[m_sizePreset].label)) {
        for (int i = 0; i < kSizeCount; ++i) {
            ImGui::BeginDisabled(m_kind != 0 && kSizes[i].imageOnly);
            if (ImGui::Selectable(kSizes[i].label, i == m_sizePreset)) m_sizePreset = i;
            ImGui::EndDisabled();
        }
        ImGui::EndCombo();
    }
    if (m_kind != 0) ImGui::TextDisabled("8K and paper sizes are for images; videos go up to 4K.");
    ImGui::SetNextItemWidth(fieldW);
    ImGui::InputTextWithHint("Caption", "optional, shown top left", &m_caption);
    if (m_kind == 1) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
        if (ImGui::InputText("From", &m_from)) suggestOutput(c);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
        if (ImGui::InputText("To", &m_to)) suggestOutput(c);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
        ImGui::SliderFloat("Length (s)", &m_seconds, 0, 180, m_seconds == 0 ? "1 s per year" : "%.0f s");
    }
    if (m_kind == 2) {
        m_story = std::clamp(m_story, 0, static_cast<int>(ds.stories.size()) - 1);
        ImGui::SetNextItemWidth(fieldW);
        if (ImGui::BeginCombo("Story", ds.stories[static_cast<std::size_t>(m_story)].title.c_str())) {
            for (int i = 0; i < static_cast<int>(ds.stories.size()); ++i)
                if (ImGui::Selectable(ds.stories[static_cast<std::size_t>(i)].title.c_str(), i == m_story)) m_story = i;
            ImGui::EndCombo();
        }
    }
    if (m_kind != 0) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
        ImGui::SliderFloat("Frames per second", &m_fps, 5, 60, "%.0f");
    }
    // Where: a folder (with Browse) and a file name.
    ImGui::SetNextItemWidth(fieldW);
    if (ImGui::InputText("Folder", &m_folder)) m_userChoseFolder = true;
    ImGui::SameLine();
    if (ImGui::Button("Browse\u2026")) {
        m_chooser.reset(m_folder, FileChooser::Mode::ChooseFolder, {});
        ImGui::OpenPopup("Choose a folder");
    }
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 34, ImGui::GetFontSize() * 24), ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal("Choose a folder")) {
        if (auto chosen = m_chooser.draw(c, -ImGui::GetFrameHeightWithSpacing() * 1.6f)) {
            m_folder = chosen->string();
            m_userChoseFolder = true;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::SetNextItemWidth(fieldW);
    ImGui::InputText("File name", &m_name);
    const std::string output = (std::filesystem::path(m_folder) / m_name).string();
    if (m_kind == 0) {
        ImGui::TextDisabled("A .png file.");
    } else {
        ImGui::TextDisabled(
            "End the name in .mp4 or .gif (needs ffmpeg), or give a folder name for numbered PNG frames.");
        const io::FrameFormat f = io::frameFormatFor(output);
        if (f != io::FrameFormat::PngSequence && io::findFfmpeg().empty())
            warningText(c, "ffmpeg is not installed: export PNG frames to a folder instead.");
        // How long it will take, before it starts.
        int frames = 0;
        if (m_kind == 1) {
            const DateParseResult a = parseIsoDate(m_from), b = parseIsoDate(m_to);
            if (a.date && b.date && b.date->span().last > a.date->span().first) {
                const double years = static_cast<double>(b.date->span().last - a.date->span().first) / 365.2425;
                const double seconds = m_seconds > 0 ? m_seconds : std::clamp(years, 5.0, 120.0);
                frames = std::max(2, static_cast<int>(std::lround(seconds * m_fps)));
            }
        } else if (!ds.stories.empty()) {
            double total = 0;
            for (const StoryStep& step : ds.stories[static_cast<std::size_t>(m_story)].steps)
                total += step.durationSec + StoryPlayback::kGlideSec;
            frames = std::max(1, static_cast<int>(std::lround(total * m_fps)));
        }
        if (frames > 0)
            ImGui::TextUnformatted(
                estimate(frames, kSizes[m_sizePreset].w, kSizes[m_sizePreset].h, c.app.exportProgress.msPerMegapixel)
                    .c_str());
    }
    if (!m_error.empty()) errorText(c, m_error.c_str());
    const bool go = ImGui::Button("Export");
    c.reportControl("export.go");
    if (go) {
        ExportRequest r;
        r.kind = m_kind == 0   ? ExportRequest::Kind::Image
                 : m_kind == 1 ? ExportRequest::Kind::TimeRange
                               : ExportRequest::Kind::Story;
        r.output = output;
        r.widthPx = kSizes[m_sizePreset].w;
        r.heightPx = kSizes[m_sizePreset].h;
        r.fps = m_fps;
        r.caption = m_caption;
        r.durationSec = m_seconds;
        r.story = static_cast<Index>(m_story);
        m_error.clear();
        std::error_code ec;
        if (!std::filesystem::is_directory(m_folder, ec))
            m_error = "The folder " + m_folder + " does not exist.";
        else if (m_kind == 0 && !std::string_view(m_name).ends_with(".png"))
            m_error = "The image file name must end in .png";
        if (m_kind == 1 && m_error.empty()) {
            const DateParseResult a = parseIsoDate(m_from), b = parseIsoDate(m_to);
            if (!a.date || !b.date)
                m_error = !a.date ? a.error : b.error;
            else
                r.range = DaySpan{a.date->span().first, b.date->span().last};
        }
        if (m_error.empty()) {
            c.requests.startExport = r;
            ImGui::CloseCurrentPopup();
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || (keyPressed(Key::Escape) && !ImGui::IsPopupOpen("Choose a folder")))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void ExportDialog::drawProgress(Context& c) {
    ExportProgress& p = c.app.exportProgress;
    if (!p.running && p.message.empty()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 28, 0));
    ImGui::Begin("Exporting", nullptr,
                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::TextWrapped("%s", p.output.c_str());
    if (p.running) {
        char overlay[64];
        std::snprintf(overlay, sizeof overlay, "frame %d of %d", p.done, p.total);
        ImGui::ProgressBar(p.total ? static_cast<float>(p.done) / static_cast<float>(p.total) : 0.0f, ImVec2(-1, 0),
                           overlay);
        if (ImGui::Button("Cancel")) p.cancelRequested = true;
    } else {
        ImGui::TextWrapped("%s", p.message.c_str());
        if (ImGui::Button("Close")) p.message.clear();
    }
    ImGui::End();
}

}  // namespace meridian::ui

#include "ui/export_dialog.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

#include "io/frame_sink.h"
#include "ui/keys.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace meridian::ui {

namespace {

struct SizePreset {
    const char* label;
    int w, h;
};
constexpr SizePreset kSizes[] = {{"1280 x 720 (HD)", 1280, 720},
                                 {"1920 x 1080 (Full HD)", 1920, 1080},
                                 {"2560 x 1440", 2560, 1440},
                                 {"3840 x 2160 (4K)", 3840, 2160},
                                 {"7680 x 4320 (8K, image only)", 7680, 4320},
                                 {"1080 x 1080 (square)", 1080, 1080}};
constexpr int kSizeCount = static_cast<int>(std::size(kSizes));
constexpr int k8K = 4;

}  // namespace

void ExportDialog::draw(Context& c) {
    const Dataset& ds = c.data();
    if (c.requests.showExportDialog) {
        ImGui::OpenPopup("Export");
        c.requests.showExportDialog = false;
        m_error.clear();
#ifdef __EMSCRIPTEN__
        if (m_output.empty()) m_output = "meridian-map.png";  // the name of the browser's download
#else
        if (m_output.empty()) m_output = (std::filesystem::current_path() / "meridian-map.png").string();
#endif
        if (m_from.empty()) m_from = formatDayNumber(ds.extent.first).substr(0, 4);
        if (m_to.empty()) m_to = formatDayNumber(ds.extent.last - 1).substr(0, 4);
    }
    if (!ImGui::BeginPopupModal("Export", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
#ifdef __EMSCRIPTEN__
    // The browser: an image of the current view; videos are encoded by ffmpeg, on the desktop.
    m_kind = 0;
    ImGui::TextUnformatted("Image of the current view (PNG)");
    ImGui::TextDisabled("Animations and story videos need the desktop app (they are encoded with ffmpeg).");
#else
    ImGui::RadioButton("Image of the current view", &m_kind, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Animation of a time range", &m_kind, 1);
    ImGui::SameLine();
    ImGui::BeginDisabled(ds.stories.empty());
    ImGui::RadioButton("Story", &m_kind, 2);
    ImGui::EndDisabled();
#endif
    ImGui::Separator();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ImGui::Combo(
        "Size", &m_sizePreset,
        [](void*, int i, const char** out) {
            *out = kSizes[i].label;
            return true;
        },
        nullptr, kSizeCount);
    if (m_kind != 0 && m_sizePreset == k8K) m_sizePreset = 3;  // 8K video would take hours: images only
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30);
    ImGui::InputTextWithHint("Caption", "optional, shown top left", &m_caption);
    if (m_kind == 1) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
        ImGui::InputText("From", &m_from);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
        ImGui::InputText("To", &m_to);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
        ImGui::SliderFloat("Length (s)", &m_seconds, 0, 180, m_seconds == 0 ? "1 s per year" : "%.0f s");
    }
    if (m_kind == 2) {
        m_story = std::clamp(m_story, 0, static_cast<int>(ds.stories.size()) - 1);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
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
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30);
#ifdef __EMSCRIPTEN__
    ImGui::InputText("File name", &m_output);
    if (m_kind == 0) {
        ImGui::TextDisabled("A .png file: your browser downloads it.");
#else
    ImGui::InputText("Save to", &m_output);
    if (m_kind == 0) {
        ImGui::TextDisabled("A .png file.");
#endif
    } else {
        ImGui::TextDisabled("End the name in .mp4 or .gif (needs ffmpeg), or give a folder for numbered PNG frames.");
        const io::FrameFormat f = io::frameFormatFor(m_output);
        if (f != io::FrameFormat::PngSequence && io::findFfmpeg().empty())
            warningText(c, "ffmpeg is not installed: export PNG frames to a folder instead.");
    }
    if (!m_error.empty()) errorText(c, m_error.c_str());
    if (ImGui::Button("Export")) {
        ExportRequest r;
        r.kind = m_kind == 0   ? ExportRequest::Kind::Image
                 : m_kind == 1 ? ExportRequest::Kind::TimeRange
                               : ExportRequest::Kind::Story;
        r.output = m_output;
        r.widthPx = kSizes[m_sizePreset].w;
        r.heightPx = kSizes[m_sizePreset].h;
        r.fps = m_fps;
        r.caption = m_caption;
        r.durationSec = m_seconds;
        r.story = static_cast<Index>(m_story);
        m_error.clear();
        if (m_kind == 0 && !std::string_view(m_output).ends_with(".png"))
            m_error = "The image file name must end in .png";
        if (m_kind == 1) {
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
    if (ImGui::Button("Cancel") || keyPressed(Key::Escape)) ImGui::CloseCurrentPopup();
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

// File > Export: the current view as a PNG (up to 8K, with caption and
// attribution), or an animation of a time range or a story (PNG frames, MP4,
// GIF). A progress window with Cancel while it runs.
#include <algorithm>
#include <cstring>
#include <filesystem>

#include "io/frame_sink.h"
#include "ui/export_job.h"
#include "ui/keys.h"
#include "ui/panels.h"

namespace meridian::ui {

void drawExportDialog(AppContext& ctx) {
    static int kind = 0;  // 0 image, 1 time range, 2 story
    static int sizePreset = 1;
    static char output[512] = "";
    static char caption[256] = "";
    static char from[16] = "", to[16] = "";
    static float fps = 30, seconds = 0;
    static int story = 0;
    static std::string error;
    struct Preset {
        const char* label;
        int w, h;
    };
    static const Preset kSizes[] = {{"1280 x 720 (HD)", 1280, 720},
                                    {"1920 x 1080 (Full HD)", 1920, 1080},
                                    {"2560 x 1440", 2560, 1440},
                                    {"3840 x 2160 (4K)", 3840, 2160},
                                    {"7680 x 4320 (8K, image only)", 7680, 4320},
                                    {"1080 x 1080 (square)", 1080, 1080}};
    if (ctx.showExportDialog) {
        ImGui::OpenPopup("Export");
        ctx.showExportDialog = false;
        error.clear();
        if (!output[0])
            std::snprintf(output, sizeof output, "%s",
                          (std::filesystem::current_path() / "meridian-map.png").string().c_str());
        if (!from[0])
            std::snprintf(from, sizeof from, "%s", formatDayNumber(ctx.dataset.extent.first).substr(0, 4).c_str());
        if (!to[0])
            std::snprintf(to, sizeof to, "%s", formatDayNumber(ctx.dataset.extent.last - 1).substr(0, 4).c_str());
    }
    if (!ImGui::BeginPopupModal("Export", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::RadioButton("Image of the current view", &kind, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Animation of a time range", &kind, 1);
    ImGui::SameLine();
    ImGui::BeginDisabled(ctx.dataset.stories.empty());
    ImGui::RadioButton("Story", &kind, 2);
    ImGui::EndDisabled();
    ImGui::Separator();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ImGui::Combo(
        "Size", &sizePreset,
        [](void*, int i, const char** out) {
            *out = kSizes[i].label;
            return true;
        },
        nullptr, 6);
    if (kind != 0 && sizePreset == 4) sizePreset = 3;  // 8K video would take hours: images only
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30);
    ImGui::InputTextWithHint("Caption", "optional, shown top left", caption, sizeof caption);
    if (kind == 1) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
        ImGui::InputText("From", from, sizeof from);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
        ImGui::InputText("To", to, sizeof to);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
        ImGui::SliderFloat("Length (s)", &seconds, 0, 180, seconds == 0 ? "1 s per year" : "%.0f s");
    }
    if (kind == 2) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
        ImGui::Combo(
            "Story", &story,
            [](void* d, int i, const char** out) {
                *out = static_cast<Dataset*>(d)->stories[static_cast<std::size_t>(i)].title.c_str();
                return true;
            },
            &ctx.dataset, static_cast<int>(ctx.dataset.stories.size()));
    }
    if (kind != 0) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
        ImGui::SliderFloat("Frames per second", &fps, 5, 60, "%.0f");
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30);
    ImGui::InputText("Save to", output, sizeof output);
    if (kind == 0)
        ImGui::TextDisabled("A .png file.");
    else {
        ImGui::TextDisabled("End the name in .mp4 or .gif (needs ffmpeg), or give a folder for numbered PNG frames.");
        const io::FrameFormat f = io::frameFormatFor(output);
        if (f != io::FrameFormat::PngSequence && io::findFfmpeg().empty())
            ImGui::TextColored(ImVec4(0.9f, 0.5f, 0.2f, 1),
                               "ffmpeg is not installed: export PNG frames to a folder instead.");
    }
    if (!error.empty()) ImGui::TextColored(ImVec4(0.9f, 0.35f, 0.25f, 1), "%s", error.c_str());
    if (ImGui::Button("Export")) {
        auto r = std::make_shared<ExportRequest>();
        r->kind = kind == 0   ? ExportRequest::Kind::Image
                  : kind == 1 ? ExportRequest::Kind::TimeRange
                              : ExportRequest::Kind::Story;
        r->output = output;
        r->widthPx = kSizes[sizePreset].w;
        r->heightPx = kSizes[sizePreset].h;
        r->fps = fps;
        r->caption = caption;
        r->durationSec = seconds;
        r->story = static_cast<Index>(story);
        error.clear();
        if (kind == 0 && !std::string_view(output).ends_with(".png")) error = "The image file name must end in .png";
        if (kind == 1) {
            const DateParseResult a = parseIsoDate(from), b = parseIsoDate(to);
            if (!a.date || !b.date)
                error = !a.date ? a.error : b.error;
            else
                r->range = DaySpan{a.date->span().first, b.date->span().last};
        }
        if (error.empty()) {
            ctx.exportRequest = r;
            ImGui::CloseCurrentPopup();
        }
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || keyPressed(Key::Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void drawExportProgress(AppContext& ctx) {
    AppContext::ExportProgress& p = ctx.exportProgress;
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

// Presenter mode: the map full screen, chrome hidden, the step's title and
// narration in large type, a discreet step counter. A clicker's PageDown /
// PageUp (and → ← Space) move between steps; Esc leaves.
#include <algorithm>

#include "ui/keys.h"
#include "ui/panels.h"
#include "ui/story_player.h"
#include "ui/theme.h"
#include "ui/views.h"

namespace meridian::ui {

namespace {

void handlePresenterKeys(AppContext& ctx) {
    StoryPlayback& sp = *ctx.story;
    if (!playbackKeysAllowed()) return;
    if (keyPressed(Key::Right) || keyPressed(Key::PageDown) || keyPressed(Key::Space) || keyPressed(Key::Enter)) {
        sp.autoplay = false;
        goToStep(ctx, sp.step + 1, false);
    }
    if (keyPressed(Key::Left) || keyPressed(Key::PageUp)) {
        sp.autoplay = false;
        goToStep(ctx, sp.step - 1, false);
    }
    if (keyPressed(Key::Home, false)) goToStep(ctx, 0, false);
    if (keyPressed(Key::A, false)) sp.autoplay = !sp.autoplay, sp.stepStartSec = ctx.timeSec;
    if (keyPressed(Key::L, false)) ctx.map.legend = !ctx.map.legend;
    if (keyPressed(Key::Escape, false)) {
        sp.presenting = false;
        ctx.fullscreen = false;
    }
}

void drawNarration(AppContext& ctx, const Story& story, StoryPlayback& sp) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const StoryStep& step = story.steps[static_cast<std::size_t>(sp.step)];
    const float s = ctx.scale();
    const float pad = 22 * s;
    const float width = std::min(vp->Size.x * 0.46f, 900 * s);
    const Palette& pal = palette(ctx.theme);
    const float attributionH = ImGui::GetFontSize() * 1.6f;
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + pad, vp->Pos.y + vp->Size.y - pad - attributionH), ImGuiCond_Always,
                            ImVec2(0, 1));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::SetNextWindowBgAlpha(0.9f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad * 0.8f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 8 * s);
    ImGui::Begin("##narration", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
    ImGui::PushFont(ctx.fonts.large);
    ImGui::PushTextWrapPos(width - pad);
    ImGui::TextWrapped("%s", step.title.c_str());
    ImGui::PopFont();
    ImGui::PushFont(ctx.fonts.narration);
    ImGui::TextWrapped("%s", step.text.c_str());
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    ctx.narrationTopPx = ImGui::GetWindowPos().y - vp->Pos.y;
    ctx.narrationRightPx = ImGui::GetWindowPos().x + ImGui::GetWindowSize().x - vp->Pos.x;
    ImGui::End();
    ImGui::PopStyleVar(2);

    // The step counter, discreet, bottom right above the attribution.
    char counter[64];
    std::snprintf(counter, sizeof counter, "%d / %zu%s", sp.step + 1, story.steps.size(),
                  sp.autoplay ? "  \u25B6 auto" : "");
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    ImFont* f = ctx.fonts.bold;
    const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, counter);
    dl->AddText(f, f->FontSize, ImVec2(vp->Pos.x + vp->Size.x - ts.x - pad, vp->Pos.y + vp->Size.y - ts.y - pad * 2.2f),
                pal.textMuted, counter);
}

}  // namespace

bool drawPresenter(AppContext& ctx) {
    if (!ctx.story || !ctx.story->presenting || ctx.story->story >= ctx.dataset.stories.size()) return false;
    const Story& story = ctx.dataset.stories[ctx.story->story];
    if (story.steps.empty()) return false;
    if (!ctx.headless) handlePresenterKeys(ctx);
    if (!ctx.story || !ctx.story->presenting) return false;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    if (ImGui::Begin("Map", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse))
        drawMapView(ctx);
    ImGui::End();
    ImGui::PopStyleVar(2);
    drawNarration(ctx, story, *ctx.story);
    return true;
}

}  // namespace meridian::ui

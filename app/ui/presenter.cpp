#include "ui/presenter.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "session/story_player.h"
#include "ui/keys.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace meridian::ui {

void Presenter::handleKeys(Context& c) {
    Session& s = c.session;
    if (!s.story || !playbackKeysAllowed()) return;
    StoryPlayback& sp = *s.story;
    const double margin = 90 * c.scale();
    if (keyPressed(Key::Right) || keyPressed(Key::PageDown) || keyPressed(Key::Space) || keyPressed(Key::Enter)) {
        sp.autoplay = false;
        goToStep(s, c.data(), sp.step + 1, false, margin);
    }
    if (keyPressed(Key::Left) || keyPressed(Key::PageUp)) {
        sp.autoplay = false;
        goToStep(s, c.data(), sp.step - 1, false, margin);
    }
    if (keyPressed(Key::Home, false)) goToStep(s, c.data(), 0, false, margin);
    if (keyPressed(Key::A, false)) sp.autoplay = !sp.autoplay, sp.stepStartSec = s.clockSec;
    if (keyPressed(Key::L, false)) s.layers.legend = !s.layers.legend;
    if (keyPressed(Key::Escape, false)) {
        sp.presenting = false;
        c.requests.fullscreen = false;
    }
}

void Presenter::drawNarration(Context& c) {
    Session& s = c.session;
    const StoryStep* step = currentStep(s, c.data());
    if (!step) return;
    const Story& story = c.data().stories[s.story->story];
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float sc = c.scale();
    const float pad = 22 * sc;
    const float width = std::min(vp->Size.x * 0.46f, 900 * sc);
    const Palette& pal = palette(c.look.theme);
    const float attributionH = ImGui::GetFontSize() * 1.6f;
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + pad, vp->Pos.y + vp->Size.y - pad - attributionH), ImGuiCond_Always,
                            ImVec2(0, 1));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::SetNextWindowBgAlpha(0.9f);
    {
        StyleVars vars;
        vars.push(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad * 0.8f)).push(ImGuiStyleVar_WindowRounding, 8 * sc);
        ImGui::Begin("##narration", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                         ImGuiWindowFlags_NoNav);
        ImGui::PushTextWrapPos(width - pad);
        {
            FontScope large(c.fonts.large);
            ImGui::TextWrapped("%s", step->title.c_str());
        }
        {
            FontScope narration(c.fonts.narration);
            ImGui::TextWrapped("%s", step->text.c_str());
        }
        ImGui::PopTextWrapPos();
        s.narrationTopPx = ImGui::GetWindowPos().y - vp->Pos.y;
        s.narrationRightPx = ImGui::GetWindowPos().x + ImGui::GetWindowSize().x - vp->Pos.x;
        ImGui::End();
    }

    // The step counter, discreet, bottom right above the attribution.
    char counter[64];
    std::snprintf(counter, sizeof counter, "%d / %zu%s", s.story->step + 1, story.steps.size(),
                  s.story->autoplay ? "  \u25B6 auto" : "");
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    ImFont* f = c.fonts.bold;
    const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, counter);
    dl->AddText(f, f->FontSize, ImVec2(vp->Pos.x + vp->Size.x - ts.x - pad, vp->Pos.y + vp->Size.y - ts.y - pad * 2.2f),
                pal.textMuted, counter);
}

}  // namespace meridian::ui

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

namespace {

// Events of the step that have no place: never seen on the map, so named in the card.
std::vector<Index> placelessEvents(const Dataset& ds, const StoryStep& step) {
    std::vector<Index> out;
    for (Index e : step.highlight)
        if (e < ds.events.size() && !ds.events[e].isOnMap()) out.push_back(e);
    return out;
}

float wrappedHeight(ImFont* font, const std::string& text, float width) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, width, text.c_str()).y;
}

}  // namespace

void Presenter::drawNarration(Context& c) {
    Session& s = c.session;
    const Dataset& ds = c.data();
    const StoryStep* step = currentStep(s, ds);
    if (!step) return;
    const Story& story = ds.stories[s.story->story];
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float sc = c.scale();
    const float pad = std::min(22 * sc, vp->Size.y * 0.03f);
    const Palette& pal = palette(c.look.theme);
    const float attributionH = ImGui::GetFontSize() * 1.6f;
    // Wide screens: a card at the bottom left, the map's right side free. Narrow
    // ones (a 1280 px projector at 200 %): a band along the bottom.
    const bool band = vp->Size.x / sc < 1100;
    const float width = band ? vp->Size.x - 2 * pad : std::min(vp->Size.x * 0.46f, 900 * sc);
    const float maxH = vp->Size.y * (band ? 0.48f : 0.55f) - attributionH;
    const float textW = width - 2 * pad;

    // The largest type that fits the card: title and narration sizes step down together.
    std::string also;
    for (Index e : placelessEvents(ds, *step))
        also += (also.empty() ? "Also at this time, not on the map: " : "; ") + ds.events[e].title + " (" +
                describeWhen(ds.events[e]) + ")";
    if (!also.empty()) also += ".";
    struct Sizes {
        ImFont* title;
        ImFont* body;
    };
    const Sizes options[] = {{c.fonts.large, c.fonts.narration},
                             {c.fonts.title, c.fonts.narration},
                             {c.fonts.title, c.fonts.regular},
                             {c.fonts.bold, c.fonts.regular}};
    // Start from the estimate; if the card still scrolled last frame, one size smaller.
    const std::pair<Index, int> stepKey{s.story->story, s.story->step};
    if (stepKey != m_sizedFor) m_sizedFor = stepKey, m_sizeLevel = -1, m_framesSized = 0;
    ++m_framesSized;
    Sizes chosen = options[3];
    bool fits = false;
    int level = 0;
    for (const Sizes& o : options) {
        float h = wrappedHeight(o.title, step->title, textW) + wrappedHeight(o.body, step->text, textW) + pad * 1.6f +
                  ImGui::GetStyle().ItemSpacing.y * 2;
        if (!also.empty()) h += wrappedHeight(c.fonts.regular, also, textW) + ImGui::GetStyle().ItemSpacing.y * 2;
        if (h <= maxH) {
            chosen = o;
            fits = true;
            break;
        }
        ++level;
    }
    level = std::min(level, 3);
    if (m_sizeLevel > level) level = m_sizeLevel, chosen = options[level], fits = level < 3;
    m_sizeLevel = level;
    // Still too much text at the smallest size: the card may cover more of the map
    // (a clicker cannot scroll).
    const float cardMaxH = fits ? maxH : vp->Size.y * 0.66f - attributionH;
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + pad, vp->Pos.y + vp->Size.y - pad - attributionH), ImGuiCond_Always,
                            ImVec2(0, 1));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, cardMaxH));
    ImGui::SetNextWindowBgAlpha(0.92f);
    {
        StyleVars vars;
        vars.push(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad * 0.8f)).push(ImGuiStyleVar_WindowRounding, 8 * sc);
        // Text that still does not fit scrolls (the wheel, or the clicker's keys stay the presenter's).
        ImGui::Begin("##narration", nullptr,
                     ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollbar);
        ImGui::PushTextWrapPos(0.0f);  // the card's edge (inside a scroll bar, when there is one)
        {
            FontScope title(chosen.title);
            ImGui::TextWrapped("%s", step->title.c_str());
        }
        {
            FontScope body(chosen.body);
            ImGui::TextWrapped("%s", step->text.c_str());
        }
        if (!also.empty()) {
            StyleColors muted;
            muted.push(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", also.c_str());
        }
        ImGui::PopTextWrapPos();
        // Still scrolling once the card has settled (an auto-sized window takes a
        // frame or two to know its size): smaller type next frame.
        if (m_framesSized > 2 && ImGui::GetScrollMaxY() > 0 && m_sizeLevel < 3) ++m_sizeLevel;
        const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
        s.narrationTopPx = pos.y - vp->Pos.y;
        s.narrationRightPx = pos.x + size.x - vp->Pos.x;
        ImGui::End();
    }
    // Where the map can frame the step's events: above the card, or to its right,
    // whichever is larger (below the legend's top band, which stays small).
    const double W = vp->Size.x, H = vp->Size.y;
    const geo::ScreenRect above{0, 0, W, std::max(1.0, static_cast<double>(s.narrationTopPx))};
    const geo::ScreenRect right{std::min(W - 1, static_cast<double>(s.narrationRightPx)), 0, W, H - attributionH};
    s.presenterFreeArea = above.width() * above.height() >= right.width() * right.height() ? above : right;
    reframeStep(s, c.data(), 90 * c.scale());

    // The step counter, discreet, bottom left on the attribution's line.
    char counter[64];
    std::snprintf(counter, sizeof counter, "%d / %zu%s", s.story->step + 1, story.steps.size(),
                  s.story->autoplay ? "  \u25B6 auto" : "");
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    ImFont* f = c.fonts.bold;
    const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, counter);
    dl->AddText(f, f->FontSize, ImVec2(vp->Pos.x + pad, vp->Pos.y + vp->Size.y - (attributionH + ts.y) * 0.5f - 2),
                pal.textMuted, counter);
}

}  // namespace meridian::ui

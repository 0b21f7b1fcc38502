#include "ui/speaker_notes.h"

#include <imgui.h>

#include <cmath>

namespace meridian::ui {

void drawSpeakerNotes(const Dataset& ds, const Session& ss, double presentationStartSec) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::Begin("Speaker notes", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    if (!ss.story || ss.story->story >= ds.stories.size()) {
        ImGui::TextUnformatted("No story is being presented.");
        ImGui::End();
        return;
    }
    const Story& story = ds.stories[ss.story->story];
    const int step = ss.story->step;
    const double elapsed = std::max(0.0, ss.clockSec - presentationStartSec);
    ImGui::Text("%s  \u2014  step %d of %zu  \u2014  %02d:%02d", story.title.c_str(), step + 1, story.steps.size(),
                static_cast<int>(elapsed) / 60, static_cast<int>(elapsed) % 60);
    ImGui::Separator();
    const StoryStep& s = story.steps[static_cast<std::size_t>(step)];
    ImGui::SetWindowFontScale(1.6f);
    ImGui::TextWrapped("%s", s.title.c_str());
    ImGui::SetWindowFontScale(1.25f);
    ImGui::TextWrapped("%s", s.text.c_str());
    ImGui::SetWindowFontScale(1.0f);
    if (!s.highlight.empty()) {
        ImGui::Spacing();
        ImGui::TextDisabled("Events on the map:");
        for (Index e : s.highlight)
            if (e < ds.events.size()) {
                const Event& ev = ds.events[e];
                ImGui::BulletText("%s (%s, %s)", ev.title.c_str(), describeWhen(ev).c_str(),
                                  confidenceLabel(ev.confidence));
            }
    }
    ImGui::Spacing();
    ImGui::Separator();
    if (step + 1 < static_cast<int>(story.steps.size())) {
        ImGui::TextDisabled("Next:");
        ImGui::SameLine();
        ImGui::TextWrapped("%s", story.steps[static_cast<std::size_t>(step + 1)].title.c_str());
    } else {
        ImGui::TextDisabled("This is the last step.");
    }
    ImGui::TextDisabled("Keys go to the presentation: \u2192 PageDown Space next, \u2190 PageUp back, Esc ends.");
    ImGui::End();
}

}  // namespace meridian::ui

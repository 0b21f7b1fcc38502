// The story tab: choose a story, go to a step, present (F5) or autoplay it,
// record the current view as a step, reorder and edit steps.
#include "ui/story_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

#include "geo/projection.h"
#include "session/story_player.h"
#include "ui/widgets.h"

namespace meridian::ui {

namespace {

// The current view as a new step: playhead or window, camera, the selection.
StoryStep stepFromView(const Session& s) {
    StoryStep step;
    step.title = "New step";
    const auto day = static_cast<DayNumber>(std::floor(s.view.playheadDay));
    if (s.view.window) {
        const CivilDate a = civilFromDays(s.view.window->first), b = civilFromDays(s.view.window->last - 1);
        step.from = Date::fromCivil(a.year, a.month, a.day);
        step.to = Date::fromCivil(b.year, b.month, b.day);
    } else {
        const CivilDate cd = civilFromDays(day);
        step.time = Date::fromCivil(cd.year, cd.month, cd.day);
    }
    StoryCamera cam;
    cam.projection = std::string(geo::projectionName(s.camera.projection));
    cam.centerLonDeg = s.camera.centerLonDeg;
    cam.centerLatDeg = s.camera.centerLatDeg;
    cam.zoom = s.camera.zoom;
    step.camera = cam;
    step.fitHighlighted = false;
    if (s.view.selected != kNoIndex) step.highlight.push_back(s.view.selected);
    return step;
}

}  // namespace

void StoryPanel::applyStory(Context& c, Index storyIndex, Story story, const std::string& name,
                            const std::string& coalesce) {
    std::string error;
    if (!c.doc.apply(Edit::replace(c.data(), storyIndex, std::move(story), name), &error, coalesce))
        m_message = "Not changed: " + error;
    else
        m_message.clear();
}

void StoryPanel::drawStep(Context& c, Index storyIndex, int i) {
    Session& s = c.session;
    const Story& story = c.data().stories[storyIndex];
    const StoryStep& step = story.steps[static_cast<std::size_t>(i)];
    IdScope id(i);
    const bool current = s.story && s.story->story == storyIndex && s.story->step == i;
    const std::string label = std::to_string(i + 1) + ". " + step.title;
    if (ImGui::Selectable(label.c_str(), current)) startStory(s, c.data(), storyIndex, i, false, false, 90 * c.scale());
    if (!current || !ImGui::TreeNodeEx("Edit step", ImGuiTreeNodeFlags_DefaultOpen)) return;
    ScopeExit pop([] { ImGui::TreePop(); });
    // The fields show the step as it is (after an undo too) unless being typed in.
    if (m_fieldsFor != i || (m_fieldsRevision != c.doc.revision() && !ImGui::IsAnyItemActive())) {
        m_title = step.title;
        m_text = step.text;
        m_fieldsFor = i;
        m_fieldsRevision = c.doc.revision();
    }
    const std::string stepName = "\u201C" + step.title + "\u201D";
    if (ImGui::InputText("Title", &m_title)) {
        Story edited = story;
        edited.steps[static_cast<std::size_t>(i)].title = m_title;
        applyStory(c, storyIndex, std::move(edited), "edit the step's title",
                   "story-title-" + std::to_string(m_typing));
        m_fieldsRevision = c.doc.revision();
    }
    if (ImGui::IsItemActivated()) ++m_typing;
    // No length limit of its own: the loader allows 8,000 bytes and says so when a file has more.
    if (ImGui::InputTextMultiline("Narration", &m_text, ImVec2(-1, ImGui::GetTextLineHeight() * 6))) {
        Story edited = story;
        edited.steps[static_cast<std::size_t>(i)].text = m_text;
        applyStory(c, storyIndex, std::move(edited), "edit the narration of " + stepName,
                   "story-text-" + std::to_string(m_typing));
        m_fieldsRevision = c.doc.revision();
    }
    if (ImGui::IsItemActivated()) ++m_typing;
    auto seconds = static_cast<float>(step.durationSec);
    if (ImGui::SliderFloat("Autoplay seconds", &seconds, 2, 60, "%.0f")) {
        Story edited = story;
        edited.steps[static_cast<std::size_t>(i)].durationSec = seconds;
        applyStory(c, storyIndex, std::move(edited), "change the step's duration",
                   "story-duration-" + std::to_string(m_typing));
    }
    if (ImGui::IsItemActivated()) ++m_typing;
    const int count = static_cast<int>(story.steps.size());
    if (ImGui::SmallButton("Use current view")) {
        Story edited = story;
        StoryStep fresh = stepFromView(s);
        fresh.title = step.title;
        fresh.text = step.text;
        fresh.durationSec = step.durationSec;
        edited.steps[static_cast<std::size_t>(i)] = std::move(fresh);
        applyStory(c, storyIndex, std::move(edited), "use the current view for " + stepName);
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("Up") && i > 0) {
        Story edited = story;
        std::swap(edited.steps[static_cast<std::size_t>(i)], edited.steps[static_cast<std::size_t>(i - 1)]);
        applyStory(c, storyIndex, std::move(edited), "move " + stepName + " up");
        if (s.story) s.story->step = i - 1;
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("Down") && i + 1 < count) {
        Story edited = story;
        std::swap(edited.steps[static_cast<std::size_t>(i)], edited.steps[static_cast<std::size_t>(i + 1)]);
        applyStory(c, storyIndex, std::move(edited), "move " + stepName + " down");
        if (s.story) s.story->step = i + 1;
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(count <= 1);
    if (ImGui::SmallButton("Delete")) {
        Story edited = story;
        edited.steps.erase(edited.steps.begin() + i);
        applyStory(c, storyIndex, std::move(edited), "delete the step " + stepName);
        if (s.story) s.story->step = std::min(i, count - 2);
    }
    ImGui::EndDisabled();
}

void StoryPanel::draw(Context& c) {
    Session& s = c.session;
    const Dataset& ds = c.data();
    if (!c.doc.hasData()) return;
    if (ds.stories.empty()) {
        ImGui::TextWrapped("This file has no story yet.");
        if (ImGui::Button("New story")) {
            Story story;
            story.id = c.doc.uniqueId(RecordKind::Story, "story");
            story.title = "New story";
            story.steps.push_back(stepFromView(s));
            std::string error;
            if (!c.doc.apply(Edit::append(ds, std::move(story), "add a story"), &error))
                m_message = "Not added: " + error;
            m_chosen = 0;
        }
        c.reportControl("story.new");
        if (!m_message.empty()) errorText(c, m_message.c_str());
        return;
    }
    m_chosen = std::min<Index>(m_chosen, static_cast<Index>(ds.stories.size() - 1));
    if (ImGui::BeginCombo("Story", ds.stories[m_chosen].title.c_str())) {
        for (Index i = 0; i < ds.stories.size(); ++i)
            if (ImGui::Selectable(ds.stories[i].title.c_str(), i == m_chosen)) m_chosen = i;
        ImGui::EndCombo();
    }
    const Story& story = ds.stories[m_chosen];
    if (!story.description.empty()) ImGui::TextWrapped("%s", story.description.c_str());

    const bool open = s.story && s.story->story == m_chosen;
    const double margin = 90 * c.scale();
    if (ImGui::Button("Present (F5)")) {
        startStory(s, ds, m_chosen, open ? s.story->step : 0, true, false, margin);
        c.requests.fullscreen = true;
    }
    c.reportControl("story.present");
    ImGui::SameLine();
    if (ImGui::Button(open && s.story->autoplay ? "Stop autoplay" : "Autoplay")) {
        if (!open) startStory(s, ds, m_chosen, 0, false, false, margin);
        s.story->autoplay = !s.story->autoplay;
        s.story->stepStartSec = s.clockSec;
    }
    if (open) {
        ImGui::SameLine();
        ImGui::Checkbox("Loop", &s.story->loop);
        ImGui::SameLine();
        if (ImGui::Button("Close story")) stopStory(s, ds);
    }
    ImGui::Separator();

    const Index storyIndex = m_chosen;
    for (int i = 0; i < static_cast<int>(c.data().stories[storyIndex].steps.size()); ++i) drawStep(c, storyIndex, i);
    if (ImGui::Button("Add current view as a step")) {
        Story edited = c.data().stories[storyIndex];
        const int count = static_cast<int>(edited.steps.size());
        // After the current step of this story, else at the end (never past it).
        const int at = s.story && s.story->story == storyIndex ? std::clamp(s.story->step + 1, 0, count) : count;
        edited.steps.insert(edited.steps.begin() + at, stepFromView(s));
        applyStory(c, storyIndex, std::move(edited), "add a step");
        if (s.story && s.story->story == storyIndex) s.story->step = at;
    }
    ImGui::Separator();
    if (c.doc.isDirty()) {
        if (ImGui::Button("Save into the file (Ctrl+S)")) c.requests.save = true;
        ImGui::SameLine();
        ImGui::TextDisabled("unsaved changes");
    }
    if (!m_message.empty()) errorText(c, m_message.c_str());
}

}  // namespace meridian::ui

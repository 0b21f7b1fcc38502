// The story tab: choose a story, go to a step, present (F5) or autoplay it,
// record the current view as a step, reorder and edit steps, save into the file.
#include <algorithm>
#include <cstring>

#include "io/story_writer.h"
#include "ui/keys.h"
#include "ui/panels.h"
#include "ui/story_player.h"
#include "ui/views.h"

namespace meridian::ui {

namespace {

// The current view as a new step: playhead or window, camera, the selection.
StoryStep stepFromView(const AppContext& ctx) {
    StoryStep s;
    s.title = "New step";
    const DayNumber day = static_cast<DayNumber>(std::floor(ctx.view.playheadDay));
    if (ctx.view.window) {
        const CivilDate a = civilFromDays(ctx.view.window->first), b = civilFromDays(ctx.view.window->last - 1);
        s.from = Date::fromCivil(a.year, a.month, a.day);
        s.to = Date::fromCivil(b.year, b.month, b.day);
    } else {
        const CivilDate c = civilFromDays(day);
        s.time = Date::fromCivil(c.year, c.month, c.day);
    }
    StoryCamera cam;
    cam.projection = std::string(geo::projectionName(ctx.camera.projection));
    cam.centerLonDeg = ctx.camera.centerLonDeg;
    cam.centerLatDeg = ctx.camera.centerLatDeg;
    cam.zoom = ctx.camera.zoom;
    s.camera = cam;
    s.fitHighlighted = false;
    if (ctx.view.selected != kNoIndex) s.highlight.push_back(ctx.view.selected);
    return s;
}

}  // namespace

void drawStoryPanel(AppContext& ctx) {
    Dataset& ds = ctx.dataset;
    static Index chosen = 0;
    static std::string saveMessage;
    bool& dirty = ctx.storyEditsUnsaved;
    if (!ctx.hasDataset) return;
    if (ds.stories.empty()) {
        ImGui::TextWrapped("This file has no story yet.");
        if (ImGui::Button("New story")) {
            Story s;
            s.id = "story-1";
            s.title = "New story";
            s.steps.push_back(stepFromView(ctx));
            ds.stories.push_back(std::move(s));
            chosen = 0;
            dirty = true;
        }
        return;
    }
    chosen = std::min<Index>(chosen, static_cast<Index>(ds.stories.size() - 1));
    if (ImGui::BeginCombo("Story", ds.stories[chosen].title.c_str())) {
        for (Index i = 0; i < ds.stories.size(); ++i)
            if (ImGui::Selectable(ds.stories[i].title.c_str(), i == chosen)) chosen = i;
        ImGui::EndCombo();
    }
    Story& story = ds.stories[chosen];
    if (!story.description.empty()) ImGui::TextWrapped("%s", story.description.c_str());

    const bool open = ctx.story && ctx.story->story == chosen;
    if (ImGui::Button("Present (F5)")) {
        startStory(ctx, chosen, open ? ctx.story->step : 0, true, false);
        ctx.fullscreen = true;
    }
    ImGui::SameLine();
    if (ImGui::Button(open && ctx.story->autoplay ? "Stop autoplay" : "Autoplay")) {
        if (!open) startStory(ctx, chosen, 0, false, false);
        ctx.story->autoplay = !ctx.story->autoplay;
        ctx.story->stepStartSec = ctx.timeSec;
    }
    if (open) {
        ImGui::SameLine();
        ImGui::Checkbox("Loop", &ctx.story->loop);
        ImGui::SameLine();
        if (ImGui::Button("Close story")) stopStory(ctx);
    }
    ImGui::Separator();

    int moveFrom = -1, moveTo = -1, remove = -1;
    for (int i = 0; i < static_cast<int>(story.steps.size()); ++i) {
        StoryStep& step = story.steps[static_cast<std::size_t>(i)];
        ImGui::PushID(i);
        const bool current = ctx.story && ctx.story->story == chosen && ctx.story->step == i;
        char label[300];
        std::snprintf(label, sizeof label, "%d. %s", i + 1, step.title.c_str());
        if (ImGui::Selectable(label, current)) startStory(ctx, chosen, i, false, false);
        if (current && ImGui::TreeNodeEx("Edit step", ImGuiTreeNodeFlags_DefaultOpen)) {
            char title[256];
            std::snprintf(title, sizeof title, "%s", step.title.c_str());
            if (ImGui::InputText("Title", title, sizeof title)) step.title = title, dirty = true;
            static char text[4096];
            std::snprintf(text, sizeof text, "%s", step.text.c_str());
            if (ImGui::InputTextMultiline("Narration", text, sizeof text, ImVec2(-1, ImGui::GetTextLineHeight() * 6)))
                step.text = text, dirty = true;
            float seconds = static_cast<float>(step.durationSec);
            if (ImGui::SliderFloat("Autoplay seconds", &seconds, 2, 60, "%.0f"))
                step.durationSec = seconds, dirty = true;
            if (ImGui::SmallButton("Use current view")) {
                StoryStep fresh = stepFromView(ctx);
                fresh.title = step.title;
                fresh.text = step.text;
                fresh.durationSec = step.durationSec;
                step = std::move(fresh);
                dirty = true;
            }
            ImGui::SameLine();
            if (ImGui::SmallButton("Up") && i > 0) moveFrom = i, moveTo = i - 1;
            ImGui::SameLine();
            if (ImGui::SmallButton("Down") && i + 1 < static_cast<int>(story.steps.size()))
                moveFrom = i, moveTo = i + 1;
            ImGui::SameLine();
            if (ImGui::SmallButton("Delete") && story.steps.size() > 1) remove = i;
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
    if (moveFrom >= 0) {
        std::swap(story.steps[static_cast<std::size_t>(moveFrom)], story.steps[static_cast<std::size_t>(moveTo)]);
        if (ctx.story) ctx.story->step = moveTo;
        dirty = true;
    }
    if (remove >= 0) {
        story.steps.erase(story.steps.begin() + remove);
        if (ctx.story) ctx.story->step = std::min(ctx.story->step, static_cast<int>(story.steps.size()) - 1);
        dirty = true;
    }
    if (ImGui::Button("Add current view as a step")) {
        const int at =
            ctx.story && ctx.story->story == chosen ? ctx.story->step + 1 : static_cast<int>(story.steps.size());
        story.steps.insert(story.steps.begin() + at, stepFromView(ctx));
        if (ctx.story) ctx.story->step = at;
        dirty = true;
    }
    ImGui::Separator();
    ImGui::BeginDisabled(!dirty);
    if (ImGui::Button("Save stories into the file")) {
        std::string error;
        if (io::saveStories(ctx.dataFile, ds, &error)) {
            saveMessage = "Saved.";
            dirty = false;
            std::error_code ec;
            ctx.dataFileTime = std::filesystem::last_write_time(ctx.dataFile, ec);  // our own change: no reload
        } else {
            saveMessage = "Not saved: " + error;
        }
    }
    ImGui::EndDisabled();
    if (dirty) {
        ImGui::SameLine();
        ImGui::TextDisabled("unsaved changes");
    }
    if (!saveMessage.empty()) ImGui::TextWrapped("%s", saveMessage.c_str());
}

}  // namespace meridian::ui

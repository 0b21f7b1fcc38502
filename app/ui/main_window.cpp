// The window's layout and menus. The map fills the main area, the timeline
// runs along the bottom, the event table and the details sit on the right.
// Each region is a fixed ImGui window placed every frame (no docking in the
// Debian ImGui); splitters between them are dragged to resize.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "io/dataset_loader.h"
#include "io/story_writer.h"
#include "ui/keys.h"
#include "ui/panels.h"
#include "ui/story_player.h"
#include "ui/theme.h"
#include "ui/views.h"

namespace meridian::ui {

namespace {

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                         ImGuiWindowFlags_NoSavedSettings;

// A draggable splitter; returns the drag delta in pixels along its axis.
float splitter(const char* id, ImVec2 pos, ImVec2 size, bool vertical) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, ImVec2(1, 1));
    ImGui::Begin(
        id, nullptr,
        kPanelFlags | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
    ImGui::InvisibleButton("##split", size);
    float delta = 0;
    if (ImGui::IsItemHovered() || ImGui::IsItemActive())
        ImGui::SetMouseCursor(vertical ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
    if (ImGui::IsItemActive()) delta = vertical ? ImGui::GetIO().MouseDelta.x : ImGui::GetIO().MouseDelta.y;
    ImGui::End();
    ImGui::PopStyleVar(3);
    return delta;
}

// Quitting with story edits that are not saved: ask, never drop them silently.
void drawQuitPrompt(AppContext& ctx) {
    if (!ctx.quitRequested || !ctx.storyEditsUnsaved) return;
    if (!ImGui::IsPopupOpen("Unsaved story edits")) ImGui::OpenPopup("Unsaved story edits");
    if (ImGui::BeginPopupModal("Unsaved story edits", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted("The stories were edited and not saved into the data file.");
        static std::string error;
        if (!error.empty()) ImGui::TextColored(ImVec4(0.9f, 0.35f, 0.25f, 1), "%s", error.c_str());
        if (ImGui::Button("Save and quit")) {
            if (io::saveStories(ctx.dataFile, ctx.dataset, &error)) ctx.quitConfirmed = true;
        }
        ImGui::SameLine();
        if (ImGui::Button("Quit without saving")) ctx.quitConfirmed = true;
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) {
            ctx.quitRequested = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

void handleGlobalShortcuts(AppContext& ctx) {
    if (ctrlDown()) {
        if (keyPressed(Key::F, false)) ctx.focusSearch = true;
        if (keyPressed(Key::O, false)) ctx.showOpenDialog = true;
        if (keyPressed(Key::E, false) && ctx.hasDataset && !ctx.exportProgress.running) ctx.showExportDialog = true;
        if (keyPressed(Key::R, false) && !ctx.dataFile.empty()) loadIntoContext(ctx, ctx.dataFile);
        if (keyPressed(Key::Q, false)) ctx.quitRequested = true;
    }
    if (keyPressed(Key::F11, false)) ctx.fullscreen = !ctx.fullscreen;
    // F5 presents the open story (or the first), from wherever the focus is.
    if (keyPressed(Key::F5, false) && shortcutsAllowed() && !ctx.dataset.stories.empty() &&
        !(ctx.story && ctx.story->presenting)) {
        const Index story = ctx.story ? ctx.story->story : 0;
        startStory(ctx, story, ctx.story ? ctx.story->step : 0, true, false);
        ctx.fullscreen = true;
    }
    // F6: keyboard navigation of the controls on/off (Esc also leaves it).
    if (keyPressed(Key::F6, false))
        ctx.keyboardNav = !ctx.keyboardNav;
    else if (ctx.keyboardNav && keyPressed(Key::Escape, false) &&
             !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId))
        ctx.keyboardNav = false;
    ImGuiIO& io = ImGui::GetIO();
    if (ctx.keyboardNav)
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    else
        io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
}

void drawMenuBar(AppContext& ctx) {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Open\u2026", "Ctrl+O")) ctx.showOpenDialog = true;
        if (ImGui::BeginMenu("Open recent", !ctx.settings.recentFiles.empty())) {
            for (const std::string& f : ctx.settings.recentFiles)
                if (ImGui::MenuItem(f.c_str())) loadIntoContext(ctx, f);
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem("Reload", "Ctrl+R", false, !ctx.dataFile.empty())) loadIntoContext(ctx, ctx.dataFile);
        if (ImGui::MenuItem("Show problems", nullptr, false, !ctx.diagnostics.empty())) ctx.showDiagnostics = true;
        ImGui::Separator();
        if (ImGui::MenuItem("Export image or animation\u2026", "Ctrl+E", false,
                            ctx.hasDataset && !ctx.exportProgress.running))
            ctx.showExportDialog = true;
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) ctx.quitRequested = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        for (Theme t : {Theme::Dark, Theme::Light, Theme::Projector}) {
            const char* names[] = {"Dark theme", "Light theme", "Projector theme (high contrast)"};
            if (ImGui::MenuItem(names[static_cast<int>(t)], nullptr, ctx.theme == t)) {
                ctx.theme = t;
                ctx.fontsDirty = true;  // re-applies the theme at the right scale too
            }
        }
        ImGui::Separator();
        if (ImGui::BeginMenu("UI scale")) {
            for (float s : {0.75f, 1.0f, 1.25f, 1.5f, 1.75f, 2.0f, 2.5f}) {
                char label[16];
                std::snprintf(label, sizeof label, "%d%%", static_cast<int>(s * 100 + 0.5f));
                if (ImGui::MenuItem(label, nullptr, std::abs(ctx.uiScale - s) < 0.01f)) {
                    ctx.uiScale = s;
                    ctx.fontsDirty = true;
                }
            }
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem("Full screen", "F11", ctx.fullscreen)) ctx.fullscreen = !ctx.fullscreen;
        ImGui::EndMenu();
    }
    if (ctx.hasDataset) {
        ImGui::Separator();
        ImGui::TextDisabled("%s", ctx.dataset.title.c_str());
    }
    // Something is hidden: say so where everyone looks.
    if (ctx.filter.isActive()) {
        ImGui::Separator();
        ImGui::TextColored(ImColor(confidenceColor(Confidence::Alleged)), "Filtered: %zu of %zu events (%s)",
                           ctx.filtered.shown, ctx.dataset.events.size(), ctx.filter.describe(ctx.dataset).c_str());
        if (ImGui::SmallButton("Show all")) ctx.filter.clear(), ctx.refilter();
    }
    if (ctx.keyboardNav) {
        ImGui::Separator();
        ImGui::TextColored(ImColor(confidenceColor(Confidence::Reported)),
                           "Keyboard navigation: arrows move between controls, Space activates, Ctrl+Tab changes "
                           "panel, F6 or Esc ends it");
    }
    if (!ctx.statusMessage.empty() && ctx.timeSec < ctx.statusUntilSec) {
        ImGui::Separator();
        ImGui::TextUnformatted(ctx.statusMessage.c_str());
    }
    ImGui::EndMainMenuBar();
}

}  // namespace

void drawMainWindow(AppContext& ctx) {
    if (drawPresenter(ctx)) {
        if (!ctx.headless) handleGlobalShortcuts(ctx);
        ctx.view.revealSelected = false;
        return;
    }
    if (ctx.mapOnly) {
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(vp->Pos);
        ImGui::SetNextWindowSize(vp->Size);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
        if (ImGui::Begin("Map", nullptr,
                         kPanelFlags | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar |
                             ImGuiWindowFlags_NoScrollWithMouse))
            drawMapView(ctx);
        ImGui::End();
        ImGui::PopStyleVar(2);
        return;
    }
    handleGlobalShortcuts(ctx);
    drawMenuBar(ctx);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 origin = vp->WorkPos;
    const ImVec2 size = vp->WorkSize;
    const float gap = std::max(4.0f, 5.0f * ctx.scale());

    const float sideW = std::clamp(ctx.sidePanelFraction * size.x, 260.0f * ctx.scale(), size.x * 0.6f);
    const float mainW = size.x - sideW - gap;
    const float timelineH = std::clamp(ctx.timelineFraction * size.y, 140.0f * ctx.scale(), size.y * 0.6f);
    const float mapH = size.y - timelineH - gap;

    // Map
    ImGui::SetNextWindowPos(origin);
    ImGui::SetNextWindowSize(ImVec2(mainW, mapH));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    if (ImGui::Begin("Map", nullptr,
                     kPanelFlags | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar |
                         ImGuiWindowFlags_NoScrollWithMouse))
        drawMapView(ctx);
    ImGui::End();
    ImGui::PopStyleVar();

    // Timeline
    ImGui::SetNextWindowPos(ImVec2(origin.x, origin.y + mapH + gap));
    ImGui::SetNextWindowSize(ImVec2(mainW, timelineH));
    if (ImGui::Begin("Timeline", nullptr,
                     kPanelFlags | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar |
                         ImGuiWindowFlags_NoScrollWithMouse))
        drawTimelineView(ctx);
    ImGui::End();

    // Side: events (top) and details (bottom)
    const float eventsH = std::clamp(ctx.eventsFraction * size.y, 120.0f * ctx.scale(), size.y - 160.0f * ctx.scale());
    ImGui::SetNextWindowPos(ImVec2(origin.x + mainW + gap, origin.y));
    ImGui::SetNextWindowSize(ImVec2(sideW, eventsH));
    if (ImGui::Begin("Events", nullptr, kPanelFlags | ImGuiWindowFlags_NoTitleBar)) {
        if (ImGui::BeginTabBar("side")) {
            if (ImGui::BeginTabItem("Events")) {
                drawEventTable(ctx);
                ImGui::EndTabItem();
            }
            const std::string filters = ctx.filter.isActive() ? "Filters (on)###filters" : "Filters###filters";
            if (ImGui::BeginTabItem(filters.c_str())) {
                ImGui::BeginChild("filters");
                drawFilterPanel(ctx);
                ImGui::EndChild();
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("Story")) {
                ImGui::BeginChild("story");
                drawStoryPanel(ctx);
                ImGui::EndChild();
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
    }
    ImGui::End();
    ImGui::SetNextWindowPos(ImVec2(origin.x + mainW + gap, origin.y + eventsH + gap));
    ImGui::SetNextWindowSize(ImVec2(sideW, size.y - eventsH - gap));
    if (ImGui::Begin("Details", nullptr, kPanelFlags)) drawDetailsPanel(ctx);
    ImGui::End();

    // Splitters
    const float dx = splitter("##split-side", ImVec2(origin.x + mainW, origin.y), ImVec2(gap, size.y), true);
    if (dx != 0) ctx.sidePanelFraction = std::clamp((sideW - dx) / size.x, 0.15f, 0.6f);
    const float dy = splitter("##split-timeline", ImVec2(origin.x, origin.y + mapH), ImVec2(mainW, gap), false);
    if (dy != 0) ctx.timelineFraction = std::clamp((timelineH - dy) / size.y, 0.12f, 0.6f);
    const float dz =
        splitter("##split-events", ImVec2(origin.x + mainW + gap, origin.y + eventsH), ImVec2(sideW, gap), false);
    if (dz != 0) ctx.eventsFraction = std::clamp((eventsH + dz) / size.y, 0.12f, 0.8f);

    drawDiagnosticsWindow(ctx);
    drawOpenDialog(ctx);
    drawExportDialog(ctx);
    drawExportProgress(ctx);
    drawQuitPrompt(ctx);
    ctx.view.revealSelected = false;  // every view has had its chance to scroll to it
}

}  // namespace meridian::ui

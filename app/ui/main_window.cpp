// [SECTION] Shortcuts
// [SECTION] Menu bar
// [SECTION] Layout
// [SECTION] draw
#include "ui/main_window.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "session/filtering.h"
#include "session/story_player.h"
#include "ui/alerts.h"
#include "ui/keys.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace meridian::ui {

namespace {

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                         ImGuiWindowFlags_NoSavedSettings;
constexpr ImGuiWindowFlags kMapFlags =
    kPanelFlags | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;

// A draggable splitter; returns the drag delta in pixels along its axis.
float splitter(const char* id, ImVec2 pos, ImVec2 size, bool vertical) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    StyleVars vars;
    vars.push(ImGuiStyleVar_WindowPadding, ImVec2(0, 0))
        .push(ImGuiStyleVar_WindowBorderSize, 0)
        .push(ImGuiStyleVar_WindowMinSize, ImVec2(1, 1));
    ImGui::Begin(
        id, nullptr,
        kPanelFlags | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
    ImGui::InvisibleButton("##split", size);
    float delta = 0;
    if (ImGui::IsItemHovered() || ImGui::IsItemActive())
        ImGui::SetMouseCursor(vertical ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
    if (ImGui::IsItemActive()) delta = vertical ? ImGui::GetIO().MouseDelta.x : ImGui::GetIO().MouseDelta.y;
    ImGui::End();
    return delta;
}

}  // namespace

// ===========================================================================
// [SECTION] Shortcuts
// ===========================================================================

void MainWindow::handleGlobalShortcuts(Context& c) {
    Requests& r = c.requests;
    if (ctrlDown()) {
        if (keyPressed(Key::F, false)) r.focusSearch = true;
        if (keyPressed(Key::O, false)) r.showOpenDialog = true;
        if (keyPressed(Key::E, false) && !shiftDown() && c.doc.hasData() && !c.app.exportProgress.running)
            r.showExportDialog = true;
        if (keyPressed(Key::R, false) && !c.doc.path().empty()) r.reload = true;
        if (keyPressed(Key::Q, false)) r.quit = true;
        if (keyPressed(Key::S, false) && c.doc.isDirty() && !shiftDown()) r.save = true;
        if (keyPressed(Key::S, false) && c.doc.hasData() && shiftDown()) r.showSaveAsDialog = true;
        // Undo and redo, unless a text field is being edited (it has its own).
        if (shortcutsAllowed()) {
            if (keyPressed(Key::Z) && !shiftDown()) c.doc.undo();
            if ((keyPressed(Key::Z) && shiftDown()) || keyPressed(Key::Y)) c.doc.redo();
        }
    }
    if (keyPressed(Key::F11, false)) r.toggleFullscreen = true;
    // (Whether the window is narrow is known before the panels are laid out: F2 in
    // the very first frame counts.)
    m_compact = ImGui::GetMainViewport()->WorkSize.x / c.scale() < kDrawerBelowWidth;
    if (keyPressed(Key::F2, false) && m_compact) m_layout.drawerOpen = !m_layout.drawerOpen;
    // F5 presents the open story (or the first), from wherever the focus is.
    Session& s = c.session;
    if (keyPressed(Key::F5, false) && shortcutsAllowed() && !c.data().stories.empty() && !s.presenting()) {
        const Index story = s.story ? s.story->story : 0;
        startStory(s, c.data(), story, s.story ? s.story->step : 0, true, false, 90 * c.scale());
        r.fullscreen = true;
    }
    // Esc clears the search from anywhere (the field itself handles it when it has the keyboard).
    if (keyPressed(Key::Escape, false) && shortcutsAllowed() && !c.app.keyboardNav && !s.presenting() &&
        !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId) && !s.filter.text.empty()) {
        s.filter.text.clear();
        refilter(s, c.data(), c.doc.revision());
    }
    // F6: keyboard navigation of the controls on/off (Esc also leaves it).
    if (keyPressed(Key::F6, false))
        c.app.keyboardNav = !c.app.keyboardNav;
    else if (c.app.keyboardNav && keyPressed(Key::Escape, false) &&
             !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId))
        c.app.keyboardNav = false;
    ImGuiIO& io = ImGui::GetIO();
    if (c.app.keyboardNav)
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    else
        io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
}

// ===========================================================================
// [SECTION] Menu bar
// ===========================================================================

void MainWindow::drawMenuBar(Context& c) {
    if (!ImGui::BeginMainMenuBar()) return;
    Requests& r = c.requests;
    const Palette& pal = palette(c.look.theme);
    const bool fileMenu = ImGui::BeginMenu("File");
    if (!fileMenu) c.reportControl("menu.file");
    if (fileMenu) {
        if (ImGui::MenuItem("New dataset\u2026", "Ctrl+N")) c.app.editing.showNewDataset = true;
        if (ImGui::MenuItem("Open\u2026", "Ctrl+O")) r.showOpenDialog = true;
        if (ImGui::MenuItem("Import a spreadsheet or other file\u2026")) r.showImportDialog = true;
        c.reportControl("menu.file.import");
        if (ImGui::BeginMenu("Open recent", !c.settings.recentFiles.empty())) {
            for (const std::string& f : c.settings.recentFiles)
                if (ImGui::MenuItem(f.c_str())) r.openPath = f;
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem("Reload", "Ctrl+R", false, !c.doc.path().empty())) r.reload = true;
        if (ImGui::MenuItem("Save", "Ctrl+S", false, c.doc.isDirty())) r.save = true;
        if (ImGui::MenuItem("Save as\u2026", "Ctrl+Shift+S", false, c.doc.hasData())) r.showSaveAsDialog = true;
        c.reportControl("menu.file.saveas");
        if (ImGui::MenuItem("Show problems", nullptr, false, !m_loadProblems.diagnostics.empty())) showProblems();
        ImGui::Separator();
        if (ImGui::MenuItem("Export image or animation\u2026", "Ctrl+E", false,
                            c.doc.hasData() && !c.app.exportProgress.running))
            r.showExportDialog = true;
#ifndef __EMSCRIPTEN__  // in the browser, closing the tab is quitting
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) r.quit = true;
#endif
        ImGui::EndMenu();
    }
    drawEditMenu(c);
    if (ImGui::BeginMenu("View")) {
        constexpr const char* kThemeNames[] = {"Dark theme", "Light theme", "Projector theme (high contrast)"};
        for (Theme t : {Theme::Dark, Theme::Light, Theme::Projector}) {
            if (ImGui::MenuItem(kThemeNames[static_cast<int>(t)], nullptr, c.look.theme == t)) {
                c.look.theme = t;
                r.rebuildFonts = true;  // re-applies the theme at the right scale too
            }
        }
        ImGui::Separator();
        if (ImGui::BeginMenu("UI scale")) {
            for (float s : {0.75f, 1.0f, 1.25f, 1.5f, 1.75f, 2.0f, 2.5f}) {
                char label[16];
                std::snprintf(label, sizeof label, "%d%%", static_cast<int>(s * 100 + 0.5f));
                if (ImGui::MenuItem(label, nullptr, std::abs(c.look.uiScale - s) < 0.01f)) {
                    c.look.uiScale = s;
                    r.rebuildFonts = true;
                }
            }
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem("Full screen", "F11", c.app.fullscreen)) r.toggleFullscreen = true;
        ImGui::EndMenu();
    }
    if (m_compact) {
        ImGui::Separator();
        if (ImGui::MenuItem(m_layout.drawerOpen ? "Hide panel (F2)" : "Events, details\u2026 (F2)", nullptr,
                            m_layout.drawerOpen))
            m_layout.drawerOpen = !m_layout.drawerOpen;
    }
    if (c.doc.hasData()) {
        ImGui::Separator();
        ImGui::TextDisabled("%s%s", c.doc.isDirty() ? "* " : "", c.data().title.c_str());
        if (c.doc.isDirty() && ImGui::IsItemHovered()) ImGui::SetTooltip("Unsaved changes (Ctrl+S saves them)");
    }
    // Something is hidden: say so where everyone looks.
    Session& s = c.session;
    if (s.filter.isActive()) {
        ImGui::Separator();
        ImGui::TextColored(ImColor(pal.notice), "Filtered: %zu of %zu events (%s)", s.filtered.shown,
                           c.data().events.size(), s.filter.describe(c.data()).c_str());
        if (ImGui::SmallButton("Show all")) {
            s.filter.clear();
            refilter(s, c.data(), c.doc.revision());
        }
    }
    if (c.app.keyboardNav) {
        ImGui::Separator();
        ImGui::TextColored(ImColor(confidenceColor(Confidence::Reported)),
                           "Keyboard navigation: arrows move between controls, Space activates, Ctrl+Tab changes "
                           "panel, F6 or Esc ends it");
    }
    drawAlertsButton(c);
    if (!c.app.statusMessage.empty() && c.now() < c.app.statusUntilSec) {
        ImGui::Separator();
        ImGui::TextUnformatted(c.app.statusMessage.c_str());
    }
    ImGui::EndMainMenuBar();
}

// ===========================================================================
// [SECTION] Layout
// ===========================================================================

void MainWindow::drawFullWindowMap(Context& c) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    StyleVars vars;
    vars.push(ImGuiStyleVar_WindowPadding, ImVec2(0, 0)).push(ImGuiStyleVar_WindowBorderSize, 0);
    if (ImGui::Begin("Map", nullptr, kMapFlags | ImGuiWindowFlags_NoDecoration)) m_map.draw(c);
    ImGui::End();
}

void MainWindow::drawSideTabs(Context& c, bool withDetails) {
    if (!ImGui::BeginTabBar("side")) return;
    if (ImGui::BeginTabItem("Events")) {
        m_table.draw(c);
        ImGui::EndTabItem();
    }
    if (withDetails) {
        const ImGuiTabItemFlags flags = m_showDetailsTab ? ImGuiTabItemFlags_SetSelected : 0;
        m_showDetailsTab = false;
        if (ImGui::BeginTabItem("Details", nullptr, flags)) {
            ImGui::BeginChild("details");
            m_details.draw(c);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
    }
    const char* filters = c.session.filter.isActive() ? "Filters (on)###filters" : "Filters###filters";
    if (ImGui::BeginTabItem(filters)) {
        ImGui::BeginChild("filters");
        m_filters.draw(c);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    const bool storyTab = ImGui::BeginTabItem("Story");
    c.reportControl("tab.story");
    if (storyTab) {
        ImGui::BeginChild("story");
        m_stories.draw(c);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

// The side panel as a drawer over the right of the window (narrow screens).
void MainWindow::drawDrawer(Context& c) {
    if (!m_layout.drawerOpen) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float sc = c.scale();
    const float w = std::min(vp->WorkSize.x * 0.94f, std::max(vp->WorkSize.x * 0.55f, 430.0f * sc));
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - w, vp->WorkPos.y));
    ImGui::SetNextWindowSize(ImVec2(w, vp->WorkSize.y));
    bool open = true;
    if (ImGui::Begin("Events and details###drawer", &open,
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                         ImGuiWindowFlags_NoSavedSettings))
        drawSideTabs(c, true);
    ImGui::End();
    if (!open) m_layout.drawerOpen = false;
    // Esc closes it (when no field or popup takes the key).
    if (keyPressed(Key::Escape, false) && shortcutsAllowed() &&
        !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId))
        m_layout.drawerOpen = false;
}

void MainWindow::drawPanels(Context& c) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 origin = vp->WorkPos;
    const ImVec2 size = vp->WorkSize;
    const float sc = c.scale();
    const float gap = std::max(4.0f, 5.0f * sc);
    PanelLayout& l = m_layout;
    m_compact = size.x / sc < kDrawerBelowWidth;

    const float sideW = m_compact ? 0.0f : std::clamp(l.sidePanelFraction * size.x, 300.0f * sc, size.x * 0.45f);
    const float mainW = m_compact ? size.x : size.x - sideW - gap;
    // The timeline keeps its header, axis and a few lanes; the map keeps at least a third.
    const float minTimelineH = std::min(size.y * 0.55f, 190.0f * sc);
    const float timelineH = std::clamp(l.timelineFraction * size.y, minTimelineH, size.y * 0.6f);
    const float mapH = size.y - timelineH - gap;

    // Map
    ImGui::SetNextWindowPos(origin);
    ImGui::SetNextWindowSize(ImVec2(mainW, mapH));
    {
        StyleVars vars;
        vars.push(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
        if (ImGui::Begin("Map", nullptr, kMapFlags)) m_map.draw(c);
        ImGui::End();
    }

    // Timeline
    ImGui::SetNextWindowPos(ImVec2(origin.x, origin.y + mapH + gap));
    ImGui::SetNextWindowSize(ImVec2(mainW, timelineH));
    if (ImGui::Begin("Timeline", nullptr, kMapFlags)) m_timeline.draw(c);
    ImGui::End();

    const float dy = splitter("##split-timeline", ImVec2(origin.x, origin.y + mapH), ImVec2(mainW, gap), false);
    if (dy != 0) l.timelineFraction = std::clamp((timelineH - dy) / size.y, 0.12f, 0.6f);
    if (m_compact) {
        // A click that selects an event opens the drawer on its details.
        const Index selected = c.session.view.selected;
        if (selected != m_selectedBefore && selected != kNoIndex && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
            l.drawerOpen = true;
            m_showDetailsTab = true;
        }
        m_selectedBefore = selected;
        drawDrawer(c);
        return;
    }

    // Side: events (top) and details (bottom)
    const float eventsH = std::clamp(l.eventsFraction * size.y, 120.0f * sc, size.y - 160.0f * sc);
    ImGui::SetNextWindowPos(ImVec2(origin.x + mainW + gap, origin.y));
    ImGui::SetNextWindowSize(ImVec2(sideW, eventsH));
    if (ImGui::Begin("Events", nullptr, kPanelFlags | ImGuiWindowFlags_NoTitleBar)) drawSideTabs(c, false);
    ImGui::End();
    ImGui::SetNextWindowPos(ImVec2(origin.x + mainW + gap, origin.y + eventsH + gap));
    ImGui::SetNextWindowSize(ImVec2(sideW, size.y - eventsH - gap));
    if (ImGui::Begin("Details", nullptr, kPanelFlags)) m_details.draw(c);
    ImGui::End();

    // Splitters
    const float dx = splitter("##split-side", ImVec2(origin.x + mainW, origin.y), ImVec2(gap, size.y), true);
    if (dx != 0) l.sidePanelFraction = std::clamp((sideW - dx) / size.x, 0.15f, 0.6f);
    const float dz =
        splitter("##split-events", ImVec2(origin.x + mainW + gap, origin.y + eventsH), ImVec2(sideW, gap), false);
    if (dz != 0) l.eventsFraction = std::clamp((eventsH + dz) / size.y, 0.12f, 0.8f);
    m_selectedBefore = c.session.view.selected;
}

// ===========================================================================
// [SECTION] draw
// ===========================================================================

void MainWindow::draw(Context& c) {
    Session& s = c.session;
    const bool interactive = !s.offscreen;
    if (s.presenting()) {
        if (interactive) {
            m_presenter.handleKeys(c);
            handleGlobalShortcuts(c);
        }
        if (s.presenting()) {
            drawFullWindowMap(c);
            m_presenter.drawNarration(c);
            s.view.revealSelected = false;
            return;
        }
    }
    if (s.mapOnly) {
        if (interactive) handleGlobalShortcuts(c);
        drawFullWindowMap(c);
        return;
    }
    if (interactive) handleGlobalShortcuts(c), handleEditShortcuts(c);
    refreshValidation(c);
    drawMenuBar(c);
    drawPanels(c);
    m_details.endFrame();
    m_problems.draw(c, m_loadProblems.file, m_loadProblems.diagnostics, m_loadProblems.loaded);
    m_openDialog.draw(c);
    m_exportDialog.draw(c);
    m_exportDialog.drawProgress(c);
    if (interactive) {  // never in an exported picture
        drawAlertsWindow(c);
        m_importDialog.draw(c);
        m_saveAsDialog.draw(c);
    }
    m_newDataset.draw(c);
    m_lists.draw(c);
    m_lists.endFrame();
    s.view.revealSelected = false;  // every view has had its chance to scroll to it
}

}  // namespace meridian::ui

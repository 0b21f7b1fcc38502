// The window's layout and menus: the map fills the main area, the timeline
// runs along the bottom, the event table and the details sit on the right;
// in presenter mode the map fills the window under the narration. The main
// window owns the panels and lays them out; the panels never call each other.
#pragma once

#include <string>
#include <vector>

#include "ui/context.h"
#include "ui/details_panel.h"
#include "ui/event_table.h"
#include "ui/export_dialog.h"
#include "ui/filter_panel.h"
#include "ui/import_dialog.h"
#include "ui/list_editors.h"
#include "ui/map_panel.h"
#include "ui/new_dataset_dialog.h"
#include "ui/open_dialog.h"
#include "ui/presenter.h"
#include "ui/save_as_dialog.h"
#include "ui/story_panel.h"
#include "ui/timeline_panel.h"

namespace meridian::ui {

// Fractions of the window, changed by dragging the splitters (kept in the settings).
struct PanelLayout {
    float sidePanelFraction = 0.30f;
    float timelineFraction = 0.36f;
    float eventsFraction = 0.42f;  // share of the side panel for the event table
    // Narrow windows (a projector at 200 %): the side panel becomes a drawer over the map.
    bool drawerOpen = false;
};

// Below this width (in points at 100 %, i.e. pixels / UI scale) the side panel is a drawer.
inline constexpr float kDrawerBelowWidth = 1100.0f;

// The problems of the last attempt to open a file (shown in their own window).
struct LoadProblems {
    std::string file;
    std::vector<Diagnostic> diagnostics;
    bool loaded = false;
};

class MainWindow {
public:
    // Draws the whole window for a session (interactive frames and offscreen renders).
    void draw(Context& c);

    void showProblems() { m_problems.show(); }
    bool problemsVisible() const { return m_problems.visible(); }
    PanelLayout& layout() { return m_layout; }
    LoadProblems& loadProblems() { return m_loadProblems; }
    MapPanel& map() { return m_map; }
    const TimelinePanel& timeline() const { return m_timeline; }
    // Background work done that needs a frame to show it.
    bool hasPendingUploads() { return m_map.hasPendingUpload() || m_details.hasPendingUpload(); }
    // An import reads or runs on its worker thread: frames now and then show its progress.
    bool importWorking() const { return m_importDialog.working(); }

private:
    void handleGlobalShortcuts(Context& c);
    void drawMenuBar(Context& c);
    void drawPanels(Context& c);
    void drawSideTabs(Context& c, bool withDetails);
    void drawDrawer(Context& c);
    void drawFullWindowMap(Context& c);
    void drawEditMenu(Context& c);         // ui/main_window_editing.cpp
    void handleEditShortcuts(Context& c);  // ui/main_window_editing.cpp
    void refreshValidation(Context& c);    // ui/main_window_editing.cpp

    PanelLayout m_layout;
    MapPanel m_map;
    TimelinePanel m_timeline;
    EventTable m_table;
    DetailsPanel m_details;
    FilterPanel m_filters;
    StoryPanel m_stories;
    Presenter m_presenter;
    OpenDialog m_openDialog;
    ExportDialog m_exportDialog;
    ImportDialog m_importDialog;
    SaveAsDialog m_saveAsDialog;
    NewDatasetDialog m_newDataset;
    ListEditors m_lists;
    DiagnosticsWindow m_problems;
    LoadProblems m_loadProblems;
    bool m_compact = false;             // the last frame's layout had the drawer
    Index m_selectedBefore = kNoIndex;  // to open the drawer's details when a click selects an event
    bool m_showDetailsTab = false;
    std::string m_saveError;
};

}  // namespace meridian::ui

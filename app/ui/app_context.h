// Everything the panels share: the loaded data, its problems, the view state,
// settings and fonts. Panels read and change it; they never call each other.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.h"
#include "core/event_filter.h"
#include "core/view_state.h"
#include "geo/camera.h"
#include "io/diagnostic.h"
#include "io/settings.h"

struct ImFont;

namespace meridian::ui {

enum class Theme { Dark, Light, Projector };
const char* themeId(Theme t);
std::optional<Theme> parseTheme(std::string_view id);

struct Fonts {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
    ImFont* large = nullptr;      // the playhead date, readable from the back of a classroom
    ImFont* title = nullptr;      // panel titles, presenter headings
    ImFont* narration = nullptr;  // presenter narration: regular weight, large
};

struct MapViewState;   // GPU side of the map (ui/map_view.cpp)
struct TimelineState;  // the timeline's index, lanes and view (ui/timeline_view.cpp)
struct StoryPlayback;  // ui/story_player.h
struct ExportRequest;  // ui/export_job.h

struct MapSettings {
    bool basemap = false;
    bool labels = true;
    bool graticule = true;
    bool highlightCountries = true;
    bool legend = true;
};

// A smooth camera move (stories, "fit to events", following a selection).
struct CameraFlight {
    geo::CameraState from, to;
    double startSec = 0, durationSec = 0.8;
};

struct AppContext {
    std::string dataFile;
    Dataset dataset;  // the data being shown (kept when a reload fails)
    bool hasDataset = false;
    std::vector<io::Diagnostic> diagnostics;  // problems of the last load
    bool showDiagnostics = false;

    ViewState view;

    EventFilter filter;
    FilterResult filtered;            // mask over dataset.events (1 = shown)
    std::uint64_t filterVersion = 0;  // bumped when the mask changes; views compare
    bool focusSearch = false;         // Ctrl+F pressed: the search field takes the keyboard
    bool isShown(Index e) const { return e < filtered.mask.size() ? filtered.mask[e] != 0 : true; }
    // Recomputes the mask after filter or data changes.
    void refilter();

    geo::CameraState camera;             // the map's camera
    std::optional<CameraFlight> flight;  // when set, the camera glides to flight->to
    bool fitRequested = true;            // frame the visible events on the next map frame
    MapSettings map;
    std::shared_ptr<MapViewState> mapState;
    std::shared_ptr<TimelineState> timelineState;
    std::shared_ptr<StoryPlayback> story;  // set while a story is open
    geo::Viewport lastMapViewport{1280, 720};
    struct PendingStory {
        Index story = kNoIndex;
        int step = 0;
        bool present = false;
        bool instant = false;
    };
    std::optional<PendingStory> pendingStory;  // started on the next map frame (its viewport is known then)
    double timeSec = 0;                        // wall clock (animations)

    Theme theme = Theme::Dark;
    float uiScale = 1.0f;     // user setting, 0.75 to 2.5
    float dpiScale = 1.0f;    // from the display
    bool fontsDirty = false;  // rebuild the font atlas before the next frame
    Fonts fonts;

    // Layout (fractions of the window, changed by dragging the splitters).
    float sidePanelFraction = 0.30f;
    float timelineFraction = 0.36f;
    float eventsFraction = 0.42f;  // share of the side panel for the event table

    bool headless = false;  // offscreen render: wait for background work instead of showing "loading"
    bool mapOnly = false;   // only the map fills the window (exports)
    std::string caption;    // shown on map-only images

    io::Settings settings;                           // persisted between runs (not in headless renders)
    std::string pendingFilterIds;                    // filter ids from settings, applied once data is loaded
    std::filesystem::file_time_type dataFileTime{};  // for reload-on-change
    bool showOpenDialog = false;
    bool storyEditsUnsaved = false;
    // Exports started from the UI: main renders their frames between UI frames.
    std::shared_ptr<ExportRequest> exportRequest;  // set by the dialog, taken by main
    struct ExportProgress {
        bool running = false, cancelRequested = false;
        int done = 0, total = 0;
        float savedUiScale = 1.0f;
        std::string output, message;
    } exportProgress;
    bool showExportDialog = false;
    float narrationTopPx = 0;    // presenter: where the narration card starts (map labels avoid it)
    float narrationRightPx = 0;  // stories edited in the app, not yet saved into the file
    std::string statusMessage;   // shown briefly in the menu bar
    double statusUntilSec = 0;

    bool keyboardNav = false;    // F6: the arrows move between the panels' controls
    bool quitRequested = false;  // asked to quit (may still need the user's answer about unsaved edits)
    bool quitConfirmed = false;  // nothing unsaved, or the user chose
    bool fullscreen = false;

    float scale() const { return uiScale * dpiScale; }
};

// Loads a file into the context; on errors keeps the old data and shows them.
// Returns true when the new data replaced the old. A reload (same file) keeps
// the playhead, the selection (by event id) and the filters.
bool loadIntoContext(AppContext& ctx, const std::string& path);

// Settings <-> context (filters by id, so they survive data changes).
void applySettings(AppContext& ctx, const io::Settings& settings);
io::Settings captureSettings(const AppContext& ctx);

}  // namespace meridian::ui

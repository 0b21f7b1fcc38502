// Everything the panels share: the loaded data, its problems, the view state,
// settings and fonts. Panels read and change it; they never call each other.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <memory>

#include "core/dataset.h"
#include "geo/camera.h"
#include "core/view_state.h"
#include "io/diagnostic.h"

struct ImFont;

namespace meridian::ui {

enum class Theme { Dark, Light, Projector };
const char* themeId(Theme t);
std::optional<Theme> parseTheme(std::string_view id);

struct Fonts {
    ImFont* regular = nullptr;
    ImFont* bold = nullptr;
    ImFont* large = nullptr;   // the playhead date, readable from the back of a classroom
    ImFont* title = nullptr;   // panel titles, presenter headings
};

struct MapViewState;  // GPU side of the map (ui/map_view.cpp)

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
    Dataset dataset;            // the data being shown (kept when a reload fails)
    bool hasDataset = false;
    std::vector<io::Diagnostic> diagnostics;  // problems of the last load
    bool showDiagnostics = false;

    ViewState view;

    geo::CameraState camera;               // the map's camera
    std::optional<CameraFlight> flight;    // when set, the camera glides to flight->to
    bool fitRequested = true;              // frame the visible events on the next map frame
    MapSettings map;
    std::shared_ptr<MapViewState> mapState;
    double timeSec = 0;                    // wall clock (animations)

    Theme theme = Theme::Dark;
    float uiScale = 1.0f;       // user setting, 0.75 to 2.5
    float dpiScale = 1.0f;      // from the display
    bool fontsDirty = false;    // rebuild the font atlas before the next frame
    Fonts fonts;

    // Layout (fractions of the window, changed by dragging the splitters).
    float sidePanelFraction = 0.30f;
    float timelineFraction = 0.27f;
    float eventsFraction = 0.42f;   // share of the side panel for the event table

    bool mapOnly = false;       // only the map fills the window (exports)
    std::string caption;        // shown on map-only images

    bool quitRequested = false;
    bool fullscreen = false;

    float scale() const { return uiScale * dpiScale; }
};

// Loads a file into the context; on errors keeps the old data and shows them.
// Returns true when the new data replaced the old.
bool loadIntoContext(AppContext& ctx, const std::string& path);

}  // namespace meridian::ui

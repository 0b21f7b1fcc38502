// What every panel is given each frame: the document (the data, changed only
// through its undoable edits), the session (what the views look at), the look
// (theme, scale, fonts) and a place to post requests that the app carries out
// after the frame (open a file, quit, show a dialog). Panels never call each
// other.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/document.h"
#include "io/import/open_any.h"
#include "io/settings.h"
#include "render/gl_census.h"
#include "session/export_job.h"
#include "session/session.h"
#include "ui/alerts.h"
#include "ui/editing_state.h"

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

// How things look: theme and scale (fonts are rasterised at scale()).
struct Look {
    Theme theme = Theme::Dark;
    float uiScale = 1.0f;   // the user's setting, 0.75 to 2.5
    float dpiScale = 1.0f;  // from the display
    float scale() const { return uiScale * dpiScale; }
};

// An import the import dialog finished: the app makes it the document (its
// file stays untouched: Save writes Meridian JSON beside it).
struct FinishedImport {
    std::string path;
    io::FileFormat format = io::FileFormat::Unknown;
    Dataset data;
    std::vector<Diagnostic> diagnostics;  // reading problems, skipped rows, places to review
    std::string summary;                  // "12 rows: 10 events, 2 skipped"
    io::ColumnMapping mapping;            // used again when the file is reloaded
};

// What panels ask of the app; it acts after the frame.
struct Requests {
    bool showOpenDialog = false;
    bool showExportDialog = false;
    bool reload = false;
    bool quit = false;
    bool focusSearch = false;   // Ctrl+F: the search field takes the keyboard (and selects its text)
    bool rebuildFonts = false;  // the theme or the scale changed
    bool save = false;
    bool toggleFullscreen = false;
    std::optional<bool> fullscreen;  // set full screen on or off
    std::optional<std::string> openPath;
    std::optional<ExportRequest> startExport;
    bool showImportDialog = false;                // File > Import...
    std::optional<std::string> importPath;        // a foreign file, through the import dialog
    std::shared_ptr<FinishedImport> adoptImport;  // the import dialog's result
    bool showSaveAsDialog = false;                // File > Save as...
    std::optional<std::string> saveAsPath;        // the format follows the name (App::saveAs)
    // File > New: a new, empty dataset (its file, if the user named one). Carried
    // out after the frame like openPath, so unsaved changes can be guarded there.
    struct NewDataset {
        DatasetInfo info;
        std::string path;
    };
    std::optional<NewDataset> newDataset;
};

// An export started from the window: its progress, and Cancel.
struct ExportProgress {
    bool running = false, cancelRequested = false;
    int done = 0, total = 0;
    std::string output, message;  // message: the result when it ended
    // How long a frame took per million pixels in the last export on this
    // computer (the estimate before a long video); 0 until one ran.
    double msPerMegapixel = 0;
};

// What the import dialog shows (the state report gives it to UI tests).
struct ImportStatus {
    std::string stage;                // "", "reading", "mapping", "importing", "report"
    std::vector<std::string> fields;  // the mapping shown: a field id per column
    std::string dateOrder;            // "auto", "day-first", "month-first"
    bool askingDateOrder = false;     // the dates read both ways and the user has not said
    double progress = 0;              // reading or importing: the fraction done
    std::vector<std::string> report;  // the report's lines once imported
};

// App-wide state that panels read (and change through Requests).
struct AppState {
    bool fullscreen = false;
    bool keyboardNav = false;  // F6: the arrows move between the panels' controls
    // A text field was asked to take the keyboard and is not active yet: typed
    // text waits (counts down frames, so text is never held for long).
    int textFocusPendingFrames = 0;
    std::string statusMessage;  // shown briefly in the menu bar
    double statusUntilSec = 0;
    ExportProgress exportProgress;
    // Where named controls were drawn last (screen px x0, y0, x1, y1): UI tests
    // read them from the state report to click a control like a user would.
    std::map<std::string, std::array<float, 4>> controls;
    ImportStatus import;
    EditingState editing;
    Alerts alerts;  // what went wrong outside the data (ui/alerts.h)
    // The GL objects the window's context holds (counted about once a second
    // while a state report is written: bench/long-run, the reload test).
    std::optional<render::GlCensus> glObjects;
};

struct Context {
    Document& doc;
    Session& session;
    Look& look;
    const Fonts& fonts;
    Requests& requests;
    AppState& app;
    io::Settings& settings;

    const Dataset& data() const { return doc.data(); }
    float scale() const { return look.scale(); }
    double now() const { return session.clockSec; }
    // Records where the last item was drawn, under a name (see AppState::controls).
    void reportControl(const char* name);
    void status(std::string message, double seconds = 6) {
        app.statusMessage = std::move(message);
        app.statusUntilSec = session.clockSec + seconds;
    }
};

}  // namespace meridian::ui

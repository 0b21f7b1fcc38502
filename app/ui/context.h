// What every panel is given each frame: the document (the data, changed only
// through its undoable edits), the session (what the views look at), the look
// (theme, scale, fonts) and a place to post requests that the app carries out
// after the frame (open a file, quit, show a dialog). Panels never call each
// other.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/document.h"
#include "io/settings.h"
#include "session/export_job.h"
#include "session/session.h"

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

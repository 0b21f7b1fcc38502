// The application: the document, the user's session, the look, the settings
// and the main window, and what happens between frames (opening files, saving,
// reloading on change, carrying out the panels' requests). It knows ImGui but
// not the platform: main.cpp and app/platform/ give it frames and events.
#pragma once

#include <memory>
#include <string>

#include "core/document.h"
#include "io/import/gazetteer.h"
#include "io/import/open_any.h"
#include "io/settings.h"
#include "session/session.h"
#include "ui/context.h"
#include "ui/main_window.h"

namespace meridian::ui {

class App {
public:
    App();

    Document& document() { return m_doc; }
    Session& session() { return m_session; }
    Look& look() { return m_look; }
    Fonts& fonts() { return m_fonts; }
    AppState& state() { return m_state; }
    Requests& requests() { return m_requests; }
    io::Settings& settings() { return m_settings; }
    MainWindow& window() { return m_window; }

    // Settings <-> what they set (filters by id, so they survive data changes).
    void applySettings(const io::Settings& settings);
    io::Settings captureSettings() const;

    // Opens a file: on success the data is replaced (a reload keeps the view);
    // on errors the data stays and the problems window lists them.
    bool open(const std::string& path);
    // Saves the document into its file (atomically, the previous version kept
    // as FILE.bak); false with a reason. An imported file is saved as Meridian
    // JSON beside it (never over the spreadsheet).
    bool save(std::string* error);
    // Saves in the format the path's extension names (.json Meridian, .csv,
    // .tsv, .geojson, TimelineJS with .timeline.json); a Meridian file becomes the document's file.
    bool saveAs(const std::string& path, std::string* error);
    // The offline gazetteer, loaded on first use (places by name for imports and the editor).
    const io::Gazetteer* gazetteer();

    // Before drawing a frame: advances the session to nowSec (marginPx scales with the UI).
    void beginFrame(double nowSec);
    // Draws the UI for a session (the user's, or an export's copy) between
    // ImGui::NewFrame and ImGui::Render.
    void drawUi(Session& session);
    // After the frame: carries out the panels' requests.
    void endFrame();

    // Once a second: the file changed on disk? (reloads, or says why not).
    void checkFileChanged();
    // Quit: asked (Ctrl+Q, window closed) and confirmed (nothing unsaved, or the user chose).
    void requestQuit() { m_requests.quit = true; }
    bool quitConfirmed() const { return m_quitConfirmed; }
    // When the app needs its next frame without input: now, later, or never (kNever).
    double nextFrameDueSec();

private:
    Context context(Session& s);
    void resolveFilterIds();

    Document m_doc;
    Session m_session;
    Look m_look;
    Fonts m_fonts;
    AppState m_state;
    Requests m_requests;
    io::Settings m_settings;
    MainWindow m_window;
    bool m_quitConfirmed = false;
    io::FileFormat m_docFormat = io::FileFormat::Unknown;  // how the document's file was read
    std::unique_ptr<io::Gazetteer> m_gazetteer;
    bool m_gazetteerTried = false;
    bool m_saveThenQuit = false;
    std::filesystem::file_time_type m_changedOnDiskSeen{};  // a change we already told the user about
};

}  // namespace meridian::ui

// The application: the document, the user's session, the look, the settings
// and the main window, and what happens between frames (opening files, saving,
// reloading on change, carrying out the panels' requests). It knows ImGui but
// not the platform: main.cpp and app/platform/ give it frames and events.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/document.h"
#include "io/import/gazetteer.h"
#include "io/import/open_any.h"
#include "io/recovery.h"
#include "io/recovery_writer.h"
#include "io/settings.h"
#include "session/open_file.h"
#include "session/session.h"
#include "ui/changed_on_disk.h"
#include "ui/context.h"
#include "ui/main_window.h"
#include "ui/recovery_dialog.h"
#include "ui/unsaved_changes.h"

namespace meridian::ui {

class App {
public:
    App();
    ~App();  // cancels a file being read in the background and waits for it

    Document& document() { return m_doc; }
    Session& session() { return m_session; }
    Look& look() { return m_look; }
    Fonts& fonts() { return m_fonts; }
    AppState& state() { return m_state; }
    Requests& requests() { return m_requests; }
    io::Settings& settings() { return m_settings; }
    MainWindow& window() { return m_window; }
    // Something went wrong outside the data: stderr and the window's messages (ui/alerts.h).
    void alert(std::string text) { m_state.alerts.add(std::move(text)); }

    // Settings <-> what they set (filters by id, so they survive data changes).
    void applySettings(const io::Settings& settings);
    io::Settings captureSettings() const;

    // Opens a file: on success the data is replaced (a reload keeps the view);
    // on errors the data stays and the problems window lists them.
    bool open(const std::string& path);
    // The same from the UI (File > Open, drops, reloads): a big file (from
    // kBackgroundOpenBytes) is read on a worker thread with a progress bar and
    // Cancel while the data shown stays usable; a small one at once. On
    // success the status says `done` (when given); on errors, `failed`.
    void openInBackground(const std::string& path, std::string done = {}, std::string failed = {});
    static constexpr std::uintmax_t kBackgroundOpenBytes = std::uintmax_t(8) << 20;
    // A file being read in the background (openInBackground): its progress, and Cancel.
    bool opening() const { return m_opening != nullptr; }
    double openingFraction() const;
    std::string openingPath() const;
    void cancelOpening();
    // Saves the document into its file (atomically, the previous version kept
    // as FILE.bak); false with a reason. An imported file is saved as Meridian
    // JSON beside it (never over the spreadsheet).
    bool save(std::string* error);
    // Saves in the format the path's extension names (.json Meridian, .csv,
    // .tsv, .geojson, TimelineJS with .timeline.json); a Meridian file becomes the document's file.
    bool saveAs(const std::string& path, std::string* error);
    // File > New: an empty dataset with its description, to be saved into
    // path (absolute; empty: not chosen yet). The session starts over, editing.
    void newDataset(const DatasetInfo& info, const std::string& path);
    // The offline gazetteer, loaded on first use (places by name for imports and the editor).
    const io::Gazetteer* gazetteer();

    // Before drawing a frame: advances the session to nowSec (marginPx scales with the UI).
    void beginFrame(double nowSec);
    // Draws the UI for a session (the user's, or an export's copy) between
    // ImGui::NewFrame and ImGui::Render.
    void drawUi(Session& session);
    // After the frame: carries out the panels' requests.
    void endFrame();

    // Once a second: the file changed on disk? (reloads; with unsaved changes, asks what to keep).
    void checkFileChanged();
    // Runs `then` now, or, with unsaved changes, after asking (Save / Don't save /
    // Cancel): what = the action in words ("quit", "open another file").
    void unlessUnsaved(std::string what, std::function<void()> then);
    // "Meridian - lesson.json *" (the star: unsaved changes). ASCII only: with an em dash
    // in it, `xdotool getwindowname` under Xvfb kept reporting the first title.
    std::string windowTitle() const;
    // Crash recovery (io/recovery), for interactive runs: where recovery files go.
    void enableCrashRecovery(std::filesystem::path folder);
    // Once a second: while there are unsaved changes, writes the recovery file when due.
    void writeRecoveryIfDue(double nowSec);
    // Quit: asked (Ctrl+Q, window closed) and confirmed (nothing unsaved, or the user chose).
    void requestQuit() { m_requests.quit = true; }
    bool quitConfirmed() const { return m_quitConfirmed; }
    // When the app needs its next frame without input: now, later, or never (kNever).
    double nextFrameDueSec();

private:
    Context context(Session& s);
    // What open() does once the file is read.
    bool adoptOpened(ReadFile read);
    // Each frame: the background reading's progress and Cancel; its result once done.
    void drawOpening(Context& c);
    void finishOpening();
    // The import dialog's result as the document (like open(), without reading the file again).
    void adoptImport(FinishedImport& done);
    void resolveFilterIds();
    bool saveDocument(std::string* error, bool overwriteChangedFile);
    std::string layoutOfDocumentFile() const;
    std::string anotherFileName() const;
    void drawPrompts(Context& c);
    void carryOutPrompts();
    void offerRecovery();
    void discardRecovery();

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
    struct Opening;  // a file read in the background (openInBackground)
    std::unique_ptr<Opening> m_opening;
    std::optional<io::ColumnMapping> m_importMapping;  // the document's, when imported through the dialog (reloads)
    bool m_gazetteerTried = false;
    std::filesystem::file_time_type m_changedOnDiskSeen{};  // a change we already told the user about
    // Questions to the user (modals), and their answers until the frame ends.
    UnsavedChangesPrompt m_unsavedPrompt;
    ChangedOnDiskPrompt m_changedOnDisk;
    RecoveryDialog m_recoveryDialog;
    UnsavedChoice m_unsavedChoice = UnsavedChoice::None;
    DiskChangeChoice m_diskChoice = DiskChangeChoice::None;
    RecoveryChoice m_recoveryChoice = RecoveryChoice::None;
    int m_promptFrames = 0;  // frames drawn since a question opened
    // Crash recovery: off while the folder is empty.
    std::filesystem::path m_recoveryFolder, m_recoveryFile;
    io::RecoveryClock m_recoveryClock;
    io::RecoveryWriter m_recoveryWriter;  // writes on its own thread
    double m_recoveryIntervalSec = 3.0;   // longer for data that takes long to copy
    std::optional<Dataset> m_recovered;   // offered, not yet restored or discarded
    bool m_recoveryWarned = false;
};

}  // namespace meridian::ui

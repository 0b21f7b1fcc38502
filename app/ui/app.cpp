#include "ui/app.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <utility>

#include "geo/projection.h"
#include "io/dataset_loader.h"
#include "io/dataset_save.h"
#include "io/dataset_writer.h"
#include "io/import/save_any.h"
#include "io/text_file.h"
#include "session/editing.h"
#include "session/filtering.h"
#include "session/open_file.h"
#include "session/recovery_restore.h"
#include "session/tick.h"
#include "ui/background_job.h"
#include "ui/job_progress.h"

namespace meridian::ui {

App::App() {
    m_state.editing.gazetteer = [this] { return gazetteer(); };  // the editor's place search
}

Context App::context(Session& s) {
    return Context{m_doc, s, m_look, m_fonts, m_requests, m_state, m_settings};
}

// ===========================================================================
// Settings
// ===========================================================================

void App::applySettings(const io::Settings& st) {
    m_settings = st;
    if (const auto t = parseTheme(st.theme)) m_look.theme = *t;
    m_look.uiScale = static_cast<float>(st.uiScale);
    PanelLayout& l = m_window.layout();
    l.sidePanelFraction = static_cast<float>(st.sidePanelFraction);
    l.timelineFraction = static_cast<float>(st.timelineFraction);
    l.eventsFraction = static_cast<float>(st.eventsFraction);
    Session& s = m_session;
    if (const auto p = geo::parseProjection(st.projection)) s.camera.projection = *p;
    s.layers = st.layers;
    s.view.trailDays = st.trailDays;
    s.view.allUpToNow = st.allUpToNow;
    s.view.playSpeedDaysPerSec = st.playSpeedDaysPerSec;
    s.filter.confidenceMask = static_cast<std::uint8_t>(st.confidenceMask);
    s.filter.sourceKindMask = static_cast<std::uint8_t>(st.sourceKindMask);
    s.filter.countries = st.countries;
    s.filter.tags = st.tags;
    s.filter.text = st.searchText;
    const DateParseResult from = parseIsoDate(st.dateFrom), to = parseIsoDate(st.dateTo);
    s.filter.from = from.date;
    s.filter.to = to.date;
}

io::Settings App::captureSettings() const {
    io::Settings st = m_settings;
    st.theme = themeId(m_look.theme);
    st.uiScale = m_look.uiScale;
    const PanelLayout& l = const_cast<MainWindow&>(m_window).layout();
    st.sidePanelFraction = l.sidePanelFraction;
    st.timelineFraction = l.timelineFraction;
    st.eventsFraction = l.eventsFraction;
    const Session& s = m_session;
    st.projection = std::string(geo::projectionName(s.camera.projection));
    st.layers = s.layers;
    st.trailDays = s.view.trailDays;
    st.allUpToNow = s.view.allUpToNow;
    st.playSpeedDaysPerSec = s.view.playSpeedDaysPerSec;
    // While a story runs, the filter is the story's: keep the user's own.
    const EventFilter& f = s.story && s.story->savedFilter ? *s.story->savedFilter : s.filter;
    st.confidenceMask = f.confidenceMask;
    st.sourceKindMask = f.sourceKindMask;
    const Dataset& ds = m_doc.data();
    st.categories.clear();
    for (Index c : f.categories)
        if (c < ds.categories.size()) st.categories.push_back(ds.categories[c].id);
    st.actors.clear();
    for (Index a : f.actors)
        if (a < ds.actors.size()) st.actors.push_back(ds.actors[a].id);
    st.countries = f.countries;
    st.tags = f.tags;
    st.searchText = f.text;
    st.dateFrom = f.from ? f.from->iso() : "";
    st.dateTo = f.to ? f.to->iso() : "";
    return st;
}

// Filters saved by id: resolved against the data just opened.
void App::resolveFilterIds() {
    auto resolve = [](const std::vector<std::string>& ids, const auto& list) {
        std::vector<Index> out;
        for (const std::string& id : ids)
            for (Index i = 0; i < list.size(); ++i)
                if (list[i].id == id) out.push_back(i);
        return out;
    };
    m_session.filter.categories = resolve(m_settings.categories, m_doc.data().categories);
    m_session.filter.actors = resolve(m_settings.actors, m_doc.data().actors);
    refilter(m_session, m_doc.data(), m_doc.revision());
}

// ===========================================================================
// Files
// ===========================================================================

const io::Gazetteer* App::gazetteer() {
    // Tried again while missing: the browser build fetches it when a table is opened.
    if (!m_gazetteer) {
        std::string error;
        m_gazetteer = io::Gazetteer::loadDefault(&error);
        if (!m_gazetteer && !m_gazetteerTried) alert("Places by name are not available: " + error);
        m_gazetteerTried = true;
    }
    return m_gazetteer.get();
}

namespace {

io::OpenOptions openOptionsFor(App& app, const std::string& path, const Document& doc,
                               const std::optional<io::ColumnMapping>& importMapping) {
    io::OpenOptions options;
    const io::FileFormat format = io::sniffFileFormat(path);
    if (format != io::FileFormat::MeridianJson && format != io::FileFormat::Unknown)
        options.gazetteer = app.gazetteer();
    // A reload of a file imported through the dialog: with the columns chosen there.
    if (importMapping && std::filesystem::path(path) == doc.path()) options.mapping = importMapping;
    return options;
}

}  // namespace

bool App::open(const std::string& path) {
    return adoptOpened(readFile(path, openOptionsFor(*this, path, m_doc, m_importMapping)));
}

bool App::adoptOpened(ReadFile read) {
    const std::string path = read.path;
    const LoadReport report = adoptFile(m_doc, m_session, std::move(read));
    for (const Diagnostic& d : report.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
    LoadProblems& problems = m_window.loadProblems();
    problems = {path, report.diagnostics, report.ok};
    if (!report.diagnostics.empty()) m_window.showProblems();
    Context c = context(m_session);
    if (!report.ok) {
        c.status(m_doc.hasData() ? "Not opened: the file has problems; the data shown is unchanged"
                                 : "Not opened: the file has problems");
        return false;
    }
    m_docFormat = report.format;
    if (report.format != io::FileFormat::MeridianJson) c.status("Imported " + report.summary, 10);
    if (!report.reload) {
        m_importMapping.reset();
        std::error_code ec;
        const std::string absolute = std::filesystem::absolute(path, ec).lexically_normal().string();
        io::addRecentFile(m_settings, absolute);
        m_settings.lastFile = absolute;
        resolveFilterIds();
        if (!m_recoveryFolder.empty()) {
            m_recoveryFile = io::recoveryFileFor(m_recoveryFolder, m_doc.path());
            m_recoveryClock = {};
            offerRecovery();
        }
    }
    m_changedOnDiskSeen = {};
    return true;
}

// ===========================================================================
// Opening in the background
// ===========================================================================

struct App::Opening {
    std::string path;
    std::string done, failed;  // the status after
    bool diskChange = false;   // a reload because the file changed on disk
    std::unique_ptr<BackgroundJob<ReadFile>> job;
};

App::~App() = default;

void App::openInBackground(const std::string& path, std::string done, std::string failed) {
    m_opening.reset();  // one at a time: the newest wins (the other is cancelled)
    std::error_code ec;
    const std::uintmax_t bytes = std::filesystem::file_size(path, ec);
    if (ec || bytes < kBackgroundOpenBytes) {
        const bool ok = open(path);
        if (ok && !done.empty()) context(m_session).status(done);
        if (!ok && !failed.empty()) context(m_session).status(failed);
        return;
    }
    auto opening = std::make_unique<Opening>();
    opening->path = path;
    opening->done = std::move(done);
    opening->failed = std::move(failed);
    io::OpenOptions options = openOptionsFor(*this, path, m_doc, m_importMapping);
    opening->job = std::make_unique<BackgroundJob<ReadFile>>(
        [path, options](const io::ImportProgress& progress) {
            io::OpenOptions o = options;
            o.progress = progress;
            return readFile(path, o);
        },
        m_session.clockSec);
    m_opening = std::move(opening);
}

double App::openingFraction() const {
    return m_opening ? m_opening->job->fraction() : 0.0;
}

std::string App::openingPath() const {
    return m_opening ? m_opening->path : std::string();
}

void App::cancelOpening() {
    if (m_opening) m_opening->job->cancel();
}

void App::finishOpening() {
    if (!m_opening || !m_opening->job->done()) return;
    const std::unique_ptr<Opening> opening = std::move(m_opening);
    const bool cancelled = opening->job->cancelling();
    ReadFile read = opening->job->take();
    Context c = context(m_session);
    if (cancelled) {
        if (opening->diskChange) m_changedOnDiskSeen = read.fileTime;  // not again every second
        c.status("Not opened: cancelled; the data shown is unchanged");
        return;
    }
    if (m_doc.isDirty()) {  // edits made while it was read: never dropped silently
        c.status("Not opened: save or undo your changes first (they would be lost).", 10);
        return;
    }
    const bool ok = adoptOpened(std::move(read));
    if (ok && !opening->done.empty()) c.status(opening->done);
    if (!ok && !opening->failed.empty()) c.status(opening->failed);
    if (!ok && opening->diskChange) m_changedOnDiskSeen = read.fileTime;  // do not retry a broken version every second
}

void App::drawOpening(Context& c) {
    if (!m_opening) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(vp->WorkSize.x * 0.8f, 32.0f * ImGui::GetFontSize()), 0));
    ImGui::Begin("Opening##background", nullptr,
                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize |
                     ImGuiWindowFlags_NoMove);
    JobProgressView v;
    v.what = "Opening";
    v.fileName = std::filesystem::path(m_opening->path).filename().string();
    v.fraction = m_opening->job->fraction();
    v.elapsedSec = c.now() - m_opening->job->startedSec();
    v.notes.push_back("The data shown stays usable until the file is read; Cancel keeps it.");
    v.cancelling = m_opening->job->cancelling();
    v.cancelControl = "open.cancel";
    if (drawJobProgress(c, v)) cancelOpening();
    ImGui::End();
}

void App::newDataset(const DatasetInfo& info, const std::string& path) {
    std::error_code ec;
    const std::string file =
        path.empty() ? std::string() : std::filesystem::absolute(path, ec).lexically_normal().string();
    m_doc.clear();  // not a reload of the previous data: the session starts over
    adoptDataset(m_doc, m_session, meridian::newDataset(info), file, {}, io::FileFormat::MeridianJson);
    m_docFormat = io::FileFormat::MeridianJson;
    m_window.loadProblems() = {};
    // The playhead at today: new events are added there.
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    m_session.view.playheadDay = static_cast<double>(std::chrono::duration_cast<std::chrono::hours>(now).count() / 24);
    m_state.editing.on = true;
    m_changedOnDiskSeen = {};
    if (!m_recoveryFolder.empty() && !file.empty())
        m_recoveryFile = io::recoveryFileFor(m_recoveryFolder, m_doc.path());
    context(m_session).status(
        "New dataset. Click on the map to add places; Edit > Add an event (or double-click a timeline lane).", 15);
}

void App::adoptImport(FinishedImport& done) {
    const LoadReport report =
        adoptDataset(m_doc, m_session, std::move(done.data), done.path, std::move(done.diagnostics), done.format);
    m_window.loadProblems() = {done.path, report.diagnostics, true};  // File > Show problems (the dialog showed them)
    m_docFormat = done.format;
    m_importMapping = std::move(done.mapping);
    std::error_code ec;
    const std::string absolute = std::filesystem::absolute(done.path, ec).lexically_normal().string();
    io::addRecentFile(m_settings, absolute);
    m_settings.lastFile = absolute;
    if (!report.reload) {
        resolveFilterIds();
        if (!m_recoveryFolder.empty()) {
            m_recoveryFile = io::recoveryFileFor(m_recoveryFolder, m_doc.path());
            m_recoveryClock = {};
        }
    }
    m_changedOnDiskSeen = {};
    context(m_session).status("Imported " + done.summary, 10);
}

// The text of the document's own file, when it is a Meridian file: saves keep its layout.
std::string App::layoutOfDocumentFile() const {
    if (m_docFormat != io::FileFormat::MeridianJson || m_doc.path().empty()) return {};
    std::string error;
    return io::readWholeFile(m_doc.path(), &error).value_or("");
}

// "lesson-mine.json" beside the document's file (not taken yet).
std::string App::anotherFileName() const {
    namespace fs = std::filesystem;
    const fs::path& p = m_doc.path();
    std::error_code ec;
    fs::path target = p.parent_path() / (p.stem().string() + "-mine.json");
    for (int n = 2; fs::exists(target, ec); ++n)
        target = p.parent_path() / (p.stem().string() + "-mine-" + std::to_string(n) + ".json");
    return target.string();
}

bool App::save(std::string* error) {
    return saveDocument(error, false);
}

bool App::saveDocument(std::string* error, bool overwriteChangedFile) {
    namespace fs = std::filesystem;
    if (m_doc.path().empty()) {
        *error = "the data has no file yet";
        return false;
    }
    // Another program changed the file since it was read: never overwrite that silently.
    std::error_code ec;
    const auto onDisk = std::filesystem::last_write_time(m_doc.path(), ec);
    if (!ec && onDisk != m_doc.fileTime() && !overwriteChangedFile) {
        m_changedOnDiskSeen = onDisk;
        m_changedOnDisk.ask(m_doc.path().filename().string(), anotherFileName());
        *error = "another program changed the file since Meridian read it: choose which version to keep";
        return false;
    }
    if (m_docFormat != io::FileFormat::MeridianJson) {
        // An imported file is never overwritten: the data becomes a Meridian file beside it.
        fs::path target = m_doc.path();
        target.replace_extension(".json");
        for (int n = 2; fs::exists(target, ec); ++n)
            target = m_doc.path().parent_path() / (m_doc.path().stem().string() + "-" + std::to_string(n) + ".json");
        return saveAs(target.string(), error);
    }
    // Atomically, in the file's own layout, the previous version kept as FILE.bak (io/dataset_save).
    if (!io::saveDatasetFile(m_doc.path(), m_doc.data(), layoutOfDocumentFile(), error)) return false;
    m_doc.markSaved();
    m_doc.setFileTime(fs::last_write_time(m_doc.path(), ec));
    m_changedOnDiskSeen = {};
    discardRecovery();
    return true;
}

bool App::saveAs(const std::string& path, std::string* error) {
    namespace fs = std::filesystem;
    const std::optional<io::ExportFormat> found = io::exportFormatForPath(path);
    if (!found) {
        *error = "the file name must end in .json (Meridian), .csv, .tsv, .geojson or .timeline.json (TimelineJS)";
        return false;
    }
    const io::ExportFormat format = *found;
    std::error_code ec;
    if (format == io::ExportFormat::MeridianJson) {
        if (!io::saveDatasetFile(path, m_doc.data(), layoutOfDocumentFile(), error)) return false;
        discardRecovery();  // the old file's; the saved file is now the document's file (later saves go there)
        m_doc.setFile(fs::absolute(path, ec).lexically_normal(), fs::last_write_time(path, ec));
        m_doc.markSaved();
        m_docFormat = io::FileFormat::MeridianJson;
        m_changedOnDiskSeen = {};
        if (!m_recoveryFolder.empty()) m_recoveryFile = io::recoveryFileFor(m_recoveryFolder, m_doc.path());
        io::addRecentFile(m_settings, m_doc.path().string());
        m_settings.lastFile = m_doc.path().string();
        return true;
    }
    // Other formats are exports: the document keeps its own file.
    return io::saveDatasetAs(path, m_doc.data(), format, error);
}

void App::checkFileChanged() {
    if (m_doc.path().empty() || m_opening) return;
    std::error_code ec;
    const auto t = std::filesystem::last_write_time(m_doc.path(), ec);
    if (ec || t == m_doc.fileTime() || t == m_changedOnDiskSeen) return;
    Context c = context(m_session);
    if (m_doc.isDirty()) {
        // Reloading would drop the user's edits: keep both, and ask.
        m_changedOnDiskSeen = t;
        if (!m_changedOnDisk.isOpen()) m_changedOnDisk.ask(m_doc.path().filename().string(), anotherFileName());
        return;
    }
    const std::string name = m_doc.path().filename().string();
    std::error_code sizeError;
    if (std::filesystem::file_size(m_doc.path(), sizeError) >= kBackgroundOpenBytes && !sizeError) {
        openInBackground(m_doc.path().string(), "Reloaded " + name + " (changed on disk)",
                         "The changed file has problems: showing the previous version");
        if (m_opening) m_opening->diskChange = true;
        return;
    }
    if (open(m_doc.path().string())) {
        c.status("Reloaded " + name + " (changed on disk)");
    } else {
        m_changedOnDiskSeen = t;  // do not retry a broken version every second
        c.status("The changed file has problems: showing the previous version");
    }
}

// ===========================================================================
// Frames
// ===========================================================================

void App::beginFrame(double nowSec) {
    tick(m_session, m_doc, nowSec, 90.0 * m_look.scale());
}

void App::drawUi(Session& session) {
    Context c = context(session);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    session.windowSize = geo::Viewport{vp->Size.x, vp->Size.y};
    if (!session.offscreen) session.view.hovered = kNoIndex;  // this frame's hover
    m_window.draw(c);
    for (std::string& problem : m_window.map().takeProblems()) alert(std::move(problem));
    if (!session.offscreen) drawPrompts(c);
    if (!session.offscreen) drawOpening(c);
    rememberSelection(session, m_doc.data());
}

void App::endFrame() {
    Requests& r = m_requests;
    if (m_state.textFocusPendingFrames > 0) --m_state.textFocusPendingFrames;
    Context c = context(m_session);
    carryOutPrompts();
    finishOpening();
    if (r.openPath) {
        const std::string path = *r.openPath;
        r.openPath.reset();
        unlessUnsaved("open another file", [this, path] {
            const io::FileFormat f = io::sniffFileFormat(path);
            if (f != io::FileFormat::MeridianJson && f != io::FileFormat::Unknown && path != m_doc.path().string())
                m_requests.importPath = path;  // a spreadsheet, TimelineJS or geodata: the import dialog
            else
                openInBackground(path);
        });
    }
    if (r.adoptImport) {
        const std::shared_ptr<FinishedImport> done = std::move(r.adoptImport);
        if (m_doc.isDirty())  // edits made while it ran: never dropped silently
            c.status("Not imported: save or undo your changes first (they would be lost).", 10);
        else
            adoptImport(*done);
    }
    if (r.saveAsPath) {
        const std::string path = *r.saveAsPath;
        r.saveAsPath.reset();
        std::string error;
        if (saveAs(path, &error))
            c.status("Saved as " + path);
        else
            c.status("Not saved: " + error, 15);
    }
    if (r.newDataset) {
        const Requests::NewDataset request = std::move(*r.newDataset);
        r.newDataset.reset();
        unlessUnsaved("start a new dataset", [this, request] { newDataset(request.info, request.path); });
    }
    if (r.reload) {
        r.reload = false;
        if (!m_doc.path().empty())
            unlessUnsaved("reload the file", [this] {
                openInBackground(m_doc.path().string(), "Reloaded " + m_doc.path().filename().string());
            });
    }
    if (r.save) {
        r.save = false;
        std::string error;
        if (save(&error))
            c.status("Saved " + m_doc.path().filename().string());
        else
            c.status("Not saved: " + error, 15);
    }
    if (r.quit) {
        r.quit = false;
        unlessUnsaved("quit", [this] { m_quitConfirmed = true; });
    }
    if (r.toggleFullscreen) r.toggleFullscreen = false, m_state.fullscreen = !m_state.fullscreen;
    if (r.fullscreen) m_state.fullscreen = *r.fullscreen, r.fullscreen.reset();
}

double App::nextFrameDueSec() {
    double due = meridian::nextFrameDueSec(m_session, m_doc.data());
    if (!m_state.statusMessage.empty() && m_state.statusUntilSec > m_session.clockSec)
        due = std::min(due, m_state.statusUntilSec);  // to take the message away
    if (m_window.hasPendingUploads()) due = m_session.clockSec;
    due = std::min(due, m_window.map().nextFrameDueSec());  // the arcs' pattern flowing
    // A question that opened between frames (a change on disk, a crash's copy): draw it
    // until ImGui has sized and placed it.
    const bool asking = m_recoveryDialog.isOpen() || m_unsavedPrompt.isOpen() || m_changedOnDisk.isOpen();
    if (asking && m_promptFrames < 4) due = m_session.clockSec;
    if (m_window.importWorking() || m_opening) due = std::min(due, m_session.clockSec + 0.1);  // their progress
    return due;
}

// ===========================================================================
// Unsaved changes, changes on disk, crash recovery
// ===========================================================================

std::string App::windowTitle() const {
    if (!m_doc.hasData()) return "Meridian";
    const std::string name = m_doc.path().empty() ? "new dataset" : m_doc.path().filename().string();
    return "Meridian - " + name + (m_doc.isDirty() ? " *" : "");
}

void App::unlessUnsaved(std::string what, std::function<void()> then) {
    if (!m_doc.isDirty()) {
        then();
        return;
    }
    m_unsavedPrompt.ask(std::move(what), std::move(then));
}

// One question at a time; the answers are carried out after the frame.
void App::drawPrompts(Context& c) {
    const bool asking = m_recoveryDialog.isOpen() || m_unsavedPrompt.isOpen() || m_changedOnDisk.isOpen();
    m_promptFrames = asking ? m_promptFrames + 1 : 0;
    if (m_recoveryDialog.isOpen()) {
        m_recoveryChoice = m_recoveryDialog.draw(c);
    } else if (m_unsavedPrompt.isOpen()) {
        m_unsavedChoice = m_unsavedPrompt.draw(c);
    } else if (m_changedOnDisk.isOpen()) {
        m_diskChoice = m_changedOnDisk.draw(c);
    }
}

void App::carryOutPrompts() {
    Context c = context(m_session);
    const std::string name = m_doc.path().filename().string();
    std::string error;
    switch (std::exchange(m_unsavedChoice, UnsavedChoice::None)) {
        case UnsavedChoice::Save:
            if (saveDocument(&error, false)) {
                c.status("Saved " + name);
                if (auto then = m_unsavedPrompt.takeContinuation()) then();
            } else {
                m_unsavedPrompt.takeContinuation();
                c.status("Not saved: " + error, 15);
            }
            break;
        case UnsavedChoice::DontSave:
            discardRecovery();
            if (auto then = m_unsavedPrompt.takeContinuation()) then();
            break;
        case UnsavedChoice::Cancel:
            m_unsavedPrompt.takeContinuation();
            break;
        case UnsavedChoice::None:
            break;
    }
    switch (std::exchange(m_diskChoice, DiskChangeChoice::None)) {
        case DiskChangeChoice::Reload:
            discardRecovery();
            openInBackground(m_doc.path().string(), "Reloaded " + name + ": the other program's version");
            break;
        case DiskChangeChoice::SaveAs: {
            const std::string target = m_changedOnDisk.saveAsPath();
            if (saveAs(target, &error))
                c.status("Saved your version as " + target + "; " + name + " keeps the other program's", 15);
            else
                c.status("Not saved: " + error, 15);
            break;
        }
        case DiskChangeChoice::KeepMine:
            if (saveDocument(&error, true))
                c.status("Saved your version over " + name + " (the other program's is " + name + ".bak)", 15);
            else
                c.status("Not saved: " + error, 15);
            break;
        case DiskChangeChoice::Later:
            c.status("Both versions kept: " + name + " on disk, your changes here (Save asks again)", 15);
            break;
        case DiskChangeChoice::None:
            break;
    }
    switch (std::exchange(m_recoveryChoice, RecoveryChoice::None)) {
        case RecoveryChoice::Restore:
            if (m_recovered) {
                // One undoable edit (Undo goes back to the file's content), unless the data is large.
                bool undoable = recordTotal(m_doc.data()) + recordTotal(*m_recovered) <= kMaxRecordsForUndoableRestore;
                if (undoable &&
                    !m_doc.apply(editReplacingDataset(m_doc.data(), *m_recovered, "restore unsaved changes"), &error)) {
                    std::fprintf(stderr, "meridian: restoring as an edit failed (%s); replacing the data\n",
                                 error.c_str());
                    undoable = false;
                }
                if (!undoable) {
                    const auto fileTime = m_doc.fileTime();
                    adoptDataset(m_doc, m_session, std::move(*m_recovered), m_doc.path().string(), {}, m_docFormat);
                    m_doc.setFileTime(fileTime);
                    m_doc.markUnsaved();
                }
                m_recoveryClock = {};
                c.status(undoable ? "Restored the unsaved changes (not in the file yet: Ctrl+S saves them, Ctrl+Z "
                                    "goes back to the file)"
                                  : "Restored the unsaved changes (not in the file yet: Ctrl+S saves them)",
                         15);
            }
            m_recovered.reset();
            break;
        case RecoveryChoice::Discard:
            m_recovered.reset();
            discardRecovery();
            c.status("Discarded the unsaved changes of the last session");
            break;
        case RecoveryChoice::None:
            break;
    }
}

void App::enableCrashRecovery(std::filesystem::path folder) {
    m_recoveryFolder = std::move(folder);
    if (m_doc.hasData()) m_recoveryFile = io::recoveryFileFor(m_recoveryFolder, m_doc.path());
}

// A recovery file of the document's file, newer than the file: offer it.
void App::offerRecovery() {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (m_recoveryFile.empty() || !fs::exists(m_recoveryFile, ec)) return;
    const auto savedAt = fs::last_write_time(m_recoveryFile, ec);
    if (ec) return;
    const auto dataTime = fs::last_write_time(m_doc.path(), ec);
    if (!io::shouldOfferRecovery(savedAt, ec ? std::nullopt : std::optional(dataTime))) return;
    std::string error;
    std::optional<io::RecoveredData> recovered = io::readRecoveryFile(m_recoveryFile, &error);
    if (!recovered) {
        std::fprintf(stderr, "meridian: %s (kept)\n", error.c_str());
        return;
    }
    if (recovered->dataFile != fs::absolute(m_doc.path(), ec).lexically_normal()) return;  // another file's
    if (io::datasetToJson(recovered->dataset) == io::datasetToJson(m_doc.data())) {
        fs::remove(m_recoveryFile, ec);  // nothing the file does not have
        return;
    }
    // The file clock's time as the wall clock's (libc++ 13, the browser build's, has no
    // file_clock::to_sys): the same distance from now on both clocks.
    const auto sinceSaved = std::chrono::file_clock::now() - savedAt;
    const std::time_t t = std::chrono::system_clock::to_time_t(
        std::chrono::system_clock::now() - std::chrono::duration_cast<std::chrono::system_clock::duration>(sinceSaved));
    char when[32] = "";
    std::tm tm{};
    if (localtime_r(&t, &tm)) std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
    const std::string summary = io::summarizeDataset(recovered->dataset);
    m_recovered = std::move(recovered->dataset);
    m_recoveryDialog.offer(m_doc.path().filename().string(), when, summary);
}

void App::discardRecovery() {
    m_recoveryWriter.wait();  // a copy being written now would come back after the delete
    m_recoveryWriter.takeResult();
    std::error_code ec;
    if (!m_recoveryFile.empty()) std::filesystem::remove(m_recoveryFile, ec);
    m_recoveryClock = {};
}

void App::writeRecoveryIfDue(double nowSec) {
    if (m_recoveryFolder.empty() || !m_doc.hasData() || m_recoveryDialog.isOpen()) return;
    if (const std::optional<std::string> failed = m_recoveryWriter.takeResult(); failed && !failed->empty()) {
        m_recoveryClock.writtenRevision = 0;  // try again after the interval
        if (!m_recoveryWarned) {
            m_recoveryWarned = true;
            alert("Cannot keep a recovery copy of your changes: " + *failed);
            context(m_session).status("Cannot keep a recovery copy of your changes: " + *failed, 15);
        }
    }
    if (m_recoveryWriter.busy()) return;
    if (!m_doc.isDirty()) {
        // Undone back to the file (or saved): the copy is not needed any more.
        if (m_recoveryClock.writtenRevision != 0) discardRecovery();
        return;
    }
    if (!io::recoveryDue(m_recoveryClock, true, m_doc.revision(), nowSec, m_recoveryIntervalSec)) return;
    if (m_recoveryFile.empty()) m_recoveryFile = io::recoveryFileFor(m_recoveryFolder, m_doc.path());
    // The copy is made here (the data changes between frames); serialising and flushing it are not.
    const auto started = std::chrono::steady_clock::now();
    Dataset copy = m_doc.data();
    const double copySec = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    m_recoveryIntervalSec = std::max(3.0, 50.0 * copySec);  // at most ~2 % of the time spent copying
    if (m_recoveryWriter.start(m_recoveryFile, std::move(copy), m_doc.path()))
        m_recoveryClock = {m_doc.revision(), nowSec};
}

}  // namespace meridian::ui

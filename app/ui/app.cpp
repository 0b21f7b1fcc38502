#include "ui/app.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "geo/projection.h"
#include "io/dataset_writer.h"
#include "io/import/save_any.h"
#include "session/filtering.h"
#include "session/open_file.h"
#include "session/tick.h"

namespace meridian::ui {

App::App() = default;

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
    if (!m_gazetteerTried) {
        m_gazetteerTried = true;
        std::string error;
        m_gazetteer = io::Gazetteer::loadDefault(&error);
        if (!m_gazetteer) std::fprintf(stderr, "meridian: places by name are not available: %s\n", error.c_str());
    }
    return m_gazetteer.get();
}

bool App::open(const std::string& path) {
    io::OpenOptions options;
    const io::FileFormat format = io::sniffFileFormat(path);
    if (format != io::FileFormat::MeridianJson && format != io::FileFormat::Unknown) options.gazetteer = gazetteer();
    const LoadReport report = openFile(m_doc, m_session, path, options);
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
        std::error_code ec;
        const std::string absolute = std::filesystem::absolute(path, ec).lexically_normal().string();
        io::addRecentFile(m_settings, absolute);
        m_settings.lastFile = absolute;
        resolveFilterIds();
    }
    m_changedOnDiskSeen = {};
    return true;
}

namespace {

// Atomically, after checking the result loads; the previous version stays as FILE.bak.
bool writeMeridianFile(const std::filesystem::path& path, const Dataset& data, std::string* error) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) {
        const std::filesystem::path backup = path.string() + ".bak";
        std::filesystem::copy_file(path, backup, std::filesystem::copy_options::overwrite_existing, ec);
        if (ec) {
            *error = "cannot keep the previous version as " + backup.string() + ": " + ec.message();
            return false;
        }
    }
    return io::saveDataset(path, data, error);
}

}  // namespace

bool App::save(std::string* error) {
    namespace fs = std::filesystem;
    if (m_doc.path().empty()) {
        *error = "the data has no file yet";
        return false;
    }
    // Another program changed the file since it was read: never overwrite that silently.
    std::error_code ec;
    const auto onDisk = std::filesystem::last_write_time(m_doc.path(), ec);
    if (!ec && onDisk != m_doc.fileTime()) {
        *error =
            "the file was changed by another program since Meridian read it; reload it (your unsaved changes "
            "are lost) or keep working and save later";
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
    if (!writeMeridianFile(m_doc.path(), m_doc.data(), error)) return false;
    m_doc.markSaved();
    m_doc.setFileTime(fs::last_write_time(m_doc.path(), ec));
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
        if (!writeMeridianFile(path, m_doc.data(), error)) return false;
        // The saved file is now the document's file (later saves go there).
        m_doc.setFile(fs::absolute(path, ec).lexically_normal(), fs::last_write_time(path, ec));
        m_doc.markSaved();
        m_docFormat = io::FileFormat::MeridianJson;
        io::addRecentFile(m_settings, m_doc.path().string());
        m_settings.lastFile = m_doc.path().string();
        return true;
    }
    // Other formats are exports: the document keeps its own file.
    return io::saveDatasetAs(path, m_doc.data(), format, error);
}

void App::checkFileChanged() {
    if (m_doc.path().empty()) return;
    std::error_code ec;
    const auto t = std::filesystem::last_write_time(m_doc.path(), ec);
    if (ec || t == m_doc.fileTime() || t == m_changedOnDiskSeen) return;
    Context c = context(m_session);
    if (m_doc.isDirty()) {
        // Reloading would drop the user's edits: keep both, and say so.
        m_changedOnDiskSeen = t;
        c.status(
            "The file changed on disk. Your unsaved changes are kept: File > Reload shows the new version "
            "(and drops them).",
            15);
        return;
    }
    const std::string name = m_doc.path().filename().string();
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
    rememberSelection(session, m_doc.data());
}

void App::endFrame() {
    Requests& r = m_requests;
    if (m_state.textFocusPendingFrames > 0) --m_state.textFocusPendingFrames;
    Context c = context(m_session);
    if (r.openPath) {
        const std::string path = *r.openPath;
        r.openPath.reset();
        if (m_doc.isDirty())
            c.status("Save or undo your changes before opening another file (they would be lost).", 10);
        else
            open(path);
    }
    if (r.reload) {
        r.reload = false;
        if (!m_doc.path().empty()) {
            const std::string name = m_doc.path().filename().string();
            if (open(m_doc.path().string())) c.status("Reloaded " + name);
        }
    }
    if (r.save) {
        r.save = false;
        std::string error;
        if (save(&error)) {
            c.status("Saved " + m_doc.path().filename().string());
            if (m_window.quitPromptOpen()) m_quitConfirmed = true;
        } else {
            c.status("Not saved: " + error, 15);
        }
    }
    if (r.quit) {
        r.quit = false;
        if (m_doc.isDirty())
            m_window.askBeforeQuitting();
        else
            m_quitConfirmed = true;
    }
    if (m_window.quitConfirmed()) m_quitConfirmed = true;
    if (r.toggleFullscreen) r.toggleFullscreen = false, m_state.fullscreen = !m_state.fullscreen;
    if (r.fullscreen) m_state.fullscreen = *r.fullscreen, r.fullscreen.reset();
}

double App::nextFrameDueSec() {
    double due = meridian::nextFrameDueSec(m_session, m_doc.data());
    if (!m_state.statusMessage.empty() && m_state.statusUntilSec > m_session.clockSec)
        due = std::min(due, m_state.statusUntilSec);  // to take the message away
    if (m_window.hasPendingUploads()) due = m_session.clockSec;
    due = std::min(due, m_window.map().nextFrameDueSec());  // the arcs' pattern flowing
    return due;
}

}  // namespace meridian::ui

#include "ui/app.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "geo/projection.h"
#include "io/story_writer.h"
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

bool App::open(const std::string& path) {
    const LoadReport report = openFile(m_doc, m_session, path);
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

bool App::save(std::string* error) {
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
    if (!io::saveStories(m_doc.path(), m_doc.data(), error)) return false;
    m_doc.markSaved();
    m_doc.setFileTime(std::filesystem::last_write_time(m_doc.path(), ec));
    return true;
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

#include "ui/reports.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "geo/projection.h"
#include "io/text_file.h"

namespace meridian::ui {

namespace {

void write(const nlohmann::json& j, const std::string& path) {
    std::string error;
    if (!io::writeFileAtomically(path, j.dump(2), &error))
        std::fprintf(stderr, "meridian: %s: %s\n", path.c_str(), error.c_str());
}

}  // namespace

void writeLayoutReport(const App& app, const std::string& path) {
    TimelineLayoutReport r;
    const_cast<App&>(app).window().timeline().layoutReport(r);
    nlohmann::json j = {{"lanesX", r.lanesX},        {"lanesY", r.lanesY},   {"firstDay", r.firstDay},
                        {"pxPerDay", r.pxPerDay},    {"widthPx", r.widthPx}, {"rowTops", r.rowTops},
                        {"rowHeights", r.rowHeights}};
    nlohmann::json cats = nlohmann::json::array();
    for (Index c : r.rowCategories) cats.push_back(c == kNoIndex ? -1 : static_cast<int>(c));
    j["rowCategories"] = cats;
    j["lanesVisible"] = r.lanesVisible;
    j["lanesBelow"] = r.lanesBelow;
    // Where the map looks and what part of it a presenter's card leaves free (render tests check framing).
    const Session& s = const_cast<App&>(app).session();
    j["projection"] = std::string(geo::projectionName(s.camera.projection));
    j["camera"] = {s.camera.centerLonDeg, s.camera.centerLatDeg, s.camera.zoom};
    j["window"] = {s.windowSize.widthPx, s.windowSize.heightPx};
    j["mapViewport"] = {s.mapViewport.widthPx, s.mapViewport.heightPx};
    if (s.presenterFreeArea)
        j["freeArea"] = {s.presenterFreeArea->x0, s.presenterFreeArea->y0, s.presenterFreeArea->x1,
                         s.presenterFreeArea->y1};
    j["narrationTop"] = s.narrationTopPx;
    const Dataset& ds = const_cast<App&>(app).document().data();
    if (s.story && s.story->story < ds.stories.size()) {
        nlohmann::json highlighted = nlohmann::json::array();
        for (Index e : s.view.highlighted)
            if (e < ds.events.size()) highlighted.push_back(ds.events[e].id);
        j["highlighted"] = highlighted;
    }
    nlohmann::json controls = nlohmann::json::object();
    for (const auto& [name, rect] : const_cast<App&>(app).state().controls)
        controls[name] = {rect[0], rect[1], rect[2], rect[3]};
    j["controls"] = controls;
    write(j, path);
}

void writeStateReport(App& app, const std::string& path) {
    const Session& s = app.session();
    const Dataset& ds = app.document().data();
    nlohmann::json j;
    j["selected"] = s.view.selected < ds.events.size() ? ds.events[s.view.selected].id : "";
    j["playhead"] = formatDayNumber(static_cast<DayNumber>(std::floor(s.view.playheadDay)));
    j["window"] =
        s.view.window ? formatDayNumber(s.view.window->first) + "/" + formatDayNumber(s.view.window->last - 1) : "";
    j["shown"] = s.filtered.shown;
    j["total"] = ds.events.size();
    j["search"] = s.filter.text;
    j["filtered"] = s.filter.isActive();
    j["theme"] = themeId(app.look().theme);
    j["uiScale"] = app.look().uiScale;
    j["projection"] = std::string(geo::projectionName(s.camera.projection));
    j["presenting"] = s.presenting();
    j["step"] = s.story ? s.story->step + 1 : 0;
    j["fullscreen"] = app.state().fullscreen;
    j["viewport"] = {static_cast<int>(s.windowSize.widthPx),
                     static_cast<int>(s.windowSize.heightPx)};  // what the UI is laid out for
    j["revision"] = app.document().revision();
    j["file"] = app.document().path().string();
    j["title"] = ds.title;
    j["basemap"] = s.layers.basemap;
    j["camera"] = {s.camera.centerLonDeg, s.camera.centerLatDeg, s.camera.zoom};
    j["problemsShown"] = app.window().problemsVisible();
    j["problemsFile"] = app.window().loadProblems().file;
    j["drawerOpen"] = app.window().layout().drawerOpen;
    j["status"] = app.state().statusMessage;
    j["alerts"] = app.state().alerts.items;
    j["alertsOpen"] = app.state().alerts.open;
    if (const auto& g = app.state().glObjects)
        j["glObjects"] = {{"textures", g->textures},
                          {"buffers", g->buffers},
                          {"vertexArrays", g->vertexArrays},
                          {"framebuffers", g->framebuffers},
                          {"renderbuffers", g->renderbuffers},
                          {"programs", g->programs},
                          {"shaders", g->shaders},
                          {"total", g->total()}};
    nlohmann::json controls = nlohmann::json::object();
    for (const auto& [name, r] : app.state().controls) controls[name] = {r[0], r[1], r[2], r[3]};
    j["controls"] = controls;
    const ImportStatus& import = app.state().import;
    j["import"] = {{"stage", import.stage},         {"fields", import.fields},
                   {"dateOrder", import.dateOrder}, {"askingDateOrder", import.askingDateOrder},
                   {"progress", import.progress},   {"report", import.report}};
    // A file being read in the background (App::openInBackground): "" when none.
    j["opening"] = app.opening() ? app.openingPath() : "";
    j["openingProgress"] = app.openingFraction();
    j["dirty"] = app.document().isDirty();
    j["undo"] = app.document().undoName();
    nlohmann::json highlighted = nlohmann::json::array();
    for (Index e : s.view.highlighted)
        if (e < ds.events.size()) highlighted.push_back(ds.events[e].id);
    j["highlighted"] = highlighted;
    j["redo"] = app.document().redoName();
    // The editor (issue 13): what the data holds now, and the live validation's count.
    j["places"] = ds.places.size();
    j["sources"] = ds.sources.size();
    j["editing"] = app.state().editing.on;
    j["problems"] = app.state().editing.problems.revision == app.document().revision()
                        ? static_cast<long long>(app.state().editing.problems.errors)
                        : -1;
    write(j, path);
}

}  // namespace meridian::ui

#include "browser/page_state.h"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>

#include "geo/arc_layout.h"
#include "geo/great_circle.h"
#include "geo/projection.h"
#include "ui/theme.h"

namespace meridian::web {

namespace {

using nlohmann::json;

ui::App* g_app = nullptr;

json idOf(const Dataset& ds, Index event) {
    return event < ds.events.size() ? json(ds.events[event].id) : json(nullptr);
}

// The map panel's top-left corner in the window (its ImGui window has no padding, no title).
ImVec2 mapOrigin() {
    const ImGuiWindow* map = ImGui::FindWindowByName("Map");
    return map ? map->Pos : ImVec2(0, 0);
}

std::string hexColor(std::uint32_t rgba) {
    char text[8];
    std::snprintf(text, sizeof text, "#%06x", static_cast<unsigned>(rgba >> 8));
    return text;
}

}  // namespace

std::string appStateJson(ui::App& app, double ratio) {
    const Document& doc = app.document();
    const Dataset& ds = doc.data();
    const Session& s = app.session();
    const ImVec2 origin = mapOrigin();
    json j;
    j["file"] = doc.path().string();
    j["loaded"] = doc.hasData();
    j["mapError"] = app.window().map().ok() ? std::string() : app.window().map().error();
    j["title"] = ds.title;
    j["events"] = ds.events.size();
    j["places"] = ds.places.size();
    j["dirty"] = doc.isDirty();
    j["problems"] = app.window().loadProblems().diagnostics.size();
    j["problemsFile"] = app.window().loadProblems().file;
    j["selected"] = idOf(ds, s.view.selected);
    j["hovered"] = idOf(ds, s.view.hovered);
    j["playhead"] = formatDayNumber(static_cast<DayNumber>(std::floor(s.view.playheadDay)));
    j["presenting"] = s.presenting();
    j["story"] = s.story && s.story->story < ds.stories.size() ? json(ds.stories[s.story->story].id) : json(nullptr);
    j["step"] = s.story ? s.story->step : -1;
    j["fullscreen"] = app.state().fullscreen;
    j["status"] = app.state().statusMessage;
    j["export"] = {{"running", app.state().exportProgress.running}, {"message", app.state().exportProgress.message}};
    j["theme"] = ui::themeId(app.look().theme);
    j["scale"] = app.look().scale();
    j["devicePixelRatio"] = ratio;
    j["camera"] = {{"projection", std::string(geo::projectionName(s.camera.projection))},
                   {"lon", s.camera.centerLonDeg},
                   {"lat", s.camera.centerLatDeg},
                   {"zoom", s.camera.zoom}};
    j["flying"] = s.flight.has_value();
    j["import"] = {{"stage", app.state().import.stage}, {"report", app.state().import.report}};
    // Windows and dialogs shown now (CSS pixels): where the page check clicks a dialog's buttons.
    json windows = json::object();
    for (const ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
        if (w->WasActive && !w->Hidden && !(w->Flags & ImGuiWindowFlags_ChildWindow))
            windows[w->Name] = {w->Pos.x / ratio, w->Pos.y / ratio, w->Size.x / ratio, w->Size.y / ratio};
    j["windows"] = std::move(windows);
    j["map"] = {{"x", origin.x / ratio},
                {"y", origin.y / ratio},
                {"width", s.mapViewport.widthPx / ratio},
                {"height", s.mapViewport.heightPx / ratio}};
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

void setProbedApp(ui::App* app) {
    g_app = app;
}

}  // namespace meridian::web

// Where the map draws its arcs' middles and its markers now (CSS pixels of the
// page), for the page check. JSON, valid until the next call.
extern "C" EMSCRIPTEN_KEEPALIVE const char* meridianWebMapProbe() {
    using namespace meridian;
    using nlohmann::json;
    static std::string out;
    json j;
    if (!web::g_app || !web::g_app->document().hasData()) {
        out = "{}";
        return out.c_str();
    }
    ui::App& app = *web::g_app;
    const Dataset& ds = app.document().data();
    const Session& s = app.session();
    const double ratio = app.look().dpiScale > 0 ? app.look().dpiScale : 1.0;
    const ImVec2 origin = web::mapOrigin();
    auto css = [&](geo::LonLat p) -> json {
        const std::optional<geo::ScreenPoint> sp = geo::worldToScreen(s.camera, s.mapViewport, p);
        if (!sp) return nullptr;
        return json::array({(origin.x + sp->xPx) / ratio, (origin.y + sp->yPx) / ratio});
    };
    // The leg's centre line as drawn, at nine points: the great circle, moved
    // sideways by its bundle offset as the arc shader does (render/map_shaders.h:
    // bundleOffset x spacing x sin(pi x route t), along the screen normal).
    const double spacing = 10.0 * app.look().scale() / ratio;  // MapPanel's bundleSpacingPx, in CSS pixels
    auto drawn = [&](const geo::ArcLeg& leg, double t) -> json {
        const json here = css(geo::interpolate(leg.from, leg.to, t));
        const json ahead = css(geo::interpolate(leg.from, leg.to, std::min(1.0, t + 0.01)));
        const json behind = css(geo::interpolate(leg.from, leg.to, std::max(0.0, t - 0.01)));
        if (here.is_null() || ahead.is_null() || behind.is_null()) return here;
        const double dx = ahead[0].get<double>() - behind[0].get<double>(),
                     dy = ahead[1].get<double>() - behind[1].get<double>();
        const double length = std::hypot(dx, dy);
        if (length < 1e-9) return here;
        const double bulge =
            leg.bundleOffset * spacing * std::sin(3.14159265358979 * (leg.routeStart + t * leg.routeSpan));
        // The shader's normal (-dir.y, dir.x) is in y-up pixels; in the page's y-down pixels it is (dy, -dx).
        return json::array({here[0].get<double>() + dy / length * bulge, here[1].get<double>() - dx / length * bulge});
    };
    auto path = [&](const geo::ArcLeg& leg) {
        json points = json::array();
        for (int k = 0; k <= 8; ++k) points.push_back(drawn(leg, k / 8.0));
        return points;
    };
    const geo::MapLayout layout = geo::buildMapLayout(ds);
    json legs = json::array(), markers = json::array();
    for (const geo::ArcLeg& leg : layout.legs) {
        const Event& e = ds.events[leg.event];
        legs.push_back({{"event", e.id},
                        {"confidence", confidenceId(e.confidence)},
                        {"color", web::hexColor(ds.categoryColor(e.category))},
                        {"first", e.span().first},
                        {"last", e.span().last},
                        {"shown", s.isShown(leg.event)},
                        {"bundle", leg.bundleOffset},
                        {"crossesAntimeridian", leg.crossesAntimeridian},
                        {"from", css(leg.from)},
                        {"to", css(leg.to)},
                        {"middle", drawn(leg, 0.5)},
                        {"path", path(leg)}});
    }
    for (const geo::PlaceMarker& m : layout.markers) {
        const Event& e = ds.events[m.event];
        markers.push_back({{"event", e.id},
                           {"confidence", confidenceId(e.confidence)},
                           {"color", web::hexColor(ds.categoryColor(e.category))},
                           {"first", e.span().first},
                           {"last", e.span().last},
                           {"shown", s.isShown(m.event)},
                           {"endpoint", m.endpoint},
                           {"at", css(m.position)}});
    }
    j["playheadDay"] = s.view.playheadDay;
    j["legs"] = std::move(legs);
    j["markers"] = std::move(markers);
    out = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return out.c_str();
}

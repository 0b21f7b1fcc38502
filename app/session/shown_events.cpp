#include "session/shown_events.h"

#include <cmath>

namespace meridian {

DaySpan shownSpan(const ViewState& v) {
    if (v.window) return *v.window;
    const auto t = static_cast<DayNumber>(std::floor(v.playheadDay));
    const DayNumber back = v.allUpToNow ? 1000000 : static_cast<DayNumber>(v.trailDays) + 1;
    return {t - back, t + 1};
}

std::vector<geo::LonLat> placesOfEvents(const Dataset& ds, const std::vector<Index>& events) {
    std::vector<geo::LonLat> pts;
    for (Index e : events) {
        if (e >= ds.events.size()) continue;
        forEachPlaceOf(ds.events[e], [&](Index p) { pts.push_back({ds.places[p].lonDeg, ds.places[p].latDeg}); });
    }
    return pts;
}

std::vector<geo::LonLat> shownPlaces(const Dataset& ds, const Session& s) {
    std::vector<geo::LonLat> pts;
    forEachShownEvent(ds, s, [&](Index i, float) {
        forEachPlaceOf(ds.events[i], [&](Index p) { pts.push_back({ds.places[p].lonDeg, ds.places[p].latDeg}); });
    });
    if (pts.empty())
        for (const Place& p : ds.places) pts.push_back({p.lonDeg, p.latDeg});
    return pts;
}

void selectAndShow(Session& s, const Dataset& ds, Index event) {
    s.view.select(event);
    if (event >= ds.events.size() || s.view.window) return;
    if (eventOpacityAt(ds.events[event], s.view) > 0.0f) return;
    s.view.playheadDay = static_cast<double>(ds.events[event].span().first) + 0.5;
    s.view.playing = false;
}

void flyTo(Session& s, const geo::CameraState& target, double durationSec) {
    s.flight = CameraFlight{s.camera, target, s.clockSec, durationSec};
}

void fitMapToAllPlaces(Session& s, const Dataset& ds, double marginPx) {
    std::vector<geo::LonLat> pts;
    for (const Place& p : ds.places) pts.push_back({p.lonDeg, p.latDeg});
    if (pts.empty()) return;
    s.camera = geo::fitToBounds(s.camera.projection, pts, s.mapViewport, marginPx);
    s.flight.reset();
}

void fitMapToShownEvents(Session& s, const Dataset& ds, double marginPx, bool animate) {
    const geo::CameraState target = geo::fitToBounds(s.camera.projection, shownPlaces(ds, s), s.mapViewport, marginPx);
    if (animate)
        flyTo(s, target, 0.8);
    else
        s.camera = target, s.flight.reset();
}

}  // namespace meridian

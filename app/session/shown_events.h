// Which events the map shows now, and where they are: the one answer every
// view (map, labels, legend, country tint, "fit") asks, so they always agree.
#pragma once

#include <vector>

#include "core/dataset.h"
#include "core/references.h"
#include "geo/camera.h"
#include "geo/lon_lat.h"
#include "session/session.h"

namespace meridian {

// The span of days whose events the map shows now: the window, or the trail
// up to the playhead.
DaySpan shownSpan(const ViewState& v);

// Calls fn(eventIndex, opacity) for each event shown now (passing the filter,
// opacity > 0), in start order.
template <typename Fn>
void forEachShownEvent(const Dataset& ds, const Session& s, Fn fn) {
    ds.forEachEventOverlapping(shownSpan(s.view), [&](Index i) {
        if (!s.isShown(i)) return;
        const float a = eventOpacityAt(ds.events[i], s.view);
        if (a > 0.0f) fn(i, a);
    });
}

// The coordinates of the places of some events (route order, via included).
std::vector<geo::LonLat> placesOfEvents(const Dataset& ds, const std::vector<Index>& events);
// The places of the events shown now; every place when none is shown.
std::vector<geo::LonLat> shownPlaces(const Dataset& ds, const Session& s);

// Selects an event from a list, the timeline or a link, and brings it into
// view: when the map would not show it at the playhead, the playhead moves
// just inside its first day (a time window is left as it is).
void selectAndShow(Session& s, const Dataset& ds, Index event);

// Frames every place of the data: the overview a file opens on.
void fitMapToAllPlaces(Session& s, const Dataset& ds, double marginPx);
// Frames the places of the events shown now (animate: a 0.8 s flight).
void fitMapToShownEvents(Session& s, const Dataset& ds, double marginPx, bool animate);
// Starts a flight to a camera.
void flyTo(Session& s, const geo::CameraState& target, double durationSec);

}  // namespace meridian

#include "geo/arc_layout.h"

#include <algorithm>
#include <map>

#include "geo/great_circle.h"

namespace meridian::geo {

bool crossesAntimeridian(LonLat a, LonLat b) {
    // Sample the path: unwrapped longitudes along it leave [-180, 180] exactly
    // when it crosses the seam.
    double prev = a.lonDeg;
    double unwrapped = a.lonDeg;
    for (int i = 1; i <= 32; ++i) {
        const LonLat p = interpolate(a, b, i / 32.0);
        unwrapped += lonDeltaDeg(prev, p.lonDeg);
        prev = p.lonDeg;
        if (unwrapped > 180.0 || unwrapped < -180.0) return true;
    }
    return false;
}

MapLayout buildMapLayout(const Dataset& ds) {
    MapLayout out;
    // Events between the same two places (either direction) get lateral slots
    // so each arc can still be seen and picked.
    std::map<std::pair<Index, Index>, std::vector<Index>> bundles;
    for (Index i = 0; i < ds.events.size(); ++i) {
        const Event& e = ds.events[i];
        if (e.isConnection()) bundles[{std::min(e.from, e.to), std::max(e.from, e.to)}].push_back(i);
    }
    std::vector<float> slot(ds.events.size(), 0.0f);
    for (auto& [pair, events] : bundles) {
        const float centre = static_cast<float>(events.size() - 1) * 0.5f;
        for (std::size_t k = 0; k < events.size(); ++k) {
            // Keep each event's side stable regardless of direction.
            const Event& e = ds.events[events[k]];
            const float s = static_cast<float>(k) - centre;
            slot[events[k]] = e.from == pair.first ? s : -s;
        }
    }

    auto position = [&](Index place) { return LonLat{ds.places[place].lonDeg, ds.places[place].latDeg}; };
    for (Index i = 0; i < ds.events.size(); ++i) {
        const Event& e = ds.events[i];
        if (e.place != kNoIndex) {
            out.markers.push_back({i, e.place, position(e.place), false});
            continue;
        }
        if (!e.isConnection()) continue;
        std::vector<Index> route{e.from};
        route.insert(route.end(), e.via.begin(), e.via.end());
        route.push_back(e.to);
        std::vector<double> angles;
        double total = 0;
        for (std::size_t k = 0; k + 1 < route.size(); ++k) {
            angles.push_back(centralAngleRad(position(route[k]), position(route[k + 1])));
            total += angles.back();
        }
        double start = 0;
        for (std::size_t k = 0; k + 1 < route.size(); ++k) {
            ArcLeg leg;
            leg.event = i;
            leg.from = position(route[k]);
            leg.to = position(route[k + 1]);
            leg.routeStart = total > 0 ? static_cast<float>(start / total) : 0.0f;
            leg.routeSpan = total > 0 ? static_cast<float>(angles[k] / total) : 1.0f;
            leg.routeAngleRad = static_cast<float>(total);
            leg.bundleOffset = slot[i];
            leg.lastLeg = k + 2 == route.size();
            leg.crossesAntimeridian = crossesAntimeridian(leg.from, leg.to);
            out.legs.push_back(leg);
            start += angles[k];
        }
        out.markers.push_back({i, e.from, position(e.from), true});
        out.markers.push_back({i, e.to, position(e.to), true});
    }
    return out;
}

}  // namespace meridian::geo

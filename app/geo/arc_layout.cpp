#include "geo/arc_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "geo/great_circle.h"

namespace meridian::geo {

bool crossesAntimeridian(LonLat a, LonLat b) {
    const Vec3 p = toUnitVector(a), q = toUnitVector(b);
    // The delicate cases: an end on (or next to) the plane of the 0/180
    // meridians, near a pole, or ends nearly opposite (the path is then
    // ill-defined or passes by a pole).
    constexpr double kTiny = 1e-9;
    if (std::abs(p.y) < kTiny || std::abs(q.y) < kTiny || std::abs(p.z) > 0.9998 || std::abs(q.z) > 0.9998 ||
        dot(p, q) < -0.999)
        return crossesAntimeridianSampled(a, b);
    // The shorter arc meets the plane y = 0 (the 0 and 180 meridians) at most
    // once, where its ends lie on opposite sides; it is the antimeridian when
    // the chord crosses that plane at x < 0 (the arc point is the chord point
    // pushed out to the sphere, in the same direction).
    if ((p.y > 0) == (q.y > 0)) return false;
    const double t = p.y / (p.y - q.y);
    return p.x + t * (q.x - p.x) < 0;
}

bool crossesAntimeridianSampled(LonLat a, LonLat b) {
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
    // so each arc can still be seen and picked: sorted by pair (then by
    // event), a pair's events are one run.
    std::vector<std::pair<std::uint64_t, Index>> byPair;
    for (Index i = 0; i < ds.events.size(); ++i) {
        const Event& e = ds.events[i];
        if (e.isConnection())
            byPair.emplace_back((static_cast<std::uint64_t>(std::min(e.from, e.to)) << 32) | std::max(e.from, e.to), i);
    }
    std::sort(byPair.begin(), byPair.end());
    std::vector<float> slot(ds.events.size(), 0.0f);
    for (std::size_t run = 0; run < byPair.size();) {
        std::size_t end = run;
        while (end < byPair.size() && byPair[end].first == byPair[run].first) ++end;
        const Index low = static_cast<Index>(byPair[run].first >> 32);
        const float centre = static_cast<float>(end - run - 1) * 0.5f;
        for (std::size_t k = run; k < end; ++k) {
            // Keep each event's side stable regardless of direction.
            const float s = static_cast<float>(k - run) - centre;
            slot[byPair[k].second] = ds.events[byPair[k].second].from == low ? s : -s;
        }
        run = end;
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
            leg.fromPlace = route[k];
            leg.toPlace = route[k + 1];
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

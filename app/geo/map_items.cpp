#include "geo/map_items.h"

#include <algorithm>
#include <cmath>

#include "geo/great_circle.h"

namespace meridian::geo {

void MapItemIndex::build(const Dataset& ds, const MapLayout& layout) {
    const std::size_t n = ds.events.size();
    // The layout lists each event's legs and markers together, events in order.
    m_firstLeg.assign(n + 1, 0);
    m_firstMarker.assign(n + 1, 0);
    for (const ArcLeg& leg : layout.legs) ++m_firstLeg[leg.event + 1];
    for (const PlaceMarker& m : layout.markers) ++m_firstMarker[m.event + 1];
    for (std::size_t i = 0; i < n; ++i) {
        m_firstLeg[i + 1] += m_firstLeg[i];
        m_firstMarker[i + 1] += m_firstMarker[i];
    }
    // Pairs of places (directed) as dense ids, by sorting the legs' pairs.
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keys(layout.legs.size());
    for (std::size_t k = 0; k < layout.legs.size(); ++k)
        keys[k] = {(static_cast<std::uint64_t>(layout.legs[k].fromPlace) << 32) | layout.legs[k].toPlace,
                   static_cast<std::uint32_t>(k)};
    std::sort(keys.begin(), keys.end());
    m_pairOfLeg.assign(layout.legs.size(), 0);
    m_pairCount = 0;
    for (std::size_t k = 0; k < keys.size(); ++k) {
        if (k > 0 && keys[k].first != keys[k - 1].first) ++m_pairCount;
        m_pairOfLeg[keys[k].second] = static_cast<std::uint32_t>(m_pairCount);
    }
    if (!keys.empty()) ++m_pairCount;
    m_placeCount = ds.places.size();
}

namespace {

bool later(const Dataset& ds, Index a, Index b) {
    if (b == kNoIndex) return true;
    const DayNumber fa = ds.events[a].span().first, fb = ds.events[b].span().first;
    return fa != fb ? fa > fb : a > b;
}

}  // namespace

void MapItemIndex::gather(const Dataset& ds, const MapLayout& layout, const std::vector<std::pair<Index, float>>& shown,
                          const MapItemsOptions& o, MapItems& out) const {
    out.legs.clear();
    out.markers.clear();
    out.arcs.clear();
    out.places.clear();
    std::size_t legs = 0, markers = 0;
    for (const auto& [e, strength] : shown) {
        if (e + 1 >= m_firstLeg.size()) continue;
        legs += m_firstLeg[e + 1] - m_firstLeg[e];
        markers += m_firstMarker[e + 1] - m_firstMarker[e];
    }
    out.legsShown = legs;
    out.arcsGrouped = legs > o.groupArcsAbove;
    out.markersGrouped = markers > o.groupMarkersAbove;
    out.arcGroupsTotal = 0;
    out.slotOfPair.assign(out.arcsGrouped ? m_pairCount : 0, -1);
    out.slotOfPlace.assign(out.markersGrouped ? m_placeCount : 0, -1);
    for (const auto& [e, strength] : shown) {
        if (e + 1 >= m_firstLeg.size()) continue;
        const Event& ev = ds.events[e];
        for (std::uint32_t k = m_firstLeg[e]; k < m_firstLeg[e + 1]; ++k) {
            if (!out.arcsGrouped) {
                out.legs.push_back(k);
                continue;
            }
            std::int32_t& slot = out.slotOfPair[m_pairOfLeg[k]];
            if (slot < 0) {
                slot = static_cast<std::int32_t>(out.arcs.size());
                ArcGroup g;
                g.fromPlace = layout.legs[k].fromPlace;
                g.toPlace = layout.legs[k].toPlace;
                g.leg = k;
                out.arcs.push_back(g);
            }
            ArcGroup& g = out.arcs[static_cast<std::size_t>(slot)];
            ++g.count;
            g.strength = std::max(g.strength, strength);
            g.weakest = std::max(g.weakest, ev.confidence);
            if (later(ds, e, g.latestEvent)) g.latestEvent = e, g.leg = k;
        }
        for (std::uint32_t k = m_firstMarker[e]; k < m_firstMarker[e + 1]; ++k) {
            if (!out.markersGrouped) {
                out.markers.push_back(k);
                continue;
            }
            const PlaceMarker& m = layout.markers[k];
            if (m.place >= out.slotOfPlace.size()) continue;
            std::int32_t& slot = out.slotOfPlace[m.place];
            if (slot < 0) {
                slot = static_cast<std::int32_t>(out.places.size());
                PlaceGroup g;
                g.place = m.place;
                g.marker = k;
                out.places.push_back(g);
            }
            PlaceGroup& g = out.places[static_cast<std::size_t>(slot)];
            ++g.count;
            g.strength = std::max(g.strength, strength);
            g.weakest = std::max(g.weakest, ev.confidence);
            g.endpointsOnly = g.endpointsOnly && m.endpoint;
            if (later(ds, e, g.latestEvent)) g.latestEvent = e, g.marker = k;
        }
    }
    // The layout's order: drawn in the same order as the whole layout would be.
    std::sort(out.legs.begin(), out.legs.end());
    std::sort(out.markers.begin(), out.markers.end());
    if (out.arcsGrouped) {
        // The heaviest first (most events, then the strongest); ties by pair, so the order is stable.
        auto heavier = [](const ArcGroup& a, const ArcGroup& b) {
            if (a.count != b.count) return a.count > b.count;
            if (a.strength != b.strength) return a.strength > b.strength;
            return std::pair(a.fromPlace, a.toPlace) < std::pair(b.fromPlace, b.toPlace);
        };
        out.arcGroupsTotal = out.arcs.size();
        if (out.arcs.size() > o.maxArcGroups) {
            std::nth_element(out.arcs.begin(), out.arcs.begin() + static_cast<std::ptrdiff_t>(o.maxArcGroups),
                             out.arcs.end(), heavier);
            out.arcs.resize(o.maxArcGroups);
        }
        std::sort(out.arcs.begin(), out.arcs.end(), heavier);
    }
}

ArcItem timedArc(const Dataset& ds, const ArcLeg& leg) {
    const Event& e = ds.events[leg.event];
    ArcItem a;
    a.from = leg.from;
    a.to = leg.to;
    a.routeStart = leg.routeStart;
    a.routeSpan = leg.routeSpan;
    a.routeAngleRad = leg.routeAngleRad;
    a.bundleOffset = leg.bundleOffset;
    a.lastLeg = leg.lastLeg;
    a.crossesAntimeridian = leg.crossesAntimeridian;
    a.rgba = ds.categoryColor(e.category);
    a.event = leg.event;
    a.confidence = e.confidence;
    a.days = e.span();
    a.fromPlace = leg.fromPlace;
    a.toPlace = leg.toPlace;
    return a;
}

MarkerItem timedMarker(const Dataset& ds, const PlaceMarker& pm) {
    const Event& e = ds.events[pm.event];
    MarkerItem mk;
    mk.position = pm.position;
    mk.rgba = ds.categoryColor(e.category);
    mk.event = pm.event;
    mk.confidence = e.confidence;
    mk.days = e.span();
    mk.endpoint = pm.endpoint;
    mk.place = pm.place;
    return mk;
}

void itemsToDraw(const Dataset& ds, const MapLayout& layout, const MapItems& items, std::vector<ArcItem>& arcs,
                 std::vector<MarkerItem>& markers) {
    arcs.clear();
    markers.clear();
    if (!items.arcsGrouped) {
        for (const Index k : items.legs) arcs.push_back(timedArc(ds, layout.legs[k]));
    } else {
        // The lightest first: the heaviest pairs end on top. One whole leg
        // from the first place to the second, unbowed.
        for (auto it = items.arcs.rbegin(); it != items.arcs.rend(); ++it) {
            const ArcLeg& leg = layout.legs[it->leg];
            const Event& e = ds.events[it->latestEvent];
            ArcItem a;
            a.from = leg.from;
            a.to = leg.to;
            a.routeAngleRad = static_cast<float>(degToRad(centralAngleDeg(leg.from, leg.to)));
            a.crossesAntimeridian = leg.crossesAntimeridian;
            a.rgba = ds.categoryColor(e.category);
            a.event = it->latestEvent;
            a.confidence = it->weakest;
            a.days = e.span();
            a.fixed = true;
            a.widthScale = std::min(3.0f, 1.0f + 0.5f * std::log2(static_cast<float>(it->count)));
            a.strength = it->strength;
            a.count = it->count;
            a.fromPlace = it->fromPlace;
            a.toPlace = it->toPlace;
            arcs.push_back(a);
        }
    }
    // End dots first, place events on top.
    for (int pass = 0; pass < 2; ++pass) {
        if (!items.markersGrouped) {
            for (const Index k : items.markers)
                if (layout.markers[k].endpoint == (pass == 0)) markers.push_back(timedMarker(ds, layout.markers[k]));
            continue;
        }
        for (const PlaceGroup& g : items.places) {
            if (g.endpointsOnly != (pass == 0)) continue;
            MarkerItem mk = timedMarker(ds, layout.markers[g.marker]);
            const Event& e = ds.events[g.latestEvent];
            mk.event = g.latestEvent;
            mk.rgba = ds.categoryColor(e.category);
            mk.days = e.span();
            mk.confidence = g.weakest;
            mk.endpoint = g.endpointsOnly;
            mk.fixed = true;
            mk.sizeScale = std::min(2.2f, 1.0f + 0.3f * std::log2(static_cast<float>(g.count)));
            mk.strength = g.strength;
            mk.count = g.count;
            markers.push_back(mk);
        }
    }
}

}  // namespace meridian::geo

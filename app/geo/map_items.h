// What the map draws when a dataset is too large to hand the GPU every leg
// and marker: from the events shown now (and how strongly), either those
// events' legs and markers, or — past a few thousand connections — the same
// gathered per pair of places and direction (one arc: how many events, the
// strongest, the least certain, the latest) and per place (one marker). The
// GPU's work then follows the distinct pairs and places, not the events; the
// heaviest groups are kept when there are more than the map can draw.
//
// Pure data (no GL): the map panel asks, the renderer draws the answer.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "core/dataset.h"
#include "geo/arc_layout.h"
#include "geo/lon_lat.h"

namespace meridian::geo {

// One arc leg as the map draws it. Timed ones show by their days and the playhead (the
// shader decides, as core's eventOpacityAt does); fixed ones (a group of
// events between two places, see geo/map_items.h) show as given.
struct ArcItem {
    geo::LonLat from, to;
    float routeStart = 0, routeSpan = 1, routeAngleRad = 0, bundleOffset = 0;
    bool lastLeg = true, crossesAntimeridian = false;
    std::uint32_t rgba = 0xFFFFFFFF;
    Index event = kNoIndex;  // hover, selection and the filter mask act on it
    Confidence confidence = Confidence::Confirmed;
    DaySpan days;
    bool fixed = false;
    float widthScale = 1, strength = 1;  // fixed: how wide, how strongly
    std::uint32_t count = 1;             // fixed: how many events it gathers (event is the latest)
    Index fromPlace = kNoIndex, toPlace = kNoIndex;
};

// One marker as drawn (a place event, a connection's end dot, or a group of them).
struct MarkerItem {
    geo::LonLat position;
    std::uint32_t rgba = 0xFFFFFFFF;
    Index event = kNoIndex;
    Confidence confidence = Confidence::Confirmed;
    DaySpan days;
    bool endpoint = false;
    bool fixed = false;
    float sizeScale = 1, strength = 1;
    std::uint32_t count = 1;  // fixed: how many events it gathers (event is the latest)
    Index place = kNoIndex;
};

// The connections between two places in one direction that show now.
struct ArcGroup {
    Index fromPlace = kNoIndex, toPlace = kNoIndex;
    Index leg = kNoIndex;                        // a leg between them (its geometry)
    Index latestEvent = kNoIndex;                // the most recent (its category colours the arc; hovering picks it)
    std::uint32_t count = 0;                     // events shown
    float strength = 0;                          // the strongest of them, 0..1
    Confidence weakest = Confidence::Confirmed;  // the least certain of them
};

// The events shown at one place (place events, or only connections' ends).
struct PlaceGroup {
    Index place = kNoIndex;
    Index marker = kNoIndex;  // a marker there (its position)
    Index latestEvent = kNoIndex;
    std::uint32_t count = 0;
    float strength = 0;
    Confidence weakest = Confidence::Confirmed;
    bool endpointsOnly = true;  // no place event, only connections' ends: drawn as a dot
};

struct MapItemsOptions {
    std::size_t groupArcsAbove = 2000;     // more legs shown than this: one arc per pair and direction
    std::size_t groupMarkersAbove = 4000;  // more markers than this: one per place
    std::size_t maxArcGroups = 3000;       // the heaviest pairs drawn, at most
};

struct MapItems {
    bool arcsGrouped = false, markersGrouped = false;
    std::vector<Index> legs, markers;  // not grouped: indices into the layout, in its order
    std::vector<ArcGroup> arcs;        // grouped: heaviest first
    std::vector<PlaceGroup> places;    // grouped
    std::size_t legsShown = 0;         // legs of the events shown, before grouping
    std::size_t arcGroupsTotal = 0;    // pairs with something shown, before the cap
    // Scratch, reused from frame to frame.
    std::vector<std::int32_t> slotOfPair, slotOfPlace;
};

// Built once per dataset and layout: each event's legs and markers, each
// leg's pair of places.
class MapItemIndex {
public:
    void build(const Dataset& dataset, const MapLayout& layout);
    // shown: (event, strength > 0) for the events shown now, in any order, each once.
    void gather(const Dataset& dataset, const MapLayout& layout, const std::vector<std::pair<Index, float>>& shown,
                const MapItemsOptions& options, MapItems& out) const;
    std::size_t pairCount() const { return m_pairCount; }

private:
    std::vector<std::uint32_t> m_firstLeg, m_firstMarker;  // per event, and one past the last
    std::vector<std::uint32_t> m_pairOfLeg;                // dense id of the leg's (from, to)
    std::size_t m_pairCount = 0, m_placeCount = 0;
};

// A layout's leg or marker as drawn, timed by its event (the shaders decide when it shows).
ArcItem timedArc(const Dataset& dataset, const ArcLeg& leg);
MarkerItem timedMarker(const Dataset& dataset, const PlaceMarker& marker);

// What to draw for `items`, in drawing order (later on top): the shown legs
// and markers themselves (end dots before place events), or one fixed arc per
// group (the lightest first, wider with more events) and one fixed marker per
// place (larger with more events).
void itemsToDraw(const Dataset& dataset, const MapLayout& layout, const MapItems& items, std::vector<ArcItem>& arcs,
                 std::vector<MarkerItem>& markers);

}  // namespace meridian::geo

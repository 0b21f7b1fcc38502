// What the map draws for each event, as geometry: connection events become
// great-circle legs (from -> via... -> to), single-place events become markers.
// Built once per dataset (not per frame); the renderer uploads it as instance
// data and the shaders decide, from each item's days and the playhead, how
// strongly it shows.
#pragma once

#include <cstdint>
#include <vector>

#include "core/dataset.h"
#include "geo/lon_lat.h"

namespace meridian::geo {

struct ArcLeg {
    Index event = kNoIndex;
    Index fromPlace = kNoIndex, toPlace = kNoIndex;  // the leg's two places
    LonLat from, to;
    float routeStart = 0;              // where this leg starts along the whole route, 0..1
    float routeSpan = 1;               // the leg's share of the route, by great-circle length
    float routeAngleRad = 0;           // the whole route's great-circle length (radians)
    float bundleOffset = 0;            // lateral slot among events sharing the same two places: ..., -1, 0, 1, ...
    bool lastLeg = true;               // the arrowhead is drawn at the end of the last leg
    bool crossesAntimeridian = false;  // its shortest path crosses lon ±180
};

struct PlaceMarker {
    Index event = kNoIndex;
    Index place = kNoIndex;
    LonLat position;
    bool endpoint = false;  // a connection's end (drawn as a small dot), not a place event
};

struct MapLayout {
    std::vector<ArcLeg> legs;
    std::vector<PlaceMarker> markers;
};

MapLayout buildMapLayout(const Dataset& dataset);

// Does the shortest great-circle path from a to b cross the antimeridian?
// Exact in closed form, except where that is delicate (an end on the 0/180
// meridian plane, near a pole, nearly antipodal ends): there the path is
// sampled, as crossesAntimeridianSampled does.
bool crossesAntimeridian(LonLat a, LonLat b);
// The same by following the path's longitude through 32 samples.
bool crossesAntimeridianSampled(LonLat a, LonLat b);

}  // namespace meridian::geo

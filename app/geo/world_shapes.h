// Country shapes as plain lon/lat rings: what the TopoJSON reader (io/)
// produces and the tessellator (geo/tessellate) fills. Pure data.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "geo/lon_lat.h"

namespace meridian::geo {

// A ring is open: its last point does not repeat the first (the closing edge is implied).
using Ring = std::vector<geo::LonLat>;
// Outer ring first, then the holes.
using Polygon = std::vector<Ring>;

struct GeoBounds {
    double minLonDeg = 0.0;
    double minLatDeg = 0.0;
    double maxLonDeg = 0.0;
    double maxLatDeg = 0.0;
    bool empty = true;  // no point added yet

    void add(const geo::LonLat& point);
    void add(const GeoBounds& other);
};

struct CountryShape {
    std::string id;      // ISO 3166-1 numeric in world-atlas ("364"); empty when the file has none
    std::string name;    // properties.name; empty when absent
    std::string alpha3;  // filled by applyIsoTable(); empty until then, or when unknown
    std::vector<Polygon> polygons;
    GeoBounds bounds;  // a country cut by the antimeridian (Russia, Fiji) spans -180..180
};

struct WorldShapes {
    std::string sourceName;               // file the shapes came from
    std::string objectName;               // the TopoJSON object read ("countries")
    std::vector<CountryShape> countries;  // in file order; ids may repeat (world-atlas has "036" twice)
    GeoBounds bounds;                     // of every point of the object
    std::size_t pointCount = 0;           // points over all rings
};

}  // namespace meridian::geo

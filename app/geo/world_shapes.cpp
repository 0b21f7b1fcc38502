#include "geo/world_shapes.h"

#include <algorithm>

namespace meridian::geo {

void GeoBounds::add(const LonLat& point) {
    if (empty) {
        minLonDeg = maxLonDeg = point.lonDeg;
        minLatDeg = maxLatDeg = point.latDeg;
        empty = false;
        return;
    }
    minLonDeg = std::min(minLonDeg, point.lonDeg);
    maxLonDeg = std::max(maxLonDeg, point.lonDeg);
    minLatDeg = std::min(minLatDeg, point.latDeg);
    maxLatDeg = std::max(maxLatDeg, point.latDeg);
}

void GeoBounds::add(const GeoBounds& other) {
    if (other.empty) return;
    add(LonLat{other.minLonDeg, other.minLatDeg});
    add(LonLat{other.maxLonDeg, other.maxLatDeg});
}

}  // namespace meridian::geo

#pragma once
// Great-circle geometry on the unit sphere: the arcs between event locations
// are geodesics, so they are computed here in 3D (where they are simple and
// have no antimeridian or pole special cases) and only turned back into
// lon/lat polylines at the end.

#include <vector>

#include "geo/lon_lat.h"

namespace meridian::geo {

using Polyline = std::vector<LonLat>;

Vec3 toUnitVector(LonLat point);
// Inverse of toUnitVector. lonDeg comes out in (-180, 180]; at the poles it is
// 0 (any value is right there). The input need not be normalised.
LonLat fromUnitVector(const Vec3& v);

// Angle subtended at the Earth's centre, in [0, pi]. Uses atan2(|a×b|, a·b),
// which stays accurate for both tiny and near-antipodal separations (acos and
// haversine each lose precision at one of those ends).
double centralAngleRad(LonLat a, LonLat b);
double centralAngleDeg(LonLat a, LonLat b);
double distanceKm(LonLat a, LonLat b);  // on a sphere of radius kEarthRadiusKm

// The point a fraction t of the way from a to b along the shorter great
// circle (spherical linear interpolation). t = 0 and t = 1 return a and b
// exactly. Never NaN: identical points return a; for exactly antipodal points
// (every great circle is equally short) the arc goes through the pole nearer
// to a, or along the 0°/180° meridian plane if a is a pole.
LonLat interpolate(LonLat a, LonLat b, double t);

// The same, set up once for many points of one arc (the trigonometry of its
// plane done once): p(t) = start·cos(tω) + tangent·sin(tω).
class ArcFrame {
public:
    ArcFrame(LonLat a, LonLat b);
    double omegaRad() const { return m_omegaRad; }
    LonLat pointAt(double t) const;  // interpolate(a, b, t)

private:
    static Vec3 antipodalTangent(const Vec3& start);
    LonLat m_a, m_b;
    Vec3 m_start, m_end, m_tangent;
    double m_omegaRad = 0.0;
    bool m_nearlyIdentical = false;
};

// Initial bearing (forward azimuth) at `from` of the great circle towards
// `to`, in degrees clockwise from north, in [0, 360). 0 for identical points.
double initialBearingDeg(LonLat from, LonLat to);

// The great-circle arc a→b as a polyline whose consecutive points are at most
// maxSegmentDeg apart (central angle). Always at least {a, b}; the first and
// last points are a and b exactly.
Polyline densify(LonLat a, LonLat b, double maxSegmentDeg);

// How a polygon ring's edges are meant to run between its vertices.
enum class RingEdges {
    // Straight in the lon/lat plane. This is how Natural Earth style data is
    // authored (it is cut at ±180 and closes Antarctica along the -90
    // "parallel" from -180 to 180), and it matches a ring tessellated in
    // lon/lat. Edges are interpolated literally, never wrapped across ±180.
    LonLatLinear,
    // Geodesic, like the event arcs.
    GreatCircle,
};

// Inserts points into a closed polygon ring so that no edge is longer than
// maxSegmentDeg (for LonLatLinear: max of |Δlon|, |Δlat|; for GreatCircle:
// central angle), so that the ring still looks right after a curving
// projection such as the globe. The closing edge (last → first) is densified
// too. If the input repeats its first point at the end (GeoJSON style) so does
// the output; otherwise the output is open as well.
Polyline densifyRing(const Polyline& ring, double maxSegmentDeg, RingEdges edges = RingEdges::LonLatLinear);

// Cuts a polyline wherever a segment crosses the antimeridian (consecutive
// longitudes more than 180° apart, i.e. the short way round is across ±180),
// so that no piece jumps across a flat map. Each cut inserts the exact
// crossing point of the segment's great circle with the ±180° meridian: the
// piece before ends at lon ±180 and the piece after starts at lon ∓180 with
// the same latitude. Input longitudes outside [-180, 180] are wrapped first.
// Pieces of fewer than two points are dropped (so a point sitting on ±180
// does not make an empty stub).
std::vector<Polyline> splitAtAntimeridian(const Polyline& polyline);

}  // namespace meridian::geo

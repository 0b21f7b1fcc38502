#include "geo/great_circle.h"

#include <algorithm>
#include <cmath>

namespace meridian::geo {

namespace {

// Below this |a×b| (radians of separation) two points are treated as identical
// or antipodal: the cross product's direction is then rounding noise.
constexpr double kDegenerateSin = 1e-12;

// Guards against a zero, negative or NaN step and against absurd vertex
// counts (an arc of 180° at 0.01° is 18 000 points, plenty).
constexpr double kMinSegmentDeg = 0.01;

// ceil(length / step) minus a hair, so that 90° in 10° steps is 9 segments
// even when the angle comes out as 90.00000000000001.
int segmentCount(double lengthDeg, double stepDeg) {
    return std::max(1, static_cast<int>(std::ceil(lengthDeg / stepDeg - 1e-9)));
}

double sanitizeSegmentDeg(double maxSegmentDeg) {
    return (maxSegmentDeg >= kMinSegmentDeg) ? maxSegmentDeg : kMinSegmentDeg;
}

Vec3 normalized(const Vec3& v) {
    const double len = length(v);
    return len > 0.0 ? v * (1.0 / len) : v;
}

// Latitude where the segment p→q (which crosses the antimeridian the short
// way) meets the ±180° meridian. That meridian lies in the y = 0 plane on the
// x < 0 side, points (-cos φ, 0, sin φ); it is on the arc's great circle when
// n·p = 0 for n = p×q, i.e. tan φ = n.x / n.z.
double antimeridianCrossingLatDeg(LonLat p, LonLat q) {
    const Vec3 n = cross(toUnitVector(p), toUnitVector(q));
    const double nLen = length(n);
    if (nLen > kDegenerateSin && std::abs(n.z) > kDegenerateSin * nLen) {
        const double side = n.z > 0.0 ? 1.0 : -1.0;
        return radToDeg(std::atan2(n.x * side, std::abs(n.z)));
    }
    // Degenerate (coincident/antipodal ends, or an arc over a pole): the
    // great circle gives no unique answer, so interpolate in unwrapped lon.
    const double qLonUnwrapped = q.lonDeg + (q.lonDeg < p.lonDeg ? 360.0 : -360.0);
    const double exitLonDeg = p.lonDeg > 0.0 ? 180.0 : -180.0;
    const double t = (exitLonDeg - p.lonDeg) / (qLonUnwrapped - p.lonDeg);
    return p.latDeg + t * (q.latDeg - p.latDeg);
}

}  // namespace

Vec3 toUnitVector(LonLat point) {
    const double lonRad = degToRad(point.lonDeg);
    const double latRad = degToRad(point.latDeg);
    const double cosLat = std::cos(latRad);
    return {cosLat * std::cos(lonRad), cosLat * std::sin(lonRad), std::sin(latRad)};
}

LonLat fromUnitVector(const Vec3& v) {
    const double horizontal = std::hypot(v.x, v.y);
    // atan2 for latitude too (not asin(z)): exact near the poles and fine
    // with a vector that is not quite unit length.
    return {radToDeg(std::atan2(v.y, v.x)), radToDeg(std::atan2(v.z, horizontal))};
}

double centralAngleRad(LonLat a, LonLat b) {
    const Vec3 va = toUnitVector(a);
    const Vec3 vb = toUnitVector(b);
    return std::atan2(length(cross(va, vb)), dot(va, vb));
}

double centralAngleDeg(LonLat a, LonLat b) {
    return radToDeg(centralAngleRad(a, b));
}

double distanceKm(LonLat a, LonLat b) {
    return centralAngleRad(a, b) * kEarthRadiusKm;
}

ArcFrame::ArcFrame(LonLat a, LonLat b) : m_a(a), m_b(b), m_start(toUnitVector(a)), m_end(toUnitVector(b)) {
    const Vec3 axis = cross(m_start, m_end);
    const double sinOmega = length(axis);
    const double cosOmega = dot(m_start, m_end);
    if (sinOmega > kDegenerateSin) {
        m_omegaRad = std::atan2(sinOmega, cosOmega);
        m_tangent = cross(axis * (1.0 / sinOmega), m_start);
    } else if (cosOmega > 0.0) {
        m_nearlyIdentical = true;  // the chord is the arc to ~1e-24 rad
    } else {
        m_omegaRad = kPi;
        m_tangent = antipodalTangent(m_start);
    }
}

LonLat ArcFrame::pointAt(double t) const {
    if (t <= 0.0) return m_a;
    if (t >= 1.0) return m_b;
    if (m_nearlyIdentical) return fromUnitVector(m_start + (m_end - m_start) * t);
    const double angle = t * m_omegaRad;
    return fromUnitVector(m_start * std::cos(angle) + m_tangent * std::sin(angle));
}

// Every great circle through antipodal points is a shortest path; pick one
// deterministically. Through the nearer pole reads naturally on a map; a pole
// itself goes along the 0°/180° meridian plane instead.
Vec3 ArcFrame::antipodalTangent(const Vec3& start) {
    const double towardPole = start.z >= 0.0 ? 1.0 : -1.0;
    const Vec3 poleward = Vec3{0.0, 0.0, towardPole} - start * (start.z * towardPole);
    if (length(poleward) > kDegenerateSin) return normalized(poleward);
    return normalized(Vec3{1.0, 0.0, 0.0} - start * start.x);
}

LonLat interpolate(LonLat a, LonLat b, double t) {
    return ArcFrame(a, b).pointAt(t);
}

double initialBearingDeg(LonLat from, LonLat to) {
    const double lat1 = degToRad(from.latDeg);
    const double lat2 = degToRad(to.latDeg);
    const double dLon = degToRad(to.lonDeg - from.lonDeg);
    const double y = std::sin(dLon) * std::cos(lat2);
    const double x = std::cos(lat1) * std::sin(lat2) - std::sin(lat1) * std::cos(lat2) * std::cos(dLon);
    double bearing = radToDeg(std::atan2(y, x));
    if (bearing < 0.0) bearing += 360.0;
    return bearing >= 360.0 ? 0.0 : bearing;  // -1e-17 + 360 rounds to 360
}

Polyline densify(LonLat a, LonLat b, double maxSegmentDeg) {
    const ArcFrame arc(a, b);
    const double stepDeg = sanitizeSegmentDeg(maxSegmentDeg);
    const int segments = segmentCount(radToDeg(arc.omegaRad()), stepDeg);
    Polyline points;
    points.reserve(static_cast<size_t>(segments) + 1);
    for (int i = 0; i <= segments; ++i) {
        points.push_back(arc.pointAt(static_cast<double>(i) / segments));
    }
    return points;
}

Polyline densifyRing(const Polyline& ring, double maxSegmentDeg, RingEdges edges) {
    if (ring.size() < 2) return ring;
    const double stepDeg = sanitizeSegmentDeg(maxSegmentDeg);
    const bool closed = ring.front() == ring.back();
    const size_t vertexCount = closed ? ring.size() - 1 : ring.size();

    Polyline out;
    out.reserve(ring.size() * 2);
    for (size_t i = 0; i < vertexCount; ++i) {
        const LonLat from = ring[i];
        const LonLat to = ring[(i + 1) % vertexCount];
        if (edges == RingEdges::GreatCircle) {
            Polyline edge = densify(from, to, stepDeg);
            out.insert(out.end(), edge.begin(), edge.end() - 1);  // `to` starts the next edge
            continue;
        }
        const double dLon = to.lonDeg - from.lonDeg;
        const double dLat = to.latDeg - from.latDeg;
        const int segments = segmentCount(std::max(std::abs(dLon), std::abs(dLat)), stepDeg);
        for (int s = 0; s < segments; ++s) {
            const double t = static_cast<double>(s) / segments;
            out.push_back({from.lonDeg + dLon * t, from.latDeg + dLat * t});
        }
    }
    if (closed) out.push_back(ring.front());
    return out;
}

std::vector<Polyline> splitAtAntimeridian(const Polyline& polyline) {
    std::vector<Polyline> pieces;
    Polyline current;
    auto finishPiece = [&] {
        if (current.size() >= 2) pieces.push_back(std::move(current));
        current.clear();
    };

    for (const LonLat& raw : polyline) {
        LonLat q{wrapLonDeg(raw.lonDeg), raw.latDeg};
        if (current.empty()) {
            current.push_back(q);
            continue;
        }
        const LonLat p = current.back();
        // A point exactly on ±180 belongs to whichever edge its predecessor
        // is on; otherwise a run along the antimeridian would be "crossed".
        if (std::abs(q.lonDeg) == 180.0 && q.lonDeg * p.lonDeg < 0.0) q.lonDeg = -q.lonDeg;

        if (std::abs(q.lonDeg - p.lonDeg) <= 180.0) {
            current.push_back(q);
            continue;
        }
        const double exitLonDeg = p.lonDeg > 0.0 ? 180.0 : -180.0;
        double crossingLatDeg = antimeridianCrossingLatDeg(p, q);
        if (p.lonDeg == exitLonDeg) crossingLatDeg = p.latDeg;
        if (q.lonDeg == -exitLonDeg) crossingLatDeg = q.latDeg;

        if (p.lonDeg != exitLonDeg) current.push_back({exitLonDeg, crossingLatDeg});
        finishPiece();
        if (q.lonDeg != -exitLonDeg) current.push_back({-exitLonDeg, crossingLatDeg});
        current.push_back(q);
    }
    finishPiece();
    return pieces;
}

}  // namespace meridian::geo

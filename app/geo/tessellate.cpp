// Index:
//   [SECTION] Ring clean-up and the antimeridian
//   [SECTION] Densify
//   [SECTION] GLU tessellation
//   [SECTION] World mesh and borders
#include "geo/tessellate.h"

#include <GL/glu.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <memory>

namespace meridian::geo {

namespace {

// -------------------------------------------------------------------------------------------
// [SECTION] Ring clean-up and the antimeridian
// -------------------------------------------------------------------------------------------

// Beyond this a coordinate cannot be a longitude/latitude (the loader allows the same slack).
constexpr double kRangeSlackDeg = 1e-6;
constexpr std::size_t kMaxPiecesPerEdge = 1024;

bool isUsable(const LonLat& p) {
    return std::isfinite(p.lonDeg) && std::isfinite(p.latDeg) && std::fabs(p.lonDeg) <= 180.0 + kRangeSlackDeg &&
           std::fabs(p.latDeg) <= 90.0 + kRangeSlackDeg;
}

// Drops repeated consecutive points, including a last point equal to the first.
Ring withoutRepeats(const Ring& ring) {
    Ring out;
    out.reserve(ring.size());
    for (const LonLat& p : ring) {
        if (out.empty() || !(out.back() == p)) out.push_back(p);
    }
    while (out.size() > 1 && out.front() == out.back()) out.pop_back();
    return out;
}

// Rings that enclose no area in any reading: fewer than 3 distinct points, or every point on one
// horizontal or vertical line (world-atlas 50m has such a ring at lat -89.999 under Antarctica).
bool isDegenerate(const Ring& ring) {
    if (ring.size() < 3) return true;
    double minLon = ring[0].lonDeg, maxLon = minLon, minLat = ring[0].latDeg, maxLat = minLat;
    for (const LonLat& p : ring) {
        minLon = std::min(minLon, p.lonDeg);
        maxLon = std::max(maxLon, p.lonDeg);
        minLat = std::min(minLat, p.latDeg);
        maxLat = std::max(maxLat, p.latDeg);
    }
    return maxLon - minLon <= 0.0 || maxLat - minLat <= 0.0;
}

// An edge whose longitude jumps by more than half the world goes the short way round the
// sphere, through lon ±180, rather than across the whole map.
bool crossesAntimeridian(const LonLat& a, const LonLat& b) {
    return std::fabs(b.lonDeg - a.lonDeg) > 180.0;
}

// Latitude where the edge a->b meets the antimeridian, following the short way round.
double crossingLatitude(const LonLat& a, const LonLat& b) {
    const bool eastward = a.lonDeg > b.lonDeg;  // e.g. 179 -> -179 moves east through 180
    const double seamLon = eastward ? 180.0 : -180.0;
    const double unwrappedB = eastward ? b.lonDeg + 360.0 : b.lonDeg - 360.0;
    const double span = unwrappedB - a.lonDeg;
    const double t = span == 0.0 ? 0.0 : std::clamp((seamLon - a.lonDeg) / span, 0.0, 1.0);
    return a.latDeg + t * (b.latDeg - a.latDeg);
}

// One stretch of a ring between two antimeridian crossings, on one side of the map or (for a
// ring that circles a pole) running from one edge of the map to the other.
struct RingPiece {
    Ring points;  // starts and ends on lon = ±180
    bool spansMap = false;
};

// Cuts a cleaned, non-degenerate ring at its antimeridian crossings. Empty when it has none.
std::vector<RingPiece> cutAtAntimeridian(const Ring& ring) {
    const std::size_t n = ring.size();
    std::size_t firstCrossing = n;
    for (std::size_t i = 0; i < n; ++i) {
        if (crossesAntimeridian(ring[i], ring[(i + 1) % n])) {
            firstCrossing = i;
            break;
        }
    }
    std::vector<RingPiece> pieces;
    if (firstCrossing == n) return pieces;

    // Walk the ring once, starting just after a crossing, so every piece is whole.
    RingPiece piece;
    for (std::size_t step = 0; step < n; ++step) {
        const std::size_t i = (firstCrossing + 1 + step) % n;
        const LonLat& a = ring[i];
        const LonLat& b = ring[(i + 1) % n];
        if (piece.points.empty()) {
            // Entering from the previous crossing: start on the seam at that latitude.
            const LonLat& before = ring[(i + n - 1) % n];
            const double seamLon = before.lonDeg > a.lonDeg ? -180.0 : 180.0;
            piece.points.push_back({seamLon, crossingLatitude(before, a)});
        }
        piece.points.push_back(a);
        if (crossesAntimeridian(a, b)) {
            const double exitLon = a.lonDeg > b.lonDeg ? 180.0 : -180.0;
            piece.points.push_back({exitLon, crossingLatitude(a, b)});
            piece.spansMap = piece.points.front().lonDeg != exitLon;
            piece.points = withoutRepeats(piece.points);
            pieces.push_back(std::move(piece));
            piece = RingPiece{};
        }
    }
    return pieces;
}

double meanLatitude(const Ring& ring) {
    double sum = 0.0;
    for (const LonLat& p : ring) sum += p.latDeg;
    return ring.empty() ? 0.0 : sum / static_cast<double>(ring.size());
}

// Usable, cleaned copy of a ring; empty when it is degenerate or holds impossible coordinates.
Ring cleanRing(const Ring& ring) {
    for (const LonLat& p : ring) {
        if (!isUsable(p)) return {};
    }
    Ring cleaned = withoutRepeats(ring);
    for (LonLat& p : cleaned) {
        p.lonDeg = std::clamp(p.lonDeg, -180.0, 180.0);
        p.latDeg = std::clamp(p.latDeg, -90.0, 90.0);
    }
    if (isDegenerate(cleaned)) return {};
    return cleaned;
}

// -------------------------------------------------------------------------------------------
// [SECTION] Densify
// -------------------------------------------------------------------------------------------

// Appends a->b's intermediate points (not a, not b) so no piece is longer than maxEdgeDeg.
void appendEdgeInterior(const LonLat& a, const LonLat& b, double maxEdgeDeg, Ring& out) {
    if (!(maxEdgeDeg > 0.0)) return;
    const double length = std::hypot(b.lonDeg - a.lonDeg, b.latDeg - a.latDeg);
    if (!(length > maxEdgeDeg)) return;
    const double wanted = std::ceil(length / maxEdgeDeg);
    const std::size_t pieces =
        wanted >= static_cast<double>(kMaxPiecesPerEdge) ? kMaxPiecesPerEdge : static_cast<std::size_t>(wanted);
    for (std::size_t k = 1; k < pieces; ++k) {
        const double t = static_cast<double>(k) / static_cast<double>(pieces);
        out.push_back({a.lonDeg + t * (b.lonDeg - a.lonDeg), a.latDeg + t * (b.latDeg - a.latDeg)});
    }
}

Ring densifyClosed(const Ring& ring, double maxEdgeDeg) {
    Ring out;
    out.reserve(ring.size());
    for (std::size_t i = 0; i < ring.size(); ++i) {
        out.push_back(ring[i]);
        appendEdgeInterior(ring[i], ring[(i + 1) % ring.size()], maxEdgeDeg, out);
    }
    return out;
}

Ring densifyOpen(const Ring& path, double maxEdgeDeg) {
    Ring out;
    out.reserve(path.size());
    for (std::size_t i = 0; i < path.size(); ++i) {
        out.push_back(path[i]);
        if (i + 1 < path.size()) appendEdgeInterior(path[i], path[i + 1], maxEdgeDeg, out);
    }
    return out;
}

// -------------------------------------------------------------------------------------------
// [SECTION] GLU tessellation
// -------------------------------------------------------------------------------------------

// What the GLU callbacks write into for one polygon. Vertices are referred to by index + 1 in
// GLU's void* vertex data, because a null pointer there means "no vertex" to GLU.
struct TessTarget {
    std::vector<LonLat> vertices;        // input points first, then points made by combine
    std::vector<std::uint32_t> indices;  // into vertices, 3 per triangle
    GLenum error = 0;
    bool sawNonTriangles = false;
};

void* toVertexData(std::size_t index) {
    return reinterpret_cast<void*>(static_cast<std::uintptr_t>(index) + 1);
}
std::size_t fromVertexData(void* data) {
    return static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(data)) - 1;
}

void GLAPIENTRY onBegin(GLenum type, void* polygon) {
    if (type != GL_TRIANGLES) static_cast<TessTarget*>(polygon)->sawNonTriangles = true;
}
void GLAPIENTRY onVertex(void* vertex, void* polygon) {
    auto* target = static_cast<TessTarget*>(polygon);
    const std::size_t index = fromVertexData(vertex);
    if (index < target->vertices.size())
        target->indices.push_back(static_cast<std::uint32_t>(index));
    else
        target->error = GLU_INVALID_VALUE;
}
void GLAPIENTRY onEnd(void*) {}
// Registering an edge-flag callback is what makes GLU emit only GL_TRIANGLES (no fans, strips).
void GLAPIENTRY onEdgeFlag(GLboolean, void*) {}
void GLAPIENTRY onCombine(GLdouble coords[3], void* [4], GLfloat[4], void** outData, void* polygon) {
    // Self-intersections and touching rings make new vertices where edges cross.
    auto* target = static_cast<TessTarget*>(polygon);
    target->vertices.push_back({coords[0], coords[1]});
    *outData = toVertexData(target->vertices.size() - 1);
}
void GLAPIENTRY onError(GLenum code, void* polygon) {
    static_cast<TessTarget*>(polygon)->error = code;
}

struct TessDeleter {
    void operator()(GLUtesselator* tess) const { gluDeleteTess(tess); }
};
using TessHandle = std::unique_ptr<GLUtesselator, TessDeleter>;

template <typename Fn>
_GLUfuncptr asGluCallback(Fn* fn) {
    return reinterpret_cast<_GLUfuncptr>(fn);
}

TessHandle makeTessellator() {
    TessHandle tess(gluNewTess());
    if (!tess) return tess;
    GLUtesselator* t = tess.get();
    gluTessProperty(t, GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
    gluTessNormal(t, 0.0, 0.0, 1.0);  // all points lie in z = 0: no need to guess the plane
    gluTessCallback(t, GLU_TESS_BEGIN_DATA, asGluCallback(&onBegin));
    gluTessCallback(t, GLU_TESS_VERTEX_DATA, asGluCallback(&onVertex));
    gluTessCallback(t, GLU_TESS_END_DATA, asGluCallback(&onEnd));
    gluTessCallback(t, GLU_TESS_EDGE_FLAG_DATA, asGluCallback(&onEdgeFlag));
    gluTessCallback(t, GLU_TESS_COMBINE_DATA, asGluCallback(&onCombine));
    gluTessCallback(t, GLU_TESS_ERROR_DATA, asGluCallback(&onError));
    return tess;
}

// Triangulates the prepared rings; returns false (with target.error) when GLU refuses.
bool runTessellator(GLUtesselator* tess, const std::vector<Ring>& rings, TessTarget& target) {
    std::size_t total = 0;
    for (const Ring& ring : rings) total += ring.size();
    if (total == 0) return true;
    if (total >= std::numeric_limits<std::uint32_t>::max() / 2) {
        target.error = GLU_OUT_OF_MEMORY;
        return false;
    }
    // GLU keeps the coordinate pointers until gluTessEndPolygon: they must not move.
    std::vector<GLdouble> coords;
    coords.reserve(total * 3);
    target.vertices.reserve(total + total / 8);
    for (const Ring& ring : rings) {
        for (const LonLat& p : ring) {
            coords.insert(coords.end(), {p.lonDeg, p.latDeg, 0.0});
            target.vertices.push_back(p);
        }
    }
    gluTessBeginPolygon(tess, &target);
    std::size_t index = 0;
    for (const Ring& ring : rings) {
        gluTessBeginContour(tess);
        for (std::size_t k = 0; k < ring.size(); ++k, ++index) {
            gluTessVertex(tess, &coords[index * 3], toVertexData(index));
        }
        gluTessEndContour(tess);
    }
    gluTessEndPolygon(tess);
    if (target.sawNonTriangles && target.error == 0) target.error = GLU_INVALID_OPERATION;
    if (target.indices.size() % 3 != 0 && target.error == 0) target.error = GLU_INVALID_OPERATION;
    return target.error == 0;
}

std::string describeGluError(GLenum code) {
    const GLubyte* text = gluErrorString(code);
    return text ? std::string(reinterpret_cast<const char*>(text)) : "GLU error " + std::to_string(code);
}

std::vector<Ring> preparedFillRings(const Polygon& polygon, double maxEdgeDeg) {
    std::vector<Ring> rings = planarFillRings(polygon);
    for (Ring& ring : rings) ring = densifyClosed(ring, maxEdgeDeg);
    return rings;
}

// Appends one polygon's triangles to `mesh`; returns an error text, empty on success.
std::string appendPolygon(GLUtesselator* tess, const Polygon& polygon, double maxEdgeDeg, TriangleMesh& mesh) {
    TessTarget target;
    if (!runTessellator(tess, preparedFillRings(polygon, maxEdgeDeg), target)) {
        return describeGluError(target.error);
    }
    const std::size_t base = mesh.vertices.size();
    if (base + target.vertices.size() >= std::numeric_limits<std::uint32_t>::max()) {
        return "mesh would exceed 2^32 vertices";
    }
    // No reserve() here: exact reserves per polygon would defeat geometric growth (quadratic).
    for (const LonLat& p : target.vertices) {
        mesh.vertices.push_back({static_cast<float>(p.lonDeg), static_cast<float>(p.latDeg)});
    }
    for (std::uint32_t index : target.indices) mesh.indices.push_back(static_cast<std::uint32_t>(base) + index);
    return {};
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Public geometry helpers
// ---------------------------------------------------------------------------------------------

double planarSignedArea(const Ring& ring) {
    double twice = 0.0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const LonLat& a = ring[i];
        const LonLat& b = ring[(i + 1) % ring.size()];
        twice += a.lonDeg * b.latDeg - b.lonDeg * a.latDeg;
    }
    return twice / 2.0;
}

std::vector<Ring> planarFillRings(const Polygon& polygon) {
    std::vector<Ring> out;
    for (const Ring& original : polygon) {
        Ring ring = cleanRing(original);
        if (ring.empty()) continue;
        std::vector<RingPiece> pieces = cutAtAntimeridian(ring);
        if (pieces.empty()) {
            out.push_back(std::move(ring));
            continue;
        }
        // Under the ODD rule each piece may be closed on its own: along the seam when it comes
        // back to the side it left, through the nearer pole when it crosses the whole map
        // (a ring that circles a pole, like Antarctica's). The parities add up to the polygon.
        const double poleLat = meanLatitude(ring) < 0.0 ? -90.0 : 90.0;
        for (RingPiece& piece : pieces) {
            if (piece.spansMap) {
                const double exitLon = piece.points.back().lonDeg;
                const double entryLon = piece.points.front().lonDeg;
                piece.points.push_back({exitLon, poleLat});
                piece.points.push_back({entryLon, poleLat});
            }
            Ring closed = withoutRepeats(piece.points);
            if (!isDegenerate(closed)) out.push_back(std::move(closed));
        }
    }
    return out;
}

PolygonMesh tessellatePolygon(const Polygon& polygon, const TessellateOptions& options) {
    PolygonMesh result;
    TessHandle tess = makeTessellator();
    if (!tess) {
        result.error = "cannot create the GLU tessellator";
        return result;
    }
    try {
        result.error = appendPolygon(tess.get(), polygon, options.maxEdgeDeg, result.mesh);
    } catch (const std::bad_alloc&) {
        result.error = "out of memory";
    }
    if (!result.error.empty()) result.mesh = TriangleMesh{};
    return result;
}

// -------------------------------------------------------------------------------------------
// [SECTION] World mesh and borders
// -------------------------------------------------------------------------------------------

WorldMesh tessellateWorld(const WorldShapes& shapes, const TessellateOptions& options) {
    WorldMesh world;
    world.countryTriangles.resize(shapes.countries.size());
    TessHandle tess = makeTessellator();
    if (!tess) {
        world.warnings.push_back("cannot create the GLU tessellator: no country is filled");
        return world;
    }
    for (std::size_t c = 0; c < shapes.countries.size(); ++c) {
        const CountryShape& country = shapes.countries[c];
        const std::size_t first = world.mesh.indices.size();
        for (std::size_t p = 0; p < country.polygons.size(); ++p) {
            const std::size_t verticesBefore = world.mesh.vertices.size();
            const std::size_t indicesBefore = world.mesh.indices.size();
            std::string error;
            try {
                error = appendPolygon(tess.get(), country.polygons[p], options.maxEdgeDeg, world.mesh);
            } catch (const std::bad_alloc&) {
                error = "out of memory";
            }
            if (!error.empty()) {
                world.mesh.vertices.resize(verticesBefore);
                world.mesh.indices.resize(indicesBefore);
                const std::string who = country.name.empty() ? "country #" + std::to_string(c) : country.name;
                world.warnings.push_back(who + ", polygon " + std::to_string(p) + ": not filled (" + error + ")");
            }
        }
        world.countryTriangles[c] = {static_cast<std::uint32_t>(first),
                                     static_cast<std::uint32_t>(world.mesh.indices.size() - first)};
    }
    return world;
}

BorderLines borderLines(const WorldShapes& shapes, const TessellateOptions& options) {
    BorderLines lines;
    lines.countrySegments.resize(shapes.countries.size());
    auto emitPath = [&](const Ring& path) {
        const Ring dense = densifyOpen(path, options.maxEdgeDeg);
        for (std::size_t i = 0; i + 1 < dense.size(); ++i) {
            lines.vertices.push_back({static_cast<float>(dense[i].lonDeg), static_cast<float>(dense[i].latDeg)});
            lines.vertices.push_back(
                {static_cast<float>(dense[i + 1].lonDeg), static_cast<float>(dense[i + 1].latDeg)});
        }
    };
    for (std::size_t c = 0; c < shapes.countries.size(); ++c) {
        const std::size_t first = lines.vertices.size();
        for (const Polygon& polygon : shapes.countries[c].polygons) {
            for (const Ring& original : polygon) {
                Ring ring = cleanRing(original);
                if (ring.empty()) continue;
                std::vector<RingPiece> pieces = cutAtAntimeridian(ring);
                if (pieces.empty()) {
                    ring.push_back(ring.front());  // close the loop
                    emitPath(ring);
                    continue;
                }
                for (const RingPiece& piece : pieces) emitPath(piece.points);  // seams are not borders
            }
        }
        lines.countrySegments[c] = {static_cast<std::uint32_t>(first),
                                    static_cast<std::uint32_t>(lines.vertices.size() - first)};
    }
    return lines;
}

}  // namespace meridian::geo

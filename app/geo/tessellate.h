// Country fills and borders as flat lists ready for vertex buffers.
//
// Longitude/latitude degrees are treated as a plane (x = lon, y = lat). World-atlas rings are
// spherical: some cross the antimeridian (Russia, Fiji) and one goes around the south pole
// (Antarctica). Drawn as they are on a plane they would smear across the whole map, so rings
// are first cut at lon = ±180 and a ring that circles a pole is closed through that pole.
// Edges are then densified so a projection that bends lines (globe, Robinson) keeps the shape.
//
// Uses GLU's polygon tessellator only (no GL context, no GL calls).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "geo/world_shapes.h"

namespace meridian::geo {

struct MeshVertex {
    float lonDeg = 0.0f;
    float latDeg = 0.0f;
};
static_assert(sizeof(MeshVertex) == 8, "MeshVertex is uploaded as two packed floats");

// Triangles: every 3 consecutive indices are one triangle (GL_TRIANGLES).
struct TriangleMesh {
    std::vector<MeshVertex> vertices;
    std::vector<std::uint32_t> indices;
};

// A run of [first, first + count) in some array (indices for fills, vertices for borders).
struct IndexRange {
    std::uint32_t first = 0;
    std::uint32_t count = 0;
};

struct TessellateOptions {
    // Edges longer than this (in degrees, measured in the lon/lat plane) get extra points.
    // Values <= 0 turn densification off. Each edge gets at most 1024 pieces.
    double maxEdgeDeg = 1.0;
};

struct PolygonMesh {
    TriangleMesh mesh;
    std::string error;  // set when the tessellator rejected the polygon; mesh is then empty
    bool ok() const { return error.empty(); }
};

// Triangulates one polygon (outer ring, then holes; the ODD winding rule decides what is inside,
// so ring orientation does not matter). Degenerate rings (< 3 distinct points, or all points on
// one horizontal or vertical line) are skipped, not errors.
PolygonMesh tessellatePolygon(const Polygon& polygon, const TessellateOptions& options = {});

struct WorldMesh {
    TriangleMesh mesh;
    // Parallel to WorldShapes::countries: the country's triangles are
    // mesh.indices[first, first + count), so one country can be drawn or highlighted alone.
    std::vector<IndexRange> countryTriangles;
    std::vector<std::string> warnings;  // polygons that could not be triangulated (skipped)
};

WorldMesh tessellateWorld(const WorldShapes& shapes, const TessellateOptions& options = {});

// Borders as GL_LINES: vertices 2k and 2k+1 are one segment. Antimeridian cuts and pole closures
// are not borders, so they are not drawn. Borders shared by two countries appear in both.
struct BorderLines {
    std::vector<MeshVertex> vertices;
    // Parallel to WorldShapes::countries: vertices[first, first + count) are that country's.
    std::vector<IndexRange> countrySegments;
};

BorderLines borderLines(const WorldShapes& shapes, const TessellateOptions& options = {});

// The planar rings that tessellatePolygon fills (before densifying): rings cut at the
// antimeridian, pole-circling rings closed through the pole, degenerate rings dropped.
// Exposed for tests and for anyone who needs the same planar interpretation.
std::vector<Ring> planarFillRings(const Polygon& polygon);

// Shoelace area of a ring in square degrees of the lon/lat plane (positive when counter-clockwise).
double planarSignedArea(const Ring& ring);

}  // namespace meridian::geo

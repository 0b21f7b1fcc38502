// World geometry from TopoJSON (github.com/topojson/topojson-specification): a Topology's
// named object read into plain lon/lat rings, one entry per country, plus the ISO 3166 table
// (assets/world/iso3166.csv) that gives each country its alpha-3 code.
//
// Contract: never throws, never crashes, never hangs on hostile input. Every problem is a
// Diagnostic with file, line:column (from the positioned JsonDocument reader), JSON path and
// what was expected. Limits are explicit (TopoJsonLimits) so a hostile file costs bounded
// memory and time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/lon_lat.h"
#include "geo/world_shapes.h"
#include "io/diagnostic.h"

namespace meridian::io {

// The shapes live in geo/ (pure geometry); the readers here produce them.
using geo::CountryShape;
using geo::GeoBounds;
using geo::Polygon;
using geo::Ring;
using geo::WorldShapes;

struct TopoJsonLimits {
    // JsonDocument needs up to ~16 bytes of memory per byte of a pathological file (about 9 for
    // real TopoJSON); 64 MiB is 17 times world-atlas's largest file (countries-10m, 3.6 MB).
    std::size_t maxFileBytes = std::size_t{64} << 20;
    std::size_t maxTotalPoints = 50'000'000;  // arc positions; and again ring points after stitching
    std::uint32_t maxDepth = 64;              // JSON nesting; world-atlas needs 7
    std::size_t maxErrors = 50;               // per-geometry errors collected before giving up
    std::size_t maxWarnings = 50;             // further warnings are summed up in one last entry
};

struct TopoJsonResult {
    std::optional<WorldShapes> shapes;    // present when there were no errors
    std::vector<Diagnostic> diagnostics;  // errors, and warnings (skipped Point/LineString, ...)
    bool ok() const { return shapes.has_value(); }
};

// Reads objects[objectName]. A GeometryCollection gives one country per member geometry (nested
// collections are merged into their country); a lone Polygon/MultiPolygon gives one country.
// Point, MultiPoint, LineString, MultiLineString and null geometries are skipped with a warning.
// Positions must decode to longitude/latitude degrees: a projected topology is an error.
TopoJsonResult loadTopoJson(const std::filesystem::path& path, std::string_view objectName = "countries",
                            const TopoJsonLimits& limits = {});

// Same from text in memory; sourceName is used in diagnostics.
TopoJsonResult parseTopoJson(std::string_view text, const std::string& sourceName,
                             std::string_view objectName = "countries", const TopoJsonLimits& limits = {});

// ---------------------------------------------------------------------------------------------
// ISO 3166-1 table: CSV with the header numeric,alpha3,name ('#' lines are comments).

struct IsoCountry {
    std::string numeric;  // three digits, as world-atlas ids ("004")
    std::string alpha3;   // "AFG"
    std::string name;     // English short name
};

struct IsoTable {
    std::vector<IsoCountry> entries;  // sorted by numeric; numerics unique

    const IsoCountry* findByNumeric(std::string_view numeric) const;  // nullptr when unknown
};

struct IsoTableResult {
    std::optional<IsoTable> table;  // present when there were no errors
    std::vector<Diagnostic> diagnostics;
    bool ok() const { return table.has_value(); }
};

IsoTableResult loadIsoTable(const std::filesystem::path& path);
IsoTableResult parseIsoTable(std::string_view text, const std::string& sourceName);

// Fills CountryShape::alpha3 by id (ids stored as JSON numbers, "4", are read as "004").
// Returns how many countries got a code.
std::size_t applyIsoTable(WorldShapes& shapes, const IsoTable& table);

}  // namespace meridian::io

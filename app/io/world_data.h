// A world level of detail ready for the map: country shapes from a TopoJSON
// file, their ISO codes, fills triangulated and borders as line segments.
#pragma once

#include <filesystem>
#include <string>

#include "geo/tessellate.h"
#include "io/topojson.h"

namespace meridian::io {

struct WorldLevel {
    WorldShapes shapes;
    geo::WorldMesh fills;
    geo::BorderLines borders;
};

struct WorldLevelResult {
    WorldLevel level;
    std::string error;  // empty on success: "file:line:col: path: message"
    bool ok() const { return error.empty(); }
};

WorldLevelResult loadWorldLevel(const std::filesystem::path& topojson, const IsoTable* iso);

}  // namespace meridian::io

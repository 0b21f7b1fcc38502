// A world level of detail ready for the map: country shapes from a TopoJSON
// file, their ISO codes, fills triangulated and borders as line segments.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

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
// Same from TopoJSON text in memory (a browser's fetch, a Web Worker's message);
// sourceName is used in the error.
WorldLevelResult parseWorldLevel(std::string_view topojson, const std::string& sourceName, const IsoTable* iso);

}  // namespace meridian::io

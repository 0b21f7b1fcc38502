// Where the bundled assets (Natural Earth countries, the Blue Marble basemap)
// are: $MERIDIAN_ASSETS when it is set (then only there), else the source tree the
// binary was built from, then ../share/meridian/assets next to the binary, then ./assets.
#pragma once

#include <filesystem>
#include <string>

namespace meridian::io {

std::filesystem::path assetPath(const std::string& relative);

}  // namespace meridian::io

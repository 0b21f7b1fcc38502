// The GDAL reader in a build without GDAL (MERIDIAN_WITH_GDAL=OFF, the browser
// build): the same functions, each saying that this build cannot read the file.
// CMake compiles this file instead of gdal_loader.cpp.
#include "io/import/gdal_module.h"

namespace meridian::io {

namespace {

constexpr const char* kWhy = "which this build of Meridian does not include";

}  // namespace

bool gdalAvailable() {
    return false;
}

GdalLayerList listGdalLayers(const std::filesystem::path& file, const GdalOptions&) {
    GdalLayerList list;
    list.diagnostics.push_back(gdalUnavailable(file, kWhy));
    return list;
}

GdalReadResult readGdalTable(const std::filesystem::path& file, std::string_view, const GdalOptions&) {
    return gdalUnavailableRead(file, kWhy);
}

GdalReadResult readGdalTableAt(const std::filesystem::path& file, std::size_t, const GdalOptions&) {
    return gdalUnavailableRead(file, kWhy);
}

}  // namespace meridian::io

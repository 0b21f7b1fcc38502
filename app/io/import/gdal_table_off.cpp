// The GDAL reader in a build without GDAL (MERIDIAN_WITH_GDAL=OFF, the browser
// build): the same functions, each saying that this build cannot read the file.
// CMake compiles this file instead of gdal_table.cpp.
#include "io/import/gdal_table.h"

namespace meridian::io {

namespace {

Diagnostic unavailable(const std::filesystem::path& file) {
    Diagnostic d;
    d.file = file.string();
    d.message = "workbooks and geodata (" + file.extension().string() +
                ") are read through GDAL, which this build of Meridian does not include; save the sheet as CSV, "
                "or open the file in the desktop version";
    return d;
}

GdalReadResult unavailableRead(const std::filesystem::path& file) {
    GdalReadResult r;
    r.complete = false;
    r.diagnostics.push_back(unavailable(file));
    return r;
}

}  // namespace

bool gdalAvailable() {
    return false;
}

bool isGdalFormat(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    for (const std::string& e : gdalExtensions())
        if (e == ext) return true;
    return false;
}

const std::vector<std::string>& gdalExtensions() {
    static const std::vector<std::string> all = {".xlsx", ".xlsm", ".ods", ".xls", ".kml", ".kmz",
                                                 ".gpx",  ".gpkg", ".shp", ".fgb", ".tab", ".mif"};
    return all;
}

GdalLayerList listGdalLayers(const std::filesystem::path& file, const GdalOptions&) {
    GdalLayerList list;
    list.diagnostics.push_back(unavailable(file));
    return list;
}

GdalReadResult readGdalTable(const std::filesystem::path& file, std::string_view, const GdalOptions&) {
    return unavailableRead(file);
}

GdalReadResult readGdalTableAt(const std::filesystem::path& file, std::size_t, const GdalOptions&) {
    return unavailableRead(file);
}

}  // namespace meridian::io

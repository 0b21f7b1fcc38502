// What every build knows about workbooks and geodata, with or without GDAL:
// their extensions, and the error when they cannot be read.
#include "io/import/gdal_module.h"

namespace meridian::io {

const std::vector<std::string>& gdalExtensions() {
    static const std::vector<std::string> all = {".xlsx", ".xlsm", ".ods", ".xls", ".kml", ".kmz",
                                                 ".gpx",  ".gpkg", ".shp", ".fgb", ".tab", ".mif"};
    return all;
}

bool isGdalFormat(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    for (const std::string& e : gdalExtensions())
        if (e == ext) return true;
    return false;
}

Diagnostic gdalUnavailable(const std::filesystem::path& file, const std::string& why) {
    Diagnostic d;
    d.file = file.string();
    d.message = "workbooks and geodata (" + file.extension().string() + ") are read through GDAL, " + why +
                "; save the sheet as CSV, or open the file in the desktop version";
    return d;
}

GdalReadResult gdalUnavailableRead(const std::filesystem::path& file, const std::string& why) {
    GdalReadResult r;
    r.complete = false;
    r.diagnostics.push_back(gdalUnavailable(file, why));
    return r;
}

}  // namespace meridian::io

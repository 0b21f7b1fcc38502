// The GDAL reader is a module of its own, libmeridian-gdal.so, loaded the first
// time a workbook or geodata file is read (io/import/gdal_loader.cpp): GDAL and
// the hundred-odd libraries it pulls in cost ~25 MiB of resident memory and a
// slower start in every process that links them, and most sessions never import
// a workbook. The module (gdal_table.cpp) exports one C function giving this
// table of its readers; everything else in it is hidden.
#pragma once

#include <filesystem>
#include <string>

#include "io/import/gdal_table.h"

namespace meridian::io {

// Changed whenever the table or the types it passes change (a module from
// another build is refused rather than called).
constexpr int kGdalModuleVersion = 1;
constexpr const char* kGdalModuleFile = "libmeridian-gdal.so";

struct GdalModuleApi {
    int version = kGdalModuleVersion;
    GdalLayerList (*listLayers)(const std::filesystem::path&, const GdalOptions&) = nullptr;
    GdalReadResult (*readByName)(const std::filesystem::path&, std::string_view, const GdalOptions&) = nullptr;
    GdalReadResult (*readAt)(const std::filesystem::path&, std::size_t, const GdalOptions&) = nullptr;
};

// An error for FILE: workbooks and geodata cannot be read here, because WHY.
Diagnostic gdalUnavailable(const std::filesystem::path& file, const std::string& why);
// A read that failed with that error.
GdalReadResult gdalUnavailableRead(const std::filesystem::path& file, const std::string& why);

}  // namespace meridian::io

extern "C" {
// The module's one exported function.
using MeridianGdalModuleFn = const meridian::io::GdalModuleApi* (*)();
}

// The desktop build's GDAL reader: loads libmeridian-gdal.so (gdal_table.cpp
// and GDAL with it) the first time a workbook or geodata file is read, and
// passes the calls on. Looked for, in order: $MERIDIAN_GDAL_MODULE (a file),
// beside the running program, and in the build folder (tests and benchmarks
// run from its subfolders). Loading is once per process and thread-safe.
#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <vector>

#include "io/build_paths.h"
#include "io/import/gdal_module.h"

namespace meridian::io {

namespace {

struct Loaded {
    const GdalModuleApi* api = nullptr;
    std::string error;  // why not, when api is null
};

std::filesystem::path runningProgramDir() {
    char buf[4096];
    const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return {};
    return std::filesystem::path(std::string(buf, static_cast<std::size_t>(n))).parent_path();
}

std::vector<std::filesystem::path> candidates() {
    std::vector<std::filesystem::path> out;
    if (const char* env = std::getenv("MERIDIAN_GDAL_MODULE"); env && *env) return {env};
    if (const std::filesystem::path dir = runningProgramDir(); !dir.empty()) out.push_back(dir / kGdalModuleFile);
    if (*gdalModuleDir()) out.push_back(std::filesystem::path(gdalModuleDir()) / kGdalModuleFile);
    return out;
}

Loaded load() {
    Loaded r;
    std::string tried;
    for (const std::filesystem::path& file : candidates()) {
        std::error_code ec;
        if (!std::filesystem::exists(file, ec)) {
            tried += (tried.empty() ? "" : ", ") + file.string() + " (not there)";
            continue;
        }
        // RTLD_LOCAL: GDAL's symbols stay out of the program's way; never unloaded.
        void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            const char* e = dlerror();
            tried += (tried.empty() ? "" : ", ") + std::string(e ? e : file.c_str());
            continue;
        }
        const auto entry = reinterpret_cast<MeridianGdalModuleFn>(dlsym(handle, "meridian_gdal_module"));
        const GdalModuleApi* api = entry ? entry() : nullptr;
        if (!api || api->version != kGdalModuleVersion) {
            tried += (tried.empty() ? "" : ", ") + file.string() + " (from another version of Meridian)";
            continue;
        }
        r.api = api;
        return r;
    }
    r.error = "whose reader (" + std::string(kGdalModuleFile) +
              ") could not be loaded: " + (tried.empty() ? std::string("no place to look") : tried);
    return r;
}

const Loaded& module() {
    static const Loaded loaded = load();  // once, thread-safe
    return loaded;
}

}  // namespace

bool gdalAvailable() {
    return module().api != nullptr;
}

GdalLayerList listGdalLayers(const std::filesystem::path& file, const GdalOptions& options) {
    if (const GdalModuleApi* api = module().api) return api->listLayers(file, options);
    GdalLayerList list;
    list.diagnostics.push_back(gdalUnavailable(file, module().error));
    return list;
}

GdalReadResult readGdalTable(const std::filesystem::path& file, std::string_view layerName,
                             const GdalOptions& options) {
    if (const GdalModuleApi* api = module().api) return api->readByName(file, layerName, options);
    return gdalUnavailableRead(file, module().error);
}

GdalReadResult readGdalTableAt(const std::filesystem::path& file, std::size_t layerIndex, const GdalOptions& options) {
    if (const GdalModuleApi* api = module().api) return api->readAt(file, layerIndex, options);
    return gdalUnavailableRead(file, module().error);
}

}  // namespace meridian::io

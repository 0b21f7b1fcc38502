#include "io/build_paths.h"

// Both set for this file alone by CMakeLists.txt.
#ifndef MERIDIAN_BUILD_SOURCE_DIR
#define MERIDIAN_BUILD_SOURCE_DIR "."
#endif
#ifndef MERIDIAN_BUILD_GDAL_MODULE_DIR
#define MERIDIAN_BUILD_GDAL_MODULE_DIR ""
#endif

namespace meridian::io {

const char* sourceDir() {
    return MERIDIAN_BUILD_SOURCE_DIR;
}
const char* gdalModuleDir() {
    return MERIDIAN_BUILD_GDAL_MODULE_DIR;
}

}  // namespace meridian::io

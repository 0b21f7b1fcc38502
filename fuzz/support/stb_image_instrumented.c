/* The fuzz build only: stb_image's decoders compiled from Debian's header (libstb-dev) with the
 * fuzzers' coverage and sanitizer flags. The app and the tests call the same functions in
 * Debian's libstb.so, which is not instrumented: libFuzzer would be blind inside the decoders
 * and ASan could not see their reads. Definitions in the executable take precedence over the
 * shared library's, so io/image_file.cpp reaches this copy in the fuzz targets. */
#define STB_IMAGE_IMPLEMENTATION
#include <stb/stb_image.h>

// libFuzzer target: the image loader (io/image_file) with its limits, in front of stb_image's
// decoders (compiled into the fuzz build with coverage, see fuzz/support/).
//
// Invariants checked on every input:
// - decoding gives pixels or an error naming the file, never a crash, a read out of bounds or
//   an allocation beyond the limits (libFuzzer's -malloc_limit_mb catches those, set by CTest);
// - decoded pixels respect the limits: no side is 0 or over kMaxImageSide, no more pixels than
//   maxPixels, and exactly width * height * 4 bytes;
// - the same image is refused, before decoding, when maxPixels is one pixel less.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "io/image_file.h"

using namespace meridian::io;

namespace {
constexpr std::size_t kMaxPixels = 512 * 512;  // small enough that any accepted image decodes fast
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const ImageResult r = decodeImageRgba(bytes, "fuzz.img", kMaxPixels);
    if (!r.ok()) {
        FUZZ_CHECK(r.error.rfind("fuzz.img: ", 0) == 0 && r.error.size() > 10,
                   "an error not naming the file: " + r.error);
        FUZZ_CHECK(r.image.rgba.empty(), "pixels kept with an error: " + r.error);
        return 0;
    }
    const ImageRgba& image = r.image;
    const std::string sizeText = std::to_string(image.width) + "x" + std::to_string(image.height);
    FUZZ_CHECK(image.width > 0 && image.height > 0 && image.width <= kMaxImageSide && image.height <= kMaxImageSide,
               "decoded size " + sizeText);
    const std::size_t pixels = static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height);
    FUZZ_CHECK(pixels <= kMaxPixels, "decoded size " + sizeText + " over the pixel limit");
    FUZZ_CHECK(image.rgba.size() == pixels * 4, std::to_string(image.rgba.size()) + " bytes of pixels for " + sizeText);

    const ImageResult refused = decodeImageRgba(bytes, "fuzz.img", pixels - 1);
    FUZZ_CHECK(!refused.ok() && refused.error.find("over the limit") != std::string::npos,
               "a " + sizeText +
                   " image with a limit of one pixel less: " + (refused.ok() ? std::string("decoded") : refused.error));
    return 0;
}

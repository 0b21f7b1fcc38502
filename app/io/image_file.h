// Image files and media paths: decoding with stb_image behind size checks made before any
// pixel is decoded, and the confinement check that keeps event media inside the dataset's folder.
//
// Contract: never throws, never crashes; failures come back as values naming the file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace meridian::io {

struct ImageRgba {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;  // width * height * 4 bytes, rows top to bottom
};

struct ImageResult {
    ImageRgba image;    // meaningful only when ok()
    std::string error;  // names the file and what is wrong; empty on success
    bool ok() const { return error.empty(); }
};

// Hard ceiling on each side whatever maxPixels says: beyond it textures fail on common GPUs
// and the pixel count arithmetic would need care.
inline constexpr int kMaxImageSide = 16384;

// Accepts PNG and JPEG only (checkImageStructure), reads the header first (stbi_info_from_memory)
// and refuses 0-sized, over-16384-per-side or over-maxPixels images before decoding. Truncated or
// corrupt data gives an error.
ImageResult loadImageRgba(const std::filesystem::path& path, std::size_t maxPixels = std::size_t{8192} * 8192,
                          std::size_t maxFileBytes = std::size_t{256} << 20);

// Same for bytes already in memory; sourceName is used in messages.
ImageResult decodeImageRgba(std::string_view bytes, const std::string& sourceName,
                            std::size_t maxPixels = std::size_t{8192} * 8192);

// True when relativePath, taken relative to baseDir, names something inside baseDir: it must be
// relative, must not climb out with "..", and must not leave through a symbolic link (both sides
// are resolved with weakly_canonical, so the target need not exist yet). Empty paths are refused.
bool isPathInside(const std::filesystem::path& baseDir, const std::filesystem::path& relativePath);

}  // namespace meridian::io

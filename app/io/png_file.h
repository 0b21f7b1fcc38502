// Writing PNG images (stb_image_write), atomically.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace meridian::io {

bool writePngRgba(const std::filesystem::path& path, int width, int height, const std::vector<std::uint8_t>& rgba,
                  std::string* error);

}  // namespace meridian::io

#include "io/png_file.h"

#include <stb/stb_image_write.h>

#include "io/text_file.h"

namespace meridian::io {

bool writePngRgba(const std::filesystem::path& path, int width, int height, const std::vector<std::uint8_t>& rgba,
                  std::string* error) {
    if (width <= 0 || height <= 0 || rgba.size() != static_cast<std::size_t>(width) * height * 4) {
        if (error) *error = "bad image size";
        return false;
    }
    std::string encoded;
    auto append = [](void* ctx, void* data, int size) {
        static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
    };
    if (!stbi_write_png_to_func(append, &encoded, width, height, 4, rgba.data(), width * 4)) {
        if (error) *error = "PNG encoding failed";
        return false;
    }
    return writeFileAtomically(path, encoded, error);
}

}  // namespace meridian::io

// Image decoding behind header checks, bounded file reads, and media path confinement.
#include "io/image_file.h"

// Debian's libstb.so already holds the implementation: only the declarations are wanted here.
#include <stb/stb_image.h>

#include <climits>
#include <iterator>
#include <system_error>

#include "io/image_structure.h"
#include "io/text_file.h"

namespace meridian::io {

namespace fs = std::filesystem;

namespace {

// Width and height from a PNG's IHDR chunk, if the bytes start like a PNG. stb_image checks
// these too, but it reports "unknown image type" once every decoder has refused the file, so
// reading them here lets the message say what the header claimed.
bool pngHeaderSize(std::string_view bytes, std::uint64_t& width, std::uint64_t& height) {
    static constexpr char kSignature[] = "\x89PNG\r\n\x1a\n";
    if (bytes.size() < 24 || bytes.substr(0, 8) != std::string_view(kSignature, 8) || bytes.substr(12, 4) != "IHDR") {
        return false;
    }
    auto be32 = [&](std::size_t at) {
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
        return v;
    };
    width = be32(16);
    height = be32(20);
    return true;
}

std::string sizeText(std::uint64_t width, std::uint64_t height) {
    return std::to_string(width) + "x" + std::to_string(height);
}

}  // namespace

ImageResult decodeImageRgba(std::string_view bytes, const std::string& sourceName, std::size_t maxPixels) {
    ImageResult result;
    auto fail = [&](const std::string& why) {
        result.error = sourceName + ": " + why;
        return result;
    };
    if (bytes.empty()) return fail("empty file (expected an image)");
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) return fail("file too large for the image decoder");
    // Only PNG and JPEG, and only with a sound structure, reach stb_image (see image_structure.h).
    if (std::string why = checkImageStructure(bytes); !why.empty()) return fail(why);

    // The header alone says how much memory decoding would take: refuse before decoding.
    auto checkSize = [&](std::uint64_t width, std::uint64_t height) -> std::string {
        if (width == 0 || height == 0) return "image header gives an empty size " + sizeText(width, height);
        if (width > kMaxImageSide || height > kMaxImageSide) {
            return "image is " + sizeText(width, height) + " pixels, over the limit of " +
                   std::to_string(kMaxImageSide) + " per side";
        }
        if (width * height > maxPixels) {
            return "image is " + sizeText(width, height) + " pixels, over the limit of " + std::to_string(maxPixels) +
                   " pixels";
        }
        return {};
    };
    std::uint64_t pngWidth = 0;
    std::uint64_t pngHeight = 0;
    if (pngHeaderSize(bytes, pngWidth, pngHeight)) {
        if (std::string why = checkSize(pngWidth, pngHeight); !why.empty()) return fail(why);
    }

    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    const int length = static_cast<int>(bytes.size());
    int width = 0;
    int height = 0;
    int channels = 0;
    if (stbi_info_from_memory(data, length, &width, &height, &channels) == 0) {
        const char* reason = stbi_failure_reason();
        return fail(std::string("not a readable image (") + (reason ? reason : "unknown format") + ")");
    }
    if (width < 0 || height < 0) return fail("image header gives a negative size");
    if (std::string why = checkSize(static_cast<std::uint64_t>(width), static_cast<std::uint64_t>(height));
        !why.empty()) {
        return fail(why);
    }
    const std::size_t pixels = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);

    int decodedWidth = 0;
    int decodedHeight = 0;
    stbi_uc* pixelsRgba = stbi_load_from_memory(data, length, &decodedWidth, &decodedHeight, &channels, 4);
    if (pixelsRgba == nullptr) {
        const char* reason = stbi_failure_reason();
        return fail(std::string("truncated or corrupt image (") + (reason ? reason : "decode failed") + ")");
    }
    if (decodedWidth != width || decodedHeight != height) {  // header and data disagree: distrust both
        stbi_image_free(pixelsRgba);
        return fail("image data does not match its header size");
    }
    try {
        result.image.width = width;
        result.image.height = height;
        result.image.rgba.assign(pixelsRgba, pixelsRgba + pixels * 4);
    } catch (const std::bad_alloc&) {
        stbi_image_free(pixelsRgba);
        result.image = ImageRgba{};
        return fail("out of memory for " + std::to_string(width) + "x" + std::to_string(height) + " pixels");
    }
    stbi_image_free(pixelsRgba);
    return result;
}

ImageResult loadImageRgba(const fs::path& path, std::size_t maxPixels, std::size_t maxFileBytes) {
    std::string error;
    const auto bytes = readWholeFile(path, &error, maxFileBytes);
    if (!bytes) {
        ImageResult result;
        result.error = path.string() + ": " + error;
        return result;
    }
    return decodeImageRgba(*bytes, path.string(), maxPixels);
}

bool isPathInside(const fs::path& baseDir, const fs::path& relativePath) {
    try {
        const std::string& raw = relativePath.native();
        if (raw.empty() || raw.find('\0') != std::string::npos) return false;
        if (relativePath.is_absolute() || relativePath.has_root_name() || relativePath.has_root_directory())
            return false;
        // Refuse ".." outright, even when it would come back in ("a/../b"): media paths never need
        // it, and a lexical rule is easy to explain in a validation message.
        for (const fs::path& part : relativePath) {
            if (part == "..") return false;
        }
        std::error_code ec;
        const fs::path base = fs::weakly_canonical(baseDir, ec);
        if (ec || base.empty()) return false;
        // Symbolic links inside the folder are resolved here, so a link pointing outside fails.
        const fs::path target = fs::weakly_canonical(baseDir / relativePath, ec);
        if (ec) return false;
        // Compare whole components ("/data/media2" is not inside "/data/media"); ignore the
        // empty last component that a trailing slash leaves.
        auto baseEnd = base.end();
        if (base.has_filename() == false && baseEnd != base.begin()) {
            auto last = std::prev(baseEnd);
            if (last->empty()) baseEnd = last;
        }
        auto b = base.begin();
        auto t = target.begin();
        for (; b != baseEnd; ++b, ++t) {
            if (t == target.end() || *b != *t) return false;
        }
        // Strictly inside: the folder itself is not a media file.
        for (; t != target.end(); ++t) {
            if (!t->empty() && *t != ".") return true;
        }
        return false;
    } catch (const std::exception&) {
        return false;
    }
}

}  // namespace meridian::io

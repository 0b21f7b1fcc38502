#include "io/media_copy.h"

#include <algorithm>
#include <fstream>
#include <iterator>

namespace meridian::io {

namespace fs = std::filesystem;

namespace {

bool sameContent(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    if (fs::file_size(a, ec) != fs::file_size(b, ec) || ec) return false;
    std::ifstream fa(a, std::ios::binary), fb(b, std::ios::binary);
    return std::equal(std::istreambuf_iterator<char>(fa), std::istreambuf_iterator<char>(),
                      std::istreambuf_iterator<char>(fb));
}

}  // namespace

std::optional<std::string> bringMediaIntoFolder(const fs::path& image, const fs::path& dataFolder, std::string* error) {
    auto fail = [&](std::string why) -> std::optional<std::string> {
        if (error) *error = std::move(why);
        return std::nullopt;
    };
    std::error_code ec;
    if (!fs::is_regular_file(image, ec)) return fail(image.string() + " is not a file");
    if (dataFolder.empty()) return fail("save the data into a file first (media live in its folder)");
    const fs::path folder = fs::weakly_canonical(dataFolder, ec);
    const fs::path source = fs::weakly_canonical(image, ec);
    // Already inside the data folder: use it where it is.
    const fs::path inside = source.lexically_relative(folder);
    if (!inside.empty() && *inside.begin() != ".." && inside.is_relative()) return inside.generic_string();
    const fs::path mediaDir = folder / "media";
    fs::create_directories(mediaDir, ec);
    if (ec) return fail("cannot make the folder " + mediaDir.string() + ": " + ec.message());
    const std::string stem = image.stem().string(), ext = image.extension().string();
    fs::path target = mediaDir / image.filename();
    for (int n = 2; fs::exists(target, ec); ++n) {
        if (sameContent(source, target)) return ("media" / target.filename()).generic_string();
        target = mediaDir / (stem + "-" + std::to_string(n) + ext);
    }
    fs::copy_file(source, target, ec);
    if (ec) return fail("cannot copy " + image.string() + " to " + target.string() + ": " + ec.message());
    return ("media" / target.filename()).generic_string();
}

}  // namespace meridian::io

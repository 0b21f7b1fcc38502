#include "io/asset_paths.h"

#include <unistd.h>

#include <cstdlib>
#include <vector>

#include "io/build_paths.h"

namespace meridian::io {

namespace fs = std::filesystem;

std::filesystem::path assetPath(const std::string& relative) {
    // An asset folder named explicitly is the only one looked in: a file missing there is reported
    // with that path, not quietly taken from another copy.
    if (const char* env = std::getenv("MERIDIAN_ASSETS"); env && *env) return fs::path(env) / relative;
    std::vector<fs::path> roots;
    roots.emplace_back(fs::path(meridian::io::sourceDir()) / "assets");
    char exe[4096];
    const ssize_t n = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        roots.push_back(fs::path(exe).parent_path() / ".." / "share" / "meridian" / "assets");
    }
    roots.emplace_back("assets");
    std::error_code ec;
    for (const fs::path& r : roots)
        if (fs::exists(r / relative, ec)) return r / relative;
    return roots.back() / relative;
}

}  // namespace meridian::io

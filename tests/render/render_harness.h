// Render tests: run the real `meridian` binary headless, read its PNG and
// check pixels where the model's own geometry says things must (or must not) be.
#pragma once

#include <stb/stb_image.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "io/build_paths.h"

namespace meridian::test {

struct Png {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;
    bool ok() const { return width > 0; }
    const std::uint8_t* at(int x, int y) const { return rgba.data() + (static_cast<std::size_t>(y) * width + x) * 4; }
};

inline std::string meridianBinary() {
    const char* bin = std::getenv("MERIDIAN_BIN");
    return bin ? bin : "meridian";
}
inline std::string sourceDir() {
    return meridian::io::sourceDir();
}
inline std::string outDir() {
    const char* out = std::getenv("MERIDIAN_RENDER_OUT");
    return out ? out : "/tmp";
}

// Runs meridian with args plus --screenshot OUT/name.png; returns the image (empty on failure).
inline Png renderShot(const std::string& name, const std::string& args, int* exitCode = nullptr) {
    const std::string out = outDir() + "/" + name + ".png";
    const std::string cmd =
        meridianBinary() + " " + args + " --screenshot " + out + " >/dev/null 2>" + outDir() + "/" + name + ".err";
    const int rc = std::system(cmd.c_str());
    if (exitCode) *exitCode = rc;
    Png png;
    int n = 0;
    if (unsigned char* px = stbi_load(out.c_str(), &png.width, &png.height, &n, 4)) {
        png.rgba.assign(px, px + static_cast<std::size_t>(png.width) * png.height * 4);
        stbi_image_free(px);
    } else {
        png.width = png.height = 0;
    }
    return png;
}

// Pixels within `radius` of (x, y) whose colour is within `tol` of rgb.
inline int countNear(const Png& png, double x, double y, int radius, std::uint32_t rgb, int tol) {
    int count = 0;
    const int r = static_cast<int>(rgb >> 16 & 0xFF), g = static_cast<int>(rgb >> 8 & 0xFF),
              b = static_cast<int>(rgb & 0xFF);
    for (int yy = static_cast<int>(y) - radius; yy <= static_cast<int>(y) + radius; ++yy)
        for (int xx = static_cast<int>(x) - radius; xx <= static_cast<int>(x) + radius; ++xx) {
            if (xx < 0 || yy < 0 || xx >= png.width || yy >= png.height) continue;
            const std::uint8_t* p = png.at(xx, yy);
            if (std::abs(p[0] - r) <= tol && std::abs(p[1] - g) <= tol && std::abs(p[2] - b) <= tol) ++count;
        }
    return count;
}

inline double differingShare(const Png& a, const Png& b) {
    if (a.width != b.width || a.height != b.height) return 1.0;
    std::size_t differ = 0;
    for (std::size_t i = 0; i < a.rgba.size(); i += 4)
        if (std::abs(a.rgba[i] - b.rgba[i]) + std::abs(a.rgba[i + 1] - b.rgba[i + 1]) +
                std::abs(a.rgba[i + 2] - b.rgba[i + 2]) >
            24)
            ++differ;
    return static_cast<double>(differ) / static_cast<double>(a.rgba.size() / 4);
}

}  // namespace meridian::test

// png_probe: reads pixels of a PNG for the render tests (shell scripts).
//   png_probe size FILE                          -> "W H"
//   png_probe pixel FILE X Y                     -> "R G B A"
//   png_probe count FILE X0 Y0 X1 Y1 RRGGBB TOL  -> number of pixels in the
//       rectangle [X0,X1)x[Y0,Y1) within TOL (per channel) of the colour
//   png_probe diff FILE1 FILE2                   -> share of pixels that differ (0..1)
#include <stb/stb_image.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

struct Image {
    int w = 0, h = 0;
    unsigned char* px = nullptr;
    ~Image() { stbi_image_free(px); }
};

bool load(const char* path, Image& img) {
    int n = 0;
    img.px = stbi_load(path, &img.w, &img.h, &n, 4);
    if (!img.px) std::fprintf(stderr, "png_probe: cannot read %s: %s\n", path, stbi_failure_reason());
    return img.px != nullptr;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: png_probe size|pixel|count|diff FILE ...\n");
        return 2;
    }
    const std::string cmd = argv[1];
    Image img;
    if (!load(argv[2], img)) return 2;
    if (cmd == "size") {
        std::printf("%d %d\n", img.w, img.h);
        return 0;
    }
    if (cmd == "pixel" && argc == 5) {
        const int x = std::atoi(argv[3]), y = std::atoi(argv[4]);
        if (x < 0 || y < 0 || x >= img.w || y >= img.h) return 2;
        const unsigned char* p = img.px + (static_cast<std::size_t>(y) * img.w + x) * 4;
        std::printf("%d %d %d %d\n", p[0], p[1], p[2], p[3]);
        return 0;
    }
    if (cmd == "count" && argc == 9) {
        int x0 = std::atoi(argv[3]), y0 = std::atoi(argv[4]), x1 = std::atoi(argv[5]), y1 = std::atoi(argv[6]);
        const unsigned long rgb = std::strtoul(argv[7], nullptr, 16);
        const int tol = std::atoi(argv[8]);
        const int r = static_cast<int>((rgb >> 16) & 0xFF), g = static_cast<int>((rgb >> 8) & 0xFF),
                  b = static_cast<int>(rgb & 0xFF);
        x0 = std::max(0, x0), y0 = std::max(0, y0), x1 = std::min(img.w, x1), y1 = std::min(img.h, y1);
        long count = 0;
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) {
                const unsigned char* p = img.px + (static_cast<std::size_t>(y) * img.w + x) * 4;
                if (std::abs(p[0] - r) <= tol && std::abs(p[1] - g) <= tol && std::abs(p[2] - b) <= tol) ++count;
            }
        std::printf("%ld\n", count);
        return 0;
    }
    if (cmd == "diff" && argc == 4) {
        Image other;
        if (!load(argv[3], other)) return 2;
        if (other.w != img.w || other.h != img.h) {
            std::printf("1\n");
            return 0;
        }
        long differ = 0;
        const long n = static_cast<long>(img.w) * img.h;
        for (long i = 0; i < n; ++i)
            if (std::memcmp(img.px + i * 4, other.px + i * 4, 3) != 0) ++differ;
        std::printf("%.6f\n", static_cast<double>(differ) / static_cast<double>(n));
        return 0;
    }
    std::fprintf(stderr, "png_probe: bad arguments\n");
    return 2;
}

#include <doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "io/font_file.h"

using namespace meridian::io;

namespace {

std::vector<std::uint8_t> readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const char* kDejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

}  // namespace

TEST_CASE("font check: a real font passes; cut-off, empty and non-font files are named with the reason") {
    if (!std::filesystem::exists(kDejaVu)) {
        MESSAGE("DejaVu Sans is not installed (fonts-dejavu-core): skipped");
        return;
    }
    const std::vector<std::uint8_t> font = readAll(kDejaVu);
    REQUIRE(font.size() > 100000);
    CHECK(checkFontBytes(font) == "");
    CHECK(checkFontBytes(std::span(font).first(0)) == "the file is empty");
    CHECK(checkFontBytes(std::span(font).first(8)).find("too short") != std::string::npos);
    CHECK(checkFontBytes(std::span(font).first(100)).find("table directory ends") != std::string::npos);
    CHECK(checkFontBytes(std::span(font).first(font.size() / 2)).find("is cut off") != std::string::npos);
    const std::string html = "<html><body>404 Not Found</body></html>";
    CHECK(checkFontBytes(std::span(reinterpret_cast<const std::uint8_t*>(html.data()), html.size()))
              .find("not a TrueType or OpenType font") != std::string::npos);
    // A font whose cmap is renamed: no way to map characters to glyphs.
    std::vector<std::uint8_t> noCmap = font;
    for (std::size_t i = 0; i < (std::size_t{noCmap[4]} << 8 | noCmap[5]); ++i)
        if (std::equal(noCmap.begin() + 12 + i * 16, noCmap.begin() + 16 + i * 16, "cmap")) noCmap[12 + i * 16] = 'x';
    CHECK(checkFontBytes(noCmap) == "the font has no 'cmap' table");
    CHECK(checkFontFile("/nonexistent/font.ttf") == "/nonexistent/font.ttf: cannot open the font file");
}

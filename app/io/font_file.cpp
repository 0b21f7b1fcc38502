#include "io/font_file.h"

#include <array>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

namespace meridian::io {

namespace {

std::uint32_t be32(std::span<const std::uint8_t> b, std::size_t at) {
    return (std::uint32_t{b[at]} << 24) | (std::uint32_t{b[at + 1]} << 16) | (std::uint32_t{b[at + 2]} << 8) |
           std::uint32_t{b[at + 3]};
}
std::uint16_t be16(std::span<const std::uint8_t> b, std::size_t at) {
    return static_cast<std::uint16_t>((b[at] << 8) | b[at + 1]);
}

}  // namespace

std::string checkFontBytes(std::span<const std::uint8_t> bytes) {
    if (bytes.empty()) return "the file is empty";
    if (bytes.size() < 12) return "the file is too short to be a font (" + std::to_string(bytes.size()) + " bytes)";
    // A collection ('ttcf'): ImGui reads its first font, whose directory is
    // elsewhere in the file (table offsets stay from the file's start).
    std::size_t dir = 0;
    if (be32(bytes, 0) == 0x74746366) {
        if (bytes.size() < 16 || be32(bytes, 8) == 0) return "a font collection without fonts";
        dir = be32(bytes, 12);
        if (dir + 12 > bytes.size()) return "the font collection is cut off";
    }
    const std::uint32_t version = be32(bytes, dir);
    if (version != 0x00010000 && version != 0x4F54544F /* 'OTTO' */ && version != 0x74727565 /* 'true' */)
        return "not a TrueType or OpenType font (it starts with bytes no font starts with)";
    const std::uint16_t tables = be16(bytes, dir + 4);
    if (tables == 0) return "the font has no tables";
    if (dir + 12 + std::size_t{tables} * 16 > bytes.size())
        return "the font is cut off (its table directory ends after the file's " + std::to_string(bytes.size()) +
               " bytes)";
    constexpr std::array<const char*, 5> kNeeded = {"cmap", "head", "hhea", "hmtx", "maxp"};
    std::array<bool, 5> found{};
    bool glyf = false, loca = false, cff = false;
    for (std::size_t i = 0; i < tables; ++i) {
        const std::size_t rec = dir + 12 + i * 16;
        char tag[5] = {};
        std::memcpy(tag, bytes.data() + rec, 4);
        const std::uint64_t offset = be32(bytes, rec + 8), length = be32(bytes, rec + 12);
        if (offset + length > bytes.size())
            return std::string("the font is cut off (its '") + tag + "' table ends at byte " +
                   std::to_string(offset + length) + ", after the file's " + std::to_string(bytes.size()) + ")";
        for (std::size_t n = 0; n < kNeeded.size(); ++n)
            if (std::memcmp(tag, kNeeded[n], 4) == 0) found[n] = length > 0;
        glyf |= std::memcmp(tag, "glyf", 4) == 0;
        loca |= std::memcmp(tag, "loca", 4) == 0;
        cff |= std::memcmp(tag, "CFF ", 4) == 0;
    }
    for (std::size_t n = 0; n < kNeeded.size(); ++n)
        if (!found[n]) return std::string("the font has no '") + kNeeded[n] + "' table";
    if (!(glyf && loca) && !cff) return "the font has no glyph outlines (no 'glyf' and 'loca', no 'CFF ')";
    return {};
}

std::string checkFontFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return path + ": cannot open the font file";
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string why = checkFontBytes(bytes);
    return why.empty() ? why : path + ": " + why;
}

}  // namespace meridian::io

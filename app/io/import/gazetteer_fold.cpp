#include "io/import/gazetteer_fold.h"

#include <cstdint>

namespace meridian::io {

namespace {

// Base letters for U+00C0..U+024F and U+1E00..U+1EFF, generated from Unicode's
// canonical decompositions (first character, lower-cased). '*' marks a letter
// spelled out by spelledOut(); '?' a character kept as it is.
constexpr std::string_view kLatin00C0 =
    "aaaaaa*ceeeeiiii*nooooo?*uuuuy**aaaaaa*ceeeeiiii*nooooo?*uuuuy*y"
    "aaaaaaccccccccdd**eeeeeeeeeegggggggghh**iiiiiiiii***jjkk*llllll?"
    "?**nnnnnn?**oooooo**rrrrrrsssssssstttt**uuuuuuuuuuuuwwyyyzzzzzz*"
    "???????????????*??*?????????????oo?????????????uu???????????????"
    "?????????????aaiioouuuuuuuuuu?aaaa????ggkkoooo??j???gg??nnaa????"
    "aaaaeeeeiiiioooorrrruuuusstt??hh??????aaeeooooooooyy????????????"
    "????????????????";
constexpr std::string_view kLatin1E00 =
    "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm"
    "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv"
    "wwwwwwwwwwxxxxyyzzzzzzhtwy??????aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee"
    "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy??????";

const char* spelledOut(std::uint32_t cp) {
    switch (cp) {
        case 0xDF:
            return "ss";
        case 0xC6:
        case 0xE6:
            return "ae";
        case 0x152:
        case 0x153:
            return "oe";
        case 0xD8:
        case 0xF8:
            return "o";
        case 0xD0:
        case 0xF0:
        case 0x110:
        case 0x111:
            return "d";
        case 0xDE:
        case 0xFE:
            return "th";
        case 0x126:
        case 0x127:
            return "h";
        case 0x131:
            return "i";
        case 0x132:
        case 0x133:
            return "ij";
        case 0x138:
            return "k";
        case 0x13F:
        case 0x140:
        case 0x141:
        case 0x142:
            return "l";
        case 0x149:
        case 0x14A:
        case 0x14B:
            return "n";
        case 0x166:
        case 0x167:
            return "t";
        case 0x17F:
            return "s";
        case 0x192:
            return "f";
        case 0x18F:
        case 0x259:
            return "a";  // schwa: Azerbaijani "Gəncə" is written "Ganja" in English
        default:
            return nullptr;
    }
}

enum class Fold : std::uint8_t { Keep, Drop, Space };

// Decodes one UTF-8 sequence at s[i]; returns its length (1 for an invalid byte, with cp = the byte).
std::size_t decode(std::string_view s, std::size_t i, std::uint32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    auto cont = [&](std::size_t k) {
        return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    };
    auto bits = [&](std::size_t k) { return static_cast<std::uint32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F); };
    if (b0 >= 0xC2 && b0 < 0xE0 && cont(1)) {
        cp = ((b0 & 0x1Fu) << 6) | bits(1);
        return 2;
    }
    if (b0 >= 0xE0 && b0 < 0xF0 && cont(1) && cont(2)) {
        cp = ((b0 & 0x0Fu) << 12) | (bits(1) << 6) | bits(2);
        if (cp >= 0x800) return 3;
    }
    if (b0 >= 0xF0 && b0 < 0xF5 && cont(1) && cont(2) && cont(3)) {
        cp = ((b0 & 0x07u) << 18) | (bits(1) << 12) | (bits(2) << 6) | bits(3);
        if (cp >= 0x10000 && cp <= 0x10FFFF) return 4;
    }
    cp = b0;
    return 1;
}

void appendUtf8(std::uint32_t cp, std::string& out) {
    if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

Fold punctuation(std::uint32_t cp) {
    switch (cp) {
        case 0x00B4:
        case 0x02B9:
        case 0x02BB:
        case 0x02BC:
        case 0x02BF:
        case 0x02BE:
        case 0x2018:
        case 0x2019:
        case 0x201A:
        case 0x201B:
        case 0x201C:
        case 0x201D:
        case 0x2032:
        case 0x00AB:
        case 0x00BB:
            return Fold::Drop;  // apostrophes (ʼ ʻ ’ in romanised names) and quotes
        case 0x00A0:
        case 0x2002:
        case 0x2003:
        case 0x2009:
        case 0x202F:
        case 0x2010:
        case 0x2011:
        case 0x2012:
        case 0x2013:
        case 0x2014:
        case 0x2015:
        case 0x2212:
        case 0x3000:
            return Fold::Space;  // spaces and dashes
        default:
            return Fold::Keep;
    }
}

}  // namespace

void appendFoldedPlaceName(std::string_view name, std::string& out) {
    const std::size_t start = out.size();
    bool pendingSpace = false;
    auto emit = [&](std::string_view piece) {
        if (pendingSpace && out.size() > start) out += ' ';
        pendingSpace = false;
        out += piece;
    };
    for (std::size_t i = 0; i < name.size();) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (c < 0x80) {
            ++i;
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                const char ch = static_cast<char>(c);
                emit({&ch, 1});
            } else if (c >= 'A' && c <= 'Z') {
                const char ch = static_cast<char>(c + 32);
                emit({&ch, 1});
            } else if (c == '\'' || c == '`' || c == '.' || c == '"') {
                // dropped: "P'yongyang", "St. Louis", "D.C."
            } else if (c == '&') {
                pendingSpace = true;
                emit("and");
                pendingSpace = true;
            } else {
                pendingSpace = true;  // spaces, hyphens, commas, slashes, brackets...
            }
            continue;
        }
        std::uint32_t cp = 0;
        const std::size_t len = decode(name, i, cp);
        const std::string_view original = name.substr(i, len);
        i += len;
        if (len == 1) {  // not UTF-8: keep the byte
            emit(original);
            continue;
        }
        if (cp >= 0x300 && cp <= 0x36F) continue;  // combining accents
        char base = '?';
        if (cp >= 0xC0 && cp < 0xC0 + kLatin00C0.size())
            base = kLatin00C0[cp - 0xC0];
        else if (cp >= 0x1E00 && cp < 0x1E00 + kLatin1E00.size())
            base = kLatin1E00[cp - 0x1E00];
        if (base == '*' || (base == '?' && spelledOut(cp))) {
            emit(spelledOut(cp));
            continue;
        }
        if (base != '?') {
            emit({&base, 1});
            continue;
        }
        switch (punctuation(cp)) {
            case Fold::Drop:
                continue;
            case Fold::Space:
                pendingSpace = true;
                continue;
            case Fold::Keep:
                break;
        }
        std::uint32_t lower = cp;
        if (cp >= 0x410 && cp <= 0x42F)
            lower = cp + 0x20;  // Cyrillic А..Я
        else if (cp >= 0x400 && cp <= 0x40F)
            lower = cp + 0x50;  // Cyrillic Ѐ..Џ
        else if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2)
            lower = cp + 0x20;  // Greek Α..Ω
        if (lower != cp) {
            std::string piece;
            appendUtf8(lower, piece);
            emit(piece);
        } else {
            emit(original);
        }
    }
}

std::string foldPlaceName(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    appendFoldedPlaceName(name, out);
    return out;
}

}  // namespace meridian::io

#include "io/import/text_encoding.h"

#include <cstdio>
#include <cstring>

namespace meridian::io {

namespace {

// Windows-1252's 0x80..0x9F (0 where the code page leaves a byte undefined).
constexpr std::uint16_t kCp1252High[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                           0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                           0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                           0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

std::uint32_t cp1252ToUnicode(unsigned char b) {
    if (b >= 0x80 && b < 0xA0) {
        const std::uint32_t u = kCp1252High[b - 0x80];
        return u ? u : b;  // undefined bytes: the C1 control of the same number, as Latin-1 reads them
    }
    return b;
}

std::string hexByte(unsigned char b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", b);
    return buf;
}

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// Length of the valid UTF-8 sequence at s[i], or 0.
std::size_t utf8SequenceLength(std::string_view s, std::size_t i) {
    const auto c0 = static_cast<unsigned char>(s[i]);
    if (c0 < 0x80) return 1;
    std::size_t n = 0;
    std::uint32_t cp = 0, min = 0;
    if ((c0 & 0xE0) == 0xC0)
        n = 2, cp = c0 & 0x1F, min = 0x80;
    else if ((c0 & 0xF0) == 0xE0)
        n = 3, cp = c0 & 0x0F, min = 0x800;
    else if ((c0 & 0xF8) == 0xF0)
        n = 4, cp = c0 & 0x07, min = 0x10000;
    else
        return 0;
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (c & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

// Control characters other than tab, newline and carriage return (and form
// feed and vertical tab, which some exporters leave; FileMaker writes line
// breaks in cells as \v): text files do not have them.
bool isBinaryControl(unsigned char b) {
    return b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v';
}

// A failed decoding; the position is where decodedSoFar ends.
DecodedText failure(TextEncoding encoding, std::string_view decodedSoFar, std::string message) {
    const LineColumn at = lineColumnOf(decodedSoFar, decodedSoFar.size());
    DecodedText out;
    out.encoding = encoding;
    out.ok = false;
    out.error = std::move(message);
    out.errorLine = at.line;
    out.errorColumn = at.column;
    return out;
}

// bytes: after the byte order mark (if any); offset: how many bytes came before them.
DecodedText decodeUtf16(std::string_view bytes, std::size_t offset, bool bigEndian, DecodedText out) {
    std::string text;
    text.reserve(bytes.size() / 2 + bytes.size() / 8);
    const char* name = bigEndian ? "UTF-16 BE" : "UTF-16 LE";
    auto unit = [&](std::size_t i) {
        const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
        return static_cast<std::uint32_t>(bigEndian ? (a << 8) | b : (b << 8) | a);
    };
    std::size_t i = 0;
    for (; i + 1 < bytes.size(); i += 2) {
        std::uint32_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 3 >= bytes.size() || unit(i + 2) < 0xDC00 || unit(i + 2) > 0xDFFF) {
                const bool atEnd = i + 3 >= bytes.size();
                return failure(out.encoding, text,
                               std::string(name) +
                                   (atEnd ? " text is truncated: it ends inside a character"
                                          : " text is damaged: a lone surrogate") +
                                   " (byte " + std::to_string(i + offset + 1) + " of the file)");
            }
            u = 0x10000 + ((u - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
            i += 2;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            return failure(out.encoding, text,
                           std::string(name) + " text is damaged: a lone surrogate (byte " +
                               std::to_string(i + offset + 1) + " of the file)");
        } else if (u < 0x20 && isBinaryControl(static_cast<unsigned char>(u))) {
            return failure(out.encoding, text,
                           "binary data, not text: control character " + hexByte(static_cast<unsigned char>(u)) +
                               " in " + name + " text");
        }
        appendUtf8(text, u);
    }
    if (i < bytes.size())
        return failure(out.encoding, text,
                       std::string(name) + " text is truncated: the file ends in the middle of a character (" +
                           std::to_string(bytes.size() + offset) + " bytes, an odd number)");
    out.text = std::move(text);
    return out;
}

// BOM-less UTF-16 shows as every other byte being zero in ASCII-heavy text.
std::optional<bool> looksLikeUtf16WithoutBom(std::string_view bytes) {
    const std::size_t n = std::min<std::size_t>(bytes.size() & ~std::size_t{1}, 4096);
    if (n < 4) return std::nullopt;
    std::size_t zeroEven = 0, zeroOdd = 0;
    for (std::size_t i = 0; i < n; i += 2) {
        zeroEven += bytes[i] == 0;
        zeroOdd += bytes[i + 1] == 0;
    }
    const std::size_t pairs = n / 2;
    if (zeroOdd * 10 >= pairs * 7 && zeroEven * 10 < pairs) return false;  // little-endian
    if (zeroEven * 10 >= pairs * 7 && zeroOdd * 10 < pairs) return true;   // big-endian
    return std::nullopt;
}

}  // namespace

const char* textEncodingName(TextEncoding e) {
    switch (e) {
        case TextEncoding::Utf8:
            return "UTF-8";
        case TextEncoding::Utf16Le:
            return "UTF-16 LE";
        case TextEncoding::Utf16Be:
            return "UTF-16 BE";
        case TextEncoding::Windows1252:
            return "Windows-1252";
    }
    return "?";
}

const char* encodingChoiceId(EncodingChoice c) {
    switch (c) {
        case EncodingChoice::Auto:
            return "auto";
        case EncodingChoice::Utf8:
            return "utf-8";
        case EncodingChoice::Windows1252:
            return "windows-1252";
    }
    return "?";
}

std::optional<EncodingChoice> parseEncodingChoice(std::string_view text) {
    std::string t;
    for (char c : text) t += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (t == "auto") return EncodingChoice::Auto;
    if (t == "utf-8" || t == "utf8") return EncodingChoice::Utf8;
    if (t == "windows-1252" || t == "cp1252" || t == "latin1" || t == "latin-1" || t == "iso-8859-1")
        return EncodingChoice::Windows1252;
    return std::nullopt;
}

void appendUtf8(std::string& out, std::uint32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::size_t findInvalidUtf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        // ASCII fast path, eight bytes at a time.
        while (i + 8 <= s.size()) {
            std::uint64_t word;
            std::memcpy(&word, s.data() + i, 8);
            if (word & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= s.size()) break;
        const std::size_t n = utf8SequenceLength(s, i);
        if (n == 0) return i;
        i += n;
    }
    return std::string_view::npos;
}

LineColumn lineColumnOf(std::string_view text, std::size_t offset) {
    if (offset > text.size()) offset = text.size();
    LineColumn at;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
            ++at.line;
            lineStart = i + 1;
        }
    }
    for (std::size_t i = lineStart; i < offset; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && text[i] != '\r') ++at.column;
    return at;
}

std::string describeBinaryFormat(std::string_view b) {
    if (startsWith(b, "PK\x03\x04")) return "a zip archive (an .xlsx or .ods workbook?)";
    if (startsWith(b, "\xD0\xCF\x11\xE0")) return "an old Microsoft Office file (.xls?)";
    if (startsWith(b, "%PDF")) return "a PDF document";
    if (startsWith(b, "\x89PNG")) return "a PNG image";
    if (startsWith(b, "\xFF\xD8\xFF")) return "a JPEG image";
    if (startsWith(b, "GIF8")) return "a GIF image";
    if (startsWith(b, "\x1F\x8B")) return "a gzip archive";
    if (startsWith(b, "SQLite format 3")) return "an SQLite database (a GeoPackage?)";
    if (startsWith(b, std::string_view("\x00\x00\xFE\xFF", 4)) ||
        startsWith(b, std::string_view("\xFF\xFE\x00\x00", 4)))
        return "UTF-32 text (save it as UTF-8)";
    return {};
}

DecodedText decodeText(std::string bytes, EncodingChoice choice) {
    DecodedText out;
    // Byte order marks name the encoding.
    if (startsWith(bytes, std::string_view("\xFF\xFE\x00\x00", 4)) ||
        startsWith(bytes, std::string_view("\x00\x00\xFE\xFF", 4)))
        return failure(out.encoding, {}, "UTF-32 text is not read (save the file as UTF-8)");
    if (startsWith(bytes, "\xFF\xFE") || startsWith(bytes, "\xFE\xFF")) {
        const bool bigEndian = bytes[0] == '\xFE';
        out.encoding = bigEndian ? TextEncoding::Utf16Be : TextEncoding::Utf16Le;
        out.hadByteOrderMark = true;
        return decodeUtf16(std::string_view(bytes).substr(2), 2, bigEndian, std::move(out));
    }
    if (startsWith(bytes, "\xEF\xBB\xBF")) {
        out.hadByteOrderMark = true;
        bytes.erase(0, 3);
        choice = EncodingChoice::Utf8;  // the mark says so
    }
    if (const std::string what = describeBinaryFormat(bytes); !what.empty())
        return failure(out.encoding, {}, "this is " + what + ", not a text file");

    // NUL bytes: UTF-16 without a byte order mark, or binary data.
    if (const std::size_t nul = bytes.find('\0'); nul != std::string::npos) {
        if (const auto bigEndian = looksLikeUtf16WithoutBom(bytes)) {
            out.encoding = *bigEndian ? TextEncoding::Utf16Be : TextEncoding::Utf16Le;
            out.guessed = true;
            out.note = std::string("no byte order mark: read as ") + textEncodingName(out.encoding) +
                       " (every other byte is zero)";
            return decodeUtf16(bytes, 0, *bigEndian, std::move(out));
        }
        return failure(out.encoding, std::string_view(bytes).substr(0, nul),
                       "binary data, not text: a NUL byte (byte " + std::to_string(nul + 1) + " of the file)");
    }

    if (choice == EncodingChoice::Windows1252) {
        std::string text;
        text.reserve(bytes.size() + bytes.size() / 16);
        for (char c : bytes) appendUtf8(text, cp1252ToUnicode(static_cast<unsigned char>(c)));
        out.text = std::move(text);
        out.encoding = TextEncoding::Windows1252;
        return out;
    }

    const std::size_t bad = findInvalidUtf8(bytes);
    if (bad == std::string_view::npos) {
        for (std::size_t i = 0; i < bytes.size(); ++i) {
            if (isBinaryControl(static_cast<unsigned char>(bytes[i])))
                return failure(
                    out.encoding, std::string_view(bytes).substr(0, i),
                    "binary data, not text: control character " + hexByte(static_cast<unsigned char>(bytes[i])));
        }
        out.text = std::move(bytes);
        return out;
    }
    const LineColumn at = lineColumnOf(bytes, bad);
    const auto badByte = static_cast<unsigned char>(bytes[bad]);
    const std::string where = "line " + std::to_string(at.line) + ", column " + std::to_string(at.column);
    if (choice == EncodingChoice::Utf8)
        return failure(out.encoding, std::string_view(bytes).substr(0, bad),
                       "not valid UTF-8: byte " + hexByte(badByte) + " (choose another encoding, e.g. Windows-1252)");

    // Auto: Windows-1252 when every byte is one the code page defines and no
    // control characters appear (binary files fail here).
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        const bool undefined = b >= 0x80 && b < 0xA0 && kCp1252High[b - 0x80] == 0;
        if (undefined || isBinaryControl(b))
            return failure(out.encoding, std::string_view(bytes).substr(0, i),
                           "neither UTF-8 nor Windows-1252 text: byte " + hexByte(b) + " (binary data?)");
    }
    std::string text;
    text.reserve(bytes.size() + bytes.size() / 16);
    for (char c : bytes) appendUtf8(text, cp1252ToUnicode(static_cast<unsigned char>(c)));
    std::string shown;
    appendUtf8(shown, cp1252ToUnicode(badByte));
    out.text = std::move(text);
    out.encoding = TextEncoding::Windows1252;
    out.guessed = true;
    out.note = "not UTF-8 (byte " + hexByte(badByte) + " at " + where + "): read as Windows-1252, where it is \"" +
               shown + "\"; choose another encoding if the text looks wrong";
    return out;
}

}  // namespace meridian::io

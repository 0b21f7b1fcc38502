// Text files from other programs to UTF-8: UTF-8 with or without a byte order
// mark, UTF-16 LE/BE with one, and Windows-1252 (what Excel writes for "CSV" on
// Western Windows), which is recognised when a file is not valid UTF-8 and
// converted with a warning saying so, so the UI can ask; never silent mojibake.
// Binary files (NUL bytes, zip archives such as .xlsx, PDF, images) are named
// and refused with where the first binary byte is.
//
// Pure functions, no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace meridian::io {

enum class TextEncoding : std::uint8_t { Utf8, Utf16Le, Utf16Be, Windows1252 };
const char* textEncodingName(TextEncoding e);  // "UTF-8", "UTF-16 LE", "UTF-16 BE", "Windows-1252"

// What the user asked for: Auto detects; the others force a reading.
enum class EncodingChoice : std::uint8_t { Auto, Utf8, Windows1252 };
const char* encodingChoiceId(EncodingChoice c);  // "auto", "utf-8", "windows-1252"
// "auto", "utf-8"/"utf8", "windows-1252"/"cp1252"/"latin1"/"iso-8859-1" (case-insensitive).
std::optional<EncodingChoice> parseEncodingChoice(std::string_view text);

struct DecodedText {
    std::string text;  // UTF-8, byte order mark removed; empty on error
    TextEncoding encoding = TextEncoding::Utf8;
    bool hadByteOrderMark = false;
    // Auto chose Windows-1252 because the bytes are not UTF-8: the UI should say
    // so and offer the other readings. `note` says why, located.
    bool guessed = false;
    std::string note;
    // Not text, or not decodable as asked: what and where (line, column in the
    // text decoded so far; 0 when about the whole file).
    bool ok = true;
    std::string error;
    unsigned errorLine = 0, errorColumn = 0;
};

// Takes the bytes (moved: a UTF-8 file is not copied).
DecodedText decodeText(std::string bytes, EncodingChoice choice = EncodingChoice::Auto);

// Non-text formats recognised by their first bytes ("a zip archive (an .xlsx or
// .ods workbook?)", "a PDF document", ...); empty when none.
std::string describeBinaryFormat(std::string_view bytes);

// The first byte offset where text is not valid UTF-8, or npos.
std::size_t findInvalidUtf8(std::string_view text);

// 1-based line and column (in code points) of a byte offset of UTF-8 text;
// lines end at \n, \r\n or a lone \r.
struct LineColumn {
    unsigned line = 1, column = 1;
};
LineColumn lineColumnOf(std::string_view text, std::size_t offset);

// Appends the UTF-8 encoding of a code point (invalid ones as U+FFFD).
void appendUtf8(std::string& out, std::uint32_t codePoint);

}  // namespace meridian::io

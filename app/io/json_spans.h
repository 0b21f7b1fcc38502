// Where the members of a JSON object and the items of an array are in the
// text, as byte offsets: what a writer needs to keep a hand-written file's
// layout (its key order, spacing, unknown keys) and replace only what changed.
//
// The text is expected to be valid JSON already (checked by io/json_document);
// on text that is not, these return nullopt rather than guess.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace meridian::io {

struct JsonSpan {
    std::size_t begin = 0, end = 0;  // [begin, end) in the text
};

struct JsonMemberSpan {
    std::string_view key;  // as written between the quotes (escapes not decoded)
    std::size_t keyBegin = 0;
    JsonSpan value;
};

struct JsonObjectSpans {
    JsonSpan whole;  // from '{' to after '}'
    std::vector<JsonMemberSpan> members;
};

struct JsonArraySpans {
    JsonSpan whole;  // from '[' to after ']'
    std::vector<JsonSpan> items;
};

// The offset of the first byte at or after `at` that is not JSON white space.
std::size_t skipJsonSpace(std::string_view text, std::size_t at);
// The end of the value starting at `at` (after white space); npos when the text is not JSON there.
std::size_t jsonValueEnd(std::string_view text, std::size_t at);
// The object / array starting at `at` (after white space and a byte order mark).
std::optional<JsonObjectSpans> jsonObjectSpans(std::string_view text, std::size_t at = 0);
std::optional<JsonArraySpans> jsonArraySpans(std::string_view text, std::size_t at);

// The white space that starts the line holding offset `at` ("    " for an item indented by four).
std::string_view lineIndentAt(std::string_view text, std::size_t at);

}  // namespace meridian::io

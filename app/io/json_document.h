// A strict JSON reader (RFC 8259) that remembers where every value is.
//
// Why not nlohmann::json for data files: its 3.11 parser cannot report the
// line and column of a value once parsing succeeded, and every semantic error
// in a data file ("events[3].date: not a calendar date") must name its line and
// column. nlohmann-json is still used for writing (settings, saves).
//
// The document is a flat array of nodes (children of a container stored
// contiguously; an object's children alternate key, value), built by an
// iterative parser: no recursion, so a 100,000-deep array cannot overflow the
// stack; nesting beyond JsonLimits::maxDepth is an error anyway.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meridian::io {

enum class JsonType : std::uint8_t { Null, Bool, Number, String, Array, Object };
const char* jsonTypeName(JsonType type);  // "null", "a boolean", "a number", ...

struct TextPosition {
    std::uint32_t line = 0;    // 1-based
    std::uint32_t column = 0;  // 1-based, in characters (code points), as editors count
};

struct JsonLimits {
    std::uint32_t maxDepth = 256;
    std::size_t maxBytes = std::size_t(1) << 30;  // 1 GiB
};

// 24 bytes: a number shares its storage with the child/string range it never has.
struct JsonNode {
    JsonType type = JsonType::Null;
    bool boolean = false;
    TextPosition pos;
    struct Range {
        std::uint32_t first;  // containers: index of the first child; strings: offset in the pool
        std::uint32_t count;  // containers: number of children (2 per object member); strings: length
    };
    union {
        double number = 0.0;
        Range range;
    };
};
static_assert(sizeof(JsonNode) == 24, "JsonNode is kept small: a 1M-event file has ~26M of them");

class JsonDocument;

// A light handle to one value of a document.
class JsonValue {
public:
    JsonValue() = default;
    JsonValue(const JsonDocument* doc, std::uint32_t index) : m_doc(doc), m_index(index) {}

    JsonType type() const { return node().type; }
    TextPosition position() const { return node().pos; }
    bool isNull() const { return type() == JsonType::Null; }
    bool isBool() const { return type() == JsonType::Bool; }
    bool isNumber() const { return type() == JsonType::Number; }
    bool isString() const { return type() == JsonType::String; }
    bool isArray() const { return type() == JsonType::Array; }
    bool isObject() const { return type() == JsonType::Object; }

    bool boolean() const { return node().boolean; }
    double number() const { return node().type == JsonType::Number ? node().number : 0.0; }
    inline std::string_view string() const;

    // Arrays: size() items; objects: size() members.
    std::uint32_t size() const {
        const JsonNode& n = node();
        return n.type == JsonType::Array ? n.range.count : n.type == JsonType::Object ? n.range.count / 2 : 0;
    }
    JsonValue at(std::uint32_t i) const { return {m_doc, node().range.first + i}; }               // array item
    JsonValue keyAt(std::uint32_t i) const { return {m_doc, node().range.first + 2 * i}; }        // member i's key
    JsonValue valueAt(std::uint32_t i) const { return {m_doc, node().range.first + 2 * i + 1}; }  // its value
    inline std::optional<JsonValue> find(std::string_view key) const;  // first member with this key

private:
    inline const JsonNode& node() const;
    const JsonDocument* m_doc = nullptr;
    std::uint32_t m_index = 0;
};

struct JsonError {
    TextPosition pos;
    std::string message;
    bool stopped = false;  // a hook asked to stop (JsonStreamHooks): not a problem of the text
};

// Streaming one array: the items of the first top-level member named arrayKey
// (when its value is an array) are handed to `item` one at a time as soon as
// each is parsed, then forgotten; the document keeps that array empty. So a
// 1M-event file never holds all its events' nodes at once, and the errors
// (syntax, positions, limits) are exactly those of a whole parse.
struct JsonStreamHooks {
    std::string_view arrayKey;
    // When that array opens: the root object's members read so far (valid during the call).
    std::function<bool(JsonValue membersSoFar)> begin;
    // Each item of the array (valid during the call), with its index.
    std::function<bool(JsonValue item, std::uint32_t index)> item;
    // Every 64 KiB of text or so, between two tokens: the bytes read so far
    // (the text before them is not read again).
    std::function<bool(std::size_t bytesRead)> progress;
    // Each returns false to stop the parse: it then fails with JsonError::stopped.
};

class JsonDocument {
public:
    // Parses text (a leading UTF-8 byte order mark is skipped; CRLF is fine).
    // On failure returns nullopt and fills *error.
    static std::optional<JsonDocument> parse(std::string_view text, JsonError* error, const JsonLimits& limits = {});
    // The same, streaming one array through hooks (see JsonStreamHooks).
    static std::optional<JsonDocument> parse(std::string_view text, JsonError* error, const JsonLimits& limits,
                                             const JsonStreamHooks& hooks);

    JsonValue root() const { return {this, m_root}; }
    std::size_t nodeCount() const { return m_nodes.size(); }
    std::size_t memoryBytes() const { return m_nodes.capacity() * sizeof(JsonNode) + m_strings.capacity(); }

private:
    friend class JsonValue;
    friend class JsonParser;
    std::vector<JsonNode> m_nodes;
    std::string m_strings;
    std::uint32_t m_root = 0;
};

// Inline: a million events look their members up ~30 million times.
const JsonNode& JsonValue::node() const {
    return m_doc->m_nodes[m_index];
}

std::string_view JsonValue::string() const {
    const JsonNode& n = node();
    if (n.type != JsonType::String) return {};
    return {m_doc->m_strings.data() + n.range.first, n.range.count};
}

// Keys are short and a lookup compares a few of the same length: a byte loop
// stops at the first byte (date/from/tags, title/place...) without calling memcmp.
inline bool sameKeyText(const char* text, std::string_view key) {
    for (std::size_t i = 0; i < key.size(); ++i)
        if (text[i] != key[i]) return false;
    return true;
}

std::optional<JsonValue> JsonValue::find(std::string_view key) const {
    const JsonNode& n = node();
    if (n.type != JsonType::Object) return std::nullopt;
    const JsonNode* member = m_doc->m_nodes.data() + n.range.first;
    for (std::uint32_t i = 0; i < n.range.count; i += 2)
        if (member[i].range.count == key.size() && sameKeyText(m_doc->m_strings.data() + member[i].range.first, key))
            return JsonValue(m_doc, n.range.first + i + 1);
    return std::nullopt;
}

// The position of a byte offset in text (for errors found outside the parser).
TextPosition positionOfOffset(std::string_view text, std::size_t offset);

}  // namespace meridian::io

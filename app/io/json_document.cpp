#include "io/json_document.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "io/parse_decimal.h"

namespace meridian::io {

namespace {

// Whether any of the eight bytes at p ends a run of plain string text: a quote, a backslash, a
// control character (< 0x20) or a byte of a multi-byte UTF-8 sequence (>= 0x80). Word-at-a-time
// tests: each sets a lane's high bit where its test holds (a borrow leaves only a lane whose own
// test already holds, so "any of the eight" is exact).
bool endsPlainRun(const char* p) {
    std::uint64_t x;
    std::memcpy(&x, p, 8);
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const auto hasZero = [&](std::uint64_t v) { return (v - ones) & ~v & highs; };
    const std::uint64_t quote = hasZero(x ^ (ones * '"'));
    const std::uint64_t backslash = hasZero(x ^ (ones * '\\'));
    const std::uint64_t control = (x - ones * 0x20) & ~x & highs;
    return (quote | backslash | control | (x & highs)) != 0;
}

}  // namespace

const char* jsonTypeName(JsonType type) {
    switch (type) {
        case JsonType::Null:
            return "null";
        case JsonType::Bool:
            return "a boolean";
        case JsonType::Number:
            return "a number";
        case JsonType::String:
            return "a string";
        case JsonType::Array:
            return "an array";
        case JsonType::Object:
            return "an object";
    }
    return "?";
}

// ---------------------------------------------------------------------------
// JsonValue
// ---------------------------------------------------------------------------
TextPosition positionOfOffset(std::string_view text, std::size_t offset) {
    TextPosition p{1, 1};
    if (offset > text.size()) offset = text.size();
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++p.column;
        }
    }
    return p;
}

// ---------------------------------------------------------------------------
// The parser: iterative, with an explicit stack of open containers.
// ---------------------------------------------------------------------------
class JsonParser {
public:
    JsonParser(std::string_view text, const JsonLimits& limits, const JsonStreamHooks* hooks = nullptr)
        : m_text(text), m_limits(limits), m_hooks(hooks) {}

    std::optional<JsonDocument> run(JsonError* error);

private:
    struct OpenContainer {
        JsonNode node;                 // the container itself (first/count filled on close)
        std::size_t pendingStart = 0;  // where its children start in m_pending
        bool expectKey = false;        // objects: next token is a key (or '}')
        bool afterValue = false;       // a value was just read: ',' or close expected
        bool streamed = false;         // the array whose items go to JsonStreamHooks::item
        std::uint32_t items = 0;       // streamed: items handed over so far
    };

    bool fail(const std::string& message) {
        if (m_error.message.empty()) {
            m_error.pos = here();
            m_error.message = message;
        }
        return false;
    }
    TextPosition here() const { return {m_line, m_column}; }
    bool atEnd() const { return m_pos >= m_text.size(); }
    unsigned char peek() const { return static_cast<unsigned char>(m_text[m_pos]); }
    void advance() {  // one byte; column counts code points
        const auto c = peek();
        ++m_pos;
        if (c == '\n') {
            ++m_line;
            m_column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++m_column;
        }
    }
    void skipWhitespace() {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == ' ' || c == '\t' || c == '\r') {
                ++m_pos;
                ++m_column;
            } else if (c == '\n') {
                ++m_pos;
                ++m_line;
                m_column = 1;
            } else {
                break;
            }
        }
    }
    std::string describeHere() const;
    std::string unclosedNote() const;

    bool parseScalar(JsonNode& out);
    bool parseString(JsonNode& out);
    bool parseNumber(JsonNode& out);
    bool parseLiteral(std::string_view word, JsonNode& out);
    bool readUtf8(std::uint32_t& codePoint);

    // Streaming (m_hooks): see JsonStreamHooks.
    bool beginStream();
    bool deliverItem(const JsonNode& node);
    bool stop() {
        fail("stopped");
        m_error.stopped = true;
        return false;
    }

    std::string_view m_text;
    JsonLimits m_limits;
    std::size_t m_pos = 0;
    std::uint32_t m_line = 1;
    std::uint32_t m_column = 1;
    JsonError m_error;
    JsonDocument m_doc;
    std::vector<JsonNode> m_pending;
    std::vector<OpenContainer> m_stack;
    const JsonStreamHooks* m_hooks = nullptr;
    bool m_streamKeySeen = false;  // the first top-level arrayKey was read (later ones are not streamed)
    bool m_streamNext = false;     // the value about to be read is that member's
    std::size_t m_streamNodeBase = 0, m_streamStringBase = 0;  // the document's sizes before the first item
    std::size_t m_nextProgress = 0;
};

// ---------------------------------------------------------------------------
// Streaming: the members read so far to `begin`, then each item to `item`.
// ---------------------------------------------------------------------------
bool JsonParser::beginStream() {
    const OpenContainer& root = m_stack.front();
    // The root's pending children: the members so far, then the key of the array.
    const std::size_t count = m_pending.size() - 1 - root.pendingStart;
    const std::size_t first = m_doc.m_nodes.size();
    const auto from = m_pending.begin() + static_cast<std::ptrdiff_t>(root.pendingStart);
    m_doc.m_nodes.insert(m_doc.m_nodes.end(), from, from + static_cast<std::ptrdiff_t>(count));
    JsonNode object = root.node;
    object.range.first = static_cast<std::uint32_t>(first);
    object.range.count = static_cast<std::uint32_t>(count);
    m_doc.m_nodes.push_back(object);
    const bool go = !m_hooks->begin || m_hooks->begin(JsonValue(&m_doc, static_cast<std::uint32_t>(first + count)));
    m_doc.m_nodes.resize(first);
    m_streamNodeBase = first;
    m_streamStringBase = m_doc.m_strings.size();
    return go;
}

bool JsonParser::deliverItem(const JsonNode& node) {
    OpenContainer& array = m_stack.back();
    m_doc.m_nodes.push_back(node);
    const bool go = !m_hooks->item ||
                    m_hooks->item(JsonValue(&m_doc, static_cast<std::uint32_t>(m_doc.m_nodes.size() - 1)), array.items);
    ++array.items;
    array.afterValue = true;
    // The item is forgotten: its nodes and strings are overwritten by the next.
    m_doc.m_nodes.resize(m_streamNodeBase);
    m_doc.m_strings.resize(m_streamStringBase);
    return go;
}

std::string JsonParser::describeHere() const {
    if (atEnd()) return "the end of the file";
    const auto c = peek();
    if (c >= 0x20 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
    char buf[16];
    std::snprintf(buf, sizeof buf, "byte 0x%02X", c);
    return buf;
}

std::string JsonParser::unclosedNote() const {
    if (m_stack.empty()) return {};
    const OpenContainer& open = m_stack.back();
    const char* what = open.node.type == JsonType::Array ? "'['" : "'{'";
    return std::string(" (the ") + what + " opened at line " + std::to_string(open.node.pos.line) + ", column " +
           std::to_string(open.node.pos.column) + " is not closed)";
}

bool JsonParser::readUtf8(std::uint32_t& cp) {
    // Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
    const auto c0 = peek();
    int extra = 0;
    std::uint32_t min = 0;
    if (c0 < 0x80) {
        cp = c0;
    } else if (c0 >= 0xC2 && c0 <= 0xDF) {
        cp = c0 & 0x1F, extra = 1, min = 0x80;
    } else if (c0 >= 0xE0 && c0 <= 0xEF) {
        cp = c0 & 0x0F, extra = 2, min = 0x800;
    } else if (c0 >= 0xF0 && c0 <= 0xF4) {
        cp = c0 & 0x07, extra = 3, min = 0x10000;
    } else {
        char hex[8];
        std::snprintf(hex, sizeof hex, "%02X", c0);
        return fail(std::string("invalid UTF-8 (byte 0x") + hex + " cannot start a character)");
    }
    for (int i = 1; i <= extra; ++i) {
        if (m_pos + i >= m_text.size()) return fail("invalid UTF-8 (a character is cut off by the end of the file)");
        const auto ci = static_cast<unsigned char>(m_text[m_pos + i]);
        if ((ci & 0xC0) != 0x80) return fail("invalid UTF-8 (a multi-byte character is incomplete)");
        cp = (cp << 6) | (ci & 0x3F);
    }
    if (extra && cp < min) return fail("invalid UTF-8 (overlong encoding)");
    if (cp >= 0xD800 && cp <= 0xDFFF) return fail("invalid UTF-8 (encoded surrogate)");
    if (cp > 0x10FFFF) return fail("invalid UTF-8 (beyond U+10FFFF)");
    for (int i = 0; i <= extra; ++i) advance();
    return true;
}

static void appendUtf8(std::string& out, std::uint32_t cp) {
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

bool JsonParser::parseString(JsonNode& out) {
    out.type = JsonType::String;
    advance();  // opening quote
    std::string& pool = m_doc.m_strings;
    const std::size_t start = pool.size();
    auto hex4 = [&](std::uint32_t& v) {
        v = 0;
        for (int i = 0; i < 4; ++i) {
            if (atEnd()) return fail("unexpected end of the file in a \\u escape");
            const auto c = peek();
            int d = -1;
            if (c >= '0' && c <= '9')
                d = c - '0';
            else if (c >= 'a' && c <= 'f')
                d = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                d = c - 'A' + 10;
            if (d < 0) return fail("expected 4 hexadecimal digits after \\u, found " + describeHere());
            v = v * 16 + static_cast<std::uint32_t>(d);
            advance();
        }
        return true;
    };
    for (;;) {
        if (atEnd()) return fail("unexpected end of the file inside a string (a closing '\"' is missing)");
        const auto c = peek();
        if (c == '"') {
            advance();
            break;
        }
        if (c < 0x20)
            return fail(c == '\n' ? "a string runs past the end of the line (a closing '\"' is missing)"
                                  : "control character in a string (it must be escaped)");
        if (c == '\\') {
            advance();
            if (atEnd()) return fail("unexpected end of the file after '\\'");
            const auto e = peek();
            switch (e) {
                case '"':
                    pool += '"';
                    break;
                case '\\':
                    pool += '\\';
                    break;
                case '/':
                    pool += '/';
                    break;
                case 'b':
                    pool += '\b';
                    break;
                case 'f':
                    pool += '\f';
                    break;
                case 'n':
                    pool += '\n';
                    break;
                case 'r':
                    pool += '\r';
                    break;
                case 't':
                    pool += '\t';
                    break;
                case 'u': {
                    advance();
                    std::uint32_t cp = 0;
                    if (!hex4(cp)) return false;
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        if (m_pos + 1 < m_text.size() && m_text[m_pos] == '\\' && m_text[m_pos + 1] == 'u') {
                            advance();
                            advance();
                            std::uint32_t low = 0;
                            if (!hex4(low)) return false;
                            if (low < 0xDC00 || low > 0xDFFF)
                                return fail("a \\u high surrogate is not followed by a low surrogate");
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        } else {
                            return fail("a \\u high surrogate is not followed by a low surrogate");
                        }
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        return fail("a lone \\u low surrogate");
                    }
                    appendUtf8(pool, cp);
                    continue;  // already advanced past the digits
                }
                default:
                    return fail("invalid escape '\\" + std::string(1, static_cast<char>(e)) + "' in a string");
            }
            advance();
            continue;
        }
        if (c < 0x80) {
            // Fast path: a run of plain ASCII (no quote, backslash or control
            // character) is copied at once; each byte is one column.
            std::size_t end = m_pos + 1;
            // Eight bytes at a time while none of them ends the run (a title or a summary is
            // tens of bytes; a million events have tens of millions of them).
            while (end + 8 <= m_text.size() && !endsPlainRun(m_text.data() + end)) end += 8;
            while (end < m_text.size()) {
                const auto b = static_cast<unsigned char>(m_text[end]);
                if (b == '"' || b == '\\' || b < 0x20 || b >= 0x80) break;
                ++end;
            }
            pool.append(m_text.substr(m_pos, end - m_pos));
            m_column += static_cast<std::uint32_t>(end - m_pos);
            m_pos = end;
            continue;
        }
        const std::size_t before = m_pos;
        std::uint32_t cp = 0;
        if (!readUtf8(cp)) return false;
        pool.append(m_text.substr(before, m_pos - before));
    }
    if (pool.size() > 0xFFFFFFFFu) return fail("the file's strings exceed 4 GiB");
    out.range.first = static_cast<std::uint32_t>(start);
    out.range.count = static_cast<std::uint32_t>(pool.size() - start);
    return true;
}

bool JsonParser::parseNumber(JsonNode& out) {
    out.type = JsonType::Number;
    const std::size_t start = m_pos;
    auto digits = [&] {
        std::size_t n = 0;
        while (!atEnd() && peek() >= '0' && peek() <= '9') advance(), ++n;
        return n;
    };
    if (peek() == '-') advance();
    if (atEnd()) return fail("unexpected end of the file in a number");
    if (peek() == '0') {
        advance();
        if (!atEnd() && peek() >= '0' && peek() <= '9') return fail("a number may not have leading zeros");
    } else if (digits() == 0) {
        return fail("expected a digit in a number, found " + describeHere());
    }
    if (!atEnd() && peek() == '.') {
        advance();
        if (digits() == 0) return fail("expected a digit after the decimal point, found " + describeHere());
    }
    if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
        advance();
        if (!atEnd() && (peek() == '+' || peek() == '-')) advance();
        if (digits() == 0) return fail("expected a digit in the exponent, found " + describeHere());
    }
    const char* first = m_text.data() + start;
    const char* last = m_text.data() + m_pos;
    // Out of range keeps strtod's value: too large gives +-infinity (the
    // validator says "not finite"), too small underflows to 0.
    const DecimalParse result = parseDecimal(first, last);
    if (result.status == DecimalStatus::Invalid || result.end != last) return fail("malformed number");
    out.number = result.value;
    return true;
}

bool JsonParser::parseLiteral(std::string_view word, JsonNode& out) {
    if (m_text.substr(m_pos, word.size()) != word) {
        // Point at the offending character, name what was expected.
        return fail("expected a value (object, array, string, number, true, false or null), found " + describeHere());
    }
    for (std::size_t i = 0; i < word.size(); ++i) advance();
    if (word == "null")
        out.type = JsonType::Null;
    else
        out.type = JsonType::Bool, out.boolean = word == "true";
    return true;
}

bool JsonParser::parseScalar(JsonNode& out) {
    const auto c = peek();
    if (c == '"') return parseString(out);
    if (c == '-' || (c >= '0' && c <= '9')) return parseNumber(out);
    if (c == 't') return parseLiteral("true", out);
    if (c == 'f') return parseLiteral("false", out);
    if (c == 'n') return parseLiteral("null", out);
    if (c >= 0x80) {  // say "invalid UTF-8" when it is, not just "unexpected byte"
        std::uint32_t cp = 0;
        const std::size_t pos = m_pos;
        const auto line = m_line, col = m_column;
        if (!readUtf8(cp)) return false;
        m_pos = pos, m_line = line, m_column = col;
    }
    return fail("expected a value (object, array, string, number, true, false or null), found " + describeHere());
}

std::optional<JsonDocument> JsonParser::run(JsonError* error) {
    auto finish = [&]() -> std::optional<JsonDocument> {
        if (error) *error = m_error;
        return std::nullopt;
    };
    if (m_text.size() > m_limits.maxBytes) {
        fail("the file is larger than " + std::to_string(m_limits.maxBytes >> 20) + " MiB");
        return finish();
    }
    if (m_text.substr(0, 3) == "\xEF\xBB\xBF") m_pos = 3;  // byte order mark: fine, not counted as a column
    // Generous reservations (about one node per 8 bytes of text): pages never
    // touched are never resident, and growing a vector of millions would copy it.
    m_doc.m_nodes.reserve(m_text.size() / 8 + 16);
    // The strings: a decoded string is never longer than its text (escapes only
    // shrink), so this buffer never moves while parsing. It must not: the loaders
    // keep string_views into it (the id tables), also across streamed items.
    m_doc.m_strings.reserve(m_text.size() + 16);

    skipWhitespace();
    if (atEnd()) {
        fail(m_text.empty() ? "the file is empty (expected a JSON object)"
                            : "the file holds only white space (expected a JSON object)");
        return finish();
    }

    for (;;) {
        skipWhitespace();
        if (m_hooks && m_pos >= m_nextProgress) {
            m_nextProgress = m_pos + (std::size_t(1) << 16);
            if (m_hooks->progress && !m_hooks->progress(m_pos)) {
                stop();
                return finish();
            }
        }
        // Inside a container: handle separators and closers first.
        if (!m_stack.empty()) {
            OpenContainer& top = m_stack.back();
            const bool isObject = top.node.type == JsonType::Object;
            const char closer = isObject ? '}' : ']';
            if (atEnd()) {
                fail(std::string("unexpected end of the file: expected ") +
                     (top.afterValue ? "',' or '" : "a value or '") + closer + "'" + unclosedNote());
                return finish();
            }
            const auto c = peek();
            bool closing = false;
            if (top.afterValue) {
                if (c == ',') {
                    advance();
                    skipWhitespace();
                    top.afterValue = false;
                    top.expectKey = isObject;
                    if (!atEnd() && peek() == static_cast<unsigned char>(closer)) {
                        fail(std::string("trailing comma before '") + closer + "'");
                        return finish();
                    }
                    continue;
                }
                if (c != static_cast<unsigned char>(closer)) {
                    fail(std::string("expected ',' or '") + closer + "', found " + describeHere() + unclosedNote());
                    return finish();
                }
                closing = true;
            } else if (c == static_cast<unsigned char>(closer) && m_pending.size() == top.pendingStart) {
                closing = true;  // empty container
            }
            if (closing) {
                advance();
                JsonNode node = top.node;
                const std::size_t start = top.pendingStart;
                const std::size_t n = m_pending.size() - start;
                node.range.first = static_cast<std::uint32_t>(m_doc.m_nodes.size());
                node.range.count = static_cast<std::uint32_t>(n);
                m_doc.m_nodes.insert(m_doc.m_nodes.end(), m_pending.begin() + static_cast<std::ptrdiff_t>(start),
                                     m_pending.end());
                m_pending.resize(start);
                m_stack.pop_back();
                if (m_doc.m_nodes.size() > 0xFFFFFFF0u) {
                    fail("the file has too many values");
                    return finish();
                }
                if (m_stack.empty()) {
                    m_doc.m_nodes.push_back(node);
                    m_doc.m_root = static_cast<std::uint32_t>(m_doc.m_nodes.size() - 1);
                    break;
                }
                if (m_stack.back().streamed) {
                    if (!deliverItem(node)) {
                        stop();
                        return finish();
                    }
                    continue;
                }
                m_pending.push_back(node);
                m_stack.back().afterValue = true;
                continue;
            }
            if (top.expectKey) {
                if (c != '"') {
                    fail("expected a member name in double quotes, found " + describeHere());
                    return finish();
                }
                JsonNode key;
                key.pos = here();
                if (!parseString(key)) return finish();
                if (m_hooks && m_stack.size() == 1 && !m_streamKeySeen &&
                    std::string_view(m_doc.m_strings).substr(key.range.first, key.range.count) == m_hooks->arrayKey)
                    m_streamKeySeen = m_streamNext = true;
                m_pending.push_back(key);
                skipWhitespace();
                if (atEnd() || peek() != ':') {
                    fail("expected ':' after the member name, found " + describeHere());
                    return finish();
                }
                advance();
                skipWhitespace();
                top.expectKey = false;
                if (atEnd()) {
                    fail("unexpected end of the file: expected a value" + unclosedNote());
                    return finish();
                }
            }
        }

        // A value.
        JsonNode node;
        node.pos = here();
        const auto c = peek();
        const bool streamThis = m_streamNext;
        m_streamNext = false;
        if (c == '{' || c == '[') {
            if (m_stack.size() >= m_limits.maxDepth) {
                fail("nesting is deeper than " + std::to_string(m_limits.maxDepth) + " levels");
                return finish();
            }
            node.type = c == '{' ? JsonType::Object : JsonType::Array;
            advance();
            const bool streamed = streamThis && node.type == JsonType::Array;
            if (streamed && !beginStream()) {
                stop();
                return finish();
            }
            m_stack.push_back({node, m_pending.size(), node.type == JsonType::Object, false, streamed, 0});
            continue;
        }
        if (!parseScalar(node)) return finish();
        if (m_stack.empty()) {
            m_doc.m_nodes.push_back(node);
            m_doc.m_root = static_cast<std::uint32_t>(m_doc.m_nodes.size() - 1);
            break;
        }
        if (m_stack.back().streamed) {
            if (!deliverItem(node)) {
                stop();
                return finish();
            }
            continue;
        }
        m_pending.push_back(node);
        m_stack.back().afterValue = true;
    }

    skipWhitespace();
    if (!atEnd()) {
        fail("unexpected " + describeHere() + " after the end of the JSON value");
        return finish();
    }
    return std::move(m_doc);
}

std::optional<JsonDocument> JsonDocument::parse(std::string_view text, JsonError* error, const JsonLimits& limits) {
    JsonParser parser(text, limits);
    return parser.run(error);
}

std::optional<JsonDocument> JsonDocument::parse(std::string_view text, JsonError* error, const JsonLimits& limits,
                                                const JsonStreamHooks& hooks) {
    JsonParser parser(text, limits, &hooks);
    return parser.run(error);
}

}  // namespace meridian::io

// libFuzzer target: the positioned JSON reader alone (io/json_document), checked against
// nlohmann-json's parser as a second opinion.
//
// Invariants checked on every input:
// - both parsers agree on what is JSON and on every value read (the same sequence of objects,
//   keys, arrays, strings, numbers, booleans and nulls), except where ours is stricter or more
//   lenient on purpose: nesting deeper than JsonLimits::maxDepth is an error for us, and a
//   number too large for a double is +-infinity for us (the validator reports it) where
//   nlohmann refuses the whole text;
// - an error has a message and a position inside the text;
// - every value's position points at the character that starts it (counting columns in code
//   points, as the reader promises), and positions grow in document order;
// - a document written back out as JSON reads back to the same values.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "io/json_document.h"

using namespace meridian::io;

namespace {

struct Event {
    char kind = 0;  // { } [ ] k(ey) s(tring) #(number) t f n
    double number = 0;
    std::string text;
    bool operator==(const Event& o) const {
        return kind == o.kind && text == o.text && (kind != '#' || number == o.number);
    }
};

std::string describe(const Event& e) {
    std::string out(1, e.kind);
    if (e.kind == '#') out += " " + std::to_string(e.number);
    if (e.kind == 's' || e.kind == 'k') out += " \"" + e.text.substr(0, 40) + "\"";
    return out;
}

// nlohmann's view of the text, as events.
struct NlohmannEvents : nlohmann::json_sax<nlohmann::json> {
    std::vector<Event> events;
    int errorId = 0;
    bool null() override { return push('n'); }
    bool boolean(bool v) override { return push(v ? 't' : 'f'); }
    bool number_integer(number_integer_t v) override { return number(static_cast<double>(v)); }
    bool number_unsigned(number_unsigned_t v) override { return number(static_cast<double>(v)); }
    bool number_float(number_float_t v, const string_t&) override { return number(v); }
    bool string(string_t& v) override { return push('s', v); }
    bool binary(binary_t&) override { return false; }
    bool start_object(std::size_t) override { return push('{'); }
    bool key(string_t& v) override { return push('k', v); }
    bool end_object() override { return push('}'); }
    bool start_array(std::size_t) override { return push('['); }
    bool end_array() override { return push(']'); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
        errorId = e.id;
        return false;
    }

private:
    bool push(char kind, const std::string& text = {}) {
        events.push_back({kind, 0, text});
        return true;
    }
    bool number(double v) {
        events.push_back({'#', v, {}});
        return true;
    }
};

// Ours, walked in document order; also checks positions on the way.
struct OurEvents {
    // A byte order mark is skipped and not counted as a column.
    explicit OurEvents(std::string_view t) : text(t), offset(t.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0) {}

    std::string_view text;
    std::vector<Event> events;
    bool sawInfinity = false;
    // Position cursor: byte offset of (line, column), advanced monotonically.
    std::size_t offset = 0;
    TextPosition at{1, 1};

    std::size_t offsetOf(TextPosition p) {
        FUZZ_CHECK(p.line > at.line || (p.line == at.line && p.column >= at.column),
                   "positions go backwards: " + std::to_string(p.line) + ":" + std::to_string(p.column) + " after " +
                       std::to_string(at.line) + ":" + std::to_string(at.column));
        while (at.line < p.line || at.column < p.column) {
            FUZZ_CHECK(offset < text.size(), "position " + std::to_string(p.line) + ":" + std::to_string(p.column) +
                                                 " is past the end of the text");
            const auto c = static_cast<unsigned char>(text[offset++]);
            if (c == '\n') {
                ++at.line;
                at.column = 1;
                FUZZ_CHECK(at.line <= p.line,
                           "line " + std::to_string(p.line) + " has no column " + std::to_string(p.column));
            } else if ((offset >= text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80)) {
                ++at.column;  // a whole code point was passed
            }
        }
        return offset;
    }

    void expectAt(const JsonValue& v, const char* starts) {
        const std::size_t o = offsetOf(v.position());
        FUZZ_CHECK(o < text.size() && std::string_view(starts).find(text[o]) != std::string_view::npos,
                   "a " + std::string(jsonTypeName(v.type())) + " at " + std::to_string(v.position().line) + ":" +
                       std::to_string(v.position().column) + " does not start with one of " + starts);
    }

    void walk(const JsonValue& v) {
        switch (v.type()) {
            case JsonType::Null:
                expectAt(v, "n");
                events.push_back({'n', 0, {}});
                break;
            case JsonType::Bool:
                expectAt(v, v.boolean() ? "t" : "f");
                events.push_back({v.boolean() ? 't' : 'f', 0, {}});
                break;
            case JsonType::Number:
                expectAt(v, "-0123456789");
                if (std::isinf(v.number())) sawInfinity = true;
                FUZZ_CHECK(!std::isnan(v.number()), std::string("a NaN number"));
                events.push_back({'#', v.number(), {}});
                break;
            case JsonType::String:
                expectAt(v, "\"");
                events.push_back({'s', 0, std::string(v.string())});
                break;
            case JsonType::Array:
                expectAt(v, "[");
                events.push_back({'[', 0, {}});
                for (std::uint32_t i = 0; i < v.size(); ++i) walk(v.at(i));
                events.push_back({']', 0, {}});
                break;
            case JsonType::Object:
                expectAt(v, "{");
                events.push_back({'{', 0, {}});
                for (std::uint32_t i = 0; i < v.size(); ++i) {
                    const JsonValue key = v.keyAt(i);
                    FUZZ_CHECK(key.isString(), std::string("an object key that is not a string"));
                    expectAt(key, "\"");
                    events.push_back({'k', 0, std::string(key.string())});
                    walk(v.valueAt(i));
                }
                events.push_back({'}', 0, {}});
                break;
        }
    }
};

// Our document written back out (only when it holds no infinity, which JSON cannot spell).
void write(const JsonValue& v, std::string& out) {
    switch (v.type()) {
        case JsonType::Null:
            out += "null";
            break;
        case JsonType::Bool:
            out += v.boolean() ? "true" : "false";
            break;
        case JsonType::Number: {
            char buffer[40];
            std::snprintf(buffer, sizeof buffer, "%.17g", v.number());
            out += buffer;
            break;
        }
        case JsonType::String:
            out += nlohmann::json(std::string(v.string())).dump();
            break;
        case JsonType::Array:
            out += '[';
            for (std::uint32_t i = 0; i < v.size(); ++i) {
                if (i) out += ",\n";
                write(v.at(i), out);
            }
            out += ']';
            break;
        case JsonType::Object:
            out += '{';
            for (std::uint32_t i = 0; i < v.size(); ++i) {
                if (i) out += ", ";
                write(v.keyAt(i), out);
                out += ":\t";
                write(v.valueAt(i), out);
            }
            out += '}';
            break;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const JsonLimits limits{32, std::size_t{1} << 20};
    JsonError error;
    const auto doc = JsonDocument::parse(text, &error, limits);

    NlohmannEvents theirs;
    const bool theirsOk = nlohmann::json::sax_parse(text, &theirs);

    if (!doc) {
        FUZZ_CHECK(!error.message.empty(), std::string("an error without a message"));
        FUZZ_CHECK(error.pos.line >= 1 && error.pos.column >= 1, "error at line 0: " + error.message);
        OurEvents bounds(text);
        bounds.offsetOf(error.pos);  // must lie inside the text (or just past its end)
        const bool tooDeep = error.message.find("nesting is deeper") != std::string::npos;
        // nlohmann stops reading at a zero byte as if the text ended there; JSON does not.
        const bool hasZeroByte = text.find('\0') != std::string_view::npos;
        FUZZ_CHECK(!theirsOk || tooDeep || hasZeroByte, "ours refuses what nlohmann reads: " + error.message + " at " +
                                                            std::to_string(error.pos.line) + ":" +
                                                            std::to_string(error.pos.column));
        return 0;
    }

    OurEvents ours(text);
    ours.walk(doc->root());
    if (!theirsOk) {
        // nlohmann's 406 is "number overflow": it refuses 1e400, we read it as infinity.
        FUZZ_CHECK(theirs.errorId == 406 && ours.sawInfinity,
                   "ours reads what nlohmann refuses (nlohmann error " + std::to_string(theirs.errorId) + ")");
        return 0;
    }
    FUZZ_CHECK(ours.events.size() == theirs.events.size(),
               std::to_string(ours.events.size()) + " values vs nlohmann's " + std::to_string(theirs.events.size()));
    for (std::size_t i = 0; i < ours.events.size(); ++i)
        FUZZ_CHECK(ours.events[i] == theirs.events[i], "value " + std::to_string(i) + ": ours " +
                                                           describe(ours.events[i]) + ", nlohmann's " +
                                                           describe(theirs.events[i]));

    // Written back out and read again: the same values.
    std::string again;
    write(doc->root(), again);
    const auto reread = JsonDocument::parse(again, &error, limits);
    FUZZ_CHECK(reread.has_value(), "our own output does not read back: " + error.message);
    OurEvents second(again);
    second.walk(reread->root());
    FUZZ_CHECK(second.events == ours.events, std::string("our own output reads back to other values"));
    return 0;
}

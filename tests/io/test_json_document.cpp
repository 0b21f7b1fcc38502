#include <doctest.h>

#include <cmath>
#include <cstdlib>
#include <string>

#include "io/json_document.h"

using namespace meridian::io;

static JsonError parseError(std::string_view text) {
    JsonError e;
    const auto doc = JsonDocument::parse(text, &e);
    CHECK_MESSAGE(!doc, text);
    return e;
}

TEST_CASE("values keep their line and column (columns count characters, not bytes)") {
    JsonError e;
    const auto doc = JsonDocument::parse("{\n  \"a\": [1, true, null],\n  \"\xC3\xA9t\xC3\xA9\": \"x\"\n}", &e);
    REQUIRE(doc);
    const JsonValue root = doc->root();
    REQUIRE(root.isObject());
    CHECK(root.size() == 2);
    const auto a = root.find("a");
    REQUIRE(a);
    CHECK(a->position().line == 2);
    CHECK(a->position().column == 8);
    CHECK(a->at(1).isBool());
    CHECK(a->at(1).position().column == 12);
    const auto ete = root.find("\xC3\xA9t\xC3\xA9");
    REQUIRE(ete);
    CHECK(ete->position().line == 3);
    CHECK(ete->position().column == 10);  // 2 spaces + "été" (5 chars) + ':' + ' ' -> column 10
}

TEST_CASE("strings decode escapes and surrogate pairs") {
    JsonError e;
    const auto doc = JsonDocument::parse(R"(["a\"b\\\/\n", "\u00e9\ud83d\ude00"])", &e);
    REQUIRE(doc);
    CHECK(doc->root().at(0).string() == "a\"b\\/\n");
    CHECK(doc->root().at(1).string() == "\xC3\xA9\xF0\x9F\x98\x80");
}

// The plain-text run of a string is scanned eight bytes at a time: whatever ends it (an escape,
// a multi-byte character, the closing quote, a control character) is found at every offset of
// the word, and the columns after it stay right.
TEST_CASE("a string's special bytes are found at every offset of a long string") {
    for (std::size_t at = 0; at < 20; ++at) {
        const std::string head(at, 'a'), tail(11, 'b');
        CAPTURE(at);
        JsonError e;
        // An escape, a two-byte character, and the value after the string (its column).
        const std::string text = "[\"" + head + "\\n" + head + "\xC3\xA9" + tail + "\", 7]";
        const auto doc = JsonDocument::parse(text, &e);
        REQUIRE(doc);
        CHECK(doc->root().at(0).string() == head + "\n" + head + "\xC3\xA9" + tail);
        // [ " head \n head é tail " , space 7: the é is one column
        CHECK(doc->root().at(1).position().column == 1 + 1 + at + 2 + at + 1 + tail.size() + 1 + 2 + 1);
        // A control character in the middle of the run: an error at its column.
        const JsonError bad = parseError("[\"" + head + "\x01" + tail + "\"]");
        CHECK(bad.pos.column == 3 + at);
        CHECK(bad.message.find("control character") != std::string::npos);
        // A string that ends right after a long run (the quote found inside a word).
        const auto plain = JsonDocument::parse("[\"" + head + tail + "\"]", &e);
        REQUIRE(plain);
        CHECK(plain->root().at(0).string() == head + tail);
    }
}

TEST_CASE("numbers") {
    JsonError e;
    const auto doc = JsonDocument::parse("[0, -1.5, 2e3, 1e999]", &e);
    REQUIRE(doc);
    CHECK(doc->root().at(1).number() == -1.5);
    CHECK(doc->root().at(2).number() == 2000);
    CHECK(doc->root().at(3).number() == HUGE_VAL);  // kept as infinity: the validator says "not finite"
    // Out of range and extreme numbers keep strtod's value on every platform (desktop and browser).
    const auto extremes = JsonDocument::parse("[1e-400, -0, 5e-324, -1e999, 2.2250738585072011e-308]", &e);
    REQUIRE(extremes);
    CHECK(extremes->root().at(0).number() == 0.0);
    CHECK(std::signbit(extremes->root().at(1).number()));
    CHECK(extremes->root().at(2).number() == std::strtod("5e-324", nullptr));
    CHECK(extremes->root().at(2).number() > 0.0);
    CHECK(extremes->root().at(3).number() == -HUGE_VAL);
    CHECK(extremes->root().at(4).number() == std::strtod("2.2250738585072011e-308", nullptr));
    CHECK(parseError("[01]").message.find("leading zeros") != std::string::npos);
    CHECK(parseError("[1.]").message.find("after the decimal point") != std::string::npos);
    CHECK(parseError("[NaN]").message.find("expected a value") != std::string::npos);
}

TEST_CASE("a byte order mark and CRLF line ends are fine") {
    JsonError e;
    const auto doc = JsonDocument::parse("\xEF\xBB\xBF{\r\n\"a\": 1\r\n}\r\n", &e);
    REQUIRE(doc);
    CHECK(doc->root().find("a")->position().line == 2);
    CHECK(doc->root().find("a")->position().column == 6);
}

TEST_CASE("syntax errors are located and say what was expected") {
    auto e = parseError("");
    CHECK(e.message == "the file is empty (expected a JSON object)");
    e = parseError("  \n ");
    CHECK(e.message.find("only white space") != std::string::npos);
    e = parseError("{\"a\": [1, 2");
    CHECK(e.message.find("unexpected end of the file") != std::string::npos);
    CHECK(e.message.find("'[' opened at line 1, column 7") != std::string::npos);
    e = parseError("{\n  \"a\": 1\n  \"b\": 2\n}");
    CHECK(e.pos.line == 3);
    CHECK(e.pos.column == 3);
    CHECK(e.message == "expected ',' or '}', found '\"' (the '{' opened at line 1, column 1 is not closed)");
    e = parseError("[1, 2,]");
    CHECK(e.message.find("trailing comma") != std::string::npos);
    e = parseError("{\"a\" 1}");
    CHECK(e.message.find("expected ':'") != std::string::npos);
    e = parseError("{a: 1}");
    CHECK(e.message.find("member name in double quotes") != std::string::npos);
    e = parseError("[1] [2]");
    CHECK(e.message.find("after the end of the JSON value") != std::string::npos);
    e = parseError("[\"abc\n\"]");
    CHECK(e.message.find("past the end of the line") != std::string::npos);
    e = parseError("[\"\\x\"]");
    CHECK(e.message.find("invalid escape") != std::string::npos);
    e = parseError("[\"\\ud800\"]");
    CHECK(e.message.find("surrogate") != std::string::npos);
    e = parseError("[tru]");
    CHECK(e.message.find("expected a value") != std::string::npos);
}

TEST_CASE("invalid UTF-8 is rejected with its position") {
    for (const char* bad : {"[\"\xFF\"]", "[\"\xC3\"]", "[\"\xC0\xAF\"]", "[\"\xED\xA0\x80\"]",
                            "[\"\xF4\x90\x80\x80\"]", "[\"abc\xE2\x82\"]"}) {
        const JsonError e = parseError(bad);
        CHECK_MESSAGE(e.message.find("invalid UTF-8") != std::string::npos, e.message);
        CHECK(e.pos.line == 1);
        CHECK(e.pos.column >= 3);
    }
    const JsonError outside = parseError("[\xFF]");
    CHECK(outside.message.find("invalid UTF-8") != std::string::npos);
}

TEST_CASE("deep nesting is an error, not a stack overflow") {
    const std::string deep(100000, '[');
    const JsonError e = parseError(deep);
    CHECK(e.message == "nesting is deeper than 256 levels");
    CHECK(e.pos.column == 257);
    std::string ok(200, '[');
    ok += std::string(200, ']');
    JsonError none;
    CHECK(JsonDocument::parse(ok, &none));
}

TEST_CASE("truncating a valid document at any byte never crashes and always fails") {
    const std::string text =
        "{\"events\": [{\"id\": \"a\", \"lat\": -12.5e1, \"s\": \"\\u00e9x\"}, [true, false, null]]}";
    for (std::size_t n = 0; n < text.size(); ++n) {
        JsonError e;
        CHECK_FALSE(JsonDocument::parse(text.substr(0, n), &e));
        CHECK(!e.message.empty());
    }
    JsonError e;
    CHECK(JsonDocument::parse(text, &e));
}

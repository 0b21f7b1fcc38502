// libFuzzer target: HTML to text (io/import/html_text), the TimelineJS headlines and texts.
//
// Invariants checked on every input:
// - never a crash, a hang (the reader is one linear pass) or a read out of bounds;
// - valid UTF-8 in gives valid UTF-8 out, never much longer than the input;
// - text escaped with textToHtml reads back as text without markup of its own.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "io/import/html_text.h"
#include "io/import/text_encoding.h"

#if __has_include("fuzz_check.h")
#include "fuzz_check.h"
#else
#define FUZZ_CHECK(condition, found)                                         \
    do {                                                                     \
        if (!(condition)) {                                                  \
            std::fprintf(stderr, "fuzz invariant broken: %s\n", #condition); \
            std::abort();                                                    \
        }                                                                    \
    } while (0)
#endif

using namespace meridian::io;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view html(reinterpret_cast<const char*>(data), size);
    const std::string text = htmlToText(html);
    // A list item adds "\n• " (5 bytes) for "<li>" (4), a link " (url)" for the url it holds.
    FUZZ_CHECK(text.size() <= 3 * html.size() + 16, std::to_string(text.size()));
    const bool validIn = findInvalidUtf8(html) == std::string_view::npos;
    if (validIn) FUZZ_CHECK(findInvalidUtf8(text) == std::string::npos, text);
    (void)looksLikeHtml(html);
    // Escaped, the text is read as itself: no tag or entity of the text survives as markup.
    const std::string escaped = escapeHtml(text);
    FUZZ_CHECK(escaped.find('<') == std::string::npos || escaped.find("<br>") != std::string::npos, escaped);
    const std::string again = htmlToText(textToHtml(text));
    FUZZ_CHECK(again.size() <= 2 * text.size() + 16, again);
    return 0;
}

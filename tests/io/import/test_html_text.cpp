#include <doctest.h>

#include <string>

#include "io/import/html_text.h"

using namespace meridian::io;

TEST_CASE("html to text: paragraphs, line breaks, white space as a browser collapses it") {
    CHECK(htmlToText("<p>One\n   two</p><p>Three</p>") == "One two\n\nThree");
    CHECK(htmlToText("Line<br>next<br/>last") == "Line\nnext\nlast");
    CHECK(htmlToText("<p class=\"lead\">In this sample timeline, we'll walk you</p>") ==
          "In this sample timeline, we'll walk you");
    CHECK(htmlToText("  plain text, no tags  ") == "plain text, no tags");
    CHECK(htmlToText("<h2>Title</h2>Body") == "Title\n\nBody");
    CHECK(htmlToText("<pre>a\n  b</pre>c") == "a\n  b\n\nc");
}

TEST_CASE("html to text: lists") {
    CHECK(htmlToText("<ul><li>one</li><li>two</li></ul>after") == "\xE2\x80\xA2 one\n\xE2\x80\xA2 two\n\nafter");
    CHECK(htmlToText("<ol><li>first<li>second</ol>") == "1. first\n2. second");
}

TEST_CASE("html to text: links are kept as text (url)") {
    CHECK(htmlToText("Take <a href=\"https://en.wikipedia.org/wiki/Ada_Lovelace\">Ada Lovelace</a>: daughter") ==
          "Take Ada Lovelace (https://en.wikipedia.org/wiki/Ada_Lovelace): daughter");
    CHECK(htmlToText("<a href='https://x.org/a?b=1&amp;c=2'>https://x.org/a?b=1&amp;c=2</a>") ==
          "https://x.org/a?b=1&c=2");  // text that is the address is not repeated
    CHECK(htmlToText("<a href=\"https://x.org\"></a>") == "https://x.org");
    CHECK(htmlToText("<a href=\"#top\">top</a>") == "top");
    CHECK(htmlToText("<a href=\"javascript:alert(1)\">x</a>") == "x");
    CHECK(htmlToText("<a>no address</a>") == "no address");
}

TEST_CASE("html to text: entities, named and numeric") {
    CHECK(htmlToText("Tom &amp; Jerry &lt;3 &quot;hi&quot; &#39;x&#39;") == "Tom & Jerry <3 \"hi\" 'x'");
    CHECK(htmlToText("R&oacute;zsa P&eacute;ter &ndash; 1951&hellip;") ==
          "R\xC3\xB3zsa P\xC3\xA9ter \xE2\x80\x93 1951\xE2\x80\xA6");
    CHECK(htmlToText("&#233;&#xE9;&#x1F600;") == "\xC3\xA9\xC3\xA9\xF0\x9F\x98\x80");
    CHECK(htmlToText("a&nbsp;b") == "a b");
    CHECK(htmlToText("&#0; &#x110000; &#9999999999;") == "\xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD");
    CHECK(htmlToText("AT&T &unknown; & alone") == "AT&T &unknown; & alone");
}

TEST_CASE("html to text: scripts, styles, comments and other tags are dropped") {
    CHECK(htmlToText("<script>alert('x')</script>Hi<style>p{}</style>!") == "Hi!");
    CHECK(htmlToText("a<!-- hidden -->b") == "ab");
    CHECK(htmlToText("<span class=\"tl-note\">Note</span> <b>bold</b> <cite>Edith</cite>") == "Note bold Edith");
    CHECK(htmlToText("<img src=\"x.png\" alt=\"A portrait\">") == "A portrait");
    CHECK(htmlToText("1 < 2 and 3 > 2") == "1 < 2 and 3 > 2");
    CHECK(htmlToText("cut <p class=\"unfinished") == "cut");
    CHECK(htmlToText("<script>never closed") == "");
}

TEST_CASE("html to text: hostile input stays linear") {
    std::string manyTags;
    for (int i = 0; i < 200'000; ++i) manyTags += "<b>x</b>";
    CHECK(htmlToText(manyTags).size() == 200'000);
    const std::string ampersands(1'000'000, '&');
    CHECK(htmlToText(ampersands).size() == 1'000'000);
    const std::string opens(1'000'000, '<');
    CHECK(htmlToText(opens).size() == 1'000'000);
    std::string unclosedTags;
    for (int i = 0; i < 100'000; ++i) unclosedTags += "<a";
    CHECK(htmlToText(unclosedTags).empty());
    CHECK_FALSE(looksLikeHtml(unclosedTags.substr(0, 1000)));
}

TEST_CASE("text to html and back") {
    const std::string text = "First <paragraph> & \"quotes\"\nsecond line\n\nNext paragraph";
    const std::string html = textToHtml(text);
    CHECK(html == "<p>First &lt;paragraph&gt; &amp; &quot;quotes&quot;<br>second line</p><p>Next paragraph</p>");
    CHECK(htmlToText(html) == text);
    CHECK(textToHtml("").empty());
}

TEST_CASE("looks like html") {
    CHECK(looksLikeHtml("<p>x</p>"));
    CHECK(looksLikeHtml("a<br>b"));
    CHECK(looksLikeHtml("Tom &amp; Jerry"));
    CHECK_FALSE(looksLikeHtml("1 < 2 & 3 > 2"));
    CHECK_FALSE(looksLikeHtml("AT&T"));
}

// HTML to readable text and back, for TimelineJS (whose headlines and texts
// are HTML) and for spreadsheets that hold HTML in a cell.
//
// htmlToText: paragraphs and block elements become blank-line-separated
// paragraphs, <br> a line break, list items lines starting with "• " (or
// "1. " in ordered lists), links "text (url)", entities decoded (named ones of
// HTML 4 and numeric ones), white space collapsed as a browser does (kept in
// <pre>), scripts, styles and comments dropped, other tags removed. Never
// fails: any text is read in one linear pass (fuzzed).
//
// textToHtml: the reverse for writers: special characters escaped, paragraphs
// in <p>, line breaks <br>.
#pragma once

#include <string>
#include <string_view>

namespace meridian::io {

std::string htmlToText(std::string_view html);
std::string textToHtml(std::string_view text);
// Special characters escaped (& < > "), line breaks as <br>: for inline places (a headline, a link).
std::string escapeHtml(std::string_view text);

// Does this text use HTML (a tag such as <p>, <br>, </a>, or an entity)? For
// columns that may hold either.
bool looksLikeHtml(std::string_view text);

}  // namespace meridian::io

#include "io/json_spans.h"

#include <string>

namespace meridian::io {

namespace {

constexpr std::size_t kNone = std::string_view::npos;

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::size_t skipBom(std::string_view text, std::size_t at) {
    if (at == 0 && text.substr(0, 3) == "\xEF\xBB\xBF") return 3;
    return at;
}

// After the closing quote of the string starting at `at` (a '"').
std::size_t stringEnd(std::string_view text, std::size_t at) {
    for (std::size_t i = at + 1; i < text.size(); ++i) {
        if (text[i] == '\\')
            ++i;
        else if (text[i] == '"')
            return i + 1;
    }
    return kNone;
}

}  // namespace

std::size_t skipJsonSpace(std::string_view text, std::size_t at) {
    while (at < text.size() && isSpace(text[at])) ++at;
    return at;
}

std::size_t jsonValueEnd(std::string_view text, std::size_t at) {
    at = skipJsonSpace(text, at);
    if (at >= text.size()) return kNone;
    const char first = text[at];
    if (first == '"') return stringEnd(text, at);
    if (first == '{' || first == '[') {
        // Brackets counted outside strings; the parser already checked they match.
        std::string open;
        for (std::size_t i = at; i < text.size(); ++i) {
            const char c = text[i];
            if (c == '"') {
                i = stringEnd(text, i);
                if (i == kNone) return kNone;
                --i;
            } else if (c == '{' || c == '[') {
                open.push_back(c);
            } else if (c == '}' || c == ']') {
                if (open.empty() || (c == '}') != (open.back() == '{')) return kNone;
                open.pop_back();
                if (open.empty()) return i + 1;
            }
        }
        return kNone;
    }
    // A number, true, false or null: up to the next delimiter.
    std::size_t i = at;
    while (i < text.size() && !isSpace(text[i]) && text[i] != ',' && text[i] != '}' && text[i] != ']') ++i;
    return i == at ? kNone : i;
}

std::optional<JsonObjectSpans> jsonObjectSpans(std::string_view text, std::size_t at) {
    std::size_t i = skipJsonSpace(text, skipBom(text, at));
    if (i >= text.size() || text[i] != '{') return std::nullopt;
    JsonObjectSpans out;
    out.whole.begin = i;
    i = skipJsonSpace(text, i + 1);
    if (i < text.size() && text[i] == '}') {
        out.whole.end = i + 1;
        return out;
    }
    while (i < text.size()) {
        if (text[i] != '"') return std::nullopt;
        const std::size_t keyEnd = stringEnd(text, i);
        if (keyEnd == kNone) return std::nullopt;
        JsonMemberSpan m;
        m.keyBegin = i;
        m.key = text.substr(i + 1, keyEnd - i - 2);
        i = skipJsonSpace(text, keyEnd);
        if (i >= text.size() || text[i] != ':') return std::nullopt;
        m.value.begin = skipJsonSpace(text, i + 1);
        m.value.end = jsonValueEnd(text, m.value.begin);
        if (m.value.end == kNone) return std::nullopt;
        out.members.push_back(m);
        i = skipJsonSpace(text, m.value.end);
        if (i >= text.size()) return std::nullopt;
        if (text[i] == '}') {
            out.whole.end = i + 1;
            return out;
        }
        if (text[i] != ',') return std::nullopt;
        i = skipJsonSpace(text, i + 1);
    }
    return std::nullopt;
}

std::optional<JsonArraySpans> jsonArraySpans(std::string_view text, std::size_t at) {
    std::size_t i = skipJsonSpace(text, at);
    if (i >= text.size() || text[i] != '[') return std::nullopt;
    JsonArraySpans out;
    out.whole.begin = i;
    i = skipJsonSpace(text, i + 1);
    if (i < text.size() && text[i] == ']') {
        out.whole.end = i + 1;
        return out;
    }
    while (i < text.size()) {
        const std::size_t end = jsonValueEnd(text, i);
        if (end == kNone) return std::nullopt;
        out.items.push_back({i, end});
        i = skipJsonSpace(text, end);
        if (i >= text.size()) return std::nullopt;
        if (text[i] == ']') {
            out.whole.end = i + 1;
            return out;
        }
        if (text[i] != ',') return std::nullopt;
        i = skipJsonSpace(text, i + 1);
    }
    return std::nullopt;
}

std::string_view lineIndentAt(std::string_view text, std::size_t at) {
    std::size_t start = at;
    while (start > 0 && text[start - 1] != '\n') --start;
    std::size_t end = start;
    while (end < at && (text[end] == ' ' || text[end] == '\t')) ++end;
    return text.substr(start, end - start);
}

}  // namespace meridian::io

#include "io/import/html_text.h"

#include <cstdint>
#include <cstring>
#include <vector>

#include "io/import/text_encoding.h"  // appendUtf8

namespace meridian::io {

namespace {

char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
bool isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// HTML 4's Latin-1 entities, U+00A0 (nbsp) to U+00FF (yuml), in order.
constexpr const char* kLatin1Entities[96] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",   "ordf",
    "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",
    "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave",
    "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",
    "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",
    "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",  "agrave", "aacute",
    "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave",
    "iacute", "icirc",  "iuml",   "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
    "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

struct NamedEntity {
    const char* name;
    std::uint32_t codePoint;
};
// HTML 4's special and common symbol entities (and XML's apos).
constexpr NamedEntity kOtherEntities[] = {
    {"quot", 0x22},     {"amp", 0x26},      {"apos", 0x27},     {"lt", 0x3C},       {"gt", 0x3E},
    {"OElig", 0x152},   {"oelig", 0x153},   {"Scaron", 0x160},  {"scaron", 0x161},  {"Yuml", 0x178},
    {"fnof", 0x192},    {"circ", 0x2C6},    {"tilde", 0x2DC},   {"ensp", 0x2002},   {"emsp", 0x2003},
    {"thinsp", 0x2009}, {"zwnj", 0x200C},   {"zwj", 0x200D},    {"lrm", 0x200E},    {"rlm", 0x200F},
    {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"sbquo", 0x201A},
    {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"bdquo", 0x201E},  {"dagger", 0x2020}, {"Dagger", 0x2021},
    {"bull", 0x2022},   {"hellip", 0x2026}, {"permil", 0x2030}, {"prime", 0x2032},  {"Prime", 0x2033},
    {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"oline", 0x203E},  {"frasl", 0x2044},  {"euro", 0x20AC},
    {"trade", 0x2122},  {"larr", 0x2190},   {"uarr", 0x2191},   {"rarr", 0x2192},   {"darr", 0x2193},
    {"harr", 0x2194},   {"minus", 0x2212},  {"le", 0x2264},     {"ge", 0x2265},     {"ne", 0x2260},
    {"asymp", 0x2248},  {"infin", 0x221E},  {"alpha", 0x3B1},   {"beta", 0x3B2},    {"gamma", 0x3B3},
    {"delta", 0x3B4},   {"mu", 0x3BC},      {"pi", 0x3C0},      {"sigma", 0x3C3},   {"omega", 0x3C9}};

std::uint32_t namedEntity(std::string_view name) {
    for (int i = 0; i < 96; ++i)
        if (name == kLatin1Entities[i]) return 0xA0 + static_cast<std::uint32_t>(i);
    for (const NamedEntity& e : kOtherEntities)
        if (name == e.name) return e.codePoint;
    return 0;
}

// Decodes the entity at html[i] == '&'; returns the characters consumed (0: not an entity).
std::size_t decodeEntity(std::string_view html, std::size_t i, std::string& out) {
    const std::size_t semi = html.substr(0, i + 13).find(';', i + 1);  // entities are short: no long scans
    if (semi == std::string_view::npos || semi == i + 1) return 0;
    const std::string_view body = html.substr(i + 1, semi - i - 1);
    std::uint32_t cp = 0;
    if (body[0] == '#') {
        const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
        const std::string_view digits = body.substr(hex ? 2 : 1);
        if (digits.empty()) return 0;
        for (char c : digits) {
            int d = -1;
            if (c >= '0' && c <= '9')
                d = c - '0';
            else if (hex && c >= 'a' && c <= 'f')
                d = c - 'a' + 10;
            else if (hex && c >= 'A' && c <= 'F')
                d = c - 'A' + 10;
            if (d < 0) return 0;
            cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
            if (cp > 0x10FFFF) cp = 0x110000;  // stays out of range, no overflow
        }
        if (cp == 0 || cp > 0x10FFFF) cp = 0xFFFD;
    } else {
        cp = namedEntity(body);
        if (!cp) return 0;
    }
    if (cp == 0xA0) cp = ' ';  // a no-break space reads as a space
    appendUtf8(out, cp);
    return semi - i + 1;
}

// Builds the text: collapses white space, and keeps track of paragraph and line breaks.
class TextBuilder {
public:
    void text(std::string_view s, bool preformatted) {
        for (char c : s) {
            if (!preformatted && isSpace(c)) {
                m_pendingSpace = !m_out.empty() && m_out.back() != '\n';
                continue;
            }
            if (preformatted && c == '\r') continue;
            flushSpace();
            m_out += c;
        }
    }
    void decoded(const std::string& s) {
        flushSpace();
        m_out += s;
    }
    void lineBreak() {
        m_pendingSpace = false;
        trimTrailingSpaces();
        m_out += '\n';
    }
    void paragraphBreak() {
        m_pendingSpace = false;
        trimTrailingSpaces();
        if (m_out.empty()) return;
        if (m_out.back() != '\n') m_out += '\n';
        if (m_out.size() < 2 || m_out[m_out.size() - 2] != '\n') m_out += '\n';
    }
    // Starts a line (list items) unless already at the start of one.
    void newLine() {
        m_pendingSpace = false;
        trimTrailingSpaces();
        if (!m_out.empty() && m_out.back() != '\n') m_out += '\n';
    }
    std::size_t size() const { return m_out.size(); }
    std::string_view since(std::size_t at) const { return std::string_view(m_out).substr(at); }
    std::string finish() {
        trimTrailingSpaces();
        std::size_t end = m_out.size();
        while (end > 0 && (m_out[end - 1] == '\n' || m_out[end - 1] == ' ')) --end;
        std::size_t begin = 0;
        while (begin < end && (m_out[begin] == '\n' || m_out[begin] == ' ')) ++begin;
        return m_out.substr(begin, end - begin);
    }

private:
    void flushSpace() {
        if (m_pendingSpace && !m_out.empty() && m_out.back() != '\n' && m_out.back() != ' ') m_out += ' ';
        m_pendingSpace = false;
    }
    void trimTrailingSpaces() {
        while (!m_out.empty() && m_out.back() == ' ') m_out.pop_back();
    }
    std::string m_out;
    bool m_pendingSpace = false;
};

bool isBlockTag(std::string_view t) {
    static constexpr const char* kBlocks[] = {
        "p",      "div",        "h1",      "h2", "h3",      "h4",      "h5",      "h6",     "blockquote", "ul",
        "ol",     "table",      "pre",     "hr", "section", "article", "header",  "footer", "aside",      "nav",
        "figure", "figcaption", "address", "dl", "main",    "details", "summary", "center"};
    for (const char* b : kBlocks)
        if (t == b) return true;
    return false;
}

// The value of attribute `name` in a tag's attribute text, entities decoded.
std::string attribute(std::string_view attrs, std::string_view name) {
    std::size_t i = 0;
    while (i < attrs.size()) {
        while (i < attrs.size() && (isSpace(attrs[i]) || attrs[i] == '/')) ++i;
        const std::size_t nameStart = i;
        while (i < attrs.size() && !isSpace(attrs[i]) && attrs[i] != '=' && attrs[i] != '/') ++i;
        std::string key(attrs.substr(nameStart, i - nameStart));
        for (char& c : key) c = lowerAscii(c);
        while (i < attrs.size() && isSpace(attrs[i])) ++i;
        std::string_view value;
        if (i < attrs.size() && attrs[i] == '=') {
            ++i;
            while (i < attrs.size() && isSpace(attrs[i])) ++i;
            if (i < attrs.size() && (attrs[i] == '"' || attrs[i] == '\'')) {
                const char q = attrs[i++];
                const std::size_t end = attrs.find(q, i);
                value = attrs.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
                i = end == std::string_view::npos ? attrs.size() : end + 1;
            } else {
                const std::size_t start = i;
                while (i < attrs.size() && !isSpace(attrs[i])) ++i;
                value = attrs.substr(start, i - start);
            }
        }
        if (key == name) {
            std::string out;
            for (std::size_t k = 0; k < value.size(); ++k) {
                if (value[k] == '&') {
                    if (const std::size_t n = decodeEntity(value, k, out)) {
                        k += n - 1;
                        continue;
                    }
                }
                out += value[k];
            }
            return out;
        }
        if (i == nameStart) ++i;  // no progress: skip a stray character
    }
    return {};
}

// Case-insensitive search for "</name" from `from`.
std::size_t findClosingTag(std::string_view html, std::size_t from, std::string_view name) {
    for (std::size_t i = html.find("</", from); i != std::string_view::npos; i = html.find("</", i + 2)) {
        bool match = i + 2 + name.size() <= html.size();
        for (std::size_t k = 0; match && k < name.size(); ++k) match = lowerAscii(html[i + 2 + k]) == name[k];
        if (match) return i;
    }
    return std::string_view::npos;
}

struct List {
    bool ordered = false;
    int next = 1;
};

struct OpenLink {
    std::string href;
    std::size_t textStart = 0;
};

}  // namespace

bool looksLikeHtml(std::string_view text) {
    for (std::size_t i = text.find('<'); i != std::string_view::npos; i = text.find('<', i + 1)) {
        if (i + 1 < text.size() && (isAlpha(text[i + 1]) || text[i + 1] == '/')) {
            if (text.substr(i, 200).find('>') != std::string_view::npos) return true;
        }
    }
    for (std::size_t i = text.find('&'); i != std::string_view::npos; i = text.find('&', i + 1)) {
        std::string scratch;
        if (decodeEntity(text, i, scratch)) return true;
    }
    return false;
}

std::string htmlToText(std::string_view html) {
    TextBuilder out;
    std::vector<List> lists;
    std::vector<OpenLink> links;
    int preDepth = 0;
    std::size_t i = 0;
    // The next '<' and '&' at or after i, found again only once passed (a
    // search per text run would make a file of many tags quadratic).
    std::size_t nextLt = html.find('<'), nextAmp = html.find('&');
    while (i < html.size()) {
        if (nextLt < i) nextLt = html.find('<', i);
        if (nextAmp < i) nextAmp = html.find('&', i);
        const char c = html[i];
        if (c == '&') {
            std::string decoded;
            if (const std::size_t n = decodeEntity(html, i, decoded)) {
                out.decoded(decoded);
                i += n;
                continue;
            }
            out.text("&", preDepth > 0);
            ++i;
            continue;
        }
        const bool tagStart =
            c == '<' && i + 1 < html.size() && (isAlpha(html[i + 1]) || html[i + 1] == '/' || html[i + 1] == '!');
        if (!tagStart) {
            if (nextLt <= i) nextLt = html.find('<', i + 1);
            if (nextAmp <= i) nextAmp = html.find('&', i + 1);
            const std::size_t next = std::min(nextLt, nextAmp);
            const std::size_t end = next == std::string_view::npos ? html.size() : next;
            out.text(html.substr(i, end - i), preDepth > 0);
            i = end;
            continue;
        }
        // Comments and declarations.
        if (html.compare(i, 4, "<!--") == 0) {
            const std::size_t end = html.find("-->", i + 4);
            i = end == std::string_view::npos ? html.size() : end + 3;
            continue;
        }
        const std::size_t close = html.find('>', i);
        if (close == std::string_view::npos) break;  // an unfinished tag at the end: dropped
        if (html[i + 1] == '!') {
            i = close + 1;
            continue;
        }
        const bool closing = html[i + 1] == '/';
        std::size_t k = i + (closing ? 2 : 1);
        const std::size_t nameStart = k;
        while (k < close && (isAlpha(html[k]) || (html[k] >= '0' && html[k] <= '9'))) ++k;
        std::string name(html.substr(nameStart, k - nameStart));
        for (char& ch : name) ch = lowerAscii(ch);
        const std::string_view attrs = html.substr(k, close - k);
        i = close + 1;

        if (!closing && (name == "script" || name == "style")) {
            const std::size_t end = findClosingTag(html, i, name);
            if (end == std::string_view::npos) break;
            const std::size_t endClose = html.find('>', end);
            i = endClose == std::string_view::npos ? html.size() : endClose + 1;
            continue;
        }
        if (name == "br") {
            out.lineBreak();
        } else if (name == "li") {
            if (!closing) {
                out.newLine();
                if (!lists.empty() && lists.back().ordered)
                    out.decoded(std::to_string(lists.back().next++) + ". ");
                else
                    out.decoded("\xE2\x80\xA2 ");  // •
            } else {
                out.newLine();
            }
        } else if (name == "ul" || name == "ol") {
            if (!closing)
                lists.push_back({name == "ol", 1});
            else if (!lists.empty())
                lists.pop_back();
            out.paragraphBreak();
        } else if (name == "tr" || name == "dt" || name == "dd") {
            out.newLine();
        } else if (name == "td" || name == "th") {
            if (!closing) out.text(" ", false);
        } else if (name == "a") {
            if (!closing) {
                links.push_back({attribute(attrs, "href"), out.size()});
            } else if (!links.empty()) {
                const OpenLink link = std::move(links.back());
                links.pop_back();
                const std::string_view shown = out.since(link.textStart);
                const bool useful = !link.href.empty() && link.href[0] != '#' &&
                                    link.href.compare(0, 11, "javascript:") != 0 && shown != link.href;
                if (useful) out.decoded(shown.empty() ? link.href : " (" + link.href + ")");
            }
        } else if (name == "img") {
            const std::string alt = attribute(attrs, "alt");
            if (!alt.empty()) out.decoded(alt);
        } else if (isBlockTag(name)) {
            if (name == "pre") preDepth += closing ? (preDepth > 0 ? -1 : 0) : 1;
            out.paragraphBreak();
        }
        // Any other tag (span, b, i, em, cite, ...) is dropped, its text kept.
    }
    return out.finish();
}

std::string escapeHtml(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\n':
                out += "<br>";
                break;
            case '\r':
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string textToHtml(std::string_view text) {
    std::string out;
    bool inParagraph = false;
    std::size_t i = 0;
    while (i < text.size()) {
        // A paragraph ends at a blank line.
        if (text[i] == '\n') {
            std::size_t j = i + 1;
            while (j < text.size() && (text[j] == ' ' || text[j] == '\r' || text[j] == '\t')) ++j;
            if (j < text.size() && text[j] == '\n') {
                if (inParagraph) out += "</p>";
                inParagraph = false;
                i = j + 1;
                while (i < text.size() && text[i] == '\n') ++i;
                continue;
            }
            if (inParagraph) out += "<br>";
            ++i;
            continue;
        }
        if (text[i] == '\r') {
            ++i;
            continue;
        }
        if (!inParagraph) {
            out += "<p>";
            inParagraph = true;
        }
        switch (text[i]) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += text[i];
        }
        ++i;
    }
    if (inParagraph) out += "</p>";
    return out;
}

}  // namespace meridian::io

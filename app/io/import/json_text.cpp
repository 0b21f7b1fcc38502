#include "io/import/json_text.h"

#include <cmath>
#include <cstdio>

#include "io/import/number_text.h"
#include "io/import/text_encoding.h"

namespace meridian::io {

void appendJsonString(std::string& out, std::string_view s) {
    // Valid UTF-8 is copied; invalid bytes (never produced by our readers, but a
    // Dataset may be built by hand) become U+FFFD so the file stays loadable.
    std::string repaired;
    if (std::size_t bad = findInvalidUtf8(s); bad != std::string_view::npos) {
        std::string_view rest = s;
        while (bad != std::string_view::npos) {
            repaired.append(rest.substr(0, bad));
            repaired += "\xEF\xBF\xBD";
            rest.remove_prefix(bad + 1);
            bad = findInvalidUtf8(rest);
        }
        repaired.append(rest);
        s = repaired;
    }
    out += '"';
    for (const char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    out += '"';
}

std::string jsonString(std::string_view s) {
    std::string out;
    appendJsonString(out, s);
    return out;
}

std::string jsonNumber(double x) {
    if (!std::isfinite(x)) return "null";
    return formatShortest(x);
}

}  // namespace meridian::io

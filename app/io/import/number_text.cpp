#include "io/import/number_text.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace meridian::io {

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::optional<double> parseDecimal(std::string_view text) {
    const std::string_view s = trim(text);
    if (s.empty() || s.size() > 64) return std::nullopt;
    std::string copy;
    std::size_t i = 0;
    if (s[i] == '+' || s[i] == '-') copy += s[i++];
    std::size_t digits = 0;
    while (i < s.size() && isDigit(s[i])) copy += s[i++], ++digits;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        // A comma is a decimal comma only when followed by digits and alone ("1,234,567" is not a number here).
        if (s[i] == ',' && s.find(',', i + 1) != std::string_view::npos) return std::nullopt;
        copy += '.';
        ++i;
        while (i < s.size() && isDigit(s[i])) copy += s[i++], ++digits;
    }
    if (digits == 0) return std::nullopt;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        copy += 'e';
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) copy += s[i++];
        std::size_t expDigits = 0;
        while (i < s.size() && isDigit(s[i])) copy += s[i++], ++expDigits;
        if (expDigits == 0) return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;
    const double x = std::strtod(copy.c_str(), nullptr);
    if (!std::isfinite(x)) return std::nullopt;
    return x;
}

std::optional<double> parseCoordinate(std::string_view text, bool latitude) {
    std::string_view s = trim(text);
    if (s.empty() || s.size() > 64) return std::nullopt;
    const double limit = latitude ? 90.0 : 180.0;
    // Hemisphere letter at either end.
    int sign = 1;
    bool hemisphere = false;
    auto takeHemisphere = [&](char c) {
        const char u = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        if (latitude && (u == 'N' || u == 'S')) return sign = u == 'S' ? -1 : 1, hemisphere = true;
        if (!latitude && (u == 'E' || u == 'W')) return sign = u == 'W' ? -1 : 1, hemisphere = true;
        return false;
    };
    if (!s.empty() && takeHemisphere(s.back()))
        s = trim(s.substr(0, s.size() - 1));
    else if (!s.empty() && takeHemisphere(s.front()))
        s = trim(s.substr(1));

    double value = 0;
    if (const auto d = parseDecimal(s)) {
        value = *d;
    } else {
        // Degrees, minutes, seconds: numbers separated by °, ', ", ′, ″ or spaces.
        std::vector<double> parts;
        std::size_t i = 0;
        bool negative = false;
        if (i < s.size() && s[i] == '-') negative = true, ++i;
        while (i < s.size()) {
            const std::size_t start = i;
            while (i < s.size() && (isDigit(s[i]) || s[i] == '.' || (s[i] == ',' && parts.size() == 2))) ++i;
            if (i == start) return std::nullopt;
            const auto part = parseDecimal(s.substr(start, i - start));
            if (!part || parts.size() == 3) return std::nullopt;
            parts.push_back(*part);
            // Separators: spaces, ° (C2 B0), ' " and the prime marks ′ ″ (E2 80 B2/B3), º (C2 BA).
            while (i < s.size()) {
                if (s[i] == ' ' || s[i] == '\'' || s[i] == '"') {
                    ++i;
                } else if (s.compare(i, 2, "\xC2\xB0") == 0 || s.compare(i, 2, "\xC2\xBA") == 0) {
                    i += 2;
                } else if (s.compare(i, 3, "\xE2\x80\xB2") == 0 || s.compare(i, 3, "\xE2\x80\xB3") == 0) {
                    i += 3;
                } else {
                    break;
                }
            }
        }
        if (parts.empty() || parts.size() < 2) {
            if (parts.size() != 1) return std::nullopt;
        }
        if (parts.size() >= 2 && (parts[1] >= 60 || (parts.size() == 3 && parts[2] >= 60))) return std::nullopt;
        value = parts[0] + (parts.size() > 1 ? parts[1] / 60 : 0) + (parts.size() > 2 ? parts[2] / 3600 : 0);
        if (negative) value = -value;
    }
    if (hemisphere && value < 0) return std::nullopt;  // "-35 S" says it twice
    value *= sign;
    if (!std::isfinite(value) || value < -limit || value > limit) return std::nullopt;
    return value;
}

std::string formatShortest(double x) {
    if (x == 0) return "0";
    char buf[64];
    if (std::floor(x) == x && std::fabs(x) < 1e15) {  // integers without an exponent: 100, not 1e+02
        std::snprintf(buf, sizeof buf, "%.0f", x);
        return buf;
    }
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, x);
        if (std::strtod(buf, nullptr) == x) break;
    }
    return buf;
}

}  // namespace meridian::io

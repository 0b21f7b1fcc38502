#include "io/parse_decimal.h"

#include <fast_float/fast_float.h>  // Debian libfast-float-dev (header-only)

#include <cmath>

namespace meridian::io {

namespace {

// Whether the significand of the number text [first, end) has a non-zero digit
// (then a result of zero is an underflow, not an exact zero).
bool hasNonZeroDigit(const char* first, const char* end) {
    for (const char* p = first; p != end && *p != 'e' && *p != 'E'; ++p)
        if (*p >= '1' && *p <= '9') return true;
    return false;
}

}  // namespace

DecimalParse parseDecimal(const char* first, const char* last) {
    DecimalParse out;
    out.end = first;
    double value = 0;
    const auto r = fast_float::from_chars(first, last, value);
    if (r.ec != std::errc()) return out;
    out.value = value;
    out.end = r.ptr;
    out.status = DecimalStatus::Ok;
    // fast_float returns strtod's +-infinity or +-0 for numbers out of range,
    // with no error: tell them apart from a written "inf" or an exact zero.
    const char* digits = (first != r.ptr && *first == '-') ? first + 1 : first;
    const bool written = digits != r.ptr && ((*digits >= '0' && *digits <= '9') || *digits == '.');
    if (written && (std::isinf(value) || (value == 0 && hasNonZeroDigit(digits, r.ptr))))
        out.status = DecimalStatus::OutOfRange;
    return out;
}

}  // namespace meridian::io

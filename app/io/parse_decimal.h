// Decimal text to double, the same everywhere: desktop (libstdc++) and browser
// (emscripten's libc++ 13 has no floating-point std::from_chars).
#pragma once

namespace meridian::io {

enum class DecimalStatus {
    Ok,
    OutOfRange,  // too large (value is +-infinity) or too small (value is +-0), as strtod gives them
    Invalid,     // no number at first (value is 0, end is first)
};

struct DecimalParse {
    double value = 0;
    const char* end = nullptr;  // one past the last character of the number
    DecimalStatus status = DecimalStatus::Invalid;
};

// Reads the longest decimal number at the start of [first, last) the way
// std::from_chars(first, last, double&) does ("-12.5e3", also "inf" and "nan";
// no leading '+' or spaces, no hexadecimal), correctly rounded (the same double
// as strtod in the "C" locale), whatever the current locale. Unlike
// std::from_chars, an out-of-range number still gets strtod's value.
DecimalParse parseDecimal(const char* first, const char* last);

}  // namespace meridian::io

// libFuzzer target: the date parser (parseIsoDate) and the calendar arithmetic under it.
//
// Invariants checked on every input:
// - parseIsoDate gives a date or an error, never both, never neither; an error quotes the text;
// - a parsed date's iso() re-parses to the same date, and iso() of that is the same text;
// - the span matches the precision (a day, a month of 28-31 days, a year of 365 or 366 days)
//   and starts on the first day of the month or year it names;
// - display() says something;
// - any day number a parsable date can have (years up to 6 digits either side of year 0)
//   survives civilFromDays -> daysFromCivil, and formatDayNumber() of it parses back to it.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "core/date.h"
#include "fuzz_check.h"

using namespace meridian;

namespace {

std::string show(std::string_view text) {
    std::string out = "\"";
    for (const char c : text.substr(0, 80)) {
        const auto b = static_cast<unsigned char>(c);
        if (b >= 0x20 && b < 0x7F) {
            out += c;
        } else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02X", b);
            out += hex;
        }
    }
    return out + "\"";
}

void checkDate(const Date& date, std::string_view from) {
    const std::string iso = date.iso();
    const DateParseResult again = parseIsoDate(iso);
    FUZZ_CHECK(again.date.has_value(), "iso() " + show(iso) + " of " + show(from) + " does not parse: " + again.error);
    FUZZ_CHECK(*again.date == date,
               "iso() " + show(iso) + " of " + show(from) + " parses to another date " + show(again.date->iso()));
    FUZZ_CHECK(again.date->iso() == iso, "iso() is not stable for " + show(from));

    const DaySpan span = date.span();
    const CivilDate first = date.civil();
    const CivilDate last = civilFromDays(span.last - 1);
    switch (date.precision()) {
        case DatePrecision::Day:
            FUZZ_CHECK(span.length() == 1, "a day-precision date spans " + std::to_string(span.length()) + " days");
            break;
        case DatePrecision::Month:
            FUZZ_CHECK(first.day == 1 && span.length() == daysInMonth(first.year, first.month) &&
                           last.month == first.month && last.year == first.year,
                       "a month-precision date " + show(iso) + " spans " + std::to_string(span.length()) + " days");
            break;
        case DatePrecision::Year:
            FUZZ_CHECK(first.month == 1 && first.day == 1 && span.length() == (isLeapYear(first.year) ? 366 : 365) &&
                           last.year == first.year && last.month == 12 && last.day == 31,
                       "a year-precision date " + show(iso) + " spans " + std::to_string(span.length()) + " days");
            break;
    }
    FUZZ_CHECK(!date.display().empty(), "display() is empty for " + show(iso));
}

// Day numbers within what six-digit years reach (day 0 is 1970-01-01, so about years -994,600 to
// 998,600), folded from 8 bytes.
constexpr std::int64_t kDayRange = 364'000'000;

void checkDayNumber(std::int64_t raw) {
    const std::int64_t day = raw % kDayRange;  // C++ keeps the sign: -kDayRange < day < kDayRange
    const CivilDate c = civilFromDays(day);
    FUZZ_CHECK(c.month >= 1 && c.month <= 12 && c.day >= 1 && c.day <= daysInMonth(c.year, c.month),
               "civilFromDays(" + std::to_string(day) + ") is not a calendar date");
    FUZZ_CHECK(daysFromCivil(c.year, c.month, c.day) == day,
               "daysFromCivil(civilFromDays(" + std::to_string(day) + ")) differs");
    const std::string text = formatDayNumber(day);
    const DateParseResult parsed = parseIsoDate(text);
    FUZZ_CHECK(
        parsed.date && parsed.date->precision() == DatePrecision::Day && parsed.date->firstDay() == day,
        "formatDayNumber(" + std::to_string(day) + ") = " + show(text) + " does not parse back: " + parsed.error);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const DateParseResult r = parseIsoDate(text);
    FUZZ_CHECK(r.date.has_value() != !r.error.empty(), "date and error for " + show(text) + ": " + r.error);
    if (r.date) {
        checkDate(*r.date, text);
    } else {
        FUZZ_CHECK(r.error.front() == '"', "the error does not quote the text: " + r.error);
    }
    if (size >= 8) {
        std::int64_t raw = 0;
        std::memcpy(&raw, data, sizeof raw);
        checkDayNumber(raw);
    }
    return 0;
}

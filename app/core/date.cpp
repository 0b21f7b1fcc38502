#include "core/date.h"

#include <array>
#include <charconv>
#include <cstdio>

namespace meridian {

// Howard Hinnant's days_from_civil / civil_from_days (public-domain algorithms,
// http://howardhinnant.github.io/date_algorithms.html), widened to int64.
DayNumber daysFromCivil(std::int64_t y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;                                   // [0, 399]
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;  // [0, 365]
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           // [0, 146096]
    return era * 146097 + doe - 719468;
}

CivilDate civilFromDays(DayNumber z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = yoe + era * 400;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {y + (m <= 2), m, d};
}

bool isLeapYear(std::int64_t y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(std::int64_t year, int month) {
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

Date Date::make(DayNumber first, DatePrecision precision) {
    Date d;
    d.m_firstDay = first;
    d.m_precision = precision;
    const CivilDate c = civilFromDays(first);
    switch (precision) {
        case DatePrecision::Year:
            d.m_lastDay = daysFromCivil(c.year + 1, 1, 1);
            break;
        case DatePrecision::Month:
            d.m_lastDay = first + daysInMonth(c.year, c.month);
            break;
        case DatePrecision::Day:
            d.m_lastDay = first + 1;
            break;
    }
    return d;
}

Date Date::fromYear(std::int64_t year) {
    return make(daysFromCivil(year, 1, 1), DatePrecision::Year);
}
Date Date::fromYearMonth(std::int64_t year, int month) {
    return make(daysFromCivil(year, month, 1), DatePrecision::Month);
}
Date Date::fromCivil(std::int64_t year, int month, int day) {
    return make(daysFromCivil(year, month, day), DatePrecision::Day);
}

// At least four digits, and a '-' before years before year 0 ("-0043"): what parseIsoDate reads.
static std::string yearText(std::int64_t year) {
    char buf[32];
    const long long magnitude = year < 0 ? -static_cast<long long>(year) : static_cast<long long>(year);
    std::snprintf(buf, sizeof buf, "%s%04lld", year < 0 ? "-" : "", magnitude);
    return buf;
}

std::string Date::iso() const {
    const CivilDate c = civil();
    std::string out = yearText(c.year);
    char buf[16];
    if (m_precision != DatePrecision::Year) {
        std::snprintf(buf, sizeof buf, "-%02d", c.month);
        out += buf;
    }
    if (m_precision == DatePrecision::Day) {
        std::snprintf(buf, sizeof buf, "-%02d", c.day);
        out += buf;
    }
    return out;
}

std::string Date::display() const {
    const CivilDate c = civil();
    const std::string y = c.year > 0 ? std::to_string(c.year) : std::to_string(1 - c.year) + " BC";
    switch (m_precision) {
        case DatePrecision::Year:
            return y;
        case DatePrecision::Month:
            return std::string(monthName(c.month)) + " " + y;
        case DatePrecision::Day:
            break;
    }
    return std::to_string(c.day) + " " + monthName(c.month) + " " + y;
}

const char* monthName(int month) {
    static constexpr const char* kNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                             "July",    "August",   "September", "October", "November", "December"};
    return month >= 1 && month <= 12 ? kNames[month - 1] : "?";
}

const char* monthShortName(int month) {
    static constexpr const char* kNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return month >= 1 && month <= 12 ? kNames[month - 1] : "?";
}

std::string formatDayNumber(DayNumber day) {
    const CivilDate c = civilFromDays(day);
    return Date::fromCivil(c.year, c.month, c.day).iso();
}

static bool allDigits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

DateParseResult parseIsoDate(std::string_view text) {
    const std::string quoted = "\"" + std::string(text.substr(0, 40)) + (text.size() > 40 ? "...\"" : "\"");
    auto fail = [&](const std::string& why) { return DateParseResult{std::nullopt, quoted + " " + why}; };
    const char* expected = "is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)";
    // Optional leading '-' for years before year 0 (astronomical), 4+ digit years.
    std::size_t pos = 0;
    bool negative = false;
    if (!text.empty() && text[0] == '-') {
        negative = true;
        pos = 1;
    }
    const std::size_t dash = text.find('-', pos);
    const std::string_view yearPart =
        text.substr(pos, dash == std::string_view::npos ? std::string_view::npos : dash - pos);
    if (yearPart.size() < 4 || yearPart.size() > 6 || !allDigits(yearPart)) return fail(expected);
    std::int64_t year = 0;
    std::from_chars(yearPart.data(), yearPart.data() + yearPart.size(), year);
    if (negative) year = -year;
    if (dash == std::string_view::npos) return {Date::fromYear(year), {}};

    const std::string_view rest = text.substr(dash + 1);
    const std::string_view monthPart = rest.substr(0, 2);
    if (monthPart.size() != 2 || !allDigits(monthPart) || (rest.size() != 2 && (rest.size() != 5 || rest[2] != '-')))
        return fail(expected);
    const int month = (monthPart[0] - '0') * 10 + (monthPart[1] - '0');
    if (month < 1 || month > 12)
        return fail("is not a calendar date (month " + std::to_string(month) + " is not 01-12)");
    if (rest.size() == 2) return {Date::fromYearMonth(year, month), {}};

    const std::string_view dayPart = rest.substr(3, 2);
    if (!allDigits(dayPart)) return fail(expected);
    const int day = (dayPart[0] - '0') * 10 + (dayPart[1] - '0');
    const int maxDay = daysInMonth(year, month);
    if (day < 1 || day > maxDay)
        return fail("is not a calendar date (" + std::string(monthName(month)) + " " + std::to_string(year) + " has " +
                    std::to_string(maxDay) + " days)");
    return {Date::fromCivil(year, month, day), {}};
}

}  // namespace meridian

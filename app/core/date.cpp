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
    std::memcpy(d.m_firstDay, &first, sizeof first);
    d.m_precision = precision;
    const CivilDate c = civilFromDays(first);
    switch (precision) {
        case DatePrecision::Year:
            d.m_days = static_cast<std::uint16_t>(daysFromCivil(c.year + 1, 1, 1) - first);
            break;
        case DatePrecision::Month:
            d.m_days = static_cast<std::uint16_t>(daysInMonth(c.year, c.month));
            break;
        case DatePrecision::Day:
            d.m_days = 1;
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

// At least four digits, as parseIsoDate reads them: "0622", "-0043" (44 BC), "-13800000000".
static std::string yearText(std::int64_t year) {
    char buf[32];
    if (year >= 0)
        std::snprintf(buf, sizeof buf, "%04lld", static_cast<long long>(year));
    else
        std::snprintf(buf, sizeof buf, "-%04lld", -static_cast<long long>(year));
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

std::string describeSpan(DaySpan span) {
    if (span.last <= span.first) return formatDayNumber(span.first);
    const CivilDate a = civilFromDays(span.first), b = civilFromDays(span.last - 1);
    auto year = [](std::int64_t y) { return y > 0 ? std::to_string(y) : std::to_string(1 - y) + " BC"; };
    const bool wholeYears = a.month == 1 && a.day == 1 && b.month == 12 && b.day == 31;
    const bool wholeMonths = a.day == 1 && b.day == daysInMonth(b.year, b.month);
    if (wholeYears) return a.year == b.year ? year(a.year) : year(a.year) + " \u2013 " + year(b.year);
    if (wholeMonths) {
        if (a.year == b.year && a.month == b.month) return std::string(monthShortName(a.month)) + " " + year(a.year);
        return std::string(monthShortName(a.month)) + " " + year(a.year) + " \u2013 " + monthShortName(b.month) + " " +
               year(b.year);
    }
    if (span.length() == 1) return std::to_string(a.day) + " " + monthShortName(a.month) + " " + year(a.year);
    if (a.year == b.year)
        return std::to_string(a.day) + " " + monthShortName(a.month) + " \u2013 " + std::to_string(b.day) + " " +
               monthShortName(b.month) + " " + year(b.year);
    return std::to_string(a.day) + " " + monthShortName(a.month) + " " + year(a.year) + " \u2013 " +
           std::to_string(b.day) + " " + monthShortName(b.month) + " " + year(b.year);
}

std::string formatDayNumber(DayNumber day) {
    const CivilDate c = civilFromDays(day);
    return Date::fromCivil(c.year, c.month, c.day).iso();
}

std::optional<int> parseTimeOfDay(std::string_view t) {
    auto digit = [&](std::size_t i) { return t[i] >= '0' && t[i] <= '9'; };
    if (t.size() != 5 || t[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4)) return std::nullopt;
    const int h = (t[0] - '0') * 10 + (t[1] - '0'), m = (t[3] - '0') * 10 + (t[4] - '0');
    if (h > 23 || m > 59) return std::nullopt;
    return h * 60 + m;
}

std::string formatTimeOfDay(int minuteOfDay) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minuteOfDay / 60 % 24, minuteOfDay % 60);
    return buf;
}

static bool allDigits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

DateParseResult parseIsoDate(std::string_view text) {
    std::string quoted = "\"";  // built in steps: one '+' expression trips GCC 12's -Wrestrict
    quoted.append(text.substr(0, 40));
    quoted.append(text.size() > 40 ? "...\"" : "\"");
    auto fail = [&](const std::string& why) { return DateParseResult{std::nullopt, quoted + " " + why}; };
    const char* expected = "is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)";
    // Optional leading '-' for years before year 0 (astronomical), 4 to 12 digit years
    // (deep time: TimelineJS's cosmological scale writes the Big Bang as year -13800000000).
    std::size_t pos = 0;
    bool negative = false;
    if (!text.empty() && text[0] == '-') {
        negative = true;
        pos = 1;
    }
    const std::size_t dash = text.find('-', pos);
    const std::string_view yearPart =
        text.substr(pos, dash == std::string_view::npos ? std::string_view::npos : dash - pos);
    if (yearPart.size() < 4 || yearPart.size() > 12 || !allDigits(yearPart)) return fail(expected);
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

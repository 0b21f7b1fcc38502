#include "core/date_snap.h"

#include <algorithm>

namespace meridian {

namespace {

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

}  // namespace

Date snapToPrecision(DayNumber day, DatePrecision precision) {
    const CivilDate c = civilFromDays(day);
    switch (precision) {
        case DatePrecision::Year:
            return Date::fromYear(c.year);
        case DatePrecision::Month:
            return Date::fromYearMonth(c.year, c.month);
        case DatePrecision::Day:
            break;
    }
    return Date::fromCivil(c.year, c.month, c.day);
}

Date withPrecision(const Date& date, DatePrecision precision) {
    return snapToPrecision(date.firstDay(), precision);
}

Date shiftDate(const Date& date, std::int64_t months, DayNumber days) {
    const CivilDate c = date.civil();
    switch (date.precision()) {
        case DatePrecision::Year: {
            // Whole years: 6 months or more round away from zero.
            const std::int64_t years = months >= 0 ? (months + 6) / 12 : -((-months + 6) / 12);
            const DayNumber byDays = days / 365;  // a drag of days only moves a year-only date by whole years
            return Date::fromYear(c.year + years + byDays);
        }
        case DatePrecision::Month: {
            const std::int64_t m = c.year * 12 + (c.month - 1) + months + days / 30;
            return Date::fromYearMonth(floorDiv(m, 12), static_cast<int>(m - floorDiv(m, 12) * 12) + 1);
        }
        case DatePrecision::Day:
            break;
    }
    const std::int64_t m = c.year * 12 + (c.month - 1) + months;
    const std::int64_t year = floorDiv(m, 12);
    const int month = static_cast<int>(m - year * 12) + 1;
    const int day = std::min(c.day, daysInMonth(year, month));
    return snapToPrecision(daysFromCivil(year, month, day) + days, DatePrecision::Day);
}

std::int64_t monthsBetween(const Date& from, const Date& to) {
    const CivilDate a = from.civil(), b = to.civil();
    return (b.year - a.year) * 12 + (b.month - a.month);
}

std::optional<Date> dateFromParts(std::int64_t year, int month, int day, DatePrecision precision, std::string* error) {
    auto fail = [&](std::string why) -> std::optional<Date> {
        if (error) *error = std::move(why);
        return std::nullopt;
    };
    if (year < -1000000000 || year > 1000000000) return fail("the year is out of range");
    if (precision == DatePrecision::Year) return Date::fromYear(year);
    if (month < 1 || month > 12) return fail("expected a month from 1 to 12");
    if (precision == DatePrecision::Month) return Date::fromYearMonth(year, month);
    const int last = daysInMonth(year, month);
    if (day < 1 || day > last)
        return fail(std::string(monthName(month)) + " " + std::to_string(year) + " has " + std::to_string(last) +
                    " days");
    return Date::fromCivil(year, month, day);
}

const char* precisionLabel(DatePrecision p) {
    switch (p) {
        case DatePrecision::Year:
            return "Year";
        case DatePrecision::Month:
            return "Month";
        case DatePrecision::Day:
            break;
    }
    return "Day";
}

}  // namespace meridian

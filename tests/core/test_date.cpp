#include <doctest.h>

#include <optional>

#include "core/date.h"

using namespace meridian;

TEST_CASE("day numbers round-trip across eras, leap days and years before 1970") {
    CHECK(daysFromCivil(1970, 1, 1) == 0);
    CHECK(daysFromCivil(1969, 12, 31) == -1);
    CHECK(daysFromCivil(2000, 3, 1) - daysFromCivil(2000, 2, 28) == 2);  // 2000 is a leap year
    CHECK(daysFromCivil(1900, 3, 1) - daysFromCivil(1900, 2, 28) == 1);  // 1900 is not
    for (DayNumber d = -800000; d <= 800000; d += 997) {
        const CivilDate c = civilFromDays(d);
        CHECK(daysFromCivil(c.year, c.month, c.day) == d);
    }
    const CivilDate bc = civilFromDays(daysFromCivil(-44, 3, 15));
    CHECK(bc.year == -44);
    CHECK(bc.month == 3);
    CHECK(bc.day == 15);
}

TEST_CASE("partial dates keep their precision and cover their whole span") {
    const auto year = parseIsoDate("1987");
    REQUIRE(year.date);
    CHECK(year.date->precision() == DatePrecision::Year);
    CHECK(year.date->span().length() == 365);
    CHECK(year.date->iso() == "1987");
    CHECK(year.date->display() == "1987");

    const auto leapYear = parseIsoDate("1988");
    CHECK(leapYear.date->span().length() == 366);

    const auto month = parseIsoDate("1988-02");
    REQUIRE(month.date);
    CHECK(month.date->precision() == DatePrecision::Month);
    CHECK(month.date->span().length() == 29);
    CHECK(month.date->display() == "February 1988");

    const auto day = parseIsoDate("2006-07-05");
    REQUIRE(day.date);
    CHECK(day.date->span().length() == 1);
    CHECK(day.date->display() == "5 July 2006");
    CHECK(day.date->iso() == "2006-07-05");
    CHECK(formatDayNumber(day.date->firstDay()) == "2006-07-05");
}

TEST_CASE("years before year 0 are written with four digits and read back (found by fuzz_date)") {
    // "-0575" was written back as "-575", which parseIsoDate refuses: a story with such a date
    // could not be saved.
    for (const char* text : {"-0575", "-0043-03-15", "-0001-12", "0000", "-10000", "-123456-02-29"}) {
        const auto parsed = parseIsoDate(text);
        REQUIRE_MESSAGE(parsed.date, text);
        CHECK(parsed.date->iso() == text);
        CHECK(parseIsoDate(parsed.date->iso()).date == parsed.date);
    }
    CHECK(Date::fromYear(-1).iso() == "-0001");
    CHECK(formatDayNumber(daysFromCivil(-44, 3, 15)) == "-0044-03-15");
}

TEST_CASE("invalid dates say why") {
    CHECK(parseIsoDate("2006-02-30").error == "\"2006-02-30\" is not a calendar date (February 2006 has 28 days)");
    CHECK(parseIsoDate("2004-02-29").date.has_value());
    CHECK(parseIsoDate("1900-02-29").error.find("February 1900 has 28 days") != std::string::npos);
    CHECK(parseIsoDate("1987-13").error.find("month 13 is not 01-12") != std::string::npos);
    CHECK(parseIsoDate("1987-00-10").error.find("month 0") != std::string::npos);
    for (const char* bad :
         {"", "87", "1987-3", "1987-03-5", "1987/03/05", "1987-03-05T10:00", "abcd", "1987-03-", "+1987"})
        CHECK_MESSAGE(!parseIsoDate(bad).date, bad);
    CHECK(parseIsoDate("1987-3").error.find("expected YYYY, YYYY-MM or YYYY-MM-DD") != std::string::npos);
}

TEST_CASE("spans for people, as coarse as their ends allow") {
    CHECK(describeSpan({daysFromCivil(1993, 1, 1), daysFromCivil(2001, 1, 1)}) == "1993 \u2013 2000");
    CHECK(describeSpan({daysFromCivil(2006, 1, 1), daysFromCivil(2007, 1, 1)}) == "2006");
    CHECK(describeSpan({daysFromCivil(1993, 5, 1), daysFromCivil(2000, 8, 1)}) == "May 1993 \u2013 Jul 2000");
    CHECK(describeSpan({daysFromCivil(2008, 2, 1), daysFromCivil(2008, 3, 1)}) == "Feb 2008");  // a leap February
    CHECK(describeSpan({daysFromCivil(2006, 7, 5), daysFromCivil(2006, 10, 10)}) == "5 Jul \u2013 9 Oct 2006");
    CHECK(describeSpan({daysFromCivil(2006, 7, 5), daysFromCivil(2006, 7, 6)}) == "5 Jul 2006");
    CHECK(describeSpan({daysFromCivil(-43, 1, 1), daysFromCivil(-42, 1, 1)}) == "44 BC");
}

TEST_CASE("a date is 12 bytes aligned on 2 and keeps a day count beyond 32 bits") {
    static_assert(sizeof(Date) == 12 && alignof(Date) == 2);
    static_assert(sizeof(std::optional<Date>) == 14);
    const Date bigBang = Date::fromYear(-13800000000LL);
    CHECK(bigBang.firstDay() == daysFromCivil(-13800000000LL, 1, 1));
    CHECK(bigBang.firstDay() < -(DayNumber{1} << 40));
    CHECK(bigBang.span().length() == 366);  // -13800000000 is divisible by 400: a leap year
    CHECK(bigBang.civil().year == -13800000000LL);
    CHECK(Date::fromCivil(2006, 7, 5) == Date::fromCivil(2006, 7, 5));
    CHECK_FALSE(Date::fromCivil(2006, 7, 5) == Date::fromYearMonth(2006, 7));
}

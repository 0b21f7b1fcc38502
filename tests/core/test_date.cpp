#include <doctest.h>

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

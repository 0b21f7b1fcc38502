// Dates as the editor changes them: snapping to a precision, shifting by
// months and days (month ends, leap days, years before 1970), form parts.
#include <doctest.h>

#include "core/date_snap.h"

using namespace meridian;

TEST_CASE("date snap: a day snaps to the year or month that contains it") {
    const DayNumber d = daysFromCivil(1987, 3, 14);
    CHECK(snapToPrecision(d, DatePrecision::Year).iso() == "1987");
    CHECK(snapToPrecision(d, DatePrecision::Month).iso() == "1987-03");
    CHECK(snapToPrecision(d, DatePrecision::Day).iso() == "1987-03-14");
    // Before 1970 and before year 0 (astronomical years).
    CHECK(snapToPrecision(daysFromCivil(-43, 3, 15), DatePrecision::Month).iso() == "-0043-03");
    CHECK(snapToPrecision(daysFromCivil(1969, 12, 31), DatePrecision::Year).iso() == "1969");
}

TEST_CASE("date snap: changing the precision keeps the start") {
    CHECK(withPrecision(*parseIsoDate("1987-03-14").date, DatePrecision::Year).iso() == "1987");
    CHECK(withPrecision(*parseIsoDate("1987").date, DatePrecision::Day).iso() == "1987-01-01");
    CHECK(withPrecision(*parseIsoDate("1987-11").date, DatePrecision::Day).iso() == "1987-11-01");
}

TEST_CASE("date snap: shifting by months keeps the day where the month has it") {
    const Date jan31 = *parseIsoDate("2004-01-31").date;
    CHECK(shiftDate(jan31, 1, 0).iso() == "2004-02-29");  // leap year
    CHECK(shiftDate(jan31, 13, 0).iso() == "2005-02-28");
    CHECK(shiftDate(jan31, -1, 0).iso() == "2003-12-31");
    CHECK(shiftDate(jan31, 0, 1).iso() == "2004-02-01");
    CHECK(shiftDate(*parseIsoDate("1970-01").date, -1, 0).iso() == "1969-12");
    CHECK(shiftDate(*parseIsoDate("1987").date, 18, 0).iso() == "1989");  // 1.5 years rounds to 2
    CHECK(shiftDate(*parseIsoDate("1987").date, -5, 0).iso() == "1987");
    CHECK(monthsBetween(*parseIsoDate("1987-03").date, *parseIsoDate("1988-01-20").date) == 10);
    CHECK(monthsBetween(*parseIsoDate("1988-01").date, *parseIsoDate("1987-03").date) == -10);
}

TEST_CASE("date snap: a date from a form's parts, or what is wrong with them") {
    std::string error;
    CHECK(dateFromParts(2006, 7, 5, DatePrecision::Day)->iso() == "2006-07-05");
    CHECK(dateFromParts(2006, 7, 99, DatePrecision::Month)->iso() == "2006-07");  // the day is not read
    CHECK(dateFromParts(2006, 0, 0, DatePrecision::Year)->iso() == "2006");
    CHECK_FALSE(dateFromParts(2006, 2, 29, DatePrecision::Day, &error));
    CHECK(error == "February 2006 has 28 days");
    CHECK(dateFromParts(2004, 2, 29, DatePrecision::Day));
    CHECK_FALSE(dateFromParts(2006, 13, 1, DatePrecision::Month, &error));
    CHECK(error == "expected a month from 1 to 12");
}

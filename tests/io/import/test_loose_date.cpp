#include <doctest.h>

#include <string>

#include "io/import/loose_date.h"

using namespace meridian;
using namespace meridian::io;

namespace {

// "1987-03-14" / "1987-03-14..1989 ~ 14:30": the parsed value in one string, or "error: ...".
std::string parsed(std::string_view text, DayMonthOrder order = DayMonthOrder::Unknown) {
    const LooseDateResult r = parseLooseDate(text, order);
    if (!r.value) return (r.needsOrder ? "ask: " : "error: ") + r.error;
    std::string out = r.value->date.iso();
    if (r.value->end) out += ".." + r.value->end->iso();
    if (r.value->approx) out += " ~";
    if (r.value->minuteOfDay) out += " " + formatTimeOfDay(*r.value->minuteOfDay);
    return out;
}

Cell text(std::string s) {
    Cell c;
    c.kind = s.empty() ? Cell::Kind::Empty : Cell::Kind::Text;
    c.text = std::move(s);
    return c;
}

Cell number(double x) {
    Cell c;
    c.kind = Cell::Kind::Number;
    c.number = x;
    return c;
}

std::string fromParts(const Cell* y, const Cell* m, const Cell* d, const Cell* t = nullptr) {
    const LooseDateResult r = looseDateFromParts(y, m, d, t);
    if (!r.value) return "error: " + r.error;
    std::string out = r.value->date.iso();
    if (r.value->minuteOfDay) out += " " + formatTimeOfDay(*r.value->minuteOfDay);
    return out;
}

}  // namespace

TEST_CASE("loose dates: ISO with its precision, times of day, time zones dropped") {
    CHECK(parsed("1987") == "1987");
    CHECK(parsed("1987-03") == "1987-03");
    CHECK(parsed("1987-03-14") == "1987-03-14");
    CHECK(parsed("  2006-7-5 ") == "2006-07-05");
    CHECK(parsed("2006-07-05T14:30") == "2006-07-05 14:30");
    CHECK(parsed("2006-07-05T14:30:59Z") == "2006-07-05 14:30");
    CHECK(parsed("2006-07-05 14:30:00+09:00") == "2006-07-05 14:30");
    CHECK(parsed("2006-07-05 2:30 PM") == "2006-07-05 14:30");
    CHECK(parsed("2006/07/05") == "2006-07-05");
    CHECK(parsed("622") == "0622");
    CHECK(parsed("2006-02-30") == "error: \"2006-02-30\" is not a calendar date (February 2006 has 28 days)");
    CHECK(parsed("2006-13") == "error: \"2006-13\" is not a date (no month 13)");
    CHECK(parsed("1987 14:30") == "error: \"1987 14:30\" has a time of day but no day (a time needs a full date)");
    CHECK(parsed("2006-07-05 25:00") ==
          "error: \"2006-07-05 25:00\" has a time of day that cannot be read (expected e.g. 14:30 or 2:30 PM)");
}

TEST_CASE("loose dates: approximate, decades, ranges") {
    CHECK(parsed("c. 1987") == "1987 ~");
    CHECK(parsed("ca. 1987") == "1987 ~");
    CHECK(parsed("circa 1987") == "1987 ~");
    CHECK(parsed("c.1987") == "1987 ~");
    CHECK(parsed("~1987") == "1987 ~");
    CHECK(parsed("1987?") == "1987 ~");
    CHECK(parsed("about March 1987") == "1987-03 ~");
    CHECK(parsed("1980s") == "1980..1989");
    CHECK(parsed("1980's") == "1980..1989");
    CHECK(parsed("c. 1990s") == "1990..1999 ~");
    CHECK(parsed("1888188818180s") == "error: \"1888188818180s\" is not a date (the year is out of range)");  // fuzz
    CHECK(parsed("1983-1985") == "1983..1985");
    CHECK(parsed("1983 \xE2\x80\x93 1985") == "1983..1985");  // en dash
    CHECK(parsed("1983 to 1985") == "1983..1985");
    CHECK(parsed("5 July 2006 - 7 July 2006") == "2006-07-05..2006-07-07");
    CHECK(parsed("1985-1983") == "error: \"1985-1983\" is not a date range (it ends before it starts)");
}

TEST_CASE("loose dates: years before year 1") {
    CHECK(parsed("44 BC") == "-0043");
    CHECK(parsed("44 BCE") == "-0043");
    CHECK(parsed("44 B.C.") == "-0043");
    CHECK(parsed("-0043") == "-0043");
    CHECK(parsed("1 BC") == "0000");
    CHECK(parsed("AD 44") == "0044");
    CHECK(parsed("44 AD") == "0044");
    CHECK(parsed(" a.d. a.d.").rfind("error: ", 0) == 0);  // fuzz: the prefix after a suffix went out of range
    CHECK(parsed("15 March 44 BC") == "-0043-03-15");
    CHECK(parsed("c. 3000 BC") == "-2999 ~");
    CHECK(parsed("-13800000000") == "-13800000000");  // TimelineJS's Big Bang
    CHECK(parsed("0 BC").rfind("error: \"0 BC\" is not a date", 0) == 0);
}

TEST_CASE("loose dates: English month names, weekdays and ordinals") {
    CHECK(parsed("14 March 1987") == "1987-03-14");
    CHECK(parsed("March 14, 1987") == "1987-03-14");
    CHECK(parsed("Mar 14 1987") == "1987-03-14");
    CHECK(parsed("14-Mar-1987") == "1987-03-14");
    CHECK(parsed("Sept. 1, 1939") == "1939-09-01");
    CHECK(parsed("March 1987") == "1987-03");
    CHECK(parsed("Monday, 5 July 2006") == "2006-07-05");
    CHECK(parsed("July 5th, 2006") == "2006-07-05");
    CHECK(parsed("1987 March 14") == "1987-03-14");
    CHECK(parsed("March 14") ==
          "error: \"March 14\" has a two-digit year (write the full year: the century cannot be known)");
    CHECK(parsed("31 June 2006") == "error: \"31 June 2006\" is not a calendar date (June 2006 has 30 days)");
    CHECK(parsed("Someday 2006").rfind("error: \"Someday 2006\" is not a date (expected e.g.", 0) == 0);
}

TEST_CASE("loose dates: numeric day/month order") {
    CHECK(parsed("05/07/2006") == "ask: \"05/07/2006\" could be 7 May or 5 July 2006: choose day-first or month-first");
    CHECK(parsed("05/07/2006", DayMonthOrder::DayFirst) == "2006-07-05");
    CHECK(parsed("05/07/2006", DayMonthOrder::MonthFirst) == "2006-05-07");
    CHECK(parsed("31/12/2006") == "2006-12-31");  // only one reading
    CHECK(parsed("12/31/2006") == "2006-12-31");
    CHECK(parsed("07/07/2006") == "2006-07-07");
    CHECK(parsed("5.7.2006") == "2006-07-05");  // dots are day-first
    CHECK(parsed("31/12/2006", DayMonthOrder::MonthFirst) ==
          "error: \"31/12/2006\" is not a date in month-first order (no month 31)");
    CHECK(parsed("31/31/2006") == "error: \"31/31/2006\" is not a date (neither 31 nor 31 can be a month)");
    CHECK(parsed("07/2006") == "2006-07");
    CHECK(parsed("5/7/06") ==
          "error: \"5/7/06\" has a two-digit year (write the full year: the century cannot be known)");
    CHECK(parsed("05/07/2006 14:30", DayMonthOrder::DayFirst) == "2006-07-05 14:30");
}

TEST_CASE("loose dates: the day/month order of a whole column") {
    SUBCASE("a first field over 12 decides day-first") {
        DayMonthOrderGuess g;
        g.observe("05/07/2006", 1);
        g.observe("2006-01-01", 2);
        g.observe("31/12/2006", 3);
        CHECK(g.order() == DayMonthOrder::DayFirst);
        CHECK_FALSE(g.ambiguous());
        CHECK(g.explanation() == "day-first: row 3 has \"31/12/2006\"");
    }
    SUBCASE("a second field over 12 decides month-first") {
        DayMonthOrderGuess g;
        g.observe("05/07/2006", 1);
        g.observe("c. 12/31/2006", 2);
        CHECK(g.order() == DayMonthOrder::MonthFirst);
        CHECK(g.explanation() == "month-first: row 2 has \"12/31/2006\"");
    }
    SUBCASE("nothing decides: ambiguous, the UI asks") {
        DayMonthOrderGuess g;
        g.observe("05/07/2006", 4);
        g.observe("03/04/2007", 5);
        g.observe("07/07/2007", 6);
        CHECK(g.order() == DayMonthOrder::Unknown);
        CHECK(g.ambiguous());
        CHECK(g.explanation() ==
              "row 4 has \"05/07/2006\": day-first or month-first? No date in the column tells (2 dates like it)");
    }
    SUBCASE("rows that disagree") {
        DayMonthOrderGuess g;
        g.observe("31/12/2006", 2);
        g.observe("12/31/2006", 9);
        CHECK(g.conflicting());
        CHECK(g.order() == DayMonthOrder::Unknown);
        CHECK(g.explanation().rfind("rows 2 and 9 disagree", 0) == 0);
    }
    SUBCASE("dots") {
        DayMonthOrderGuess g;
        g.observe("05.07.2006", 1);
        CHECK(g.order() == DayMonthOrder::DayFirst);
    }
    SUBCASE("no numeric dates") {
        DayMonthOrderGuess g;
        g.observe("1987", 1);
        g.observe("14 March 1987", 2);
        CHECK(g.order() == DayMonthOrder::Unknown);
        CHECK_FALSE(g.ambiguous());
        CHECK(g.explanation().empty());
    }
}

TEST_CASE("loose dates: typed spreadsheet cells") {
    Cell date;
    date.kind = Cell::Kind::Date;
    date.year = 2006, date.month = 7, date.day = 5;
    LooseDateResult r = looseDateFromCell(date);
    REQUIRE(r.value);
    CHECK(r.value->date == Date::fromCivil(2006, 7, 5));
    CHECK_FALSE(r.value->minuteOfDay);

    Cell dateTime = date;
    dateTime.kind = Cell::Kind::DateTime;
    dateTime.hour = 9, dateTime.minute = 41;
    r = looseDateFromCell(dateTime);
    REQUIRE(r.value);
    CHECK(r.value->minuteOfDay == 9 * 60 + 41);

    Cell bad = date;
    bad.month = 2, bad.day = 30, bad.text = "30/02/2006";
    CHECK(looseDateFromCell(bad).error == "\"30/02/2006\" is not a calendar date (February 2006 has 28 days)");

    r = looseDateFromCell(number(1987));
    REQUIRE(r.value);
    CHECK(r.value->date == Date::fromYear(1987));
    CHECK(looseDateFromCell(number(1987.5)).error.rfind("\"1987.5\" is not a date", 0) == 0);
    CHECK(looseDateFromCell(text("c. 1987")).value->approx);
}

TEST_CASE("loose dates: separate year, month, day and time columns (TimelineJS's sheet)") {
    const Cell y = text("1815"), m = text("12"), d = text("10"), t = text("2:05 PM");
    CHECK(fromParts(&y, &m, &d) == "1815-12-10");
    CHECK(fromParts(&y, &m, nullptr) == "1815-12");
    CHECK(fromParts(&y, nullptr, nullptr) == "1815");
    const Cell emptyCell;
    CHECK(fromParts(&y, &emptyCell, &emptyCell) == "1815");
    CHECK(fromParts(&y, &m, &d, &t) == "1815-12-10 14:05");
    const Cell monthName = text("December");
    CHECK(fromParts(&y, &monthName, &d) == "1815-12-10");
    const Cell negative = text("-13800000000");
    CHECK(fromParts(&negative, nullptr, nullptr) == "-13800000000");
    const Cell bc = text("44 BC");
    CHECK(fromParts(&bc, nullptr, nullptr) == "-0043");
    const Cell yNumber = number(1943), mNumber = number(7), spreadsheetTime = number(0.5);
    CHECK(fromParts(&yNumber, &mNumber, &d, &spreadsheetTime) == "1943-07-10 12:00");

    const Cell badMonth = text("13"), badDay = text("31"), feb = text("2");
    CHECK(fromParts(&y, &badMonth, &d) == "error: \"13\" is not a month (expected 1 to 12 or a month name)");
    CHECK(fromParts(&y, &feb, &badDay) == "error: \"1815-2-31\" is not a calendar date (February 1815 has 28 days)");
    CHECK(fromParts(&y, nullptr, &d) == "error: \"10\" is a day without a month");
    CHECK(fromParts(&emptyCell, &m, &d) == "error: \"\" no year (a month or day needs a year)");
    const Cell notYear = text("soon");
    CHECK(fromParts(&notYear, nullptr, nullptr) == "error: \"soon\" is not a year");
}

TEST_CASE("loose dates: times of day") {
    CHECK(parseLooseTime("14:30") == 870);
    CHECK(parseLooseTime("14:30:15") == 870);
    CHECK(parseLooseTime("14:30:15.250") == 870);
    CHECK(parseLooseTime("2:30 PM") == 870);
    CHECK(parseLooseTime("2:30 p.m.") == 870);
    CHECK(parseLooseTime("12 am") == 0);
    CHECK(parseLooseTime("12:15 pm") == 735);
    CHECK(parseLooseTime("1430") == 870);
    CHECK(parseLooseTime("14.30") == 870);
    CHECK_FALSE(parseLooseTime("14"));
    CHECK_FALSE(parseLooseTime("24:00"));
    CHECK_FALSE(parseLooseTime("13 pm"));
    CHECK_FALSE(parseLooseTime("noon"));
}

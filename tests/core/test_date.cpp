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

#include "core/view_state.h"
#include "io/dataset_loader.h"

TEST_CASE("range queries find long events that start before the window, and nothing else") {
    Dataset ds;
    auto add = [&](const char* id, const char* date, const char* end) {
        Event e;
        e.id = id;
        e.date = *parseIsoDate(date).date;
        if (end) e.end = *parseIsoDate(end).date;
        ds.events.push_back(e);
    };
    add("war", "1980-09-22", "1988-08-20");
    add("a", "1985", nullptr);
    add("b", "1990-05-01", nullptr);
    add("c", "2006-07-05", nullptr);
    ds.finalize();
    std::vector<std::string> found;
    ds.forEachEventOverlapping({daysFromCivil(1987, 1, 1), daysFromCivil(1991, 1, 1)},
                               [&](Index i) { found.push_back(ds.events[i].id); });
    CHECK(found == std::vector<std::string>{"war", "b"});
    found.clear();
    ds.forEachEventOverlapping({daysFromCivil(1985, 12, 31), daysFromCivil(1986, 1, 1)},
                               [&](Index i) { found.push_back(ds.events[i].id); });
    CHECK(found == std::vector<std::string>{"war", "a"});  // a year-only 1985 event covers 31 Dec 1985
}

TEST_CASE("map opacity: an event appears at its first day, holds while it lasts, then fades over the trail") {
    Event e;
    e.date = *parseIsoDate("2006-07").date;  // July 2006
    ViewState v;
    v.trailDays = 100;
    v.playheadDay = static_cast<double>(daysFromCivil(2006, 6, 30));
    CHECK(eventOpacityAt(e, v) == 0.0f);
    v.playheadDay = static_cast<double>(daysFromCivil(2006, 7, 20));
    CHECK(eventOpacityAt(e, v) == 1.0f);
    v.playheadDay = static_cast<double>(daysFromCivil(2006, 8, 1)) + 50;
    CHECK(eventOpacityAt(e, v) == doctest::Approx(0.15 + 0.85 * 0.5));
    v.playheadDay += 51;
    CHECK(eventOpacityAt(e, v) == 0.0f);
    v.allUpToNow = true;
    CHECK(eventOpacityAt(e, v) == 1.0f);
    v.window = DaySpan{daysFromCivil(2007, 1, 1), daysFromCivil(2008, 1, 1)};
    CHECK(eventOpacityAt(e, v) == 0.0f);  // a brushed window shows exactly its events
    v.window = DaySpan{daysFromCivil(2006, 7, 31), daysFromCivil(2006, 8, 2)};
    CHECK(eventOpacityAt(e, v) == 1.0f);
}

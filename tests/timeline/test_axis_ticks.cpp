#include <doctest.h>

#include <cmath>
#include <string>

#include "timeline/axis_ticks.h"
#include "timeline_test_data.h"

using namespace meridian;
using namespace meridian::timeline;
using meridian::timeline::test::dayNumber;

namespace {

// Is `day` a boundary of `unit`: 1 Jan of a multiple-of-N year, the 1st of a
// multiple-of-N month, day 1 + kN of a month with the N days fitting in it.
bool onBoundary(TickUnit unit, double dayValue) {
    if (dayValue != std::floor(dayValue)) return false;
    const auto day = static_cast<DayNumber>(dayValue);
    const CivilDate c = civilFromDays(day);
    const int u = static_cast<int>(unit);
    static constexpr int kStep[] = {1, 2, 7, 14, 1, 3, 6, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
    const int n = kStep[u];
    if (unit >= TickUnit::Year1) return c.month == 1 && c.day == 1 && ((c.year % n) + n) % n == 0;
    if (unit >= TickUnit::Month1) return c.day == 1 && (c.month - 1) % n == 0;
    return (c.day - 1) % n == 0 && c.day - 1 + n <= daysInMonth(c.year, c.month);
}

// A proportional-font stand-in: digits 7 px, narrow letters 4, wide 10, space 3.
float proportionalWidth(std::string_view s) {
    float w = 0;
    for (char ch : s)
        w += ch == ' '                                            ? 3.f
             : (ch == 'i' || ch == 'l' || ch == 'r' || ch == 't') ? 4.f
             : (ch == 'M' || ch == 'W' || ch == 'm')              ? 10.f
                                                                  : 7.f;
    return w;
}

void checkTicks(const TimeAxisView& view, const AxisTickOptions& options, const AxisTicks& ticks) {
    REQUIRE(!ticks.ticks.empty());
    const AxisTick* prevMajor = nullptr;
    int majorsInView = 0;
    for (std::size_t i = 0; i < ticks.ticks.size(); ++i) {
        const AxisTick& t = ticks.ticks[i];
        if (i > 0) REQUIRE(ticks.ticks[i - 1].day < t.day);  // sorted, no duplicates
        CHECK(t.xPx == doctest::Approx(view.dayToX(t.day)).epsilon(1e-5));
        CHECK(t.day < view.lastDay());
        if (!t.isMajor) {
            CHECK(ticks.hasMinor);
            CHECK(onBoundary(ticks.minorUnit, t.day));
            CHECK(t.day >= view.firstDay);
            CHECK(t.labelLength == 0);
            continue;
        }
        CHECK(onBoundary(ticks.majorUnit, t.day));
        if (prevMajor == nullptr)
            CHECK(t.day <= std::ceil(view.firstDay));  // the first is at or before the edge
        else
            CHECK(t.day >= view.firstDay);
        if (t.xPx >= 0 && t.xPx < view.widthPx) ++majorsInView;
        CHECK(t.labelLength == std::string_view(t.label).size());
        if (prevMajor) {
            // Labels never overlap and sit at least a gap apart.
            CHECK(prevMajor->xPx + prevMajor->labelWidthPx + options.labelGapPx <= t.xPx + 1e-3f);
            // And ticks of a unit are never closer than its shortest gap (day ticks restart on the 1st).
            CHECK(t.day - prevMajor->day >= minUnitDays(ticks.majorUnit));
            if (ticks.majorUnit <= TickUnit::Day14) CHECK(t.day - prevMajor->day < 2 * minUnitDays(ticks.majorUnit));
        }
        prevMajor = &t;
    }
    CHECK(majorsInView >= 1);
}

std::string labelAt(const AxisTicks& ticks, double dayValue) {
    for (const AxisTick& t : ticks.ticks)
        if (t.day == dayValue) return std::string(t.labelText());
    return "(none)";
}

}  // namespace

TEST_CASE("timeline axis: ticks sit on calendar boundaries and major labels never overlap, at every zoom") {
    AxisTickOptions fixed;
    AxisTickOptions proportional;
    proportional.labelWidthPx = proportionalWidth;
    AxisTicks ticks;
    int views = 0;
    for (double firstDay : {dayNumber(1987, 3, 10), dayNumber(1969, 12, 20), dayNumber(2000, 2, 20),
                            dayNumber(1900, 2, 20), dayNumber(1850, 7, 4), dayNumber(-500, 11, 30) + 0.37}) {
        for (double width : {300.0, 800.0, 1600.0}) {
            for (double days = kMinVisibleDays; days <= kMaxVisibleDays; days *= 1.37) {
                for (const AxisTickOptions* options : {&fixed, &proportional}) {
                    const TimeAxisView view{firstDay, width / days, width};
                    CAPTURE(firstDay);
                    CAPTURE(width);
                    CAPTURE(days);
                    computeAxisTicks(view, *options, ticks);
                    CAPTURE(tickUnitName(ticks.majorUnit));
                    checkTicks(view, *options, ticks);
                    ++views;
                }
            }
        }
    }
    CHECK(views > 500);
}

TEST_CASE("timeline axis: the unit follows the zoom (years, months, days) with readable labels") {
    AxisTickOptions options;  // 7 px a character, 12 px gap
    AxisTicks ticks;

    // 1980-2024 on 1600 px: a year is 36 px, "1980" needs 40: every 2 years.
    const TimeAxisView decades = fitSpan({daysFromCivil(1980, 1, 1), daysFromCivil(2025, 1, 1)}, 1600, 0);
    computeAxisTicks(decades, options, ticks);
    CHECK(ticks.majorUnit == TickUnit::Year2);
    CHECK(labelAt(ticks, dayNumber(1980, 1, 1)) == "1980");
    CHECK(labelAt(ticks, dayNumber(1982, 1, 1)) == "1982");
    CHECK(ticks.hasMinor);
    CHECK(ticks.minorUnit == TickUnit::Month3);  // 8 quarters per 2 years, 9 px apart

    // Two years: quarters labelled "Apr 1987".
    const TimeAxisView years = fitSpan({daysFromCivil(1987, 1, 1), daysFromCivil(1989, 1, 1)}, 1600, 0);
    computeAxisTicks(years, options, ticks);
    CHECK(ticks.majorUnit == TickUnit::Month3);
    CHECK(labelAt(ticks, dayNumber(1987, 4, 1)) == "Apr 1987");
    CHECK(ticks.minorUnit == TickUnit::Month1);

    // Thirty days: every other day, "14 Mar 1987".
    const TimeAxisView month = fitSpan({daysFromCivil(1987, 3, 1), daysFromCivil(1987, 3, 31)}, 1600, 0);
    computeAxisTicks(month, options, ticks);
    CHECK(ticks.majorUnit == TickUnit::Day2);
    CHECK(labelAt(ticks, dayNumber(1987, 3, 15)) == "15 Mar 1987");
    CHECK(ticks.minorUnit == TickUnit::Day1);

    // Six centuries on a narrow axis: centuries.
    const TimeAxisView history{dayNumber(1500, 1, 1), 400 / kMaxVisibleDays, 400};
    computeAxisTicks(history, options, ticks);
    CHECK(ticks.majorUnit == TickUnit::Year100);
    CHECK(labelAt(ticks, dayNumber(1700, 1, 1)) == "1700");
}

TEST_CASE("timeline axis: day ticks include 29 February in leap years and restart on the 1st") {
    // Daily ticks over February 1988 (leap) and 1900 (not leap: divisible by 100).
    CHECK(nextTick(TickUnit::Day1, daysFromCivil(1988, 2, 28)) == daysFromCivil(1988, 2, 29));
    CHECK(nextTick(TickUnit::Day1, daysFromCivil(1988, 2, 29)) == daysFromCivil(1988, 3, 1));
    CHECK(nextTick(TickUnit::Day1, daysFromCivil(1900, 2, 28)) == daysFromCivil(1900, 3, 1));
    CHECK(nextTick(TickUnit::Day1, daysFromCivil(2000, 2, 28)) == daysFromCivil(2000, 2, 29));  // 400 rule
    // Two-day ticks: 1, 3, ... 27 February 1988; 29 is dropped (one day before 1 March).
    CHECK(nextTick(TickUnit::Day2, daysFromCivil(1988, 2, 27)) == daysFromCivil(1988, 3, 1));
    CHECK(tickAtOrBefore(TickUnit::Day2, daysFromCivil(1988, 2, 29)) == daysFromCivil(1988, 2, 27));
    // In January 29 has its two days (29-30) but 31 has not: 29, then 1 February.
    CHECK(nextTick(TickUnit::Day2, daysFromCivil(1988, 1, 27)) == daysFromCivil(1988, 1, 29));
    CHECK(nextTick(TickUnit::Day2, daysFromCivil(1988, 1, 29)) == daysFromCivil(1988, 2, 1));
    CHECK(tickAtOrBefore(TickUnit::Day2, daysFromCivil(1988, 1, 31)) == daysFromCivil(1988, 1, 29));
    // Weeks: 1, 8, 15, 22, then the 1st.
    CHECK(nextTick(TickUnit::Day7, daysFromCivil(1961, 4, 22)) == daysFromCivil(1961, 5, 1));
    CHECK(tickAtOrBefore(TickUnit::Day7, daysFromCivil(1961, 4, 30)) == daysFromCivil(1961, 4, 22));

    AxisTicks ticks;
    AxisTickOptions options;
    options.pxPerChar = 2;                                    // small labels so a day tick fits
    const TimeAxisView feb{dayNumber(1988, 2, 20), 60, 900};  // 15 days
    computeAxisTicks(feb, options, ticks);
    REQUIRE(ticks.majorUnit == TickUnit::Day1);
    CHECK(labelAt(ticks, dayNumber(1988, 2, 29)) == "29 Feb 1988");
    CHECK(labelAt(ticks, dayNumber(1988, 3, 1)) == "1 Mar 1988");
    const TimeAxisView feb1900{dayNumber(1900, 2, 20), 60, 900};
    computeAxisTicks(feb1900, options, ticks);
    CHECK(labelAt(ticks, dayNumber(1900, 2, 28)) == "28 Feb 1900");
    CHECK(labelAt(ticks, dayNumber(1900, 3, 1)) == "1 Mar 1900");
}

TEST_CASE("timeline axis: years before 1970 and before year 1 fall on 1 January with BC labels") {
    CHECK(tickAtOrBefore(TickUnit::Year10, daysFromCivil(1969, 7, 1)) == daysFromCivil(1960, 1, 1));
    CHECK(tickAtOrBefore(TickUnit::Year100, daysFromCivil(-150, 3, 1)) == daysFromCivil(-200, 1, 1));
    CHECK(tickAtOrBefore(TickUnit::Month3, daysFromCivil(-1, 2, 10)) == daysFromCivil(-1, 1, 1));
    CHECK(nextTick(TickUnit::Month6, daysFromCivil(-1, 7, 1)) == daysFromCivil(0, 1, 1));
    char buf[32];
    formatTickLabel(TickUnit::Year10, daysFromCivil(-50, 1, 1), buf, sizeof buf);
    CHECK(std::string(buf) == "51 BC");  // astronomical -50
    formatTickLabel(TickUnit::Year1, daysFromCivil(0, 1, 1), buf, sizeof buf);
    CHECK(std::string(buf) == "1 BC");
    formatTickLabel(TickUnit::Month1, daysFromCivil(1848, 2, 1), buf, sizeof buf);
    CHECK(std::string(buf) == "Feb 1848");

    AxisTicks ticks;
    const TimeAxisView nineteenth = fitSpan({daysFromCivil(1840, 1, 1), daysFromCivil(1900, 1, 1)}, 1000, 0);
    computeAxisTicks(nineteenth, {}, ticks);
    CHECK(ticks.majorUnit == TickUnit::Year5);
    CHECK(labelAt(ticks, dayNumber(1845, 1, 1)) == "1845");
}

TEST_CASE("timeline axis: recomputing for a panned view reuses the tick vector") {
    AxisTicks ticks;
    TimeAxisView view = fitSpan({daysFromCivil(1980, 1, 1), daysFromCivil(2025, 1, 1)}, 1600, 0);
    computeAxisTicks(view, {}, ticks);
    ticks.ticks.reserve(ticks.ticks.size() * 2);
    const AxisTick* data = ticks.ticks.data();
    for (int i = 0; i < 50; ++i) {
        view = pan(view, 7);
        computeAxisTicks(view, {}, ticks);
        CHECK(ticks.ticks.data() == data);
    }
}

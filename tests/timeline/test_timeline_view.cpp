#include <doctest.h>

#include "timeline/timeline_view.h"
#include "timeline_test_data.h"

using namespace meridian;
using namespace meridian::timeline;
using meridian::timeline::test::dayNumber;

TEST_CASE("timeline view: zoomAround keeps the day under the cursor fixed") {
    for (double firstDay : {dayNumber(1987, 3, 14), dayNumber(1850, 1, 1), dayNumber(-200, 6, 1)}) {
        TimeAxisView view{firstDay, 0.5, 1600};
        for (double cursor : {0.0, 1.0, 417.3, 800.0, 1599.0}) {
            for (double factor : {1.1, 1 / 1.1, 2.0, 0.25, 7.5}) {
                CAPTURE(firstDay);
                CAPTURE(cursor);
                CAPTURE(factor);
                const double before = view.xToDay(cursor);
                const TimeAxisView zoomed = zoomAround(view, cursor, factor);
                CHECK(zoomed.xToDay(cursor) == doctest::Approx(before).epsilon(1e-12));
                CHECK(zoomed.pxPerDay == doctest::Approx(view.pxPerDay * factor));
                CHECK(zoomed.widthPx == view.widthPx);
            }
        }
    }
    // Many small wheel steps in and back out return to the same view.
    TimeAxisView view{dayNumber(1990, 1, 1), 0.2, 1200};
    const TimeAxisView start = view;
    for (int i = 0; i < 40; ++i) view = zoomAround(view, 333, 1.15);
    for (int i = 0; i < 40; ++i) view = zoomAround(view, 333, 1 / 1.15);
    CHECK(view.firstDay == doctest::Approx(start.firstDay).epsilon(1e-9));
    CHECK(view.pxPerDay == doctest::Approx(start.pxPerDay).epsilon(1e-9));
}

TEST_CASE("timeline view: zoom stops at 3 days and at 600 years across the width, cursor day still fixed") {
    const TimeAxisView view{dayNumber(2000, 1, 1), 1.0, 1000};
    const double cursorDay = view.xToDay(250);
    const TimeAxisView in = zoomAround(view, 250, 1e9);
    CHECK(in.visibleDays() == doctest::Approx(kMinVisibleDays));
    CHECK(in.xToDay(250) == doctest::Approx(cursorDay).epsilon(1e-12));
    const TimeAxisView out = zoomAround(view, 250, 1e-9);
    CHECK(out.visibleDays() == doctest::Approx(600 * 365.2425));
    CHECK(out.xToDay(250) == doctest::Approx(cursorDay).epsilon(1e-12));
    // Nonsense factors leave the view alone.
    CHECK(zoomAround(view, 250, 0).pxPerDay == view.pxPerDay);
    CHECK(zoomAround(view, 250, -2).pxPerDay == view.pxPerDay);
}

TEST_CASE("timeline view: pan moves the content with the drag") {
    const TimeAxisView view{dayNumber(1960, 5, 1), 2.0, 800};
    const double d = dayNumber(1960, 6, 1);
    const TimeAxisView right = pan(view, 100);
    CHECK(right.dayToX(d) == doctest::Approx(view.dayToX(d) + 100));
    CHECK(right.pxPerDay == view.pxPerDay);
    CHECK(pan(right, -100).firstDay == doctest::Approx(view.firstDay));
}

TEST_CASE("timeline view: fitSpan puts the span between the margins") {
    const DaySpan span{daysFromCivil(1980, 1, 1), daysFromCivil(2025, 1, 1)};
    const TimeAxisView view = fitSpan(span, 1600, 20);
    CHECK(view.dayToX(static_cast<double>(span.first)) == doctest::Approx(20));
    CHECK(view.dayToX(static_cast<double>(span.last)) == doctest::Approx(1580));
    // A single day is shorter than the zoom limit: centred, 3 days across.
    const DaySpan one{daysFromCivil(1944, 6, 6), daysFromCivil(1944, 6, 7)};
    const TimeAxisView tight = fitSpan(one, 900, 20);
    CHECK(tight.visibleDays() == doctest::Approx(kMinVisibleDays));
    CHECK(tight.dayToX(static_cast<double>(one.first) + 0.5) == doctest::Approx(450));
}

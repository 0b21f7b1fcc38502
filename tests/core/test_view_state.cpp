// What the map shows at the playhead: opacity over time, trail and window.
#include <doctest.h>

#include "core/view_state.h"

using namespace meridian;

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

TEST_CASE("selecting asks the other views to reveal the selection once") {
    ViewState v;
    v.select(3);
    CHECK(v.selected == 3);
    CHECK(v.revealSelected);
    v.revealSelected = false;
    v.select(3);
    CHECK_FALSE(v.revealSelected);  // the same event again: nothing to reveal
    const auto version = v.highlightVersion;
    v.setHighlighted({1, 2});
    CHECK(v.highlightVersion == version + 1);
}

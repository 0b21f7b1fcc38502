#include <doctest.h>

#include "timeline/lanes.h"
#include "timeline/timeline_index.h"
#include "timeline_test_data.h"

using namespace meridian;
using namespace meridian::timeline;
using namespace meridian::timeline::test;

TEST_CASE("timeline navigation: next and previous event by start day, over visible events") {
    Dataset ds = makeDataset({makeEvent("c", day(1990, 5, 1)), makeEvent("a", day(1960, 1, 1)),
                              makeEvent("b2", day(1975, 7, 4)), makeEvent("b1", day(1975, 7, 4)),
                              makeEvent("hidden", day(1980, 1, 1)), makeEvent("y", Date::fromYear(1995))});
    const std::vector<std::uint8_t> visible{1, 1, 1, 1, 0, 1};
    TimelineIndex index;
    index.build(ds, visible);
    auto id = [&](Index i) { return i == kNoIndex ? std::string("none") : ds.events[i].id; };

    CHECK(id(index.nextEventAfter(dayNumber(1950, 1, 1))) == "a");
    CHECK(id(index.nextEventAfter(dayNumber(1960, 1, 1))) == "b1");  // strictly after: from "a" to the next day
    CHECK(id(index.nextEventAfter(dayNumber(1976, 1, 1))) == "c");   // "hidden" is skipped
    CHECK(id(index.nextEventAfter(dayNumber(1990, 5, 1) + 0.5)) == "y");
    CHECK(id(index.nextEventAfter(dayNumber(1995, 1, 1))) == "none");
    CHECK(id(index.previousEventBefore(dayNumber(1990, 5, 1))) == "b2");
    CHECK(id(index.previousEventBefore(dayNumber(1960, 1, 1))) == "none");
    CHECK(id(index.previousEventBefore(dayNumber(2000, 1, 1))) == "y");
    CHECK(id(index.previousEventBefore(dayNumber(1960, 1, 1) + 0.25)) == "a");  // a fractional playhead

    // Stepping event by event goes through same-day events in id order.
    Index e = ds.findEvent("a");
    std::string walk;
    for (; e != kNoIndex; e = index.nextEvent(e)) walk += id(e) + " ";
    CHECK(walk == "a b1 b2 c y ");
    CHECK(id(index.previousEvent(ds.findEvent("b2"))) == "b1");
    CHECK(index.nextEvent(ds.findEvent("hidden")) == kNoIndex);
}

TEST_CASE("timeline index: items sorted per lane by their first drawn day, longest extent kept") {
    Event fuzzy = makeEvent("fuzzy", day(1980, 6, 1));
    fuzzy.earliest = Date::fromYear(1970);
    Dataset ds = makeDataset({makeEvent("p", day(1975, 1, 1)), fuzzy, makeEvent("q", day(1979, 1, 1)),
                              makeEvent("none", day(1977, 1, 1), kNoIndex)});
    TimelineIndex index;
    index.build(ds);
    REQUIRE(index.slotCount() == 2);
    const LaneIndex& lane = index.lane(0);
    REQUIRE(lane.items.size() == 3);
    CHECK(ds.events[lane.items[0].eventIndex].id == "fuzzy");  // its range starts in 1970
    CHECK(lane.items[0].hasUncertainty);
    CHECK(lane.maxExtentDays == daysFromCivil(1980, 6, 2) - daysFromCivil(1970, 1, 1));
    CHECK(std::is_sorted(lane.starts.begin(), lane.starts.end()));
    CHECK(index.lane(1).items.size() == 1);  // uncategorized
}

TEST_CASE("timeline index: range maximum agrees with a scan") {
    std::vector<DayNumber> values(1000);
    std::uint32_t x = 12345;
    for (DayNumber& v : values) v = (x = x * 1103515245u + 12345u) % 100000;
    RangeMax rm;
    rm.build(values);
    for (std::size_t a = 0; a < values.size(); a += 37)
        for (std::size_t b = a + 1; b <= values.size(); b += 53)
            CHECK(rm.max(values, a, b) == *std::max_element(values.begin() + a, values.begin() + b));
    std::vector<std::uint32_t> hits;
    rm.collectAbove(values, 10, 990, 99000, hits);
    std::vector<std::uint32_t> expected;
    for (std::uint32_t i = 10; i < 990; ++i)
        if (values[i] > 99000) expected.push_back(i);
    CHECK(hits == expected);
}

TEST_CASE("timeline lanes: one per category in dataset order, reorderable and collapsible") {
    Dataset ds = makeDataset({makeEvent("a", day(1990, 1, 1), 0), makeEvent("b", day(1990, 1, 1), kNoIndex)}, 3);
    LaneLayout layout = LaneLayout::fromDataset(ds);
    REQUIRE(layout.laneCount() == 4);  // three categories + uncategorized
    CHECK(layout.lane(0).category == 0);
    CHECK(layout.lane(3).category == kNoIndex);
    CHECK(layout.lane(3).slot == 3);

    layout.moveLane(0, 2);  // drag the first lane down two rows
    CHECK(layout.order() == std::vector<Index>{1, 2, 0, kNoIndex});
    layout.moveLane(3, 0);
    CHECK(layout.order() == std::vector<Index>{kNoIndex, 1, 2, 0});
    CHECK(layout.rowOfCategory(0) == 3);

    layout.setOrder(std::vector<Index>{2, 0, 99});  // a saved order; unknown ids ignored
    CHECK(layout.order() == std::vector<Index>{2, 0, kNoIndex, 1});

    layout.expandedHeightPx = 20;
    layout.collapsedHeightPx = 5;
    layout.setCollapsed(1, true);
    CHECK(layout.rowTopPx(2) == 25);
    CHECK(layout.totalHeightPx() == 65);
    CHECK(layout.rowAtY(0) == 0);
    CHECK(layout.rowAtY(22) == 1);
    CHECK(layout.rowAtY(25) == 2);
    CHECK(layout.rowAtY(64.9f) == 3);
    CHECK(layout.rowAtY(65) == -1);
    CHECK(layout.rowAtY(-1) == -1);

    // No uncategorized lane when every event has a category.
    const Dataset all = makeDataset({makeEvent("a", day(1990, 1, 1), 1)}, 2);
    CHECK(LaneLayout::fromDataset(all).laneCount() == 2);
}

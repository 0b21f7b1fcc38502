#include <doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>

#include "timeline/prepass.h"
#include "timeline_test_data.h"

using namespace meridian;
using namespace meridian::timeline;
using namespace meridian::timeline::test;

namespace {

struct Timeline {
    Dataset dataset;
    TimelineIndex index;
    LaneLayout layout;
    TimelineFrame frame;

    explicit Timeline(Dataset ds, std::span<const std::uint8_t> visible = {}) : dataset(std::move(ds)) {
        index.build(dataset, visible);
        layout = LaneLayout::fromDataset(dataset);
    }
    const LaneRecords& run(const TimeAxisView& view, std::size_t row = 0) {
        runPrepass(index, layout, view, {}, frame);
        return frame.lanes.at(row);
    }
};

// Every event of every lane the frame represents, once per record (clusters expanded).
std::multiset<Index> represented(const Timeline& t) {
    std::multiset<Index> out;
    std::vector<Index> members;
    for (const LaneRecords& lane : t.frame.lanes) {
        for (const Marker& m : lane.markers) out.insert(m.eventIndex);
        for (const Bar& b : lane.bars) out.insert(b.eventIndex);
        for (const Cluster& c : lane.clusters) {
            clusterEvents(t.index, lane, c, members, SIZE_MAX);
            CHECK(members.size() == c.count);
            CHECK(members.at(0) == c.firstEventIndex);
            out.insert(members.begin(), members.end());
        }
    }
    return out;
}

Dataset randomDataset(std::size_t n, std::uint32_t seed, int categories = 4) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> year(1940, 2024), month(1, 12), dayOfMonth(1, 28), kind(0, 99),
        category(0, categories);  // == categories: uncategorized
    std::vector<Event> events;
    for (std::size_t i = 0; i < n; ++i) {
        const int y = year(rng), m = month(rng), d = dayOfMonth(rng), k = kind(rng);
        Date date = k < 15 ? Date::fromYear(y) : k < 35 ? Date::fromYearMonth(y, m) : Date::fromCivil(y, m, d);
        Event e = makeEvent("e" + std::to_string(i), date, 0);
        const int c = category(rng);
        e.category = c == categories ? kNoIndex : static_cast<Index>(c);
        if (k % 10 == 0) e.end = Date::fromYear(y + 1 + k % 7);  // long events, up to 7 years
        if (k % 7 == 0) e.approx = true;
        if (k % 13 == 0) e.earliest = Date::fromYear(y - 2);
        if (k % 17 == 0) e.latest = Date::fromYear(y + (e.end ? 9 : 1));
        events.push_back(std::move(e));
    }
    return makeDataset(std::move(events), categories);
}

}  // namespace

TEST_CASE("timeline prepass: a year-only event is a bar over the whole year, never 1 January") {
    Timeline t(makeDataset({makeEvent("year", Date::fromYear(1987)), makeEvent("month", Date::fromYearMonth(1988, 2)),
                            makeEvent("day", day(1989, 6, 4))}));
    const TimeAxisView view = fitSpan({daysFromCivil(1986, 1, 1), daysFromCivil(1990, 1, 1)}, 1461, 0);  // 1 px a day
    const LaneRecords& lane = t.run(view);
    REQUIRE(lane.bars.size() == 2);
    CHECK(lane.clusters.empty());
    const Bar& year = lane.bars[0];
    CHECK(year.eventIndex == 0);
    CHECK(year.x0Px == doctest::Approx(view.dayToX(dayNumber(1987, 1, 1))));
    CHECK(year.x1Px == doctest::Approx(view.dayToX(dayNumber(1988, 1, 1))));
    CHECK(year.x1Px - year.x0Px == doctest::Approx(365));
    const Bar& month = lane.bars[1];  // February of a leap year: 29 days
    CHECK(month.x1Px - month.x0Px == doctest::Approx(29));
    REQUIRE(lane.markers.size() == 1);
    CHECK(lane.markers[0].xPx == doctest::Approx(view.dayToX(dayNumber(1989, 6, 4) + 0.5)));
    CHECK(lane.fuzzy.empty());
}

TEST_CASE("timeline prepass: approximate dates widen by one unit of their precision") {
    Event e = makeEvent("a", day(1987, 3, 14));
    e.approx = true;
    CHECK(uncertaintyRange(e).first == daysFromCivil(1987, 3, 13));
    CHECK(uncertaintyRange(e).last == daysFromCivil(1987, 3, 16));
    e.date = Date::fromYearMonth(1988, 1);
    CHECK(uncertaintyRange(e).first == daysFromCivil(1987, 12, 1));
    CHECK(uncertaintyRange(e).last == daysFromCivil(1988, 3, 1));
    e.date = Date::fromYear(1960);
    e.end = Date::fromYearMonth(1962, 12);  // the end widens by its own precision
    CHECK(uncertaintyRange(e).first == daysFromCivil(1959, 1, 1));
    CHECK(uncertaintyRange(e).last == daysFromCivil(1963, 2, 1));
    e.earliest = Date::fromYearMonth(1958, 6);  // explicit bounds win
    CHECK(uncertaintyRange(e).first == daysFromCivil(1958, 6, 1));
    CHECK(uncertaintyRange(e).last == daysFromCivil(1963, 2, 1));

    Timeline t(makeDataset({e}));
    const TimeAxisView view = fitSpan({daysFromCivil(1950, 1, 1), daysFromCivil(1970, 1, 1)}, 1000, 0);
    const LaneRecords& lane = t.run(view);
    REQUIRE(lane.fuzzy.size() == 1);
    REQUIRE(lane.bars.size() == 1);
    CHECK(lane.fuzzy[0].x0Px == doctest::Approx(view.dayToX(dayNumber(1958, 6, 1))));
    CHECK(lane.bars[0].x0Px == doctest::Approx(view.dayToX(dayNumber(1960, 1, 1))));
}

TEST_CASE("timeline prepass: two events a day apart merge into one cluster at 0.1 px/day and split when zoomed in") {
    Timeline t(makeDataset({makeEvent("a", day(2000, 1, 1)), makeEvent("b", day(2000, 1, 2)),
                            makeEvent("far", day(2001, 1, 1)), makeEvent("other lane", day(2000, 1, 1), 1)},
                           2));
    TimeAxisView view{dayNumber(1995, 1, 1), 0.1, 1600};
    const LaneRecords& out = t.run(view);
    REQUIRE(out.clusters.size() == 1);
    CHECK(out.clusters[0].count == 2);
    CHECK(out.clusters[0].firstEventIndex == 0);
    CHECK(out.clusters[0].x0Px == doctest::Approx(view.dayToX(dayNumber(2000, 1, 1))));
    CHECK(out.clusters[0].x1Px - out.clusters[0].x0Px >= kMinVisSizePx);
    REQUIRE(out.markers.size() == 1);  // "far" is 36 px away: alone
    CHECK(out.markers[0].eventIndex == 2);
    // The other lane's event on the same day is not part of it.
    CHECK(t.frame.lanes[1].clusters.empty());
    CHECK(t.frame.lanes[1].markers.size() == 1);

    // Zoom in around 1 January 2000 until a day is wider than MinVisSize.
    const double cursor = view.dayToX(dayNumber(2000, 1, 1));
    while (view.pxPerDay < kMinVisSizePx) view = zoomAround(view, cursor, 1.25);
    const LaneRecords& zoomed = t.run(view);
    CHECK(zoomed.clusters.empty());
    REQUIRE(zoomed.markers.size() == 3);  // a, b and (still in view) far
    CHECK(zoomed.markers[0].eventIndex == 0);
    CHECK(zoomed.markers[1].eventIndex == 1);
    CHECK(zoomed.markers[1].xPx - zoomed.markers[0].xPx >= kMinVisSizePx);
    // One step back out and they merge again.
    const LaneRecords& back = t.run(zoomAround(view, cursor, 1 / 1.25));
    REQUIRE(back.clusters.size() == 1);
    CHECK(back.clusters[0].count == 2);
}

TEST_CASE("timeline prepass: long events that started before the view are still found") {
    std::vector<Event> events;
    // A 40-year event, a 2-year one that ends before the view, and thousands of
    // short events before the view (so the search must skip them, not scan them).
    events.push_back(makeEvent("long", Date::fromYear(1950), 0, Date::fromYear(1989)));
    events.push_back(makeEvent("ended", Date::fromYear(1960), 0, Date::fromYear(1961)));
    for (int i = 0; i < 5000; ++i)
        events.push_back(makeEvent("s" + std::to_string(i), day(1955 + i / 200, 1 + i % 12, 1 + i % 28)));
    Timeline t(makeDataset(std::move(events)));
    CHECK(t.index.lane(0).maxExtentDays >= 39 * 365);

    const TimeAxisView view{dayNumber(1985, 3, 1), 50, 1500};  // 30 days of 1985
    const LaneRecords& lane = t.run(view);
    CHECK(lane.markers.empty());
    CHECK(lane.clusters.empty());
    REQUIRE(lane.bars.size() == 1);
    CHECK(lane.bars[0].eventIndex == t.dataset.findEvent("long"));
    CHECK(lane.bars[0].x0Px < 0);
    CHECK(lane.bars[0].x1Px > 1500);
}

TEST_CASE("timeline prepass: many long events reaching in from the left fold into one counted cluster") {
    std::vector<Event> events;
    // 300 multi-year events all spanning mid-1990, 300 that ended before it,
    // and two short events inside the view.
    for (int i = 0; i < 300; ++i) {
        events.push_back(
            makeEvent("long" + std::to_string(i), day(1980 + i % 9, 1 + i % 12, 1), 0, Date::fromYear(1991 + i % 5)));
        events.push_back(
            makeEvent("old" + std::to_string(i), day(1970 + i % 9, 1 + i % 12, 1), 0, Date::fromYear(1985)));
    }
    events.push_back(makeEvent("in view", day(1990, 6, 10)));
    events.push_back(makeEvent("in view 2", day(1990, 6, 20)));
    Timeline t(makeDataset(std::move(events)));
    const TimeAxisView view = fitSpan({daysFromCivil(1990, 6, 1), daysFromCivil(1990, 7, 1)}, 1500, 0);
    const LaneRecords& lane = t.run(view);
    REQUIRE(lane.clusters.size() == 1);
    const Cluster& left = lane.clusters[0];
    CHECK(left.fromLeftEdge);
    CHECK(left.count == 300);
    CHECK(left.x0Px < 0);
    CHECK(left.x1Px > 1500);
    CHECK(lane.bars.empty());
    CHECK(lane.markers.size() == 2);
    CHECK(t.index.lane(0).countSpanning(view.firstDay) == 300);
    std::vector<Index> members;
    clusterEvents(t.index, lane, left, members, 10);
    CHECK(members.size() == 10);
    for (Index m : members) CHECK(t.dataset.events[m].id.rfind("long", 0) == 0);
    // A marker in front of the band is still what the mouse picks; elsewhere the band.
    CHECK(hitTest(lane, lane.markers[0].xPx, 3).eventIndex == t.dataset.findEvent("in view"));
    CHECK(hitTest(lane, 700, 3).kind == TimelineHit::Kind::Cluster);
    // With a higher allowance they are drawn as bars.
    PrepassOptions options;
    options.maxLeftEdgeBars = 1000;
    runPrepass(t.index, t.layout, view, options, t.frame);
    CHECK(t.frame.lanes[0].bars.size() == 300);
    CHECK(t.frame.lanes[0].clusters.empty());
}

TEST_CASE("timeline prepass: every visible event is drawn exactly once, as itself or in a cluster") {
    Timeline t(randomDataset(3000, 7));
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> first(dayNumber(1930, 1, 1), dayNumber(2020, 1, 1)), logDays(0.5, 5.2);
    int clusters = 0, leftEdgeClusters = 0, singles = 0;
    for (int trial = 0; trial < 60; ++trial) {
        const double days = std::pow(10.0, logDays(rng));
        const TimeAxisView view{first(rng), 1200 / days, 1200};
        CAPTURE(view.firstDay);
        CAPTURE(days);
        runPrepass(t.index, t.layout, view, {}, t.frame);
        std::multiset<Index> expected;
        for (Index i = 0; i < t.dataset.events.size(); ++i) {
            const DaySpan r = uncertaintyRange(t.dataset.events[i]);
            if (static_cast<double>(r.last) > view.firstDay && static_cast<double>(r.first) < view.lastDay())
                expected.insert(i);
        }
        CHECK(represented(t) == expected);
        for (const LaneRecords& lane : t.frame.lanes) {
            // Tracy's bound: no more records than 3-px slots (plus events reaching in from the left).
            CHECK(lane.markers.size() + lane.bars.size() + lane.clusters.size() <= 1200 / kMinVisSizePx + 1 + 8);
            for (const Cluster& c : lane.clusters) CHECK(c.count >= 2);
            clusters += static_cast<int>(lane.clusters.size());
            singles += static_cast<int>(lane.markers.size() + lane.bars.size());
            for (const Cluster& c : lane.clusters) leftEdgeClusters += c.fromLeftEdge;
        }
    }
    // The trials did exercise every path.
    CHECK(clusters > 100);
    CHECK(leftEdgeClusters > 5);
    CHECK(singles > 100);
}

TEST_CASE("timeline prepass: dense runs chain into one cluster, or blocks of maxClusterWidthPx") {
    std::vector<Event> events;
    for (int d = 0; d < 3000; ++d)
        events.push_back(makeEvent("d" + std::to_string(d), Date::fromCivil(1990, 1, 1 + d % 28)));
    for (int d = 0; d < 1000; ++d) events.push_back(makeEvent("e" + std::to_string(d), day(1990 + d / 365, 1, 1)));
    for (int d = 0; d < 2000; ++d) {
        const DayNumber dn = daysFromCivil(1990, 1, 1) + d;
        const CivilDate c = civilFromDays(dn);
        events.push_back(makeEvent("f" + std::to_string(d), day(c.year, c.month, c.day)));
    }
    Timeline t(makeDataset(std::move(events)));
    const TimeAxisView view = fitSpan({daysFromCivil(1989, 1, 1), daysFromCivil(1997, 1, 1)}, 1000, 0);  // 0.34 px/day
    const LaneRecords& lane = t.run(view);
    REQUIRE(lane.clusters.size() == 1);  // one event a day: every start within 3 px of the previous
    CHECK(lane.clusters[0].count == 6000);
    CHECK(lane.markers.empty());

    PrepassOptions options;
    options.maxClusterWidthPx = 50;
    runPrepass(t.index, t.layout, view, options, t.frame);
    const LaneRecords& blocks = t.frame.lanes[0];
    CHECK(blocks.clusters.size() >= 10);
    std::uint32_t total = 0;
    for (const Cluster& c : blocks.clusters) {
        total += c.count;
        CHECK(c.x1Px - c.x0Px <= 50 + kMinVisSizePx + 1);
    }
    CHECK(total + blocks.markers.size() == 6000);
}

TEST_CASE("timeline prepass: hidden events (filters) are neither drawn nor counted") {
    Dataset ds = randomDataset(500, 11);
    std::vector<std::uint8_t> visible(ds.events.size());
    for (std::size_t i = 0; i < visible.size(); ++i) visible[i] = i % 3 != 0;
    Timeline t(std::move(ds), visible);
    CHECK(t.index.visibleEventCount() == static_cast<std::size_t>(std::count(visible.begin(), visible.end(), 1)));
    const TimeAxisView view = fitSpan({daysFromCivil(1900, 1, 1), daysFromCivil(2100, 1, 1)}, 1600, 0);
    t.run(view);
    const std::multiset<Index> shown = represented(t);
    CHECK(shown.size() == t.index.visibleEventCount());
    for (Index i : shown) CHECK(visible[i] == 1);
}

TEST_CASE("timeline prepass: the density strip sums to the visible events in range") {
    Timeline t(randomDataset(4000, 5));
    std::vector<std::uint32_t> counts;
    for (float bucketPx : {1.0f, 2.0f, 5.0f}) {
        for (double days : {30.0, 2000.0, 40000.0}) {
            const TimeAxisView view{dayNumber(1975, 5, 5) + 0.3, 1000 / days, 1000};
            const std::uint32_t maxCount = computeDensity(t.index, view, bucketPx, counts);
            REQUIRE(counts.size() == static_cast<std::size_t>(std::ceil(1000 / bucketPx)));
            const double endDay = view.xToDay(counts.size() * bucketPx);
            std::size_t expected = 0;
            std::vector<std::uint32_t> brute(counts.size());
            for (const Event& e : t.dataset.events) {
                const double d = TimelineIndex::densityDay(e);
                if (d < view.firstDay || d >= endDay) continue;
                ++expected;
                const auto k = static_cast<std::size_t>(view.dayToX(d) / bucketPx);
                if (k < brute.size()) ++brute[k];
            }
            std::size_t sum = 0;
            for (std::uint32_t c : counts) sum += c;
            CHECK(sum == expected);
            CHECK(maxCount == *std::max_element(counts.begin(), counts.end()));
            if (days > 30) CHECK(expected > 0);
            // Per bucket too, allowing for a density day exactly on a rounded boundary.
            std::size_t mismatches = 0;
            for (std::size_t k = 0; k < counts.size(); ++k) mismatches += counts[k] != brute[k];
            CHECK(mismatches <= 2);
        }
    }
    // A year-only event counts in the middle of its year, not on 1 January.
    Timeline year(makeDataset({makeEvent("y", Date::fromYear(1990))}));
    const TimeAxisView view = fitSpan({daysFromCivil(1990, 1, 1), daysFromCivil(1991, 1, 1)}, 365, 0);
    computeDensity(year.index, view, 1, counts);
    CHECK(counts[0] == 0);
    CHECK(counts[182] == 1);
    // Lane strips add up to the overall strip.
    std::vector<std::uint32_t> all, lane;
    const TimeAxisView wide = fitSpan({daysFromCivil(1940, 1, 1), daysFromCivil(2030, 1, 1)}, 800, 0);
    computeDensity(t.index, wide, 4, all);
    std::vector<std::uint32_t> sum(all.size());
    for (LaneSlot s = 0; s < t.index.slotCount(); ++s) {
        computeLaneDensity(t.index, s, wide, 4, lane);
        for (std::size_t k = 0; k < lane.size(); ++k) sum[k] += lane[k];
    }
    CHECK(sum == all);
}

TEST_CASE("timeline prepass: hit testing finds markers, clusters and bars") {
    Timeline t(makeDataset(
        {makeEvent("war", Date::fromYear(1980), 0, Date::fromYear(1988)), makeEvent("a", day(1982, 5, 1)),
         makeEvent("b", day(1982, 5, 2)), makeEvent("c", day(1985, 1, 10)), makeEvent("d", day(1985, 1, 10), 1)},
        2));
    const TimeAxisView view = fitSpan({daysFromCivil(1979, 1, 1), daysFromCivil(1990, 1, 1)}, 1100, 0);
    const LaneRecords& lane = t.run(view);
    REQUIRE(lane.bars.size() == 1);
    REQUIRE(lane.clusters.size() == 1);
    REQUIRE(lane.markers.size() == 1);

    const float xc = static_cast<float>(view.dayToX(dayNumber(1985, 1, 10) + 0.5));
    TimelineHit hit = hitTest(lane, xc + 2, 4);
    CHECK(hit.kind == TimelineHit::Kind::Event);
    CHECK(hit.eventIndex == t.dataset.findEvent("c"));

    hit = hitTest(lane, lane.clusters[0].x0Px + 1, 4);
    CHECK(hit.kind == TimelineHit::Kind::Cluster);
    CHECK(hit.cluster == 0);
    const auto members = t.index.items(lane.slot, lane.clusters[0].firstItem, lane.clusters[0].count);
    REQUIRE(members.size() == 2);
    CHECK(members[0].eventIndex == t.dataset.findEvent("a"));
    CHECK(members[1].eventIndex == t.dataset.findEvent("b"));

    hit = hitTest(lane, static_cast<float>(view.dayToX(dayNumber(1987, 1, 1))), 4);  // inside the war only
    CHECK(hit.kind == TimelineHit::Kind::Event);
    CHECK(hit.eventIndex == t.dataset.findEvent("war"));
    CHECK_FALSE(hitTest(lane, static_cast<float>(view.dayToX(dayNumber(1989, 7, 1))), 4));  // after the war

    // Through the layout: y picks the lane.
    const float y1 = t.layout.rowTopPx(1) + 2;
    hit = hitTest(t.frame, t.layout, xc, y1, 4);
    CHECK(hit.row == 1);
    CHECK(hit.eventIndex == t.dataset.findEvent("d"));
    CHECK_FALSE(hitTest(t.frame, t.layout, xc, t.layout.totalHeightPx() + 1, 4));
}

TEST_CASE("timeline prepass: eras overlapping the view, clamped to it") {
    Dataset ds = makeDataset({makeEvent("x", day(1990, 1, 1))});
    ds.eras.push_back({"cold", "Cold War", "", Date::fromYear(1947), Date::fromYear(1991)});
    ds.eras.push_back({"later", "Later", "", Date::fromYear(2001), Date::fromYear(2010)});
    std::vector<EraRecord> eras;
    const TimeAxisView view = fitSpan({daysFromCivil(1985, 1, 1), daysFromCivil(1995, 1, 1)}, 1000, 0);
    erasInView(ds, view, eras);
    REQUIRE(eras.size() == 1);
    CHECK(eras[0].eraIndex == 0);
    CHECK(eras[0].x0Px < 0);
    CHECK(eras[0].x1Px == doctest::Approx(view.dayToX(dayNumber(1992, 1, 1))));
}

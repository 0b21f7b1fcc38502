// The timeline's per-lane search structures, built once per dataset or filter
// change (O(n log n)) so that every frame's pre-pass costs O(pixels * log n),
// never O(events):
// - per lane, items sorted by the first day they draw (a lower_bound finds the
//   first visible one), with the lane's longest item so the search can start
//   early enough for long events that began before the view;
// - a range-maximum over the items' last days, so a cluster of thousands of
//   items gets its right edge in O(1) and the long events that reach into the
//   view from the left are found without scanning the ones that do not;
// - sorted "density days" per lane and overall for the density strip;
// - all visible events in start order for previous/next navigation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "core/dataset.h"
#include "timeline/lanes.h"

namespace meridian::timeline {

// The days an event may have happened in, as drawn: earliest..latest when given;
// for `approx` without them, its span widened by one unit of the date's own
// precision on each side ("c. 14 March 1987" -> 13..15 March, "c. March 1987" ->
// February..April, "c. 1987" -> 1986..1988; the end date widens by its own
// precision). Always contains span().
DaySpan uncertaintyRange(const Event& e);

enum class ItemShape : std::uint8_t {
    Marker,  // a single day (day precision, no end, or an end on the same day)
    Bar,     // several days: an end, or month/year precision (a year-only event covers the year)
};

struct LaneItem {
    DayNumber spanFirst = 0, spanLast = 0;    // Event::span(), [first, last)
    DayNumber fuzzyFirst = 0, fuzzyLast = 0;  // uncertaintyRange(); the item's whole drawn extent
    Index eventIndex = kNoIndex;
    ItemShape shape = ItemShape::Marker;
    bool hasUncertainty = false;  // the fuzzy range is wider than the span
};

// Maximum of values[a..b) in O(1) (plus a scan of at most two 32-item blocks):
// a sparse table over block maxima, ~n/32 * log2(n/32) entries.
class RangeMax {
public:
    void build(std::span<const DayNumber> values);
    DayNumber max(std::span<const DayNumber> values, std::size_t a, std::size_t b) const;  // b > a
    // Appends, ascending, every j in [a, b) with values[j] > threshold, stopping
    // once `out` holds `limit` entries; O(k log n) for k hits.
    void collectAbove(std::span<const DayNumber> values, std::size_t a, std::size_t b, double threshold,
                      std::vector<std::uint32_t>& out,
                      std::size_t limit = std::numeric_limits<std::size_t>::max()) const;

private:
    static constexpr std::size_t kBlock = 32;
    std::vector<std::vector<DayNumber>> m_levels;  // m_levels[k][i] = max of blocks i..i+2^k-1
};

struct LaneIndex {
    // Parallel arrays in the order of `starts` (each item's fuzzyFirst), ascending.
    std::vector<DayNumber> starts;
    std::vector<DayNumber> ends;        // fuzzyLast
    std::vector<DayNumber> sortedEnds;  // `ends` ascending: counts the items spanning a day in O(log n)
    std::vector<LaneItem> items;
    std::vector<double> densityDays;  // each item's density day, ascending (see TimelineIndex)
    DayNumber maxExtentDays = 0;      // longest ends[i] - starts[i]
    RangeMax endMax;

    // Items starting before `day` that end after it (reach into a view starting there):
    // how many, in O(log n), and which (positions, ascending, at most `limit`).
    std::size_t countSpanning(double day) const;
    void collectSpanning(double day, std::vector<std::uint32_t>& out,
                         std::size_t limit = std::numeric_limits<std::size_t>::max()) const;
};

class TimelineIndex {
public:
    // `visible` has one flag per dataset event (non-zero = shown); empty shows all.
    // Requires dataset.finalize() to have run (eventsByStart).
    void build(const Dataset& dataset, std::span<const std::uint8_t> visible = {});

    std::size_t slotCount() const { return m_lanes.size(); }
    const LaneIndex& lane(LaneSlot slot) const { return m_lanes[slot]; }
    std::size_t visibleEventCount() const { return m_order.size(); }

    // The lane items an in-view Cluster stands for (its firstItem, count). For any
    // cluster, including fromLeftEdge ones, prefer clusterEvents() (prepass.h).
    std::span<const LaneItem> items(LaneSlot slot, std::uint32_t firstItem, std::uint32_t count) const {
        return std::span<const LaneItem>(m_lanes[slot].items).subspan(firstItem, count);
    }

    // Each event counts once in the density strip, at the middle of its span, so
    // month- and year-only events do not pile up on the 1st or on 1 January.
    static double densityDay(const Event& e) {
        const DaySpan s = e.span();
        return static_cast<double>(s.first) + static_cast<double>(s.length()) / 2;
    }
    std::span<const double> densityDays() const { return m_densityDays; }

    // Keyboard navigation over the visible events, in start order (first day, then id):
    // the first event starting after `day` / the last starting before it, or kNoIndex.
    Index nextEventAfter(double day) const;
    Index previousEventBefore(double day) const;
    // The neighbour of a visible event in that order (steps through same-day events too),
    // or kNoIndex at the ends or when `event` is hidden.
    Index nextEvent(Index event) const;
    Index previousEvent(Index event) const;
    DayNumber startDayOf(std::size_t orderPosition) const { return m_orderStarts[orderPosition]; }

private:
    std::vector<LaneIndex> m_lanes;                // by slot
    std::vector<Index> m_order;                    // visible events by (first day, id)
    std::vector<DayNumber> m_orderStarts;          // their first days
    std::vector<std::uint32_t> m_positionOfEvent;  // event -> position in m_order, or kNoIndex
    std::vector<double> m_densityDays;             // all lanes, ascending
};

}  // namespace meridian::timeline

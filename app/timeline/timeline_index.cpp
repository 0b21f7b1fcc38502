#include "timeline/timeline_index.h"

#include <algorithm>
#include <bit>
#include <numeric>

namespace meridian::timeline {

// ---------------------------------------------------------------------------
// Uncertainty
// ---------------------------------------------------------------------------

static DayNumber firstDayOfMonthIndex(std::int64_t monthIndex) {  // year * 12 + (month - 1)
    const std::int64_t y = monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12;
    return daysFromCivil(y, static_cast<int>(monthIndex - y * 12) + 1, 1);
}

// One unit of the date's precision either side: the honest reading of "c." for
// a date that was only ever written to that precision.
static DaySpan widenedByPrecision(const Date& d) {
    const DaySpan s = d.span();
    const CivilDate c = d.civil();
    switch (d.precision()) {
        case DatePrecision::Year:
            return {daysFromCivil(c.year - 1, 1, 1), daysFromCivil(c.year + 2, 1, 1)};
        case DatePrecision::Month: {
            const std::int64_t m = c.year * 12 + (c.month - 1);
            return {firstDayOfMonthIndex(m - 1), firstDayOfMonthIndex(m + 2)};
        }
        case DatePrecision::Day:
            break;
    }
    return {s.first - 1, s.last + 1};
}

DaySpan uncertaintyRange(const Event& e) {
    const DaySpan span = e.span();
    DaySpan r = span;
    if (e.earliest)
        r.first = e.earliest->span().first;
    else if (e.approx)
        r.first = widenedByPrecision(e.date).first;
    if (e.latest)
        r.last = e.latest->span().last;
    else if (e.approx)
        r.last = widenedByPrecision(e.end ? *e.end : e.date).last;
    // The validator keeps earliest <= date <= latest; stay safe if a file does not.
    return {std::min(r.first, span.first), std::max(r.last, span.last)};
}

// ---------------------------------------------------------------------------
// RangeMax
// ---------------------------------------------------------------------------

void RangeMax::build(std::span<const DayNumber> values) {
    m_levels.clear();
    const std::size_t blocks = (values.size() + kBlock - 1) / kBlock;
    if (blocks == 0) return;
    std::vector<DayNumber>& base = m_levels.emplace_back(blocks);
    for (std::size_t b = 0; b < blocks; ++b) {
        const std::size_t a = b * kBlock, e = std::min(values.size(), a + kBlock);
        base[b] = *std::max_element(values.begin() + static_cast<std::ptrdiff_t>(a),
                                    values.begin() + static_cast<std::ptrdiff_t>(e));
    }
    for (std::size_t half = 1; half * 2 <= blocks; half *= 2) {
        const std::vector<DayNumber>& prev = m_levels.back();
        std::vector<DayNumber> next(blocks - half * 2 + 1);
        for (std::size_t i = 0; i < next.size(); ++i) next[i] = std::max(prev[i], prev[i + half]);
        m_levels.push_back(std::move(next));
    }
}

DayNumber RangeMax::max(std::span<const DayNumber> values, std::size_t a, std::size_t b) const {
    auto scan = [&](std::size_t from, std::size_t to) {
        DayNumber m = values[from];
        for (std::size_t i = from + 1; i < to; ++i) m = std::max(m, values[i]);
        return m;
    };
    const std::size_t ba = a / kBlock, bb = (b - 1) / kBlock;
    if (ba == bb) return scan(a, b);
    DayNumber m = std::max(scan(a, (ba + 1) * kBlock), scan(bb * kBlock, b));
    if (bb - ba > 1) {
        const std::size_t lo = ba + 1, count = bb - lo;
        const int k = std::bit_width(count) - 1;
        const std::vector<DayNumber>& level = m_levels[static_cast<std::size_t>(k)];
        m = std::max({m, level[lo], level[bb - (std::size_t{1} << k)]});
    }
    return m;
}

void RangeMax::collectAbove(std::span<const DayNumber> values, std::size_t a, std::size_t b, double threshold,
                            std::vector<std::uint32_t>& out, std::size_t limit) const {
    if (a >= b || out.size() >= limit || static_cast<double>(max(values, a, b)) <= threshold) return;
    if (b - a <= 2 * kBlock) {
        for (std::size_t i = a; i < b && out.size() < limit; ++i)
            if (static_cast<double>(values[i]) > threshold) out.push_back(static_cast<std::uint32_t>(i));
        return;
    }
    const std::size_t mid = a + (b - a) / 2;
    collectAbove(values, a, mid, threshold, out, limit);
    collectAbove(values, mid, b, threshold, out, limit);
}

// ---------------------------------------------------------------------------
// LaneIndex
// ---------------------------------------------------------------------------

static std::size_t countBefore(std::span<const DayNumber> sorted, double day) {  // values < day
    return static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), day,
                                                     [](DayNumber v, double d) { return static_cast<double>(v) < d; }) -
                                    sorted.begin());
}

std::size_t LaneIndex::countSpanning(double day) const {
    // Every item ending at or before `day` also starts before it, so the items
    // starting before it minus those ending by it are the ones reaching past it.
    const std::size_t startBefore = countBefore(starts, day);
    const auto endedBy =
        static_cast<std::size_t>(std::upper_bound(sortedEnds.begin(), sortedEnds.end(), day,
                                                  [](double d, DayNumber v) { return d < static_cast<double>(v); }) -
                                 sortedEnds.begin());
    return startBefore - std::min(startBefore, endedBy);
}

void LaneIndex::collectSpanning(double day, std::vector<std::uint32_t>& out, std::size_t limit) const {
    // Nothing starting more than the longest extent before `day` reaches it.
    const std::size_t from = countBefore(starts, day - static_cast<double>(maxExtentDays));
    endMax.collectAbove(ends, from, countBefore(starts, day), day, out, limit);
}

// ---------------------------------------------------------------------------
// TimelineIndex
// ---------------------------------------------------------------------------

void TimelineIndex::build(const Dataset& dataset, std::span<const std::uint8_t> visible) {
    const std::size_t categoryCount = dataset.categories.size();
    m_lanes.assign(categoryCount + 1, LaneIndex{});
    m_order.clear();
    m_orderStarts.clear();
    m_positionOfEvent.assign(dataset.events.size(), kNoIndex);

    // eventsByStart is the start order; rebuild it here if finalize() was skipped.
    std::vector<Index> fallbackOrder;
    std::span<const Index> byStart = dataset.eventsByStart;
    if (byStart.size() != dataset.events.size()) {
        fallbackOrder.resize(dataset.events.size());
        std::iota(fallbackOrder.begin(), fallbackOrder.end(), Index{0});
        std::stable_sort(fallbackOrder.begin(), fallbackOrder.end(), [&](Index a, Index b) {
            return dataset.events[a].span().first < dataset.events[b].span().first;
        });
        byStart = fallbackOrder;
    }

    // Compute every item in the events' own order first (sequential reads of the
    // large Event records), then deal them to lanes in start order from this
    // compact array: walking Events in start order directly is a cache miss per
    // event and made the build several times slower at 1M events.
    std::vector<LaneItem> byEvent(dataset.events.size());
    std::vector<LaneSlot> slotOfEvent(dataset.events.size());
    for (Index ev = 0; ev < dataset.events.size(); ++ev) {
        const Event& e = dataset.events[ev];
        const DaySpan span = e.span();
        const DaySpan fuzzy = uncertaintyRange(e);
        LaneItem& item = byEvent[ev];
        item.spanFirst = span.first;
        item.spanLast = span.last;
        item.fuzzyFirst = fuzzy.first;
        item.fuzzyLast = fuzzy.last;
        item.eventIndex = ev;
        item.shape = span.length() <= 1 ? ItemShape::Marker : ItemShape::Bar;
        item.hasUncertainty = fuzzy.first != span.first || fuzzy.last != span.last;
        slotOfEvent[ev] = laneSlotOf(e, categoryCount);
    }
    for (const Index ev : byStart) {
        if (!visible.empty() && ev < visible.size() && !visible[ev]) continue;
        const LaneItem& item = byEvent[ev];
        m_lanes[slotOfEvent[ev]].items.push_back(item);
        m_positionOfEvent[ev] = static_cast<std::uint32_t>(m_order.size());
        m_order.push_back(ev);
        m_orderStarts.push_back(item.spanFirst);
    }

    std::size_t total = 0;
    for (LaneIndex& lane : m_lanes) {
        auto byFuzzyFirst = [](const LaneItem& a, const LaneItem& b) { return a.fuzzyFirst < b.fuzzyFirst; };
        // Already in start order unless some uncertainty range starts earlier than its date.
        if (!std::is_sorted(lane.items.begin(), lane.items.end(), byFuzzyFirst))
            std::stable_sort(lane.items.begin(), lane.items.end(), byFuzzyFirst);
        const std::size_t n = lane.items.size();
        lane.starts.resize(n);
        lane.ends.resize(n);
        lane.densityDays.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            const LaneItem& it = lane.items[i];
            lane.starts[i] = it.fuzzyFirst;
            lane.ends[i] = it.fuzzyLast;
            lane.maxExtentDays = std::max(lane.maxExtentDays, it.fuzzyLast - it.fuzzyFirst);
            lane.densityDays[i] =
                static_cast<double>(it.spanFirst) + static_cast<double>(it.spanLast - it.spanFirst) / 2;
        }
        std::sort(lane.densityDays.begin(), lane.densityDays.end());
        lane.sortedEnds = lane.ends;
        std::sort(lane.sortedEnds.begin(), lane.sortedEnds.end());
        lane.endMax.build(lane.ends);
        total += n;
    }
    m_densityDays.clear();
    m_densityDays.reserve(total);
    for (const LaneIndex& lane : m_lanes) {
        const auto mid = m_densityDays.insert(m_densityDays.end(), lane.densityDays.begin(), lane.densityDays.end());
        std::inplace_merge(m_densityDays.begin(), mid, m_densityDays.end());
    }
}

Index TimelineIndex::nextEventAfter(double day) const {
    const auto it = std::upper_bound(m_orderStarts.begin(), m_orderStarts.end(), day,
                                     [](double d, DayNumber s) { return d < static_cast<double>(s); });
    return it == m_orderStarts.end() ? kNoIndex : m_order[static_cast<std::size_t>(it - m_orderStarts.begin())];
}

Index TimelineIndex::previousEventBefore(double day) const {
    const auto it = std::lower_bound(m_orderStarts.begin(), m_orderStarts.end(), day,
                                     [](DayNumber s, double d) { return static_cast<double>(s) < d; });
    return it == m_orderStarts.begin() ? kNoIndex : m_order[static_cast<std::size_t>(it - m_orderStarts.begin()) - 1];
}

Index TimelineIndex::nextEvent(Index event) const {
    if (event >= m_positionOfEvent.size() || m_positionOfEvent[event] == kNoIndex) return kNoIndex;
    const std::size_t p = m_positionOfEvent[event] + std::size_t{1};
    return p < m_order.size() ? m_order[p] : kNoIndex;
}

Index TimelineIndex::previousEvent(Index event) const {
    if (event >= m_positionOfEvent.size() || m_positionOfEvent[event] == kNoIndex) return kNoIndex;
    const std::size_t p = m_positionOfEvent[event];
    return p > 0 ? m_order[p - 1] : kNoIndex;
}

}  // namespace meridian::timeline

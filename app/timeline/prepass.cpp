#include "timeline/prepass.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace meridian::timeline {

namespace {

// Records stay within this many px of the lane area so floats keep their precision
// and the widget can draw edges past the clip rectangle.
constexpr double kEdgePx = 16.0;

// First j in [from, to) with a[j] >= value, probing 1, 2, 4... items ahead of
// `from` first: neighbouring searches (chained clusters, density buckets) then
// cost the log of the distance moved, not of the lane's size.
template <typename T>
std::size_t gallopLowerBound(std::span<const T> a, std::size_t from, std::size_t to, double value) {
    if (from >= to || !(static_cast<double>(a[from]) < value)) return from;
    std::size_t lo = from, hi = from + 1, step = 1;  // invariant: a[lo] < value
    while (hi < to && static_cast<double>(a[hi]) < value) {
        lo = hi;
        step *= 2;
        hi = lo + step;
    }
    hi = std::min(hi, to);
    const auto it =
        std::lower_bound(a.begin() + static_cast<std::ptrdiff_t>(lo + 1), a.begin() + static_cast<std::ptrdiff_t>(hi),
                         value, [](const T& x, double v) { return static_cast<double>(x) < v; });
    return static_cast<std::size_t>(it - a.begin());
}

template <typename T>
std::size_t lowerBound(std::span<const T> a, std::size_t from, std::size_t to, double value) {
    const auto it =
        std::lower_bound(a.begin() + static_cast<std::ptrdiff_t>(from), a.begin() + static_cast<std::ptrdiff_t>(to),
                         value, [](const T& x, double v) { return static_cast<double>(x) < v; });
    return static_cast<std::size_t>(it - a.begin());
}

struct LanePass {
    const LaneIndex& lane;
    const TimeAxisView& view;
    const PrepassOptions& options;
    LaneRecords& out;

    float x(double day) const {
        return static_cast<float>(std::clamp(view.dayToX(day), -kEdgePx, view.widthPx + kEdgePx));
    }

    void emitSingle(std::size_t i) {
        const LaneItem& item = lane.items[i];
        if (item.hasUncertainty)
            out.fuzzy.push_back(
                {x(static_cast<double>(item.fuzzyFirst)), x(static_cast<double>(item.fuzzyLast)), item.eventIndex});
        if (item.shape == ItemShape::Marker)
            out.markers.push_back({x(static_cast<double>(item.spanFirst) + 0.5), item.eventIndex});
        else
            out.bars.push_back(
                {x(static_cast<double>(item.spanFirst)), x(static_cast<double>(item.spanLast)), item.eventIndex});
    }

    void run(std::vector<std::uint32_t>& scratch) {
        const std::span<const DayNumber> starts = lane.starts;
        const std::size_t n = starts.size();
        if (n == 0) return;
        const double viewFirst = view.firstDay, viewLast = view.lastDay();
        const float minVisPx = options.minVisSizePx;
        const double minVisDays = minVisPx / view.pxPerDay;

        const std::size_t inView = lowerBound(starts, 0, n, viewFirst);
        const std::size_t end = lowerBound(starts, inView, n, viewLast);

        // Items starting before the view that still reach into it: drawn one by
        // one while few, else folded into one cluster from the left edge.
        scratch.clear();
        lane.collectSpanning(viewFirst, scratch, options.maxLeftEdgeBars + std::size_t{1});
        if (scratch.size() <= options.maxLeftEdgeBars) {
            for (const std::uint32_t i : scratch) emitSingle(i);
        } else {
            const std::size_t early =
                lowerBound(starts, 0, inView, viewFirst - static_cast<double>(lane.maxExtentDays));
            Cluster c;
            c.x0Px = x(static_cast<double>(starts[scratch[0]]));
            c.x1Px = x(static_cast<double>(lane.endMax.max(lane.ends, early, inView)));
            c.count = static_cast<std::uint32_t>(lane.countSpanning(viewFirst));
            c.firstEventIndex = lane.items[scratch[0]].eventIndex;
            c.firstItem = scratch[0];
            c.fromLeftEdge = true;
            out.clusters.push_back(c);
        }

        // Items starting in the view, left to right. An item with another start
        // within minVisPx after its own opens a cluster, which swallows every
        // following item starting within minVisPx of the previous one (Tracy's
        // "zones too small to display"): each step is one galloping search.
        std::size_t i = inView;
        while (i < end) {
            std::size_t g = gallopLowerBound(starts, i + 1, end, static_cast<double>(starts[i]) + minVisDays);
            if (g == i + 1) {
                emitSingle(i);
                i = g;
                continue;
            }
            const double maxClusterDays = options.maxClusterWidthPx > 0 ? options.maxClusterWidthPx / view.pxPerDay
                                                                        : std::numeric_limits<double>::infinity();
            for (;;) {
                if (static_cast<double>(starts[g - 1] - starts[i]) >= maxClusterDays) break;
                const std::size_t next =
                    gallopLowerBound(starts, g, end, static_cast<double>(starts[g - 1]) + minVisDays);
                if (next == g) break;
                g = next;
            }
            Cluster c;
            c.x0Px = x(static_cast<double>(starts[i]));
            c.x1Px = std::max(x(static_cast<double>(lane.endMax.max(lane.ends, i, g))), c.x0Px + minVisPx);
            c.count = static_cast<std::uint32_t>(g - i);
            c.firstEventIndex = lane.items[i].eventIndex;
            c.firstItem = static_cast<std::uint32_t>(i);
            out.clusters.push_back(c);
            i = g;
        }
    }
};

std::uint32_t densityOver(std::span<const double> days, const TimeAxisView& view, float bucketPx,
                          std::vector<std::uint32_t>& counts) {
    counts.clear();
    if (!(bucketPx > 0) || !(view.widthPx > 0) || !(view.pxPerDay > 0)) return 0;
    const auto buckets = static_cast<std::size_t>(std::ceil(view.widthPx / bucketPx));
    counts.assign(buckets, 0);
    std::uint32_t maxCount = 0;
    std::size_t pos = lowerBound(days, 0, days.size(), view.firstDay);
    for (std::size_t k = 0; k < buckets; ++k) {
        const double boundary = view.xToDay(static_cast<double>(k + 1) * bucketPx);
        const std::size_t next = gallopLowerBound(days, pos, days.size(), boundary);
        counts[k] = static_cast<std::uint32_t>(next - pos);
        maxCount = std::max(maxCount, counts[k]);
        pos = next;
    }
    return maxCount;
}

}  // namespace

void runPrepass(const TimelineIndex& index, const LaneLayout& layout, const TimeAxisView& view,
                const PrepassOptions& options, TimelineFrame& frame) {
    frame.lanes.resize(layout.laneCount());
    const bool viewOk = view.pxPerDay > 0 && view.widthPx > 0 && std::isfinite(view.firstDay);
    for (std::size_t row = 0; row < layout.laneCount(); ++row) {
        const Lane& lane = layout.lane(row);
        LaneRecords& out = frame.lanes[row];
        out.clear();
        out.slot = lane.slot;
        out.collapsed = lane.collapsed;
        out.firstDay = view.firstDay;
        out.skipped = static_cast<int>(row) < options.firstRow || static_cast<int>(row) > options.lastRow;
        if (out.skipped || !viewOk || lane.slot >= index.slotCount()) continue;
        LanePass{index.lane(lane.slot), view, options, out}.run(frame.scratch);
    }
}

void clusterEvents(const TimelineIndex& index, const LaneRecords& lane, const Cluster& cluster, std::vector<Index>& out,
                   std::size_t limit) {
    out.clear();
    if (lane.slot >= index.slotCount()) return;
    const LaneIndex& li = index.lane(lane.slot);
    if (!cluster.fromLeftEdge) {
        const std::size_t n = std::min<std::size_t>(cluster.count, limit);
        for (const LaneItem& item : index.items(lane.slot, cluster.firstItem, static_cast<std::uint32_t>(n)))
            out.push_back(item.eventIndex);
        return;
    }
    std::vector<std::uint32_t> positions;
    li.collectSpanning(lane.firstDay, positions, limit);
    for (const std::uint32_t p : positions) out.push_back(li.items[p].eventIndex);
}

std::uint32_t computeDensity(const TimelineIndex& index, const TimeAxisView& view, float bucketPx,
                             std::vector<std::uint32_t>& counts) {
    return densityOver(index.densityDays(), view, bucketPx, counts);
}

std::uint32_t computeLaneDensity(const TimelineIndex& index, LaneSlot slot, const TimeAxisView& view, float bucketPx,
                                 std::vector<std::uint32_t>& counts) {
    if (slot >= index.slotCount()) {
        counts.clear();
        return 0;
    }
    return densityOver(index.lane(slot).densityDays, view, bucketPx, counts);
}

TimelineHit hitTest(const LaneRecords& lane, float xPx, float tolerancePx) {
    TimelineHit hit;
    float best = tolerancePx;
    for (const Marker& m : lane.markers) {
        const float d = std::abs(m.xPx - xPx);
        if (d <= best) {
            best = d;
            hit.kind = TimelineHit::Kind::Event;
            hit.eventIndex = m.eventIndex;
        }
    }
    if (hit) return hit;
    // Thin records are drawn kMinVisSizePx wide, so they are that easy to hit;
    // the shortest wins, so an event inside a long one (or in front of a
    // left-edge cluster) can be picked.
    auto contains = [&](float x0, float x1) {
        return xPx >= x0 - tolerancePx && xPx <= std::max(x1, x0 + kMinVisSizePx) + tolerancePx;
    };
    float shortest = INFINITY;
    for (std::size_t c = 0; c < lane.clusters.size(); ++c) {
        const Cluster& cl = lane.clusters[c];
        if (contains(cl.x0Px, cl.x1Px) && cl.x1Px - cl.x0Px < shortest) {
            shortest = cl.x1Px - cl.x0Px;
            hit.kind = TimelineHit::Kind::Cluster;
            hit.eventIndex = cl.firstEventIndex;
            hit.cluster = static_cast<std::uint32_t>(c);
        }
    }
    for (const Bar& b : lane.bars) {
        if (contains(b.x0Px, b.x1Px) && b.x1Px - b.x0Px < shortest) {
            shortest = b.x1Px - b.x0Px;
            hit.kind = TimelineHit::Kind::Event;
            hit.eventIndex = b.eventIndex;
        }
    }
    if (hit) return hit;
    for (const FuzzySpan& f : lane.fuzzy) {
        if (contains(f.x0Px, f.x1Px) && f.x1Px - f.x0Px < shortest) {
            shortest = f.x1Px - f.x0Px;
            hit.kind = TimelineHit::Kind::Event;
            hit.eventIndex = f.eventIndex;
        }
    }
    return hit;
}

TimelineHit hitTest(const TimelineFrame& frame, const LaneLayout& layout, float xPx, float yPx, float tolerancePx) {
    const int row = layout.rowAtY(yPx);
    if (row < 0 || static_cast<std::size_t>(row) >= frame.lanes.size()) return {};
    TimelineHit hit = hitTest(frame.lanes[static_cast<std::size_t>(row)], xPx, tolerancePx);
    if (hit) hit.row = row;
    return hit;
}

void erasInView(const Dataset& dataset, const TimeAxisView& view, std::vector<EraRecord>& out) {
    out.clear();
    const double first = view.firstDay, last = view.lastDay();
    for (std::size_t i = 0; i < dataset.eras.size(); ++i) {
        const DaySpan s = dataset.eras[i].span();
        if (static_cast<double>(s.last) <= first || static_cast<double>(s.first) >= last) continue;
        auto x = [&](DayNumber d) {
            return static_cast<float>(
                std::clamp(view.dayToX(static_cast<double>(d)), -kEdgePx, view.widthPx + kEdgePx));
        };
        out.push_back({x(s.first), x(s.last), static_cast<Index>(i)});
    }
}

}  // namespace meridian::timeline

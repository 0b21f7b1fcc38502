// The per-frame pre-pass (Tracy's Preprocess): turns the visible part of each
// lane into compact draw records, so the ImGui widget only emits rectangles.
//
// Cost per frame is O(records * log n), and records per lane are bounded by
// about 2 * widthPx / minVisSizePx whatever the dataset's size: items whose
// starts lie within minVisSizePx of each other fold into one Cluster with a
// count, and the cluster's members are skipped with a binary search, never
// visited. Long events that began before the view are drawn one by one while
// there are few (maxLeftEdgeBars); past that they fold into one left-edge
// cluster whose count comes from two binary searches.
//
// All x are px from the left of the lane area (TimeAxisView), clamped to a few
// px beyond [0, widthPx] so float positions stay small.
#pragma once

#include <climits>
#include <cstdint>
#include <vector>

#include "core/dataset.h"
#include "timeline/lanes.h"
#include "timeline/timeline_index.h"
#include "timeline/timeline_view.h"

namespace meridian::timeline {

inline constexpr float kMinVisSizePx = 3.0f;  // Tracy's MinVisSize

// A single-day event, at the middle of its day.
struct Marker {
    float xPx = 0;
    Index eventIndex = kNoIndex;
};
// An event covering several days: [span first day, span last day).
// A year-only event covers its whole year, a month-only one its month.
// x1Px - x0Px may be under a pixel: the widget draws it at least minVisSizePx wide.
struct Bar {
    float x0Px = 0, x1Px = 0;
    Index eventIndex = kNoIndex;
};
// An event's uncertainty range (uncertaintyRange()), drawn faint behind its marker or bar.
struct FuzzySpan {
    float x0Px = 0, x1Px = 0;
    Index eventIndex = kNoIndex;
};
// Events too close together to tell apart at this zoom: `count` items of the
// lane, from its item `firstItem` (TimelineIndex::items(slot, firstItem, count)
// lists them). x1Px reaches the furthest member's end and is at least
// x0Px + minVisSizePx. Zooming in splits it.
// A `fromLeftEdge` cluster is different: the many longer events that started
// before the view and reach into it (x0Px is left of the view); its members are
// not contiguous items, so list them with clusterEvents(). Draw it like a bar
// band ("N longer events"); zooming does not split it, panning left does.
struct Cluster {
    float x0Px = 0, x1Px = 0;
    std::uint32_t count = 0;
    Index firstEventIndex = kNoIndex;
    std::uint32_t firstItem = 0;
    bool fromLeftEdge = false;
};

struct LaneRecords {
    LaneSlot slot = 0;
    bool collapsed = false;
    bool skipped = false;  // outside PrepassOptions' rows: no records
    double firstDay = 0;   // the view's left edge these records were made for
    // Draw in this order (back to front).
    std::vector<FuzzySpan> fuzzy;
    std::vector<Bar> bars;
    std::vector<Cluster> clusters;
    std::vector<Marker> markers;

    void clear() {
        fuzzy.clear();
        bars.clear();
        clusters.clear();
        markers.clear();
    }
    std::size_t recordCount() const { return fuzzy.size() + bars.size() + clusters.size() + markers.size(); }
};

struct PrepassOptions {
    float minVisSizePx = kMinVisSizePx;
    // Rows scrolled out of the lane area are skipped (Tracy skips invisible rows).
    int firstRow = 0;
    int lastRow = INT_MAX;  // inclusive
    // Past this many events reaching into the view from the left in one lane,
    // they fold into one fromLeftEdge cluster (they all look like bars from the edge).
    std::uint32_t maxLeftEdgeBars = 8;
    // 0: a run of close items chains into one cluster however long (Tracy). A
    // width here cuts runs into blocks about that wide, so a zoomed-out lane
    // reads as counted blocks rather than one block over the whole lane.
    float maxClusterWidthPx = 0;
};

// One LaneRecords per LaneLayout row, in row order; reused frame to frame
// (vectors are cleared, not freed, so a steady frame does not allocate).
struct TimelineFrame {
    std::vector<LaneRecords> lanes;
    std::vector<std::uint32_t> scratch;  // long events reaching into the view
};

void runPrepass(const TimelineIndex& index, const LaneLayout& layout, const TimeAxisView& view,
                const PrepassOptions& options, TimelineFrame& frame);

// The events a cluster stands for, in start order, at most `limit` of them
// (a tooltip lists a few; the count is cluster.count). Cost O(listed * log n).
void clusterEvents(const TimelineIndex& index, const LaneRecords& lane, const Cluster& cluster, std::vector<Index>& out,
                   std::size_t limit = 64);

// ---------------------------------------------------------------------------
// Density strip
// ---------------------------------------------------------------------------

// Events per bucket of `bucketPx` across the view: counts[k] is the number of
// visible events whose density day (the middle of their span) falls in
// x in [k * bucketPx, (k + 1) * bucketPx); ceil(widthPx / bucketPx) buckets.
// Two galloping binary searches per bucket, so the cost follows the buckets,
// not the events. Returns the largest count (for scaling the strip).
std::uint32_t computeDensity(const TimelineIndex& index, const TimeAxisView& view, float bucketPx,
                             std::vector<std::uint32_t>& counts);
// The same for one lane (e.g. to draw a collapsed lane as a strip).
std::uint32_t computeLaneDensity(const TimelineIndex& index, LaneSlot slot, const TimeAxisView& view, float bucketPx,
                                 std::vector<std::uint32_t>& counts);

// ---------------------------------------------------------------------------
// Hit testing
// ---------------------------------------------------------------------------

struct TimelineHit {
    enum class Kind : std::uint8_t { None, Event, Cluster };
    Kind kind = Kind::None;
    int row = -1;
    Index eventIndex = kNoIndex;  // Kind::Event; a cluster's first event for Kind::Cluster
    std::uint32_t cluster = 0;    // Kind::Cluster: index into that lane's clusters
    explicit operator bool() const { return kind != Kind::None; }
};

// What is under x in one lane: the nearest marker within tolerancePx, else the
// shortest cluster or bar containing x (+- tolerancePx; thin ones count as
// minVisSize wide), else the shortest uncertainty range containing it.
TimelineHit hitTest(const LaneRecords& lane, float xPx, float tolerancePx);
// Same, finding the lane from y (px from the top of the lane area) via the layout.
TimelineHit hitTest(const TimelineFrame& frame, const LaneLayout& layout, float xPx, float yPx, float tolerancePx);

// ---------------------------------------------------------------------------
// Eras
// ---------------------------------------------------------------------------

struct EraRecord {
    float x0Px = 0, x1Px = 0;
    Index eraIndex = kNoIndex;
};
// The eras overlapping the view (a dataset has a handful: a plain scan).
void erasInView(const Dataset& dataset, const TimeAxisView& view, std::vector<EraRecord>& out);

}  // namespace meridian::timeline

// The timeline's rows: one lane per category, in the dataset's category order
// until the user drags them, plus an "uncategorized" lane when some event has no
// category. A lane is identified by its slot (the category index, or
// categories.size() for uncategorized), which TimelineIndex uses too, so
// reordering or collapsing lanes never rebuilds the index.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/dataset.h"

namespace meridian::timeline {

using LaneSlot = std::uint32_t;

// Slot of an event's lane: its category, or `categoryCount` (uncategorized)
// when it has none or an out-of-range one.
inline LaneSlot laneSlotOf(const Event& e, std::size_t categoryCount) {
    return e.category < categoryCount ? e.category : static_cast<LaneSlot>(categoryCount);
}

struct Lane {
    LaneSlot slot = 0;
    Index category = kNoIndex;  // kNoIndex for the uncategorized lane
    bool collapsed = false;     // a thin row: the widget draws its records squashed, without labels
};

class LaneLayout {
public:
    LaneLayout() = default;
    // One lane per category in dataset order, then uncategorized if any event needs it.
    static LaneLayout fromDataset(const Dataset& dataset);

    std::size_t laneCount() const { return m_lanes.size(); }
    const Lane& lane(std::size_t row) const { return m_lanes[row]; }
    std::span<const Lane> lanes() const { return m_lanes; }
    // The row showing a slot, or -1.
    int rowOfSlot(LaneSlot slot) const;
    int rowOfCategory(Index category) const;

    // Drag a lane from one row to another; the lanes between shift by one.
    void moveLane(std::size_t fromRow, std::size_t toRow);
    void setCollapsed(std::size_t row, bool collapsed);
    // A saved order (category indices, kNoIndex for uncategorized): lanes named
    // there come first in that order, the rest keep their relative order after.
    void setOrder(std::span<const Index> categories);
    std::vector<Index> order() const;  // for saving

    // Vertical geometry, y in px from the top of the lane area.
    float expandedHeightPx = 22.0f;
    float collapsedHeightPx = 6.0f;
    float rowHeightPx(std::size_t row) const { return m_lanes[row].collapsed ? collapsedHeightPx : expandedHeightPx; }
    float rowTopPx(std::size_t row) const;
    float totalHeightPx() const;
    int rowAtY(float yPx) const;  // -1 above or below every lane

private:
    std::vector<Lane> m_lanes;
};

}  // namespace meridian::timeline

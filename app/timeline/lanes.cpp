#include "timeline/lanes.h"

#include <algorithm>

namespace meridian::timeline {

LaneLayout LaneLayout::fromDataset(const Dataset& dataset) {
    LaneLayout layout;
    const std::size_t n = dataset.categories.size();
    for (std::size_t c = 0; c < n; ++c)
        layout.m_lanes.push_back({static_cast<LaneSlot>(c), static_cast<Index>(c), false});
    const bool anyUncategorized = std::any_of(dataset.events.begin(), dataset.events.end(),
                                              [&](const Event& e) { return laneSlotOf(e, n) == n; });
    if (anyUncategorized) layout.m_lanes.push_back({static_cast<LaneSlot>(n), kNoIndex, false});
    return layout;
}

int LaneLayout::rowOfSlot(LaneSlot slot) const {
    for (std::size_t r = 0; r < m_lanes.size(); ++r)
        if (m_lanes[r].slot == slot) return static_cast<int>(r);
    return -1;
}

int LaneLayout::rowOfCategory(Index category) const {
    for (std::size_t r = 0; r < m_lanes.size(); ++r)
        if (m_lanes[r].category == category) return static_cast<int>(r);
    return -1;
}

void LaneLayout::moveLane(std::size_t fromRow, std::size_t toRow) {
    if (fromRow >= m_lanes.size() || toRow >= m_lanes.size() || fromRow == toRow) return;
    const auto from = m_lanes.begin() + static_cast<std::ptrdiff_t>(fromRow);
    const auto to = m_lanes.begin() + static_cast<std::ptrdiff_t>(toRow);
    if (fromRow < toRow)
        std::rotate(from, from + 1, to + 1);
    else
        std::rotate(to, from, from + 1);
}

void LaneLayout::setCollapsed(std::size_t row, bool collapsed) {
    if (row < m_lanes.size()) m_lanes[row].collapsed = collapsed;
}

void LaneLayout::setOrder(std::span<const Index> categories) {
    std::vector<Lane> ordered;
    ordered.reserve(m_lanes.size());
    for (Index c : categories) {
        const int row = rowOfCategory(c);
        if (row < 0) continue;
        const Lane& lane = m_lanes[static_cast<std::size_t>(row)];
        if (std::none_of(ordered.begin(), ordered.end(), [&](const Lane& l) { return l.slot == lane.slot; }))
            ordered.push_back(lane);
    }
    for (const Lane& lane : m_lanes)
        if (std::none_of(ordered.begin(), ordered.end(), [&](const Lane& l) { return l.slot == lane.slot; }))
            ordered.push_back(lane);
    m_lanes = std::move(ordered);
}

std::vector<Index> LaneLayout::order() const {
    std::vector<Index> out;
    for (const Lane& lane : m_lanes) out.push_back(lane.category);
    return out;
}

float LaneLayout::rowTopPx(std::size_t row) const {
    float y = 0;
    for (std::size_t r = 0; r < row && r < m_lanes.size(); ++r) y += rowHeightPx(r);
    return y;
}

float LaneLayout::totalHeightPx() const {
    return rowTopPx(m_lanes.size());
}

int LaneLayout::rowAtY(float yPx) const {
    if (yPx < 0) return -1;
    float y = 0;
    for (std::size_t r = 0; r < m_lanes.size(); ++r) {
        y += rowHeightPx(r);
        if (yPx < y) return static_cast<int>(r);
    }
    return -1;
}

}  // namespace meridian::timeline

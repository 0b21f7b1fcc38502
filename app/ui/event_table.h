// The event table with its search field: one row per event that passes the
// filter, sortable, linked to the selection both ways.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ui/context.h"

struct ImGuiTableSortSpecs;

namespace meridian::ui {

class EventTable {
public:
    void draw(Context& c);

private:
    void drawSearchField(Context& c);
    void sortRows(const Context& c, const ImGuiTableSortSpecs* specs);

    std::string m_searchText;
    // The shown rows in display order, for the revision and filter they were built from.
    std::vector<Index> m_rows;
    std::uint64_t m_rowsRevision = 0, m_rowsStamp = 0;
    bool m_rowsCompact = false;
    bool m_compact = false;       // this frame's table is the narrow one
    bool m_enterSelects = false;  // Enter in the search field: select the first result once the rows are sorted
};

}  // namespace meridian::ui

// Which events pass the user's filters. One mask serves the table, the
// timeline and the map, so the three always agree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"

namespace meridian {

struct EventFilter {
    // Empty set = no restriction on that facet. Indices into the dataset's lists.
    std::vector<Index> categories, actors;
    std::vector<std::string> countries;  // ISO alpha-3 of places or actors
    std::vector<std::string> tags;
    std::uint8_t confidenceMask = kAllConfidenceMask;  // bit per Confidence level
    std::uint8_t sourceKindMask =
        kAllSourceKinds;           // bit per SourceKind: an event passes if any source is of a kept kind
    std::optional<Date> from, to;  // date range: events overlapping [from, to]
    std::string text;              // case-insensitive search in titles, summaries, notes, places, actors, sources, tags

    bool isActive() const;
    // A short description of what is hidden, e.g. "confirmed only; 2 categories; "Beijing"".
    std::string describe(const Dataset& ds) const;
    void clear() { *this = EventFilter{}; }
};

struct FilterResult {
    std::vector<std::uint8_t> mask;  // one byte per event: 1 = shown
    std::size_t shown = 0;
};

bool eventPasses(const Dataset& ds, const Event& e, const EventFilter& f);
FilterResult applyFilter(const Dataset& ds, const EventFilter& f);

// Lower-cases ASCII and folds common Latin accents ("Süddeutsche" ~ "suddeutsche").
std::string foldForSearch(std::string_view text);

}  // namespace meridian

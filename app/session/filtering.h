// Applying the session's filter to the data: one mask for the table, the
// timeline and the map, recomputed when the filter or the data changes.
#pragma once

#include <cstdint>

#include "core/dataset.h"
#include "session/session.h"

namespace meridian {

// Recomputes the mask for the data at a document revision and gives it a new stamp.
void refilter(Session& s, const Dataset& ds, std::uint64_t revision);

}  // namespace meridian

// Indices into the dataset's lists (events, places, ...), with "none".
#pragma once

#include <cstdint>
#include <limits>

namespace meridian {

using Index = std::uint32_t;
inline constexpr Index kNoIndex = std::numeric_limits<Index>::max();

}  // namespace meridian

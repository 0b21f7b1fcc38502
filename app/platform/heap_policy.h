// How the C library's allocator gives memory back. glibc raises its mmap and
// trim thresholds as large blocks come and go (the world's 1:50m and 1:10m
// levels, the basemap, a big file's tables), up to 32 MB: after that, freed
// memory stays in the process. Fixed thresholds give large blocks back at
// once and trim the heap's top past 1 MB (curated file: 194 -> 170 MiB
// resident, 237 -> 206 MiB peak; 1M events: no slower).
#pragma once

namespace meridian::platform {

// Call early, before the large allocations (a no-op without glibc).
void returnFreedMemoryPromptly();

}  // namespace meridian::platform

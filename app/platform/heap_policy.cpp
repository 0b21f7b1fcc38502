#include "platform/heap_policy.h"

#include <cstddef>  // defines __GLIBC__ (with glibc)
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace meridian::platform {

void returnFreedMemoryPromptly() {
#if defined(__GLIBC__)
    constexpr int kThresholdBytes = 1 << 20;
    mallopt(M_MMAP_THRESHOLD, kThresholdBytes);  // blocks of 1 MB and more: their own mapping, unmapped when freed
    mallopt(M_TRIM_THRESHOLD, kThresholdBytes);  // free memory at the heap's top past 1 MB: back to the system
#endif
}

}  // namespace meridian::platform

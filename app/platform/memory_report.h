// Where the process's resident memory is (benchmark output): the kernel's
// split (anonymous, file-backed, shared), the allocator's view (in use, free
// but kept, mapped), the threads, and the mappings holding the most, by name
// (the heap, anonymous memory, each shared library).
#pragma once

#include <string>

namespace meridian::platform {

// A few lines, each starting with two spaces; topMappings: how many named
// mappings to list (0: none).
std::string formatMemoryReport(int topMappings);

}  // namespace meridian::platform

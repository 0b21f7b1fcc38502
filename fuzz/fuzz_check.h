// How a fuzz target states an invariant. A broken one prints what was expected and what was
// found, then aborts: libFuzzer saves the input that broke it as a crash file (see fuzz/README.md).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

namespace meridian::fuzz {

[[noreturn]] inline void invariantBroken(const char* file, int line, const char* condition, const std::string& found) {
    std::fprintf(stderr, "%s:%d: fuzz invariant broken: %s\n  found: %s\n", file, line, condition, found.c_str());
    std::abort();
}

}  // namespace meridian::fuzz

// FUZZ_CHECK(condition, found): found is an expression giving a std::string, evaluated only on failure.
#define FUZZ_CHECK(condition, found)                                                                  \
    do {                                                                                              \
        if (!(condition)) ::meridian::fuzz::invariantBroken(__FILE__, __LINE__, #condition, (found)); \
    } while (0)

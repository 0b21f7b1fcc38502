#pragma once
// The test data's folder (tests/data in the source tree), found through the model's one compiled-in
// path (io/build_paths.h) rather than a path on every test's compile line.
#include <string>

#include "io/build_paths.h"

namespace meridian::test {

inline const std::string& testDataDir() {
    static const std::string dir = std::string(io::sourceDir()) + "/tests/data";
    return dir;
}

}  // namespace meridian::test

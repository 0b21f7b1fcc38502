// The command line's view options mapped onto the session: time, window,
// selection, story, projection, camera, layers. Pure (no window needed), so
// it is unit-tested.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"
#include "io/command_line.h"
#include "session/session.h"

namespace meridian {

struct LaunchProblems {
    std::vector<std::string> warnings;  // printed; the app goes on
    bool fatalWhenHeadless = false;     // a headless render must not pretend (e.g. an unknown story)
};

LaunchProblems applyLaunchOptions(Session& s, const Document& doc, const io::CommandLine& opt, bool headless);

}  // namespace meridian

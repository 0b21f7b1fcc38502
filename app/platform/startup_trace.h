// Where the time to the first frame goes: named marks, each the seconds since
// the process started (the kernel's start time, so dynamic loading before
// main() counts too). Printed by --bench-frames and, with the environment
// variable MERIDIAN_STARTUP_REPORT=1, by an interactive launch after its first
// frame.
#pragma once

#include <string>
#include <vector>

namespace meridian::platform {

struct StartupMark {
    std::string stage;     // what finished at this moment
    double atSec = 0;      // since the process started
    double cpuSec = 0;     // CPU time of the whole process by then (all threads): less
                           // sensitive to other programs' load than atSec
    long residentKiB = 0;  // resident memory by then
};

// Seconds since this process started.
double secondsSinceProcessStart();
// Records that a stage of the start-up finished now.
void markStartup(const char* stage);
const std::vector<StartupMark>& startupMarks();
// "stage  at  took  cpu" lines, one per mark.
std::string formatStartupMarks();
// After the first frame of an interactive launch: marks it and, once, prints
// the marks to stderr when MERIDIAN_STARTUP_REPORT is set.
void firstFrameShown();

}  // namespace meridian::platform

#include "platform/startup_trace.h"

#include <time.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace meridian::platform {

namespace {

std::vector<StartupMark>& marks() {
    static std::vector<StartupMark> m;
    return m;
}

// The process's start, in seconds since boot: /proc/self/stat field 22 (clock ticks).
double processStartSinceBootSec() {
    std::ifstream f("/proc/self/stat");
    std::string line;
    if (!std::getline(f, line)) return -1;
    // The command name (field 2) may hold spaces: count fields after its ')'.
    const auto close = line.rfind(')');
    if (close == std::string::npos) return -1;
    std::istringstream rest(line.substr(close + 2));
    std::string field;
    for (int i = 3; i <= 22 && rest >> field; ++i)
        if (i == 22) return std::strtod(field.c_str(), nullptr) / static_cast<double>(sysconf(_SC_CLK_TCK));
    return -1;
}

long residentKiB() {
    std::ifstream f("/proc/self/statm");
    long pages = 0, resident = 0;
    f >> pages >> resident;
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

double bootSec() {
    timespec ts{};
    clock_gettime(CLOCK_BOOTTIME, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace

double secondsSinceProcessStart() {
    static const double start = processStartSinceBootSec();
    return start < 0 ? 0.0 : bootSec() - start;
}

void markStartup(const char* stage) {
    timespec cpu{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
    marks().push_back({stage, secondsSinceProcessStart(),
                       static_cast<double>(cpu.tv_sec) + static_cast<double>(cpu.tv_nsec) * 1e-9, residentKiB()});
}

const std::vector<StartupMark>& startupMarks() {
    return marks();
}

std::string formatStartupMarks() {
    std::string out;
    double previous = 0, previousCpu = 0;
    char line[200];
    for (const StartupMark& m : marks()) {
        std::snprintf(line, sizeof line, "  %-30s at %7.3f s (+%6.1f ms)   CPU %7.3f s (+%6.1f ms)   %5ld MiB\n",
                      m.stage.c_str(), m.atSec, 1000.0 * (m.atSec - previous), m.cpuSec,
                      1000.0 * (m.cpuSec - previousCpu), m.residentKiB / 1024);
        out += line;
        previous = m.atSec;
        previousCpu = m.cpuSec;
    }
    return out;
}

void firstFrameShown() {
    static bool done = false;
    if (done) return;
    done = true;
    markStartup("first frame shown");
    if (std::getenv("MERIDIAN_STARTUP_REPORT"))
        std::fprintf(stderr, "meridian: start-up (seconds since the process started):\n%s",
                     formatStartupMarks().c_str());
}

}  // namespace meridian::platform

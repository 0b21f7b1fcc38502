// Load benchmark: io::loadDataset (read + parse + validate + build the model)
// of synthetic files of 10k, 100k and 1M events (or of the files given), each
// loaded in a fresh process so that its peak memory is its own. Prints the
// medians of several runs: wall and CPU time, peak and final resident memory.
// A CLI that prints figures (not a timed unit test).
//
// Usage: meridian_bench_load [--runs R] [--file PATH]... [N ...]
//        meridian_bench_load --write FILE N      (writes a synthetic file of N events)
//        meridian_bench_load --load-once PATH    (one load; prints "wall cpu peakKiB rssKiB events")
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "io/dataset_loader.h"
#include "synthetic_data.h"

using namespace meridian;

namespace {

struct LoadFigures {
    double wallSec = 0, cpuSec = 0;
    long peakKiB = 0, residentKiB = 0;  // the process's peak and after loading (0 where unknown)
    std::size_t events = 0;
};

double cpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// VmHWM / VmRSS from /proc/self/status (Linux), in KiB; 0 elsewhere.
long statusKiB(const char* field) {
    std::FILE* f = std::fopen("/proc/self/status", "r");
    if (!f) return 0;
    char line[256];
    long kib = 0;
    const std::size_t n = std::char_traits<char>::length(field);
    while (std::fgets(line, sizeof line, f))
        if (std::string_view(line).substr(0, n) == field) kib = std::strtol(line + n + 1, nullptr, 10);
    std::fclose(f);
    return kib;
}

LoadFigures loadOnce(const std::string& path) {
    LoadFigures f;
    const double cpu0 = cpuSeconds();
    const auto t0 = std::chrono::steady_clock::now();
    const io::DatasetLoadResult result = io::loadDataset(path);
    f.wallSec = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    f.cpuSec = cpuSeconds() - cpu0;
    f.peakKiB = statusKiB("VmHWM:");
    f.residentKiB = statusKiB("VmRSS:");
    if (!result.ok()) {
        std::fprintf(stderr, "%s did not load: %s\n", path.c_str(),
                     result.diagnostics.empty() ? "?" : result.diagnostics[0].format().c_str());
        std::exit(1);
    }
    f.events = result.dataset->events.size();
    return f;
}

// One load in a fresh process (this program with --load-once): its peak is not
// the parent's. The browser build has no processes: it loads here.
LoadFigures loadInChild(const char* self, const std::string& path) {
#ifdef __EMSCRIPTEN__
    (void)self;
    return loadOnce(path);
#else
    const std::string command = "'" + std::string(self) + "' --load-once '" + path + "'";
    std::FILE* p = popen(command.c_str(), "r");
    LoadFigures f;
    if (!p ||
        std::fscanf(p, "%lf %lf %ld %ld %zu", &f.wallSec, &f.cpuSec, &f.peakKiB, &f.residentKiB, &f.events) != 5) {
        std::fprintf(stderr, "the load of %s failed\n", path.c_str());
        std::exit(1);
    }
    if (pclose(p) != 0) std::exit(1);
    return f;
#endif
}

template <typename T>
T median(std::vector<T> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

void measure(const char* self, const std::string& path, const std::string& label, int runs) {
    std::vector<double> wall, cpu;
    std::vector<long> peak, resident;
    std::size_t events = 0;
    for (int r = 0; r < runs; ++r) {
        const LoadFigures f = loadInChild(self, path);
        wall.push_back(f.wallSec);
        cpu.push_back(f.cpuSec);
        peak.push_back(f.peakKiB);
        resident.push_back(f.residentKiB);
        events = f.events;
    }
    std::error_code ec;
    const double mib = static_cast<double>(std::filesystem::file_size(path, ec)) / 1048576.0;
    std::printf("%-14s %10zu %9.1f %9.3f %9.3f %10.0f %10.0f\n", label.c_str(), events, mib, median(cpu), median(wall),
                static_cast<double>(median(peak)) / 1024.0, static_cast<double>(median(resident)) / 1024.0);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::size_t> counts;
    std::vector<std::string> files;
    int runs = 3;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--write" && i + 2 < argc) {
            bench::SyntheticOptions o;
            o.events = std::strtoull(argv[i + 2], nullptr, 10);
            std::ofstream(argv[i + 1]) << bench::makeSyntheticDataset(o);
            return 0;
        }
        if (a == "--load-once" && i + 1 < argc) {
            const LoadFigures f = loadOnce(argv[i + 1]);
            std::printf("%.6f %.6f %ld %ld %zu\n", f.wallSec, f.cpuSec, f.peakKiB, f.residentKiB, f.events);
            return 0;
        }
        if (a == "--runs" && i + 1 < argc) {
            runs = std::max(1, std::atoi(argv[++i]));
        } else if (a == "--file" && i + 1 < argc) {
            files.push_back(argv[++i]);
        } else {
            counts.push_back(std::strtoull(argv[i], nullptr, 10));
        }
    }
    if (counts.empty() && files.empty()) counts = {10000, 100000, 1000000};
    std::printf("loadDataset, median of %d runs, each in a fresh process (CPU: user + system)\n", runs);
    std::printf("%-14s %10s %9s %9s %9s %10s %10s\n", "file", "events", "MiB", "CPU s", "wall s", "peak MiB",
                "after MiB");
    for (const std::string& path : files) measure(argv[0], path, std::filesystem::path(path).filename().string(), runs);
    for (std::size_t n : counts) {
        bench::SyntheticOptions o;
        o.events = n;
        const std::filesystem::path path =
            std::filesystem::temp_directory_path() / ("meridian-bench-load-" + std::to_string(n) + ".json");
        std::ofstream(path) << bench::makeSyntheticDataset(o);
        measure(argv[0], path.string(), "synthetic", runs);
        std::filesystem::remove(path);
    }
    return 0;
}

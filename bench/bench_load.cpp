// Load benchmark: parse + validate synthetic files of 10k, 100k and 1M events
// and print time, throughput and memory. A CLI that prints figures (not a timed
// unit test). Usage: meridian_bench_load [--write FILE N] [N ...]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "io/dataset_loader.h"
#include "io/json_document.h"
#include "synthetic_data.h"

using namespace meridian;

static long peakRssMiB() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

int main(int argc, char** argv) {
    std::vector<std::size_t> counts;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--write" && i + 2 < argc) {
            bench::SyntheticOptions o;
            o.events = std::strtoull(argv[i + 2], nullptr, 10);
            std::ofstream(argv[i + 1]) << bench::makeSyntheticDataset(o);
            return 0;
        }
        counts.push_back(std::strtoull(argv[i], nullptr, 10));
    }
    if (counts.empty()) counts = {10000, 100000, 1000000};
    std::printf("%10s %10s %10s %10s %12s %12s\n", "events", "file MiB", "parse s", "load s", "MB/s", "peak RSS MiB");
    for (std::size_t n : counts) {
        bench::SyntheticOptions o;
        o.events = n;
        const std::string text = bench::makeSyntheticDataset(o);
        const auto t0 = std::chrono::steady_clock::now();
        io::JsonError err;
        const auto doc = io::JsonDocument::parse(text, &err);
        const auto t1 = std::chrono::steady_clock::now();
        const auto result = io::parseDataset(text, "synthetic.json");
        const auto t2 = std::chrono::steady_clock::now();
        if (!doc || !result.ok()) {
            std::fprintf(stderr, "synthetic file did not load: %s\n",
                         result.diagnostics.empty() ? err.message.c_str() : result.diagnostics[0].format().c_str());
            return 1;
        }
        const double parseS = std::chrono::duration<double>(t1 - t0).count();
        const double loadS = std::chrono::duration<double>(t2 - t1).count();
        std::printf("%10zu %10.1f %10.3f %10.3f %12.1f %12ld\n", n, text.size() / 1048576.0, parseS, loadS,
                    text.size() / 1048576.0 / loadS, peakRssMiB());
    }
    return 0;
}

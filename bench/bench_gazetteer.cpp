// Gazetteer benchmark: load time and memory of the shipped gazetteer, then
// 100,000 lookups of the kind an import does (place names from the file itself
// in several spellings, "Name, Country", a country column hint, ISO codes,
// names that are not there), 1,000 place-picker searches and 100,000 nearest()
// queries. A CLI that prints figures (not a timed unit test).
// Usage: meridian_bench_gazetteer [LOOKUPS]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "io/asset_paths.h"
#include "io/import/gazetteer.h"

using namespace meridian;
using Clock = std::chrono::steady_clock;

namespace {

long rssKiB() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmRSS:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
    return 0;
}

double msSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t lookups = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 100000;
    const std::filesystem::path file = io::assetPath("gazetteer/gazetteer.tsv");

    // Load: five times, the best and the first; memory from the first.
    const long rss0 = rssKiB();
    std::unique_ptr<io::Gazetteer> g;
    double firstMs = 0, bestMs = 1e9;
    for (int run = 0; run < 5; ++run) {
        g.reset();
        const auto t0 = Clock::now();
        std::string error;
        g = io::Gazetteer::load(file, &error);
        const double ms = msSince(t0);
        if (!g) {
            std::fprintf(stderr, "%s\n", error.c_str());
            return 1;
        }
        if (run == 0) firstMs = ms;
        bestMs = std::min(bestMs, ms);
    }
    std::printf("gazetteer %s: %zu entries, %.1f MB\n", file.string().c_str(), g->size(),
                std::filesystem::file_size(file) / 1e6);
    std::printf("load: first %.0f ms, best of 5 %.0f ms; index holds %.1f MiB; RSS +%.1f MiB after load\n", firstMs,
                bestMs, g->memoryBytes() / 1048576.0, (rssKiB() - rss0) / 1024.0);

    // Queries: names read from the file (cities, some with accents), varied as an import sees them.
    std::vector<std::string> names, countries;
    {
        std::ifstream in(file);
        std::string country;
        for (std::string line; std::getline(in, line);) {
            if (line.rfind("@country\t", 0) == 0) {
                const std::size_t last = line.rfind('\t');
                country = line.substr(last + 1, line.find('|', last) - last - 1);
                countries.push_back(line.substr(9, 2));
                continue;
            }
            if (line.empty() || line[0] == '#' || line[0] == '@') continue;
            names.push_back(line.substr(0, line.find('\t')));
            if (names.size() % 7 == 0) names.back() += ", " + country;
        }
    }
    std::mt19937 rng(42);
    std::vector<std::string> queries;
    std::vector<std::string> hints;
    queries.reserve(lookups);
    for (std::size_t i = 0; i < lookups; ++i) {
        const std::size_t kind = i % 10;
        std::string hint;
        std::string q;
        if (kind == 0)
            q = countries[rng() % countries.size()];  // "KP"
        else if (kind == 1)
            q = "Nowhere-" + std::to_string(rng());  // not found
        else {
            q = names[rng() % names.size()];
            if (kind == 2)
                for (char& c : q) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);  // "TEHRAN"
            if (kind == 3) hint = countries[rng() % countries.size()];                       // a country column
        }
        queries.push_back(std::move(q));
        hints.push_back(std::move(hint));
    }
    std::size_t found = 0, ambiguous = 0;
    auto t0 = Clock::now();
    for (std::size_t i = 0; i < queries.size(); ++i) {
        const auto m = g->lookup(queries[i], hints[i]);
        found += m.has_value();
        ambiguous += m && m->alternatives > 0;
    }
    const double lookupMs = msSince(t0);
    std::printf("lookup: %zu in %.0f ms (%.2f us each); %zu found, %zu ambiguous (most populous chosen)\n",
                queries.size(), lookupMs, lookupMs * 1000 / static_cast<double>(queries.size()), found, ambiguous);

    // Search: a picker's keystrokes ("t", "te", "teh", ...) for 200 names.
    std::size_t searches = 0, results = 0;
    t0 = Clock::now();
    for (int i = 0; i < 200; ++i) {
        const std::string& n = names[rng() % names.size()];
        for (std::size_t len = 1; len <= std::min<std::size_t>(5, n.size()); ++len, ++searches)
            results += g->search(n.substr(0, len), 10).size();
    }
    const double searchMs = msSince(t0);
    std::printf("search: %zu (1 to 5 typed characters, 10 results) in %.0f ms (%.2f ms each)\n", searches, searchMs,
                searchMs / static_cast<double>(searches));

    // Nearest: uniform on the sphere (most points at sea: the hard case) and near places.
    std::uniform_real_distribution<double> u(0, 1);
    double sumKm = 0;
    t0 = Clock::now();
    const std::size_t nearestCount = 100000;
    for (std::size_t i = 0; i < nearestCount; ++i) {
        const double lat = std::asin(2 * u(rng) - 1) * 180 / 3.14159265358979323846, lon = u(rng) * 360 - 180;
        double km = 0;
        if (g->nearest(lat, lon, &km)) sumKm += km;
    }
    const double nearestMs = msSince(t0);
    std::printf("nearest: %zu random points on the sphere in %.0f ms (%.2f us each; mean distance %.0f km)\n",
                nearestCount, nearestMs, nearestMs * 1000 / nearestCount, sumKm / nearestCount);
    t0 = Clock::now();
    for (std::size_t i = 0; i < nearestCount; ++i) {
        const auto m = g->lookup(names[rng() % names.size()]);
        if (m) g->nearest(m->entry.latDeg + 0.05, m->entry.lonDeg - 0.05);
    }
    std::printf("nearest: %zu points near places (with their lookup) in %.0f ms\n", nearestCount, msSince(t0));
    return 0;
}

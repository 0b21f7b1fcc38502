// Timeline frame benchmark: builds the TimelineIndex for 1k, 100k and 1M
// synthetic events and times one frame's model work (axis ticks + pre-pass +
// density strip) zoomed out (1980-2024 on 1600 px), at one year and zoomed in
// (30 days). Prints medians of many frames. The frame cost must not grow with
// the dataset: it follows the pixels (records are bounded by width / 3 px per lane).
// Usage: meridian_bench_timeline [--parse] [--frames N] [N ...]
//   --parse  build the datasets through bench::makeSyntheticDataset + io::parseDataset
//            (slow at 1M; no ends or uncertainty) instead of constructing them directly.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "io/dataset_loader.h"
#include "synthetic_data.h"
#include "timeline/axis_ticks.h"
#include "timeline/prepass.h"

using namespace meridian;
using namespace meridian::timeline;
using Clock = std::chrono::steady_clock;

namespace {

// Like the synthetic file (8 categories over 1980-2024, 15% year-only, 20%
// month-only) plus what the file lacks: 3% with an end up to 6 years later,
// 5% approximate, 2% with earliest/latest.
Dataset makeDataset(std::size_t n, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> year(1980, 2024), month(1, 12), dayOfMonth(1, 28), percent(0, 99), span(1, 6);
    Dataset ds;
    for (int c = 0; c < 8; ++c)
        ds.categories.push_back({"c" + std::to_string(c), "Category " + std::to_string(c), 0, false});
    ds.events.resize(n);
    char id[24];
    for (std::size_t i = 0; i < n; ++i) {
        Event& e = ds.events[i];
        std::snprintf(id, sizeof id, "e%zu", i);
        e.id = id;
        const int y = year(rng), m = month(rng), d = dayOfMonth(rng), p = percent(rng);
        e.date = p < 15 ? Date::fromYear(y) : p < 35 ? Date::fromYearMonth(y, m) : Date::fromCivil(y, m, d);
        e.category = static_cast<Index>(i % 8);
        const int q = percent(rng);
        if (q < 3)
            e.end = Date::fromYearMonth(y + span(rng), m);
        else if (q < 8)
            e.approx = true;
        else if (q < 10)
            e.earliest = Date::fromYear(y - 1), e.latest = Date::fromYear(y + 1);
    }
    ds.finalize();
    return ds;
}

Dataset parseSynthetic(std::size_t n) {
    bench::SyntheticOptions o;
    o.events = n;
    auto result = io::parseDataset(bench::makeSyntheticDataset(o), "synthetic.json");
    if (!result.ok()) {
        std::fprintf(stderr, "synthetic file did not load: %s\n", result.diagnostics.at(0).format().c_str());
        std::exit(1);
    }
    return std::move(*result.dataset);
}

double median(std::vector<double> v) {
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
    return v[v.size() / 2];
}

struct FrameTimes {
    double ticksUs, prepassUs, densityUs, totalUs;
    std::size_t records, maxLaneRecords, clusteredEvents;
};

FrameTimes timeFrames(const TimelineIndex& index, const LaneLayout& layout, TimeAxisView view, int frames) {
    AxisTickOptions tickOptions;
    AxisTicks ticks;
    TimelineFrame frame;
    std::vector<std::uint32_t> density;
    std::vector<double> tTicks, tPrepass, tDensity, tTotal;
    // One untimed frame sizes the reused vectors, as in the app after the first frame.
    computeAxisTicks(view, tickOptions, ticks);
    runPrepass(index, layout, view, {}, frame);
    computeDensity(index, view, 1.0f, density);
    for (int f = 0; f < frames; ++f) {
        view = pan(view, (f & 1) ? -1.0 : 1.0);  // a slow drag, so no two frames are identical
        const auto t0 = Clock::now();
        computeAxisTicks(view, tickOptions, ticks);
        const auto t1 = Clock::now();
        runPrepass(index, layout, view, {}, frame);
        const auto t2 = Clock::now();
        computeDensity(index, view, 1.0f, density);
        const auto t3 = Clock::now();
        auto us = [](auto a, auto b) { return std::chrono::duration<double, std::micro>(b - a).count(); };
        tTicks.push_back(us(t0, t1));
        tPrepass.push_back(us(t1, t2));
        tDensity.push_back(us(t2, t3));
        tTotal.push_back(us(t0, t3));
    }
    FrameTimes out{median(tTicks), median(tPrepass), median(tDensity), median(tTotal), 0, 0, 0};
    for (const LaneRecords& lane : frame.lanes) {
        out.records += lane.recordCount();
        out.maxLaneRecords = std::max(out.maxLaneRecords, lane.recordCount());
        for (const Cluster& c : lane.clusters) out.clusteredEvents += c.count;
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::size_t> counts;
    bool parse = false;
    int frames = 400;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--parse")
            parse = true;
        else if (arg == "--frames" && i + 1 < argc)
            frames = std::max(1, std::atoi(argv[++i]));
        else
            counts.push_back(std::strtoull(argv[i], nullptr, 10));
    }
    if (counts.empty()) counts = {1000, 100000, 1000000};

    const TimeAxisView zoomedOut = fitSpan({daysFromCivil(1980, 1, 1), daysFromCivil(2025, 1, 1)}, 1600, 0);
    const TimeAxisView oneYear = fitSpan({daysFromCivil(2002, 1, 1), daysFromCivil(2003, 1, 1)}, 1600, 0);
    const TimeAxisView zoomedIn = fitSpan({daysFromCivil(2002, 6, 1), daysFromCivil(2002, 7, 1)}, 1600, 0);
    struct Zoom {
        const char* name;
        TimeAxisView view;
    };
    const Zoom zooms[] = {{"1980-2024", zoomedOut}, {"1 year", oneYear}, {"30 days", zoomedIn}};

    std::printf("Timeline frame (ticks + pre-pass + density, 1600 px, 1-px density buckets), median of %d frames\n\n",
                frames);
    std::printf("%9s %10s %10s | %-9s %9s %9s %9s %9s | %8s %8s %10s\n", "events", "build ms", "index MiB", "view",
                "ticks us", "prepass us", "density us", "frame us", "records", "max/lane", "clustered");
    for (const std::size_t n : counts) {
        const Dataset ds = parse ? parseSynthetic(n) : makeDataset(n, 1);
        TimelineIndex index;
        const auto b0 = Clock::now();
        index.build(ds);
        const double buildMs = std::chrono::duration<double, std::milli>(Clock::now() - b0).count();
        const LaneLayout layout = LaneLayout::fromDataset(ds);
        // Per visible event: its lane item, start/end/sorted end/density day, the
        // overall density day, and the navigation order (index, start, position).
        const std::size_t perEvent = sizeof(LaneItem) + 3 * sizeof(DayNumber) + 2 * sizeof(double) + sizeof(Index) +
                                     sizeof(DayNumber) + sizeof(std::uint32_t);
        const std::size_t bytes = index.visibleEventCount() * perEvent;
        bool first = true;
        for (const Zoom& zoom : zooms) {
            const FrameTimes t = timeFrames(index, layout, zoom.view, frames);
            if (first)
                std::printf("%9zu %10.1f %10.1f | ", n, buildMs, bytes / 1048576.0);
            else
                std::printf("%9s %10s %10s | ", "", "", "");
            first = false;
            std::printf("%-9s %9.1f %9.1f %9.1f %9.1f | %8zu %8zu %10zu\n", zoom.name, t.ticksUs, t.prepassUs,
                        t.densityUs, t.totalUs, t.records, t.maxLaneRecords, t.clusteredEvents);
        }
    }
    return 0;
}

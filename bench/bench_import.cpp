// Import benchmark: the importers at the sizes the issue names, as the app runs them
// (io/import/open_any: read, decode, guess, stream, map), printing time and peak memory.
// A CLI that prints figures (not a timed unit test).
//
//   meridian_bench_import places [ROWS]   a CSV of ROWS (100,000) events named by place:
//                                         20,000 distinct GeoNames names, a third "Name, Country",
//                                         1 % misspelt; found through the gazetteer
//   meridian_bench_import million [ROWS]  a CSV of ROWS (1,000,000) events with coordinates,
//                                         sources and categories (streamed, never a whole table)
//
// Run each in its own process: peak RSS is the process's.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "io/build_paths.h"
#include "io/import/gazetteer.h"
#include "io/import/open_any.h"
#include "io/text_file.h"

using namespace meridian;
using namespace meridian::io;

namespace {

long peakRssMiB() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

double secondsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// A small deterministic generator (the figures must be comparable between runs).
struct Lcg {
    std::uint64_t state = 0x2545F4914F6CDD1DULL;
    std::uint64_t next() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return state >> 33;
    }
};

// Place names from the shipped gazetteer file: name and country name.
std::vector<std::pair<std::string, std::string>> gazetteerNames() {
    std::string error;
    const auto text =
        readWholeFile(std::filesystem::path(meridian::io::sourceDir()) / "assets/gazetteer/gazetteer.tsv", &error);
    std::vector<std::pair<std::string, std::string>> out;
    if (!text) return out;
    std::string country;
    std::size_t start = 0;
    while (start < text->size()) {
        std::size_t end = text->find('\n', start);
        if (end == std::string::npos) end = text->size();
        const std::string_view line(text->data() + start, end - start);
        start = end + 1;
        if (line.empty() || line[0] == '#') continue;
        if (line.rfind("@country\t", 0) == 0) {
            country = std::string(line.substr(line.rfind('\t') + 1));
        } else if (line[0] != '@') {
            out.emplace_back(std::string(line.substr(0, line.find('\t'))), country);
        }
    }
    return out;
}

std::string date(Lcg& rng) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", 1950 + static_cast<int>(rng.next() % 75),
                  1 + static_cast<int>(rng.next() % 12), 1 + static_cast<int>(rng.next() % 28));
    return buf;
}

int runPlaces(std::size_t rows) {
    const auto t0 = std::chrono::steady_clock::now();
    std::string error;
    const auto gazetteer = Gazetteer::loadDefault(&error);
    if (!gazetteer) {
        std::fprintf(stderr, "no gazetteer: %s\n", error.c_str());
        return 1;
    }
    const double loadS = secondsSince(t0);
    const auto all = gazetteerNames();
    Lcg rng;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < 20'000 && !all.empty(); ++i) {
        const auto& [name, country] = all[rng.next() % all.size()];
        std::string n = i % 3 == 0 ? name + ", " + country : name;
        if (i % 100 == 7) n += "qx";  // misspelt: not found
        names.push_back(n);
    }
    std::string csv = "Date,Title,Place,Category\n";
    for (std::size_t i = 0; i < rows; ++i) {
        const std::string& place = names[i % names.size()];
        csv += date(rng) + ",Event " + std::to_string(i) + ",\"" + place + "\",Kind " + std::to_string(i % 7) + "\n";
    }
    const auto path = std::filesystem::temp_directory_path() / "meridian-bench-places.csv";
    std::ofstream(path, std::ios::binary) << csv;
    csv.clear();
    csv.shrink_to_fit();

    OpenOptions options;
    options.gazetteer = gazetteer.get();
    options.useSavedMapping = false;
    const auto t1 = std::chrono::steady_clock::now();
    const AnyFileResult r = loadAnyFile(path, options);
    const double importS = secondsSince(t1);
    std::filesystem::remove(path);
    if (!r.ok()) {
        std::fprintf(stderr, "the import failed: %s\n",
                     r.diagnostics.empty() ? "?" : r.diagnostics[0].format().c_str());
        return 1;
    }
    std::size_t notFound = 0, ambiguous = 0;
    for (const PlaceReview& p : r.report->placeReviews)
        (p.kind == PlaceReview::Kind::NotFound ? notFound : ambiguous) += 1;
    std::printf("places: %zu rows, %zu distinct place names\n", rows, names.size());
    std::printf("  gazetteer load        %8.3f s (%zu entries)\n", loadS, gazetteer->size());
    std::printf("  import (read + map)   %8.3f s   %s\n", importS, r.summary().c_str());
    std::printf("  on the map            %8zu events, %zu places; %zu names not found, %zu ambiguous\n",
                r.report->onMap, r.dataset->places.size(), notFound, ambiguous);
    std::printf("  peak RSS              %8ld MiB\n", peakRssMiB());
    return 0;
}

int runMillion(std::size_t rows) {
    const auto path = std::filesystem::temp_directory_path() / "meridian-bench-million.csv";
    {
        Lcg rng;
        std::ofstream out(path, std::ios::binary);
        out << "Date,Title,Latitude,Longitude,Category,Confidence,Source,URL,Notes\n";
        std::string line;
        static const char* kLevels[] = {"confirmed", "reported", "alleged", "disputed"};
        for (std::size_t i = 0; i < rows; ++i) {
            char coords[64];
            std::snprintf(coords, sizeof coords, "%.4f,%.4f", static_cast<double>(rng.next() % 1'700'000) / 10'000 - 85,
                          static_cast<double>(rng.next() % 3'590'000) / 10'000 - 179.5);
            line = date(rng) + ",\"Event " + std::to_string(i) + ", a title\"," + coords + ",Kind " +
                   std::to_string(i % 12) + "," + kLevels[i % 4] + ",Publisher " + std::to_string(i % 500) +
                   ",https://example.org/" + std::to_string(i % 5000) + ",Some notes about event " + std::to_string(i) +
                   "\n";
            out << line;
        }
    }
    const auto fileMiB = static_cast<double>(std::filesystem::file_size(path)) / 1048576.0;
    OpenOptions options;
    options.useSavedMapping = false;
    double lastFraction = 0;
    std::size_t progressCalls = 0;
    options.progress.report = [&](double f) {
        lastFraction = f;
        ++progressCalls;
    };
    const auto t0 = std::chrono::steady_clock::now();
    const ImportSourceResult src = openImportSource(path, options);
    const double openS = secondsSince(t0);
    if (!src.source) {
        std::fprintf(stderr, "cannot open: %s\n", src.diagnostics.empty() ? "?" : src.diagnostics[0].format().c_str());
        return 1;
    }
    const long rssAfterOpen = peakRssMiB();
    const auto t1 = std::chrono::steady_clock::now();
    const ImportResult r = runImport(*src.source, src.source->initialMapping(), options);
    const double importS = secondsSince(t1);
    std::filesystem::remove(path);
    std::printf("million: %zu rows, %.1f MiB of CSV\n", rows, fileMiB);
    std::printf("  open (read, decode, sample, count)  %7.3f s, peak RSS %ld MiB\n", openS, rssAfterOpen);
    std::printf("  import (stream + map)               %7.3f s   %s\n", importS, r.report.summary().c_str());
    std::printf("  progress                            %zu reports, last %.2f\n", progressCalls, lastFraction);
    std::printf("  events, places, sources             %zu, %zu, %zu\n", r.dataset ? r.dataset->events.size() : 0,
                r.dataset ? r.dataset->places.size() : 0, r.dataset ? r.dataset->sources.size() : 0);
    std::printf("  peak RSS                            %7ld MiB\n", peakRssMiB());
    return r.ok() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string what = argc > 1 ? argv[1] : "";
    const std::size_t n = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 0;
    if (what == "places") return runPlaces(n ? n : 100'000);
    if (what == "million") return runMillion(n ? n : 1'000'000);
    std::fprintf(stderr, "usage: meridian_bench_import places [ROWS] | million [ROWS]\n");
    return 2;
}

// Synthetic Meridian data files for benchmarks and stress tests: N events over
// 1980-2024 between a few hundred random places, every field exercised.
#pragma once

#include <cstdint>
#include <string>

namespace meridian::bench {

struct SyntheticOptions {
    std::size_t events = 1000;
    std::size_t places = 400;
    double connectionShare = 0.6;  // share of events with from/to
    std::uint32_t seed = 1;
};

std::string makeSyntheticDataset(const SyntheticOptions& options);

}  // namespace meridian::bench

// Places by name, offline: GeoNames cities plus countries (names, ISO 3166
// alpha-2/alpha-3 codes, a representative point), loaded from a compact file
// under assets/gazetteer/ built once from an npm data package (credited in the
// README). Lookups use an index built at load (no scan per query).
//
// Used by the importers (a "Place" column with names), the editor's place
// search, and "nearest known place" when the user clicks on the map.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meridian::io {

struct GazetteerEntry {
    std::string name;     // as the gazetteer writes it ("Tehran")
    std::string country;  // ISO 3166-1 alpha-3 ("IRN"); empty for none
    std::string admin;    // first-level division when known, else empty
    double latDeg = 0, lonDeg = 0;
    std::uint64_t population = 0;
    bool isCountry = false;  // a country (its representative point), not a city
};

struct GazetteerMatch {
    GazetteerEntry entry;          // the chosen place (the most populous of equal matches)
    std::size_t alternatives = 0;  // other places that share the name (after the country hint)
    // For review: "Tripoli: Libya chosen; 1 other place shares the name".
    std::string explanation;
};

class Gazetteer {
public:
    // Loads the shipped gazetteer file; on failure returns nullptr and says why.
    static std::unique_ptr<Gazetteer> load(const std::filesystem::path& file, std::string* error);
    // The shipped file (assets/gazetteer/...), found like the other assets.
    static std::unique_ptr<Gazetteer> loadDefault(std::string* error);

    // "Tehran", "Pyongyang, North Korea", "KP", "PRK", "Iran": accents and
    // case folded; a trailing ", Country" or a countryHint (name or ISO code)
    // narrows the search. nullopt: not found.
    std::optional<GazetteerMatch> lookup(std::string_view name, std::string_view countryHint = {}) const;
    // Prefix/substring search for a place picker, most populous first.
    std::vector<GazetteerEntry> search(std::string_view text, std::size_t limit) const;
    // The nearest entry to a point (for "you clicked near ..."), with its distance.
    std::optional<GazetteerEntry> nearest(double latDeg, double lonDeg, double* distanceKm = nullptr) const;

    std::size_t size() const;
    ~Gazetteer();

private:
    Gazetteer();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace meridian::io

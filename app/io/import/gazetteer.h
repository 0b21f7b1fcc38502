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
    std::string admin;    // first-level division when known ("Tehran" province), else empty
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
    // The shipped file assets/gazetteer/gazetteer.tsv, found like the other
    // assets (io/asset_paths.h).
    static std::unique_ptr<Gazetteer> loadDefault(std::string* error);

    // "Tehran", "Pyongyang, North Korea", "KP", "PRK", "Iran": accents and
    // case folded; a trailing ", Country" (or ", Region": "Springfield, Illinois",
    // "Portland, OR") or a countryHint (name or ISO code) narrows the search.
    // nullopt: not found; then *whyNotFound (when given) says why, e.g.
    // `no "Tehran" in North Korea (1 place of that name elsewhere: Iran)`.
    // A country whose name matches comes before cities of the same name
    // ("Lebanon" is the country, not Lebanon, Pennsylvania). Thread-safe (const).
    std::optional<GazetteerMatch> lookup(std::string_view name, std::string_view countryHint = {},
                                         std::string* whyNotFound = nullptr) const;
    // A country by name or ISO 3166-1 alpha-2/alpha-3 code (any case): "Iran",
    // "DPRK", "kp", "PRK". Its entry (isCountry) carries the representative point.
    std::optional<GazetteerEntry> findCountry(std::string_view nameOrCode) const;
    // Search for a place picker: names starting with the text first, then names
    // containing it; within each, countries first, then the most populous.
    std::vector<GazetteerEntry> search(std::string_view text, std::size_t limit) const;
    // The nearest place (not a country's representative point) to a point, with
    // its great-circle distance. nullopt for an empty gazetteer or a NaN point.
    std::optional<GazetteerEntry> nearest(double latDeg, double lonDeg, double* distanceKm = nullptr) const;

    std::size_t size() const;         // places + countries
    std::size_t memoryBytes() const;  // heap bytes held by the index (for the benchmark)
    ~Gazetteer();

private:
    Gazetteer();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace meridian::io

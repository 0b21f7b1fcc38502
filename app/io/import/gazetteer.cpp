// Index
//   [SECTION] Storage      the places, countries and regions, and the sorted name keys
//   [SECTION] Loading      parsing assets/gazetteer/gazetteer.tsv (format: scripts/build-gazetteer)
//   [SECTION] Names        keys, countries by name or code, regions, describing a place
//   [SECTION] Lookup       "Name", "Name, Country", "Name, Region", with a country hint
//   [SECTION] Search       prefix and substring, for a place picker
//   [SECTION] Nearest      a 1-degree grid searched row by row outward
#include "io/import/gazetteer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>
#include <unordered_map>

#include "io/asset_paths.h"
#include "io/import/gazetteer_fold.h"

namespace meridian::io {

// ---------------------------------------------------------------------------
// [SECTION] Storage
// ---------------------------------------------------------------------------

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr double kEarthRadiusKm = 6371.0088;  // mean radius (IUGG)
constexpr double kDegToRad = std::numbers::pi / 180.0;
constexpr std::size_t kMaxFileBytes = 256u << 20;  // the shipped file is ~5 MB
constexpr std::size_t kMaxNameBytes = 1000;        // longer text is not a place name

struct Place {
    std::uint32_t nameOffset = 0;  // into Impl::names
    std::uint16_t nameLength = 0;
    std::uint16_t country = 0;      // into Impl::countries
    std::uint32_t admin = kNone;    // into Impl::admins
    std::int32_t lat = 0, lon = 0;  // 1e-4 degrees
    std::uint32_t population = 0;
    bool isCountry = false;
};

struct Country {
    std::array<char, 3> alpha2{};
    std::array<char, 4> alpha3{};
    std::uint32_t place = kNone;         // its entry (the representative point)
    std::uint64_t placesPopulation = 0;  // sum over its places: ranks "Congo" (two countries)
};

struct Admin {
    std::uint16_t country = 0;
    std::string code;    // GeoNames admin1 code ("26", "IL")
    std::string name;    // "Tehran", "Illinois"
    std::string folded;  // foldPlaceName(name)
};

// A folded name pointing at a place; sorted by (text, rank, place).
struct Key {
    std::uint32_t offset = 0;  // into Impl::folded
    std::uint32_t length = 0;
    std::uint32_t place = 0;
};

int letterIndex(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a';
    return -1;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

}  // namespace

struct Gazetteer::Impl {
    std::string names;   // display names, back to back
    std::string folded;  // folded keys, back to back
    std::vector<Place> places;
    std::vector<Country> countries;
    std::vector<Admin> admins;
    std::vector<Key> keys;
    std::vector<std::uint16_t> byAlpha2 = std::vector<std::uint16_t>(26 * 26, 0xFFFF);
    std::vector<std::uint16_t> byAlpha3 = std::vector<std::uint16_t>(26 * 26 * 26, 0xFFFF);
    // Nearest: places (not countries) bucketed in 1-degree cells, row-major from
    // (-90, -180); cellStart has one more entry than there are cells.
    static constexpr int kRows = 180, kColumns = 360;
    std::vector<std::uint32_t> cellStart;
    std::vector<std::uint32_t> cellPlaces;
    std::vector<std::array<double, 3>> cellPoints;  // unit vectors of cellPlaces (a chord compares fast)
    std::vector<std::uint32_t> rowStart;            // per row, into rowColumns (kRows + 1 entries)
    std::vector<std::uint16_t> rowColumns;          // the non-empty columns of each row, ascending

    std::string_view name(const Place& p) const { return {names.data() + p.nameOffset, p.nameLength}; }
    std::string_view key(const Key& k) const { return {folded.data() + k.offset, k.length}; }
    std::uint64_t rank(std::uint32_t place) const {
        const Place& p = places[place];
        return p.isCountry ? (std::uint64_t{1} << 62) + countries[p.country].placesPopulation : p.population;
    }
    std::string_view countryName(std::uint16_t country) const { return name(places[countries[country].place]); }

    GazetteerEntry entry(std::uint32_t index) const;
    void buildIndex();

    // Names
    std::pair<std::size_t, std::size_t> keyRange(std::string_view foldedName) const;
    std::vector<std::uint32_t> candidates(std::string_view foldedName) const;
    std::uint32_t countryByCode(std::string_view code) const;
    std::uint32_t countryByName(std::string_view text, bool anyCaseCodes) const;
    std::string describe(std::uint32_t place, bool withAdmin) const;

    // Lookup
    std::optional<GazetteerMatch> lookup(std::string_view name, std::string_view hint, std::string* why) const;
};

Gazetteer::Gazetteer() : m_impl(std::make_unique<Impl>()) {}
Gazetteer::~Gazetteer() = default;

std::size_t Gazetteer::size() const {
    return m_impl->places.size();
}

std::size_t Gazetteer::memoryBytes() const {
    const Impl& m = *m_impl;
    std::size_t bytes = m.names.capacity() + m.folded.capacity() + m.places.capacity() * sizeof(Place) +
                        m.countries.capacity() * sizeof(Country) + m.keys.capacity() * sizeof(Key) +
                        (m.byAlpha2.capacity() + m.byAlpha3.capacity()) * sizeof(std::uint16_t) +
                        (m.cellStart.capacity() + m.cellPlaces.capacity()) * sizeof(std::uint32_t) +
                        m.cellPoints.capacity() * sizeof(m.cellPoints[0]) +
                        m.rowStart.capacity() * sizeof(std::uint32_t) +
                        m.rowColumns.capacity() * sizeof(std::uint16_t) + m.admins.capacity() * sizeof(Admin);
    for (const Admin& a : m.admins)
        for (const std::string* s : {&a.code, &a.name, &a.folded}) bytes += s->capacity() > 15 ? s->capacity() : 0;
    return bytes;
}

GazetteerEntry Gazetteer::Impl::entry(std::uint32_t index) const {
    const Place& p = places[index];
    GazetteerEntry e;
    e.name = name(p);
    e.country = countries[p.country].alpha3.data();
    if (p.admin != kNone) e.admin = admins[p.admin].name;
    e.latDeg = p.lat / 1e4;
    e.lonDeg = p.lon / 1e4;
    e.population = p.population;
    e.isCountry = p.isCountry;
    return e;
}

// ---------------------------------------------------------------------------
// [SECTION] Loading
// ---------------------------------------------------------------------------

namespace {

// One line split at tabs, with where each field starts (for messages).
struct Fields {
    std::vector<std::string_view> values;
    std::vector<std::size_t> columns;  // 1-based
};

void splitTabs(std::string_view line, Fields& f) {
    f.values.clear();
    f.columns.clear();
    std::size_t start = 0;
    for (;;) {
        const std::size_t tab = line.find('\t', start);
        f.values.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
        f.columns.push_back(start + 1);
        if (tab == std::string_view::npos) break;
        start = tab + 1;
    }
}

// "-12.3456" -> -123456 (1e-4 units); at most 4 decimals, |value| <= limit degrees.
bool parseDegrees(std::string_view s, double limit, std::int32_t& out) {
    bool negative = false;
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
    std::int64_t whole = 0;
    std::size_t digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && digits < 4) whole = whole * 10 + (s[i++] - '0'), ++digits;
    if (digits == 0) return false;
    std::int64_t fraction = 0;
    int decimals = 0;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && decimals < 4)
            fraction = fraction * 10 + (s[i++] - '0'), ++decimals;
        if (decimals == 0) return false;
    }
    if (i != s.size()) return false;
    while (decimals < 4) fraction *= 10, ++decimals;
    const std::int64_t v = whole * 10000 + fraction;
    if (v > static_cast<std::int64_t>(limit * 10000)) return false;
    out = static_cast<std::int32_t>(negative ? -v : v);
    return true;
}

bool parseCount(std::string_view s, std::uint32_t& out) {
    if (s.empty()) {
        out = 0;
        return true;
    }
    std::uint64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + static_cast<unsigned>(c - '0');
        if (v > std::numeric_limits<std::uint32_t>::max()) return false;
    }
    out = static_cast<std::uint32_t>(v);
    return true;
}

bool isCode(std::string_view s, std::size_t length) {
    return s.size() == length && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

std::unique_ptr<Gazetteer> Gazetteer::load(const std::filesystem::path& file, std::string* error) {
    const std::string fileName = file.string();
    auto fail = [&](std::size_t line, std::size_t column, const std::string& what) -> std::unique_ptr<Gazetteer> {
        if (error) {
            *error = fileName;
            if (line) *error += ":" + std::to_string(line) + ":" + std::to_string(column);
            *error += ": " + what;
        }
        return nullptr;
    };

    std::string text;
    {
        std::FILE* f = std::fopen(fileName.c_str(), "rb");
        if (!f) return fail(0, 0, "cannot open the gazetteer file");
        std::fseek(f, 0, SEEK_END);
        const long length = std::ftell(f);
        std::fseek(f, 0, SEEK_SET);
        if (length < 0 || static_cast<unsigned long>(length) > kMaxFileBytes) {
            std::fclose(f);
            return fail(0, 0, "not a gazetteer file (expected at most 256 MB)");
        }
        text.resize(static_cast<std::size_t>(length));
        const std::size_t got = std::fread(text.data(), 1, text.size(), f);
        std::fclose(f);
        if (got != text.size()) return fail(0, 0, "read error");
    }

    constexpr std::string_view kHeader = "#meridian-gazetteer 1";
    if (text.compare(0, kHeader.size(), kHeader) != 0 ||
        (text.size() > kHeader.size() && text[kHeader.size()] != '\n' && text[kHeader.size()] != '\r'))
        return fail(1, 1, "expected the header \"#meridian-gazetteer 1\" (a file made by scripts/build-gazetteer)");

    std::unique_ptr<Gazetteer> g(new Gazetteer());
    Impl& m = *g->m_impl;
    const auto lineCount = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    m.names.reserve(text.size() / 3);
    m.places.reserve(lineCount);
    // Alternate country names wait until all places are read (they become keys).
    std::vector<std::pair<std::uint32_t, std::string_view>> countryNames;
    std::unordered_map<std::string_view, std::uint32_t> adminOfCode;  // current country's
    Fields f;
    std::size_t lineNumber = 0;
    std::uint32_t country = kNone;
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + pos, end - pos);
        pos = end + 1;
        ++lineNumber;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        splitTabs(line, f);
        auto bad = [&](std::size_t field, const std::string& expected) {
            return fail(lineNumber, f.columns[field],
                        "expected " + expected + ", found \"" + std::string(f.values[field]) + "\"");
        };
        if (f.values[0] == "@country") {
            if (f.values.size() != 8)
                return fail(
                    lineNumber, 1,
                    "expected 8 tab-separated fields in a @country line, found " + std::to_string(f.values.size()));
            if (!isCode(f.values[1], 2)) return bad(1, "an ISO 3166-1 alpha-2 code");
            if (!isCode(f.values[2], 3)) return bad(2, "an ISO 3166-1 alpha-3 code");
            Place p;
            if (!parseDegrees(f.values[4], 90, p.lat)) return bad(4, "a latitude in degrees (-90..90)");
            if (!parseDegrees(f.values[5], 180, p.lon)) return bad(5, "a longitude in degrees (-180..180)");
            if (m.countries.size() >= 0xFFFF) return fail(lineNumber, 1, "too many countries");
            const std::string_view display = f.values[7].substr(0, f.values[7].find('|'));
            if (display.empty() || display.size() > 0xFFFF) return bad(7, "country names separated by '|'");
            Country c;
            std::copy_n(f.values[1].data(), 2, c.alpha2.data());
            std::copy_n(f.values[2].data(), 3, c.alpha3.data());
            country = static_cast<std::uint32_t>(m.countries.size());
            c.place = static_cast<std::uint32_t>(m.places.size());
            m.countries.push_back(c);
            p.country = static_cast<std::uint16_t>(country);
            p.isCountry = true;
            p.nameOffset = static_cast<std::uint32_t>(m.names.size());
            p.nameLength = static_cast<std::uint16_t>(display.size());
            m.names += display;
            m.places.push_back(p);
            std::string_view all = f.values[7];
            while (!all.empty()) {
                const std::size_t bar = all.find('|');
                countryNames.emplace_back(c.place, all.substr(0, bar));
                all = bar == std::string_view::npos ? std::string_view{} : all.substr(bar + 1);
            }
            const int a = letterIndex(c.alpha2[0]) * 26 + letterIndex(c.alpha2[1]);
            const int b = (letterIndex(c.alpha3[0]) * 26 + letterIndex(c.alpha3[1])) * 26 + letterIndex(c.alpha3[2]);
            m.byAlpha2[static_cast<std::size_t>(a)] = static_cast<std::uint16_t>(country);
            m.byAlpha3[static_cast<std::size_t>(b)] = static_cast<std::uint16_t>(country);
            adminOfCode.clear();
            continue;
        }
        if (country == kNone) return fail(lineNumber, 1, "expected a @country line before the first place");
        if (f.values[0] == "@admin") {
            if (f.values.size() != 3 || f.values[1].empty() || f.values[2].empty())
                return fail(lineNumber, 1, "expected \"@admin<TAB>CODE<TAB>NAME\"");
            adminOfCode[f.values[1]] = static_cast<std::uint32_t>(m.admins.size());
            m.admins.push_back({static_cast<std::uint16_t>(country), std::string(f.values[1]), std::string(f.values[2]),
                                foldPlaceName(f.values[2])});
            continue;
        }
        if (f.values.size() != 5)
            return fail(lineNumber, 1,
                        "expected 5 tab-separated fields (name, lat, lon, population, region), found " +
                            std::to_string(f.values.size()));
        Place p;
        if (f.values[0].empty() || f.values[0].size() > 0xFFFF) return bad(0, "a place name");
        if (!parseDegrees(f.values[1], 90, p.lat)) return bad(1, "a latitude in degrees (-90..90)");
        if (!parseDegrees(f.values[2], 180, p.lon)) return bad(2, "a longitude in degrees (-180..180)");
        if (!parseCount(f.values[3], p.population)) return bad(3, "a population (digits, or empty)");
        if (!f.values[4].empty()) {
            const auto it = adminOfCode.find(f.values[4]);
            if (it == adminOfCode.end()) return bad(4, "a region code given by an @admin line of this country");
            p.admin = it->second;
        }
        p.country = static_cast<std::uint16_t>(country);
        p.nameOffset = static_cast<std::uint32_t>(m.names.size());
        p.nameLength = static_cast<std::uint16_t>(f.values[0].size());
        m.names += f.values[0];
        m.countries[country].placesPopulation += p.population;
        m.places.push_back(p);
    }
    if (m.countries.empty()) return fail(0, 0, "no @country line: not a gazetteer file");

    // Keys: every place's folded name (and, for "Washington, D.C.", the part
    // before the comma); every name of every country.
    std::string buffer;
    auto addKey = [&](std::uint32_t place, std::string_view name) {
        buffer.clear();
        appendFoldedPlaceName(name, buffer);
        if (buffer.empty()) return;
        m.keys.push_back(
            {static_cast<std::uint32_t>(m.folded.size()), static_cast<std::uint32_t>(buffer.size()), place});
        m.folded += buffer;
    };
    m.keys.reserve(m.places.size() + countryNames.size() + 1024);
    m.folded.reserve(m.names.size() + 1024);
    for (std::uint32_t i = 0; i < m.places.size(); ++i) {
        if (m.places[i].isCountry) continue;
        const std::string_view name = m.name(m.places[i]);
        addKey(i, name);
        const std::size_t comma = name.find(',');
        if (comma != std::string_view::npos && comma > 0) addKey(i, name.substr(0, comma));
    }
    for (const auto& [place, name] : countryNames) addKey(place, name);
    m.names.shrink_to_fit();
    m.folded.shrink_to_fit();
    m.places.shrink_to_fit();
    g->m_impl->buildIndex();
    return g;
}

void Gazetteer::Impl::buildIndex() {
    std::vector<std::uint64_t> ranks(places.size());
    for (std::uint32_t i = 0; i < places.size(); ++i) ranks[i] = rank(i);
    std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
        const int c = key(a).compare(key(b));
        if (c != 0) return c < 0;
        if (ranks[a.place] != ranks[b.place]) return ranks[a.place] > ranks[b.place];
        return a.place < b.place;
    });
    keys.erase(std::unique(keys.begin(), keys.end(),
                           [&](const Key& a, const Key& b) { return a.place == b.place && key(a) == key(b); }),
               keys.end());
    keys.shrink_to_fit();

    // Nearest: counting sort of the places into cells.
    auto cellOf = [](const Place& p) {
        const int row = std::clamp(static_cast<int>(std::floor((p.lat / 1e4 + 90.0))), 0, kRows - 1);
        const int column = std::clamp(static_cast<int>(std::floor((p.lon / 1e4 + 180.0))), 0, kColumns - 1);
        return static_cast<std::size_t>(row * kColumns + column);
    };
    cellStart.assign(kRows * kColumns + 1, 0);
    for (const Place& p : places)
        if (!p.isCountry) ++cellStart[cellOf(p) + 1];
    for (std::size_t c = 1; c < cellStart.size(); ++c) cellStart[c] += cellStart[c - 1];
    cellPlaces.assign(cellStart.back(), 0);
    cellPoints.assign(cellStart.back(), {});
    std::vector<std::uint32_t> fill(cellStart.begin(), cellStart.end() - 1);
    for (std::uint32_t i = 0; i < places.size(); ++i) {
        if (places[i].isCountry) continue;
        const std::size_t c = cellOf(places[i]);
        const double lat = places[i].lat / 1e4 * kDegToRad, lon = places[i].lon / 1e4 * kDegToRad;
        cellPoints[fill[c]] = {std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)};
        cellPlaces[fill[c]++] = i;
    }
    rowStart.assign(kRows + 1, 0);
    rowColumns.clear();
    for (int row = 0; row < kRows; ++row) {
        for (int column = 0; column < kColumns; ++column) {
            const std::size_t c = static_cast<std::size_t>(row * kColumns + column);
            if (cellStart[c + 1] > cellStart[c]) rowColumns.push_back(static_cast<std::uint16_t>(column));
        }
        rowStart[static_cast<std::size_t>(row) + 1] = static_cast<std::uint32_t>(rowColumns.size());
    }
}

std::unique_ptr<Gazetteer> Gazetteer::loadDefault(std::string* error) {
    return load(assetPath("gazetteer/gazetteer.tsv"), error);
}

// ---------------------------------------------------------------------------
// [SECTION] Names
// ---------------------------------------------------------------------------

std::pair<std::size_t, std::size_t> Gazetteer::Impl::keyRange(std::string_view foldedName) const {
    const auto lo = std::lower_bound(keys.begin(), keys.end(), foldedName,
                                     [&](const Key& k, std::string_view v) { return key(k) < v; });
    auto hi = lo;
    while (hi != keys.end() && key(*hi) == foldedName) ++hi;
    return {static_cast<std::size_t>(lo - keys.begin()), static_cast<std::size_t>(hi - keys.begin())};
}

// The places whose name folds to foldedName, best first (countries, then by population).
std::vector<std::uint32_t> Gazetteer::Impl::candidates(std::string_view foldedName) const {
    std::vector<std::uint32_t> out;
    if (foldedName.empty()) return out;
    const auto [lo, hi] = keyRange(foldedName);
    for (std::size_t i = lo; i < hi; ++i)
        if (std::find(out.begin(), out.end(), keys[i].place) == out.end()) out.push_back(keys[i].place);
    return out;
}

std::uint32_t Gazetteer::Impl::countryByCode(std::string_view code) const {
    std::array<int, 3> l{};
    for (std::size_t i = 0; i < code.size() && i < 3; ++i) l[i] = letterIndex(code[i]);
    if (code.size() == 2 && l[0] >= 0 && l[1] >= 0) {
        const std::uint16_t c = byAlpha2[static_cast<std::size_t>(l[0] * 26 + l[1])];
        return c == 0xFFFF ? kNone : c;
    }
    if (code.size() == 3 && l[0] >= 0 && l[1] >= 0 && l[2] >= 0) {
        const std::uint16_t c = byAlpha3[static_cast<std::size_t>((l[0] * 26 + l[1]) * 26 + l[2])];
        return c == 0xFFFF ? kNone : c;
    }
    return kNone;
}

// A country by ISO code or by one of its names. Codes in capitals always; in
// any case when anyCaseCodes (a country column) or when no name matches.
std::uint32_t Gazetteer::Impl::countryByName(std::string_view text, bool anyCaseCodes) const {
    text = trim(text);
    const bool capitals = isCode(text, 2) || isCode(text, 3);
    if (capitals || anyCaseCodes)
        if (const std::uint32_t c = countryByCode(text); c != kNone) return c;
    const std::string f = foldPlaceName(text);
    const auto [lo, hi] = keyRange(f);
    for (std::size_t i = lo; i < hi; ++i)
        if (places[keys[i].place].isCountry) return places[keys[i].place].country;
    return countryByCode(text);
}

std::string Gazetteer::Impl::describe(std::uint32_t place, bool withAdmin) const {
    const Place& p = places[place];
    if (p.isCountry) return "the country";
    std::string s;
    if (withAdmin && p.admin != kNone) s = admins[p.admin].name + ", ";
    s += countryName(p.country);
    return s;
}

std::optional<GazetteerEntry> Gazetteer::findCountry(std::string_view nameOrCode) const {
    const std::uint32_t c = m_impl->countryByName(nameOrCode, true);
    if (c == kNone) return std::nullopt;
    return m_impl->entry(m_impl->countries[c].place);
}

// ---------------------------------------------------------------------------
// [SECTION] Lookup
// ---------------------------------------------------------------------------

namespace {

std::string quoted(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::optional<GazetteerMatch> Gazetteer::lookup(std::string_view name, std::string_view countryHint,
                                                std::string* whyNotFound) const {
    return m_impl->lookup(name, countryHint, whyNotFound);
}

std::optional<GazetteerMatch> Gazetteer::Impl::lookup(std::string_view rawName, std::string_view rawHint,
                                                      std::string* why) const {
    auto notFound = [&](std::string reason) -> std::optional<GazetteerMatch> {
        if (why) *why = std::move(reason);
        return std::nullopt;
    };
    const std::string_view name = trim(rawName);
    const std::string_view hint = trim(rawHint);
    if (name.empty()) return notFound("no place name given");
    if (name.size() > kMaxNameBytes)
        return notFound("too long to be a place name (" + std::to_string(name.size()) + " bytes)");

    std::vector<std::string> notes;
    // The country hint (a country column): a name or a code in any case.
    std::uint32_t hintCountry = kNone;
    if (!hint.empty()) {
        hintCountry = countryByName(hint, true);
        if (hintCountry == kNone) notes.push_back("country " + quoted(hint) + " not recognised, not used");
    }

    // The name: an ISO code in capitals ("KP", "PRK") is the country; else the
    // whole text as a name; else "Name, Qualifier, ..." with the longest name found.
    std::vector<std::uint32_t> found;
    std::string_view head = name;
    std::vector<std::string_view> qualifiers;
    if (isCode(name, 2) || isCode(name, 3))
        if (const std::uint32_t c = countryByCode(name); c != kNone) found.push_back(countries[c].place);
    if (found.empty()) found = candidates(foldPlaceName(name));
    if (found.empty() && name.find(',') != std::string_view::npos) {
        std::vector<std::string_view> parts;
        for (std::string_view rest = name;;) {
            const std::size_t comma = rest.find(',');
            parts.push_back(trim(rest.substr(0, comma)));
            if (comma == std::string_view::npos) break;
            rest = rest.substr(comma + 1);
        }
        for (std::size_t k = parts.size() - 1; k >= 1 && found.empty(); --k) {
            head = name.substr(0, static_cast<std::size_t>(parts[k].data() - name.data()));
            head = trim(head.substr(0, head.rfind(',')));
            found = candidates(foldPlaceName(head));
            qualifiers.assign(parts.begin() + static_cast<std::ptrdiff_t>(k), parts.end());
        }
        qualifiers.erase(
            std::remove_if(qualifiers.begin(), qualifiers.end(), [](std::string_view q) { return q.empty(); }),
            qualifiers.end());
    }
    if (found.empty() && name.size() <= 3)  // "kp", "prk": a code in lower case
        if (const std::uint32_t c = countryByCode(name); c != kNone) found.push_back(countries[c].place);
    if (found.empty()) return notFound("no place or country named " + quoted(head));

    // Narrowing: the hint, then each qualifier as a country, a region's name or a region's code.
    std::vector<std::uint32_t> kept = found;
    std::string narrowedTo;  // for the not-found message
    if (hintCountry != kNone) {
        std::erase_if(kept, [&](std::uint32_t i) { return places[i].country != hintCountry; });
        narrowedTo = std::string(countryName(static_cast<std::uint16_t>(hintCountry)));
    }
    for (std::string_view q : qualifiers) {
        if (kept.empty()) break;
        const std::string fq = foldPlaceName(q);
        std::string upperCode;  // "IL", "or" -> "OR": a region's letter code
        if ((q.size() == 2 || q.size() == 3) &&
            std::all_of(q.begin(), q.end(), [](char c) { return letterIndex(c) >= 0; }))
            for (char c : q) upperCode += static_cast<char>('A' + letterIndex(c));
        std::vector<std::uint32_t> best;
        bool recognised = false;
        // 1. a country
        if (const std::uint32_t c = countryByName(q, false); c != kNone) {
            recognised = true;
            for (std::uint32_t i : kept)
                if (places[i].country == c) best.push_back(i);
            if (best.empty()) narrowedTo = std::string(countryName(static_cast<std::uint16_t>(c)));
        }
        // 2. a region's name ("Illinois"), 3. a region's letter code ("IL", "OR")
        for (int pass = 0; pass < 2 && best.empty(); ++pass) {
            for (std::uint32_t i : kept) {
                const std::uint32_t a = places[i].admin;
                if (a == kNone) continue;
                const bool match =
                    pass == 0 ? admins[a].folded == fq : !upperCode.empty() && admins[a].code == upperCode;
                if (match) best.push_back(i);
            }
            if (!best.empty()) recognised = true;
        }
        if (!best.empty()) {
            kept = std::move(best);
        } else if (!recognised) {
            bool regionElsewhere = false;
            for (const Admin& a : admins)
                if (a.folded == fq) regionElsewhere = true;
            if (regionElsewhere) {
                narrowedTo = std::string(q);
                kept.clear();
            } else {
                notes.push_back(quoted(q) + " not recognised as a country or region, not used");
            }
        } else {
            kept.clear();
        }
    }
    if (kept.empty()) {
        std::string elsewhere;
        for (std::size_t i = 0; i < found.size() && i < 3; ++i)
            elsewhere += (i ? "; " : "") + describe(found[i], false);
        if (found.size() > 3) elsewhere += "; ...";
        return notFound("no " + quoted(head) + " in " +
                        (narrowedTo.empty() ? std::string("the given country") : narrowedTo) + " (" +
                        plural(found.size(), "place", "places") + " of that name elsewhere: " + elsewhere + ")");
    }

    GazetteerMatch match;
    match.entry = entry(kept[0]);
    match.alternatives = kept.size() - 1;
    if (match.alternatives > 0) {
        // Show the region too when another candidate is in the same country.
        auto sameCountry = [&](std::uint32_t a) {
            return std::count_if(kept.begin(), kept.end(), [&](std::uint32_t b) {
                       return places[b].country == places[a].country && !places[b].isCountry;
                   }) > 1;
        };
        std::string others;
        for (std::size_t i = 1; i < kept.size() && i <= 3; ++i)
            others += (i > 1 ? "; " : "") + describe(kept[i], sameCountry(kept[i]));
        if (kept.size() > 4) others += "; ...";
        match.explanation = std::string(head) + ": " + describe(kept[0], sameCountry(kept[0])) + " chosen; " +
                            plural(match.alternatives, "other place shares", "other places share") + " the name (" +
                            others + ")";
    }
    for (const std::string& n : notes)
        match.explanation += (match.explanation.empty() ? std::string(head) + ": " : "; ") + n;
    return match;
}

// ---------------------------------------------------------------------------
// [SECTION] Search
// ---------------------------------------------------------------------------

std::vector<GazetteerEntry> Gazetteer::search(std::string_view text, std::size_t limit) const {
    const Impl& m = *m_impl;
    std::vector<GazetteerEntry> out;
    if (limit == 0 || text.size() > kMaxNameBytes) return out;
    const std::string q = foldPlaceName(text);
    if (q.empty()) return out;
    auto byRank = [&](std::vector<std::uint32_t>& v) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
        std::stable_sort(v.begin(), v.end(), [&](std::uint32_t a, std::uint32_t b) { return m.rank(a) > m.rank(b); });
    };
    // Names starting with q: one range of the sorted keys.
    std::vector<std::uint32_t> prefix;
    auto it = std::lower_bound(m.keys.begin(), m.keys.end(), std::string_view(q),
                               [&](const Key& k, std::string_view v) { return m.key(k) < v; });
    for (; it != m.keys.end() && m.key(*it).substr(0, q.size()) == q; ++it) prefix.push_back(it->place);
    byRank(prefix);
    for (std::uint32_t i : prefix) {
        if (out.size() == limit) return out;
        out.push_back(m.entry(i));
    }
    // Then names containing q elsewhere (a scan of the folded names: ~1.5 MB).
    std::vector<std::uint32_t> inside;
    for (const Key& k : m.keys) {
        const std::string_view s = m.key(k);
        const std::size_t at = s.find(q);
        if (at != std::string_view::npos && at > 0) inside.push_back(k.place);
    }
    byRank(inside);
    for (std::uint32_t i : inside) {
        if (out.size() == limit) break;
        if (std::find(prefix.begin(), prefix.end(), i) == prefix.end()) out.push_back(m.entry(i));
    }
    return out;
}

// ---------------------------------------------------------------------------
// [SECTION] Nearest
// ---------------------------------------------------------------------------

namespace {

double haversineKm(double lat1, double lon1, double lat2, double lon2) {
    const double dLat = (lat2 - lat1) * kDegToRad, dLon = (lon2 - lon1) * kDegToRad;
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2) +
                     std::cos(lat1 * kDegToRad) * std::cos(lat2 * kDegToRad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

// The shortest distance from a point to a latitude/longitude cell whose
// longitudes do not contain the point's: the nearest point lies on the cell's
// nearer meridian edge, at the latitude closest to the point's great-circle foot.
double distanceToCellKm(double lat, double lon, double latLo, double latHi, double edgeLon) {
    const double dLon = (edgeLon - lon) * kDegToRad;
    double foot = std::atan2(std::sin(lat * kDegToRad), std::cos(lat * kDegToRad) * std::cos(dLon)) / kDegToRad;
    foot = std::clamp(foot, latLo, latHi);
    return haversineKm(lat, lon, foot, edgeLon);
}

}  // namespace

std::optional<GazetteerEntry> Gazetteer::nearest(double latDeg, double lonDeg, double* distanceKm) const {
    const Impl& m = *m_impl;
    if (m.cellPlaces.empty() || !std::isfinite(latDeg) || !std::isfinite(lonDeg)) return std::nullopt;
    const double lat = std::clamp(latDeg, -90.0, 90.0);
    const double lon = std::remainder(lonDeg, 360.0);  // -180..180
    const int row0 = std::clamp(static_cast<int>(std::floor(lat + 90.0)), 0, Impl::kRows - 1);
    const int column0 = std::clamp(static_cast<int>(std::floor(lon + 180.0)), 0, Impl::kColumns - 1);
    // Candidates compare by squared chord (no trigonometry per place); best is kept in km for the bounds.
    const std::array<double, 3> q = {std::cos(lat * kDegToRad) * std::cos(lon * kDegToRad),
                                     std::cos(lat * kDegToRad) * std::sin(lon * kDegToRad), std::sin(lat * kDegToRad)};
    double best = std::numeric_limits<double>::infinity();
    double bestChord2 = std::numeric_limits<double>::infinity();
    std::uint32_t bestPlace = kNone;
    auto scanCell = [&](int row, int column) {
        const std::size_t c = static_cast<std::size_t>(row * Impl::kColumns + column);
        const std::uint32_t end = m.cellStart[c + 1];
        std::uint32_t found = kNone;
        for (std::uint32_t k = m.cellStart[c]; k < end; ++k) {
            const auto& p = m.cellPoints[k];
            const double dx = p[0] - q[0], dy = p[1] - q[1], dz = p[2] - q[2];
            const double chord2 = dx * dx + dy * dy + dz * dz;
            if (chord2 < bestChord2 || (chord2 == bestChord2 && m.cellPlaces[k] < bestPlace))
                bestChord2 = chord2, bestPlace = m.cellPlaces[k], found = k;
        }
        if (found != kNone) best = 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(bestChord2) / 2));
    };
    // Rows outward from the point's row; a row cannot be nearer than its latitude gap.
    for (int step = 0; step < Impl::kRows; ++step) {
        bool anyRow = false;
        for (int row : {row0 - step, row0 + step}) {
            if (row < 0 || row >= Impl::kRows || (step == 0 && row != row0)) continue;
            if (step > 0 && row == row0) continue;
            anyRow = true;
            const double latLo = row - 90.0, latHi = latLo + 1.0;
            const double gapKm = (lat < latLo   ? latLo - lat
                                  : lat > latHi ? lat - latHi
                                                : 0.0) *
                                 kDegToRad * kEarthRadiusKm;
            const std::uint32_t first = m.rowStart[static_cast<std::size_t>(row)];
            const std::uint32_t count = m.rowStart[static_cast<std::size_t>(row) + 1] - first;
            if (gapKm > best || count == 0) continue;
            // The row's non-empty cells, outward from the point's column on both
            // sides in turn: east offsets 0..180, west offsets 1..179 (each cell
            // once). Along a side the distance only grows, so a side stops at the
            // first cell farther than the best so far.
            const std::uint16_t* columns = m.rowColumns.data() + first;
            const auto p = static_cast<std::uint32_t>(std::lower_bound(columns, columns + count, column0) - columns);
            std::uint32_t east = 0, west = 0;  // cells taken on each side
            bool eastOpen = true, westOpen = true;
            while (eastOpen || westOpen) {
                const int eastColumn = columns[(p + east) % count],
                          westColumn = columns[(p + count - 1 - west) % count];
                const int eastOffset = (eastColumn - column0 + Impl::kColumns) % Impl::kColumns;
                const int westOffset = (column0 - westColumn + Impl::kColumns) % Impl::kColumns;
                if (east + west >= count) break;
                eastOpen = eastOpen && eastOffset <= Impl::kColumns / 2;
                westOpen = westOpen && westOffset >= 1 && westOffset < Impl::kColumns / 2;
                const bool goEast = eastOpen && (!westOpen || eastOffset <= westOffset);
                if (!goEast && !westOpen) break;
                const int column = goEast ? eastColumn : westColumn;
                if (column != column0) {
                    const double cellWest = column - 180.0;
                    const double edge = goEast ? cellWest : cellWest + 1.0;  // the meridian nearer the point
                    if (distanceToCellKm(lat, lon, latLo, latHi, edge) > best) {
                        (goEast ? eastOpen : westOpen) = false;
                        continue;
                    }
                }
                scanCell(row, column);
                ++(goEast ? east : west);
            }
        }
        if (!anyRow) break;
        const double nextGapKm = std::max(0.0, std::min(lat - (row0 - step - 90.0), (row0 + step + 1 - 90.0) - lat)) *
                                 kDegToRad * kEarthRadiusKm;
        if (nextGapKm > best) break;
    }
    if (bestPlace == kNone) return std::nullopt;
    if (distanceKm) {
        const Place& p = m.places[bestPlace];
        *distanceKm = haversineKm(lat, lon, p.lat / 1e4, p.lon / 1e4);
    }
    return m.entry(bestPlace);
}

}  // namespace meridian::io

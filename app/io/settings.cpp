#include "io/settings.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "io/text_file.h"

namespace meridian::io {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path settingsPath() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg == '/')
        return fs::path(xdg) / "meridian" / "settings.json";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".config" / "meridian" / "settings.json";
    return fs::path(".meridian-settings.json");
}

namespace {

template <typename T>
void read(const json& j, const char* key, T& out) {
    const auto it = j.find(key);
    if (it == j.end()) return;
    try {
        out = it->get<T>();
    } catch (const json::exception&) {
        // A wrongly typed value keeps its default; the rest still loads.
    }
}

// A bit mask: a whole number from 0 to 2^32-1; anything else keeps the default. (nlohmann's
// get<unsigned>() of a number like 1.5e10 converts it with a cast that is undefined behaviour.)
void readMask(const json& j, const char* key, unsigned& out) {
    const auto it = j.find(key);
    if (it != j.end() && it->is_number_unsigned() && it->get<std::uint64_t>() <= 0xFFFFFFFFu)
        out = static_cast<unsigned>(it->get<std::uint64_t>());
}

}  // namespace

SettingsLoad loadSettings(const fs::path& path) {
    SettingsLoad out;
    std::error_code ec;
    if (!fs::exists(path, ec)) return out;
    std::string error;
    const auto text = readWholeFile(path, &error, 4u << 20);
    if (!text) {
        out.warning = path.string() + ": cannot read the settings (" + error + "); using defaults";
        return out;
    }
    return parseSettings(*text, path.string());
}

// 2: the filter masks have the "unrated" and "reference" bits.
constexpr unsigned kSettingsVersion = 2;

SettingsLoad parseSettings(std::string_view text, const std::string& sourceName) {
    SettingsLoad out;
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception& e) {  // parse_error, and out_of_range for numbers like 1e400
        out.warning = sourceName + ": damaged settings ignored (" + e.what() + "); using defaults";
        return out;
    }
    if (!j.is_object()) {
        out.warning = sourceName + ": damaged settings ignored (not a JSON object); using defaults";
        return out;
    }
    Settings& s = out.settings;
    read(j, "theme", s.theme);
    read(j, "uiScale", s.uiScale);
    s.uiScale = std::clamp(s.uiScale, 0.75, 2.5);
    read(j, "lastFile", s.lastFile);
    read(j, "recentFiles", s.recentFiles);
    if (s.recentFiles.size() > kMaxRecentFiles) s.recentFiles.resize(kMaxRecentFiles);
    read(j, "sidePanelFraction", s.sidePanelFraction);
    read(j, "timelineFraction", s.timelineFraction);
    read(j, "eventsFraction", s.eventsFraction);
    s.sidePanelFraction = std::clamp(s.sidePanelFraction, 0.15, 0.6);
    s.timelineFraction = std::clamp(s.timelineFraction, 0.12, 0.6);
    s.eventsFraction = std::clamp(s.eventsFraction, 0.12, 0.8);
    read(j, "projection", s.projection);
    read(j, "basemap", s.layers.basemap);
    read(j, "labels", s.layers.labels);
    read(j, "graticule", s.layers.graticule);
    read(j, "highlightCountries", s.layers.highlightCountries);
    read(j, "alwaysAnimateArcs", s.layers.alwaysAnimateArcs);
    read(j, "legend", s.layers.legend);
    read(j, "trailDays", s.trailDays);
    s.trailDays = std::clamp(s.trailDays, 1.0, 365.25 * 100);
    read(j, "allUpToNow", s.allUpToNow);
    read(j, "playSpeedDaysPerSec", s.playSpeedDaysPerSec);
    s.playSpeedDaysPerSec = std::clamp(s.playSpeedDaysPerSec, 0.5, 365.25 * 20);
    if (const auto f = j.find("filter"); f != j.end() && f->is_object()) {
        readMask(*f, "confidenceMask", s.confidenceMask);
        readMask(*f, "sourceKindMask", s.sourceKindMask);
        // Settings saved before the "unrated" level and the "reference" kind existed (no
        // settingsVersion) say 0x0F for "every level" and 0x3F for "every kind". Since then the
        // same numbers mean "all but unrated" and "all but reference", kept as they are.
        unsigned version = 1;
        readMask(j, "settingsVersion", version);  // a whole number, or the default
        const bool old = version < kSettingsVersion;
        if (old && s.confidenceMask == 0x0F) s.confidenceMask = kAllConfidenceMask;
        s.confidenceMask &= kAllConfidenceMask;
        if (old && s.sourceKindMask == 0x3F) s.sourceKindMask = kAllSourceKinds;
        s.sourceKindMask &= kAllSourceKinds;
        read(*f, "categories", s.categories);
        read(*f, "actors", s.actors);
        read(*f, "countries", s.countries);
        read(*f, "tags", s.tags);
        read(*f, "text", s.searchText);
        read(*f, "from", s.dateFrom);
        read(*f, "to", s.dateTo);
    }
    return out;
}

std::string settingsToJson(const Settings& s) {
    json j = {
        {"settingsVersion", kSettingsVersion},
        {"theme", s.theme},
        {"uiScale", s.uiScale},
        {"lastFile", s.lastFile},
        {"recentFiles", s.recentFiles},
        {"sidePanelFraction", s.sidePanelFraction},
        {"timelineFraction", s.timelineFraction},
        {"eventsFraction", s.eventsFraction},
        {"projection", s.projection},
        {"basemap", s.layers.basemap},
        {"labels", s.layers.labels},
        {"graticule", s.layers.graticule},
        {"highlightCountries", s.layers.highlightCountries},
        {"alwaysAnimateArcs", s.layers.alwaysAnimateArcs},
        {"legend", s.layers.legend},
        {"trailDays", s.trailDays},
        {"allUpToNow", s.allUpToNow},
        {"playSpeedDaysPerSec", s.playSpeedDaysPerSec},
        {"filter",
         {{"confidenceMask", s.confidenceMask},
          {"sourceKindMask", s.sourceKindMask},
          {"categories", s.categories},
          {"actors", s.actors},
          {"countries", s.countries},
          {"tags", s.tags},
          {"text", s.searchText},
          {"from", s.dateFrom},
          {"to", s.dateTo}}},
    };
    // Invalid UTF-8 (a file name need not be UTF-8 on Linux) becomes U+FFFD instead of throwing.
    return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

bool saveSettings(const fs::path& path, const Settings& settings, std::string* error) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) {
        if (error) *error = "cannot create " + path.parent_path().string() + ": " + ec.message();
        return false;
    }
    return writeFileAtomically(path, settingsToJson(settings), error);
}

void addRecentFile(Settings& s, const std::string& file) {
    s.recentFiles.erase(std::remove(s.recentFiles.begin(), s.recentFiles.end(), file), s.recentFiles.end());
    s.recentFiles.insert(s.recentFiles.begin(), file);
    if (s.recentFiles.size() > kMaxRecentFiles) s.recentFiles.resize(kMaxRecentFiles);
}

}  // namespace meridian::io

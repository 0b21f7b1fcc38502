#include "io/settings.h"

#include <algorithm>
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
    json j;
    try {
        j = json::parse(*text);
    } catch (const json::parse_error& e) {
        out.warning = path.string() + ": damaged settings ignored (" + e.what() + "); using defaults";
        return out;
    }
    if (!j.is_object()) {
        out.warning = path.string() + ": damaged settings ignored (not a JSON object); using defaults";
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
        read(*f, "confidenceMask", s.confidenceMask);
        read(*f, "sourceKindMask", s.sourceKindMask);
        // Settings saved before the "unrated" level existed say 0x0F for "every level".
        if (s.confidenceMask == 0x0F) s.confidenceMask = kAllConfidenceMask;
        s.confidenceMask &= kAllConfidenceMask;
        // Settings saved before the "reference" kind existed say 0x3F for "every kind".
        if (s.sourceKindMask == 0x3F) s.sourceKindMask = kAllSourceKinds;
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
    return j.dump(2) + "\n";
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

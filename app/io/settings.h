// User settings, kept in $XDG_CONFIG_HOME/meridian/settings.json (or
// ~/.config/meridian/settings.json). A damaged file is ignored with a warning
// (and left in place for the user to inspect); saving is atomic.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/view_state.h"

namespace meridian::io {

struct Settings {
    std::string theme = "dark";
    double uiScale = 1.0;
    std::string lastFile;
    std::vector<std::string> recentFiles;  // most recent first, at most kMaxRecentFiles
    // Layout
    double sidePanelFraction = 0.30, timelineFraction = 0.36, eventsFraction = 0.42;
    // Map
    std::string projection = "equal-earth";
    MapLayers layers;  // basemap, labels, graticule, highlightCountries, legend, alwaysAnimateArcs
    double trailDays = kDefaultTrailDays;
    bool allUpToNow = false;
    double playSpeedDaysPerSec = kDefaultPlaySpeedDaysPerSec;
    // Filters, by id (indices change when the data does)
    unsigned confidenceMask = kAllConfidenceMask, sourceKindMask = kAllSourceKinds;
    std::vector<std::string> categories, actors, countries, tags;
    std::string searchText, dateFrom, dateTo;
};

inline constexpr std::size_t kMaxRecentFiles = 8;

std::filesystem::path settingsPath();

struct SettingsLoad {
    Settings settings;
    std::string warning;  // non-empty: the file was damaged and ignored
};
SettingsLoad loadSettings(const std::filesystem::path& path);
std::string settingsToJson(const Settings& settings);
bool saveSettings(const std::filesystem::path& path, const Settings& settings, std::string* error);

// Moves (or adds) file to the front of the list, keeping at most kMaxRecentFiles.
void addRecentFile(Settings& settings, const std::string& file);

}  // namespace meridian::io

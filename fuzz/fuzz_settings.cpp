// libFuzzer target: the settings file (io/settings), read at every start-up from
// ~/.config/meridian/settings.json, a file the user (or a crash, or a full disk) may have damaged.
//
// Invariants checked on every input:
// - reading never throws or crashes: a damaged file gives the defaults and a warning naming it;
// - what is read is within the ranges the app relies on (UI scale, panel fractions, masks,
//   at most kMaxRecentFiles recent files);
// - saved and read again, the settings are the same, and saving them again gives the same text;
// - settings holding any bytes at all (a file name need not be UTF-8 on Linux) save to JSON that
//   reads back, without throwing.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "io/settings.h"

using namespace meridian::io;

namespace {

bool sameSettings(const Settings& a, const Settings& b) {
    return a.theme == b.theme && a.uiScale == b.uiScale && a.lastFile == b.lastFile && a.recentFiles == b.recentFiles &&
           a.sidePanelFraction == b.sidePanelFraction && a.timelineFraction == b.timelineFraction &&
           a.eventsFraction == b.eventsFraction && a.projection == b.projection && a.layers == b.layers &&
           a.trailDays == b.trailDays && a.allUpToNow == b.allUpToNow &&
           a.playSpeedDaysPerSec == b.playSpeedDaysPerSec && a.confidenceMask == b.confidenceMask &&
           a.sourceKindMask == b.sourceKindMask && a.categories == b.categories && a.actors == b.actors &&
           a.countries == b.countries && a.tags == b.tags && a.searchText == b.searchText && a.dateFrom == b.dateFrom &&
           a.dateTo == b.dateTo;
}

void checkRanges(const Settings& s) {
    FUZZ_CHECK(s.uiScale >= 0.75 && s.uiScale <= 2.5, "uiScale " + std::to_string(s.uiScale));
    FUZZ_CHECK(s.sidePanelFraction >= 0.15 && s.sidePanelFraction <= 0.6,
               "sidePanelFraction " + std::to_string(s.sidePanelFraction));
    FUZZ_CHECK(s.timelineFraction >= 0.12 && s.timelineFraction <= 0.6,
               "timelineFraction " + std::to_string(s.timelineFraction));
    FUZZ_CHECK(s.eventsFraction >= 0.12 && s.eventsFraction <= 0.8,
               "eventsFraction " + std::to_string(s.eventsFraction));
    FUZZ_CHECK(s.trailDays >= 1 && s.trailDays <= 365.25 * 100, "trailDays " + std::to_string(s.trailDays));
    FUZZ_CHECK(s.playSpeedDaysPerSec >= 0.5 && s.playSpeedDaysPerSec <= 365.25 * 20,
               "playSpeedDaysPerSec " + std::to_string(s.playSpeedDaysPerSec));
    FUZZ_CHECK(s.confidenceMask <= meridian::kAllConfidenceMask && s.sourceKindMask <= meridian::kAllSourceKinds,
               std::string("a mask with unknown bits"));
    FUZZ_CHECK(s.recentFiles.size() <= kMaxRecentFiles, std::to_string(s.recentFiles.size()) + " recent files");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    // The bytes as a settings file.
    const SettingsLoad loaded = parseSettings(text, "settings.json");
    if (!loaded.warning.empty())
        FUZZ_CHECK(loaded.warning.rfind("settings.json: ", 0) == 0, "a warning not naming the file: " + loaded.warning);
    checkRanges(loaded.settings);
    const std::string saved = settingsToJson(loaded.settings);
    const SettingsLoad again = parseSettings(saved, "saved.json");
    FUZZ_CHECK(again.warning.empty(), "saved settings do not read back: " + again.warning);
    FUZZ_CHECK(sameSettings(loaded.settings, again.settings), "saved settings read back different:\n" + saved);
    FUZZ_CHECK(settingsToJson(again.settings) == saved, "saving twice gives two texts:\n" + saved);

    // The bytes as names the app puts into the settings (a file opened, a search typed).
    Settings named;
    named.lastFile = std::string(text);
    named.searchText = std::string(text);
    addRecentFile(named, std::string(text));
    FUZZ_CHECK(named.recentFiles.size() == 1 && named.recentFiles.front() == named.lastFile,
               std::to_string(named.recentFiles.size()) + " recent files after adding one");
    const SettingsLoad reread = parseSettings(settingsToJson(named), "named.json");
    FUZZ_CHECK(reread.warning.empty(), "settings holding these bytes do not read back: " + reread.warning);
    FUZZ_CHECK(reread.settings.recentFiles.size() == 1, std::string("the recent file was lost"));
    return 0;
}

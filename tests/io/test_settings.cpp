#include <doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "io/settings.h"
#include "io/text_file.h"

using namespace meridian::io;
namespace fs = std::filesystem;

namespace {
fs::path tempDir() {
    const fs::path d = fs::temp_directory_path() / ("meridian-settings-test-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
}
}  // namespace

TEST_CASE("settings round-trip through an atomic save") {
    const fs::path path = tempDir() / "nested" / "settings.json";
    Settings s;
    s.theme = "projector";
    s.uiScale = 2.0;
    s.categories = {"nuclear-test"};
    s.confidenceMask = 1;
    s.searchText = "Khojir";
    addRecentFile(s, "/a.json");
    addRecentFile(s, "/b.json");
    addRecentFile(s, "/a.json");
    CHECK(s.recentFiles == std::vector<std::string>{"/a.json", "/b.json"});
    std::string error;
    REQUIRE(saveSettings(path, s, &error));
    const SettingsLoad loaded = loadSettings(path);
    CHECK(loaded.warning.empty());
    CHECK(loaded.settings.theme == "projector");
    CHECK(loaded.settings.uiScale == 2.0);
    CHECK(loaded.settings.categories == std::vector<std::string>{"nuclear-test"});
    CHECK(loaded.settings.confidenceMask == 1);
    CHECK(loaded.settings.searchText == "Khojir");
    CHECK(loaded.settings.recentFiles.front() == "/a.json");
    // No temporary files left beside it.
    int files = 0;
    for (const auto& e : fs::directory_iterator(path.parent_path())) files += e.is_regular_file();
    CHECK(files == 1);
}

TEST_CASE("a damaged settings file is ignored with a warning, and kept for the user") {
    const fs::path path = tempDir() / "damaged.json";
    std::ofstream(path) << "{\"theme\": \"light\", \"uiScale\": ";
    const SettingsLoad loaded = loadSettings(path);
    CHECK(loaded.warning.find("damaged settings ignored") != std::string::npos);
    CHECK(loaded.settings.theme == "dark");  // defaults
    CHECK(fs::exists(path));
    // Wrong types and absurd values fall back per key.
    std::ofstream(path, std::ios::trunc)
        << R"({"theme": 3, "uiScale": 99, "recentFiles": "x", "filter": {"confidenceMask": 255}})";
    const SettingsLoad partial = loadSettings(path);
    CHECK(partial.warning.empty());
    CHECK(partial.settings.theme == "dark");
    CHECK(partial.settings.uiScale == 2.5);
    CHECK(partial.settings.recentFiles.empty());
    CHECK(partial.settings.confidenceMask == meridian::kAllConfidenceMask);
}

TEST_CASE("a number too large for a double is a damaged file, not a crash (found by fuzz_settings)") {
    // nlohmann-json throws out_of_range (not parse_error) for 1e400: it escaped and ended the app.
    const SettingsLoad loaded = parseSettings(R"({"theme": "light", "uiScale": 1e400})", "s.json");
    CHECK(loaded.warning.find("s.json: damaged settings ignored") == 0);
    CHECK(loaded.warning.find("number overflow") != std::string::npos);
    CHECK(loaded.settings.theme == "dark");
}

TEST_CASE("a filter mask that is not a whole number keeps its default (found by fuzz_settings)") {
    // 1.5e10 went through nlohmann's get<unsigned>(), a float-to-unsigned cast out of range
    // (undefined behaviour, reported by UBSan).
    const SettingsLoad loaded =
        parseSettings(R"({"filter": {"confidenceMask": 1.5e10, "sourceKindMask": -3, "categories": ["a"]}})", "s.json");
    CHECK(loaded.warning.empty());
    CHECK(loaded.settings.confidenceMask == meridian::kAllConfidenceMask);
    CHECK(loaded.settings.sourceKindMask == meridian::kAllSourceKinds);
    CHECK(loaded.settings.categories == std::vector<std::string>{"a"});
    CHECK(parseSettings(R"({"filter": {"confidenceMask": 4294967295, "sourceKindMask": 5}})", "s.json")
              .settings.sourceKindMask == 5);
}

TEST_CASE("a file name that is not UTF-8 is saved, not a crash (found by fuzz_settings)") {
    // Linux file names are bytes: opening "/tmp/bad-\xff.json" put it in the recent files, and
    // writing the settings threw nlohmann's type_error 316, which ended the app at start-up.
    Settings s;
    addRecentFile(s, "/tmp/bad-\xff.json");
    s.lastFile = "/tmp/bad-\xff.json";
    const std::string text = settingsToJson(s);
    const SettingsLoad loaded = parseSettings(text, "s.json");
    CHECK(loaded.warning.empty());
    CHECK(loaded.settings.lastFile == "/tmp/bad-\xEF\xBF\xBD.json");  // U+FFFD in place of the byte
    REQUIRE(loaded.settings.recentFiles.size() == 1);
    CHECK(loaded.settings.recentFiles[0] == loaded.settings.lastFile);
}

TEST_CASE("atomic write replaces a file and keeps its permissions") {
    const fs::path path = tempDir() / "atomic.txt";
    std::ofstream(path) << "old";
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    std::string error;
    REQUIRE(writeFileAtomically(path, "new contents", &error));
    CHECK(*readWholeFile(path, &error) == "new contents");
    CHECK((fs::status(path).permissions() & fs::perms::group_read) != fs::perms::none);
    CHECK((fs::status(path).permissions() & fs::perms::others_read) == fs::perms::none);
    CHECK_FALSE(writeFileAtomically("/nonexistent-dir/x.txt", "x", &error));
    CHECK(error.find("cannot create a temporary file") != std::string::npos);
}

TEST_CASE(
    "a mask of every level but 'unrated' survives a save and a load (only files without a version are upgraded)") {
    Settings s;
    s.confidenceMask = 0x0F;  // every level but unrated
    s.sourceKindMask = 0x3F;  // every kind but reference
    const SettingsLoad again = parseSettings(settingsToJson(s), "s.json");
    CHECK(again.settings.confidenceMask == 0x0F);
    CHECK(again.settings.sourceKindMask == 0x3F);
    // A file from before the version key: 0x0F meant every level then.
    const SettingsLoad old = parseSettings(R"({"filter": {"confidenceMask": 15, "sourceKindMask": 63}})", "s.json");
    CHECK(old.settings.confidenceMask == meridian::kAllConfidenceMask);
    CHECK(old.settings.sourceKindMask == meridian::kAllSourceKinds);
}

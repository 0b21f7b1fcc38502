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

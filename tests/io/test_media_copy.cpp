// An image chosen for an event's media ends up inside the data file's folder.
#include <doctest.h>

#include <filesystem>
#include <fstream>

#include "io/media_copy.h"

using namespace meridian;
namespace fs = std::filesystem;

namespace {
void writeFile(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}
std::string readFile(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}
}  // namespace

TEST_CASE("media copy: outside images are copied into media/, never over another file") {
    const fs::path root = fs::temp_directory_path() / "meridian-media-copy-test";
    fs::remove_all(root);
    writeFile(root / "pictures" / "map.png", "first");
    writeFile(root / "other" / "map.png", "second");
    writeFile(root / "data" / "img" / "inside.png", "inside");
    std::string error;
    const auto a = io::bringMediaIntoFolder(root / "pictures" / "map.png", root / "data", &error);
    REQUIRE(a);
    CHECK(*a == "media/map.png");
    CHECK(readFile(root / "data" / "media" / "map.png") == "first");
    // The same picture again: the copy already there is used.
    CHECK(*io::bringMediaIntoFolder(root / "pictures" / "map.png", root / "data", &error) == "media/map.png");
    // Another picture of the same name: a new name, the first copy untouched.
    const auto b = io::bringMediaIntoFolder(root / "other" / "map.png", root / "data", &error);
    REQUIRE(b);
    CHECK(*b == "media/map-2.png");
    CHECK(readFile(root / "data" / "media" / "map.png") == "first");
    CHECK(readFile(root / "data" / "media" / "map-2.png") == "second");
    // Already inside the folder: used where it is.
    CHECK(*io::bringMediaIntoFolder(root / "data" / "img" / "inside.png", root / "data", &error) == "img/inside.png");
    // Errors say why.
    CHECK_FALSE(io::bringMediaIntoFolder(root / "missing.png", root / "data", &error));
    CHECK(error.find("is not a file") != std::string::npos);
    CHECK_FALSE(io::bringMediaIntoFolder(root / "pictures" / "map.png", "", &error));
    CHECK(error.find("save the data") != std::string::npos);
    fs::remove_all(root);
}

// Atomic writes when the disk says no: the user's file stays as it was, no temporary file is left,
// and the reason names the file. (tests/failure/save_failures.sh does the same with a full tmpfs
// and a read-only mount through the real app.)
#include <doctest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "io/text_file.h"

using namespace meridian::io;
namespace fs = std::filesystem;

namespace {

fs::path freshDir(const char* name) {
    const fs::path d = fs::temp_directory_path() / ("meridian-text-file-" + std::to_string(::getpid())) / name;
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

std::string readAll(const fs::path& p) {
    std::string error;
    return readWholeFile(p, &error).value_or("<" + error + ">");
}

std::vector<std::string> names(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
    return out;
}

}  // namespace

#ifndef __EMSCRIPTEN__  // file size limits and read-only folders: not in the browser's memory file system
TEST_CASE("a write beyond the file size limit (ulimit -f) fails and keeps the old file") {
    const fs::path dir = freshDir("limit");
    const fs::path file = dir / "lesson.json";
    std::ofstream(file) << "the old version";
    // As the app does in main(): EFBIG instead of SIGXFSZ ending the process.
    const auto previous = std::signal(SIGXFSZ, SIG_IGN);
    rlimit saved{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
    rlimit small = saved;
    small.rlim_cur = 4096;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    std::string error;
    const bool ok = writeFileAtomically(file, std::string(100000, 'x'), &error);
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previous);
    CHECK_FALSE(ok);
    CHECK(error.find("File too large") != std::string::npos);
    CHECK(error.find(dir.string()) != std::string::npos);
    CHECK(readAll(file) == "the old version");
    CHECK(names(dir) == std::vector<std::string>{"lesson.json"});
}

TEST_CASE("a write into a folder that does not exist names the folder") {
    const fs::path dir = freshDir("missing");
    std::string error;
    CHECK_FALSE(writeFileAtomically(dir / "no" / "such" / "x.json", "{}", &error));
    CHECK(error.find((dir / "no" / "such").string()) != std::string::npos);
    CHECK(names(dir).empty());
}

TEST_CASE("a write into a read-only folder fails and keeps the old file") {
    if (::geteuid() == 0) {
        // root writes into any folder whatever its mode; save_failures.sh covers a read-only mount.
        MESSAGE("running as root: the folder's mode does not stop root");
        return;
    }
    const fs::path dir = freshDir("readonly");
    const fs::path file = dir / "lesson.json";
    std::ofstream(file) << "the old version";
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
    std::string error;
    const bool ok = writeFileAtomically(file, "new", &error);
    fs::permissions(dir, fs::perms::owner_all);
    CHECK_FALSE(ok);
    CHECK(error.find("Permission denied") != std::string::npos);
    CHECK(readAll(file) == "the old version");
    CHECK(names(dir) == std::vector<std::string>{"lesson.json"});
}

#endif

TEST_CASE("a write through a symbolic link replaces the file it points to and keeps the link") {
    const fs::path dir = freshDir("link");
    fs::create_directories(dir / "real");
    std::ofstream(dir / "real" / "lesson.json") << "old";
    fs::create_symlink(dir / "real" / "lesson.json", dir / "lesson.json");
    std::string error;
    REQUIRE(writeFileAtomically(dir / "lesson.json", "new", &error));
    CHECK(fs::is_symlink(dir / "lesson.json"));
    CHECK(readAll(dir / "real" / "lesson.json") == "new");
    CHECK(names(dir / "real") == std::vector<std::string>{"lesson.json"});
}

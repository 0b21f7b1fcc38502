// The ffmpeg frame sink when ffmpeg fails: a stand-in "ffmpeg" (a shell script first on PATH)
// that dies mid-export, is killed, or fails at the end. The export must say so, leave no partial
// video and no hidden temporary file, keep an older video of the same name, and collect the child
// (no zombie).
#include <doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "io/frame_sink.h"

using namespace meridian::io;
namespace fs = std::filesystem;

namespace {

struct FakeFfmpeg {
    fs::path dir, bin, out;
    std::string savedPath;
    explicit FakeFfmpeg(const std::string& script) {
        dir = fs::temp_directory_path() / ("meridian-sink-test-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        bin = dir / "bin";
        out = dir / "out";
        fs::create_directories(bin);
        fs::create_directories(out);
        std::ofstream(bin / "ffmpeg") << "#!/bin/sh\n"
                                         "for a; do out=$a; done\n"  // the output is the last argument
                                      << script << "\n";
        fs::permissions(bin / "ffmpeg", fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
        const char* p = std::getenv("PATH");
        savedPath = p ? p : "";
        ::setenv("PATH", (bin.string() + ":/usr/bin:/bin").c_str(), 1);
    }
    ~FakeFfmpeg() {
        ::setenv("PATH", savedPath.c_str(), 1);
        fs::remove_all(dir);
    }
    // Names in the output folder (the video and any leftover temporary file).
    std::vector<std::string> outputFolder() const {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(out)) names.push_back(e.path().filename().string());
        return names;
    }
};

// Children of this process that exited and were never collected.
int zombieChildren() {
    int zombies = 0;
    for (const auto& e : fs::directory_iterator("/proc")) {
        const std::string name = e.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        std::ifstream in(e.path() / "stat");
        std::string line;
        if (!std::getline(in, line)) continue;
        const auto close = line.rfind(')');
        if (close == std::string::npos) continue;
        std::istringstream rest(line.substr(close + 2));
        char state = 0;
        long ppid = 0;
        rest >> state >> ppid;
        if (ppid == ::getpid() && state == 'Z') ++zombies;
    }
    return zombies;
}

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

constexpr int kW = 64, kH = 64;
const std::vector<std::uint8_t> kFrame(static_cast<std::size_t>(kW) * kH * 4, 0x80);

// Writes up to `frames` frames; the first error's message, or "" when all were taken and closed.
std::string exportFrames(const fs::path& output, int frames, int* written = nullptr) {
    std::string error;
    auto sink = openFrameSink(output, kW, kH, 30, &error);
    if (!sink) return "open: " + error;
    for (int i = 0; i < frames; ++i) {
        if (!sink->write(kFrame, &error)) return error;
        if (written) ++*written;
    }
    if (!sink->close(&error)) return error;
    return {};
}

}  // namespace

#ifndef __EMSCRIPTEN__  // ffmpeg runs as a process: not in the browser build (no video export there)
TEST_CASE("an export through ffmpeg that finishes replaces the output, with no leftovers") {
    FakeFfmpeg fake("cat > \"$out\"");
    const fs::path video = fake.out / "lesson.mp4";
    std::ofstream(video) << "an older video";
    CHECK(exportFrames(video, 5) == "");
    CHECK(fs::file_size(video) == 5 * kFrame.size());
    CHECK(fake.outputFolder() == std::vector<std::string>{"lesson.mp4"});
    CHECK((fs::status(video).permissions() & fs::perms::others_read) != fs::perms::none);
    CHECK(zombieChildren() == 0);
}

TEST_CASE("ffmpeg dying mid-export: reported with its exit status, partial file removed, old video kept") {
    // Reads three frames' worth, writes a partial file, then fails.
    FakeFfmpeg fake("echo partial > \"$out\"; head -c " + std::to_string(3 * kFrame.size()) + " >/dev/null; exit 3");
    const fs::path video = fake.out / "lesson.mp4";
    std::ofstream(video) << "an older video";
    int written = 0;
    const std::string error = exportFrames(video, 400, &written);  // far beyond the pipe's buffer
    CHECK(error.find("ffmpeg stopped after") != std::string::npos);
    CHECK(error.find("exit status 3") != std::string::npos);
    CHECK(error.find(video.string() + " was not written") != std::string::npos);
    CHECK(written < 400);
    CHECK(readFile(video) == "an older video");
    CHECK(fake.outputFolder() == std::vector<std::string>{"lesson.mp4"});
    CHECK(zombieChildren() == 0);
}

TEST_CASE("ffmpeg killed mid-export: the signal is named, nothing is left behind") {
    FakeFfmpeg fake("echo partial > \"$out\"; head -c " + std::to_string(2 * kFrame.size()) +
                    " >/dev/null; kill -9 $$");
    const fs::path video = fake.out / "lesson.gif";
    const std::string error = exportFrames(video, 400);
    CHECK(error.find("killed by signal 9") != std::string::npos);
    CHECK(fake.outputFolder().empty());
    CHECK(zombieChildren() == 0);
}

TEST_CASE("ffmpeg failing at the end (all frames taken): close() says so, no video") {
    FakeFfmpeg fake("cat > \"$out\"; exit 1");
    const fs::path video = fake.out / "lesson.mp4";
    const std::string error = exportFrames(video, 4);
    CHECK(error.find("ffmpeg failed (exit status 1)") != std::string::npos);
    CHECK(fake.outputFolder().empty());
    CHECK(zombieChildren() == 0);
}

TEST_CASE("a cancelled export stops ffmpeg, collects it and removes the partial file") {
    FakeFfmpeg fake("cat > \"$out\"");
    const fs::path video = fake.out / "lesson.mp4";
    std::ofstream(video) << "an older video";
    std::string error;
    auto sink = openFrameSink(video, kW, kH, 30, &error);
    REQUIRE(sink);
    REQUIRE(sink->write(kFrame, &error));
    REQUIRE(sink->write(kFrame, &error));
    CHECK(fake.outputFolder().size() == 2);  // the video and ffmpeg's hidden file beside it
    sink->abort();
    CHECK(readFile(video) == "an older video");
    CHECK(fake.outputFolder() == std::vector<std::string>{"lesson.mp4"});
    CHECK(zombieChildren() == 0);
    sink.reset();  // after abort(), destroying it is harmless
    CHECK(zombieChildren() == 0);
}

TEST_CASE("an unfinished sink destroyed without close() leaves no process and no file") {
    FakeFfmpeg fake("cat > \"$out\"");
    const fs::path video = fake.out / "lesson.mp4";
    std::string error;
    {
        auto sink = openFrameSink(video, kW, kH, 30, &error);
        REQUIRE(sink);
        REQUIRE(sink->write(kFrame, &error));
    }
    CHECK(fake.outputFolder().empty());
    CHECK(zombieChildren() == 0);
}

TEST_CASE("an export into a folder that cannot be written says where") {
    FakeFfmpeg fake("cat > \"$out\"");
    std::string error;
    CHECK_FALSE(openFrameSink(fake.out / "missing" / "lesson.mp4", kW, kH, 30, &error));
    CHECK(error.find(fake.out.string() + "/missing") != std::string::npos);
    CHECK(zombieChildren() == 0);
}
#endif

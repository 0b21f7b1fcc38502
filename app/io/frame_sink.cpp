#include "io/frame_sink.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>

#include "io/png_file.h"

extern char** environ;

namespace meridian::io {

namespace fs = std::filesystem;

FrameFormat frameFormatFor(const fs::path& output) {
    std::string ext = output.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".mp4") return FrameFormat::Mp4;
    if (ext == ".gif") return FrameFormat::Gif;
    return FrameFormat::PngSequence;
}

std::string findFfmpeg() {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        const std::size_t end = dirs.find(':', start);
        const std::string dir = dirs.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!dir.empty()) {
            const std::string candidate = dir + "/ffmpeg";
            if (::access(candidate.c_str(), X_OK) == 0) return candidate;
        }
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return {};
}

std::vector<std::string> ffmpegArguments(FrameFormat format, int w, int h, double fps, const std::string& output) {
    char size[32], rate[32];
    std::snprintf(size, sizeof size, "%dx%d", w, h);
    std::snprintf(rate, sizeof rate, "%g", fps);
    std::vector<std::string> args = {"ffmpeg", "-y", "-loglevel", "error", "-f", "rawvideo", "-pix_fmt",
                                     "rgba",   "-s", size,        "-r",    rate, "-i",       "-"};
    if (format == FrameFormat::Gif) {
        // A palette made from the frames themselves: far better than the default one.
        args.insert(args.end(), {"-vf", "split[a][b];[a]palettegen=stats_mode=diff[p];[b][p]paletteuse=dither=bayer",
                                 "-loop", "0"});
    } else {
        // yuv420p needs even sizes; H.264 for players everywhere; fast start for the web.
        args.insert(args.end(), {"-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-c:v", "libx264", "-preset", "medium", "-crf",
                                 "18", "-pix_fmt", "yuv420p", "-movflags", "+faststart"});
    }
    args.push_back(output);
    return args;
}

namespace {

class PngSequenceSink : public FrameSink {
public:
    PngSequenceSink(fs::path dir, int w, int h) : m_dir(std::move(dir)), m_w(w), m_h(h) {}
    bool write(const std::vector<std::uint8_t>& rgba, std::string* error) override {
        char name[32];
        std::snprintf(name, sizeof name, "frame_%05d.png", ++m_index);
        return writePngRgba(m_dir / name, m_w, m_h, rgba, error);
    }
    bool close(std::string*) override { return true; }

private:
    fs::path m_dir;
    int m_w, m_h, m_index = 0;
};

class FfmpegSink : public FrameSink {
public:
    ~FfmpegSink() override {
        if (m_fd >= 0) {
            std::string ignored;
            close(&ignored);
        }
    }
    bool start(const std::string& ffmpeg, const std::vector<std::string>& args, std::string* error) {
        int fds[2];
        if (::pipe(fds) != 0) {
            *error = std::string("cannot create a pipe: ") + std::strerror(errno);
            return false;
        }
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
        posix_spawn_file_actions_addclose(&actions, fds[1]);
        std::vector<char*> argv;
        for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        const int rc = posix_spawn(&m_pid, ffmpeg.c_str(), &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(fds[0]);
        if (rc != 0) {
            ::close(fds[1]);
            *error = std::string("cannot start ffmpeg: ") + std::strerror(rc);
            return false;
        }
        m_fd = fds[1];
        std::signal(SIGPIPE, SIG_IGN);  // a dying ffmpeg must not kill Meridian
        return true;
    }
    bool write(const std::vector<std::uint8_t>& rgba, std::string* error) override {
        std::size_t done = 0;
        while (done < rgba.size()) {
            const ssize_t n = ::write(m_fd, rgba.data() + done, rgba.size() - done);
            if (n < 0) {
                if (errno == EINTR) continue;
                *error = std::string("ffmpeg stopped taking frames: ") + std::strerror(errno);
                return false;
            }
            done += static_cast<std::size_t>(n);
        }
        return true;
    }
    bool close(std::string* error) override {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = -1;
        int status = 0;
        if (m_pid > 0 && ::waitpid(m_pid, &status, 0) > 0 && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
            *error = "ffmpeg failed (exit status " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")";
            m_pid = -1;
            return false;
        }
        m_pid = -1;
        return true;
    }

private:
    int m_fd = -1;
    pid_t m_pid = -1;
};

}  // namespace

std::unique_ptr<FrameSink> openFrameSink(const fs::path& output, int w, int h, double fps, std::string* error) {
    const FrameFormat format = frameFormatFor(output);
    if (format == FrameFormat::PngSequence) {
        std::error_code ec;
        fs::create_directories(output, ec);
        if (ec || !fs::is_directory(output)) {
            *error = "cannot create the folder " + output.string() + (ec ? ": " + ec.message() : "");
            return nullptr;
        }
        return std::make_unique<PngSequenceSink>(output, w, h);
    }
    const std::string ffmpeg = findFfmpeg();
    if (ffmpeg.empty()) {
        *error = "ffmpeg is not installed, so " + output.filename().string() +
                 " cannot be made: install it (apt install ffmpeg), or give a folder name to export PNG frames";
        return nullptr;
    }
    auto sink = std::make_unique<FfmpegSink>();
    if (!sink->start(ffmpeg, ffmpegArguments(format, w, h, fps, output.string()), error)) return nullptr;
    return sink;
}

}  // namespace meridian::io

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
#include <string>

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

// "exit status 1", "killed by signal 9 (Killed)".
std::string describeWaitStatus(int status) {
    if (WIFEXITED(status)) return "exit status " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return "killed by signal " + std::to_string(WTERMSIG(status)) + " (" + strsignal(WTERMSIG(status)) + ")";
    return "wait status " + std::to_string(status);
}

// ffmpeg encodes into a hidden file beside the output (".NAME.XXXXXX.mp4"), renamed over the
// output only when it finished well: an export that fails or is cancelled leaves no partial video,
// and an older video of the same name stays as it was.
class FfmpegSink : public FrameSink {
public:
    ~FfmpegSink() override { abort(); }
    bool start(const std::string& ffmpeg, FrameFormat format, int w, int h, double fps, const fs::path& output,
               std::string* error) {
        m_output = output;
        const fs::path dir = output.has_parent_path() ? output.parent_path() : fs::path(".");
        const std::string ext = output.extension().string();
        std::string name = ".";  // appended, not one '+' chain (GCC 12's -Wrestrict false positive)
        name += output.stem().string();
        name += ".XXXXXX";
        name += ext;
        std::string tmpl = (dir / name).string();
        const int tmpFd = ::mkstemps(tmpl.data(), static_cast<int>(ext.size()));
        if (tmpFd < 0) {
            *error = "cannot create a file in " + dir.string() + ": " + std::strerror(errno);
            return false;
        }
        ::fchmod(tmpFd, 0644);  // mkstemps makes it 0600: a video is for sharing
        ::close(tmpFd);
        m_partial = tmpl;
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) {  // neither end leaks into ffmpeg or any later child
            *error = std::string("cannot create a pipe: ") + std::strerror(errno);
            removePartial();
            return false;
        }
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);  // dup2 clears close-on-exec
        const std::vector<std::string> args = ffmpegArguments(format, w, h, fps, m_partial.string());
        std::vector<char*> argv;
        for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        const int rc = posix_spawn(&m_pid, ffmpeg.c_str(), &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(fds[0]);
        if (rc != 0) {
            ::close(fds[1]);
            m_pid = -1;
            removePartial();
            *error = "cannot start " + ffmpeg + ": " + std::strerror(rc);
            return false;
        }
        m_fd = fds[1];
        std::signal(SIGPIPE, SIG_IGN);  // a dying ffmpeg must not kill Meridian
        return true;
    }
    bool write(const std::vector<std::uint8_t>& rgba, std::string* error) override {
        if (m_fd < 0) {
            *error = "the video is already closed";
            return false;
        }
        std::size_t done = 0;
        while (done < rgba.size()) {
            const ssize_t n = ::write(m_fd, rgba.data() + done, rgba.size() - done);
            if (n < 0) {
                if (errno == EINTR) continue;
                const std::string why = std::strerror(errno);
                // ffmpeg is gone (or closed its input): collect it and say how it ended.
                ::close(m_fd);
                m_fd = -1;
                const std::string how = reap();
                removePartial();
                *error = "ffmpeg stopped after " + std::to_string(m_frames) +
                         (m_frames == 1 ? " frame (" : " frames (") + (how.empty() ? why : how) + "); " +
                         m_output.string() + " was not written";
                return false;
            }
            done += static_cast<std::size_t>(n);
        }
        ++m_frames;
        return true;
    }
    bool close(std::string* error) override {
        if (m_fd >= 0) ::close(m_fd);  // end of input: ffmpeg finishes the file and exits
        m_fd = -1;
        const std::string how = reap();
        if (!how.empty() || m_partial.empty()) {
            removePartial();
            *error = "ffmpeg failed (" + (how.empty() ? std::string("not running") : how) + "); " + m_output.string() +
                     " was not written";
            return false;
        }
        if (std::rename(m_partial.c_str(), m_output.c_str()) != 0) {
            const std::string why = std::strerror(errno);
            removePartial();
            *error = "cannot replace " + m_output.string() + ": " + why;
            return false;
        }
        m_partial.clear();
        return true;
    }
    // Cancelled (or destroyed unfinished): ffmpeg is stopped, collected, and its file removed.
    void abort() override {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = -1;
        if (m_pid > 0) ::kill(m_pid, SIGTERM);
        reap();
        removePartial();
    }

private:
    // Waits for ffmpeg; "" when it exited with status 0 (or was already collected).
    std::string reap() {
        if (m_pid <= 0) return {};
        int status = 0;
        pid_t r = 0;
        while ((r = ::waitpid(m_pid, &status, 0)) < 0 && errno == EINTR) {
        }
        m_pid = -1;
        if (r < 0) return std::string("waitpid: ") + std::strerror(errno);
        return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? std::string() : describeWaitStatus(status);
    }
    void removePartial() {
        if (!m_partial.empty()) ::unlink(m_partial.c_str());
        m_partial.clear();
    }

    int m_fd = -1;
    pid_t m_pid = -1;
    int m_frames = 0;
    fs::path m_output, m_partial;
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
    if (!sink->start(ffmpeg, format, w, h, fps, output, error)) return nullptr;
    return sink;
}

}  // namespace meridian::io

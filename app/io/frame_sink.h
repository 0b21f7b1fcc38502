// Where exported animation frames go: a folder of numbered PNGs, or ffmpeg
// (found on PATH, fed raw RGBA frames through a pipe) writing MP4 or GIF.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace meridian::io {

enum class FrameFormat { PngSequence, Mp4, Gif };

// From the output name: ".mp4" -> Mp4, ".gif" -> Gif, anything else (a folder) -> PNGs.
FrameFormat frameFormatFor(const std::filesystem::path& output);
// The ffmpeg executable on PATH, or empty.
std::string findFfmpeg();
// The ffmpeg command line for a format (for tests and error messages).
std::vector<std::string> ffmpegArguments(FrameFormat format, int width, int height, double fps,
                                         const std::string& output);

class FrameSink {
public:
    virtual ~FrameSink() = default;
    virtual bool write(const std::vector<std::uint8_t>& rgba, std::string* error) = 0;
    // Finishes the file; false with a reason when the encoder failed (a video is then not left
    // half-written under the output's name, and an older file of that name stays).
    virtual bool close(std::string* error) = 0;
    // Gives up (a cancelled export): an encoder is stopped and collected, its partial file removed.
    virtual void abort() {}
};

// Opens a sink; nullptr with a clear reason (e.g. "ffmpeg is not installed:
// install it (apt install ffmpeg) or export PNG frames to a folder").
std::unique_ptr<FrameSink> openFrameSink(const std::filesystem::path& output, int width, int height, double fps,
                                         std::string* error);

}  // namespace meridian::io

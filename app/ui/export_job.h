// Exporting animations: a time range played at a chosen pace, or a story with
// its glides and per-step durations, rendered frame by frame offscreen (by the
// caller, which owns the GL context) into PNG frames, MP4 or GIF.
//
// The job keeps its own view state (playhead, camera, story, filters) and
// swaps it into the AppContext only while one of its frames is rendered, so
// the user's view is untouched and the UI stays usable (progress, cancel).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "io/frame_sink.h"
#include "ui/app_context.h"

namespace meridian::ui {

struct ExportRequest {
    enum class Kind { Image, TimeRange, Story } kind = Kind::TimeRange;
    std::string output;  // Image: a .png; animations: .mp4, .gif, or a folder for PNG frames
    int widthPx = 1920, heightPx = 1080;
    double fps = 30;
    DaySpan range{0, 1};     // TimeRange
    double durationSec = 0;  // TimeRange: 0 = one second per year (5 s to 120 s)
    Index story = kNoIndex;  // Story
    std::string caption;
};

class ExportJob {
public:
    ExportJob();
    ~ExportJob();
    bool begin(AppContext& ctx, const ExportRequest& request, std::string* error);
    int frameCount() const { return m_frameCount; }
    int framesDone() const { return m_done; }
    bool finished() const { return m_done >= m_frameCount; }
    const ExportRequest& request() const { return m_request; }

    // Around rendering frame framesDone(): swap the export's state in, then out.
    void enterFrame(AppContext& ctx);
    void leaveFrame(AppContext& ctx);
    // The rendered frame (top row first); false with a reason on a write error.
    bool consume(const std::vector<std::uint8_t>& rgba, std::string* error);
    bool finish(std::string* error);
    void cancel();

private:
    struct State;
    std::unique_ptr<State> m_state;
    std::unique_ptr<io::FrameSink> m_sink;
    ExportRequest m_request;
    int m_frameCount = 0, m_done = 0;
};

}  // namespace meridian::ui

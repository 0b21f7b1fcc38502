// Exporting: the current view as a PNG, a time range played at a chosen pace,
// or a story with its glides and per-step durations, rendered frame by frame
// offscreen (by the caller, who owns the GL context) into PNG frames, MP4 or
// GIF. The job renders from its own copy of the Session, so the user's view
// is untouched and the UI stays usable (progress, cancel).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "io/frame_sink.h"
#include "session/session.h"

namespace meridian {

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
    // Starts from the user's session (camera, filters, trail); false with a reason.
    bool begin(const Session& user, const Document& doc, const ExportRequest& request, std::string* error);
    int frameCount() const { return m_frameCount; }
    int framesDone() const { return m_done; }
    bool finished() const { return m_done >= m_frameCount; }
    const ExportRequest& request() const { return m_request; }

    // The session to render frame framesDone() with: its virtual clock ticked,
    // the playhead placed. marginPx: room around events when a story frames them.
    Session& prepareFrame(const Document& doc, double marginPx);
    // The rendered frame (RGBA, top row first); false with a reason on a write error.
    bool consume(const std::vector<std::uint8_t>& rgba, std::string* error);
    bool finish(std::string* error);
    void cancel();

private:
    Session m_session;
    std::unique_ptr<io::FrameSink> m_sink;
    ExportRequest m_request;
    int m_frameCount = 0, m_done = 0;
};

}  // namespace meridian

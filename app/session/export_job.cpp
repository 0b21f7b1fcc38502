#include "session/export_job.h"

#include <algorithm>
#include <cmath>

#include "io/png_file.h"
#include "session/tick.h"

namespace meridian {

ExportJob::ExportJob() = default;
ExportJob::~ExportJob() = default;

bool ExportJob::begin(const Session& user, const Document& doc, const ExportRequest& r, std::string* error) {
    m_request = r;
    m_done = 0;
    if (!doc.hasData()) {
        *error = "no data loaded";
        return false;
    }
    const Dataset& ds = doc.data();
    // Start from the user's current view (camera, filters, trail), then set the export's time.
    Session& s = m_session;
    s = user;
    s.caption = r.caption;
    s.view.hovered = kNoIndex;
    s.view.playing = false;
    s.flight.reset();
    s.story.reset();
    s.pendingStory.reset();
    s.offscreen = true;
    s.clockSec = 0;
    s.mapViewport = geo::Viewport{static_cast<double>(r.widthPx), static_cast<double>(r.heightPx)};
    s.mapViewportKnown = true;
    s.windowSize = s.mapViewport;
    s.presenterFreeArea.reset();
    if (r.kind == ExportRequest::Kind::Image) {
        // The current view (playhead or window, camera, filters, selection), map only.
        s.mapOnly = true;
        m_frameCount = 1;
        return true;
    }
    s.view.selected = kNoIndex;
    s.selectedId.clear();
    s.view.window.reset();
    if (r.kind == ExportRequest::Kind::TimeRange) {
        if (r.range.last <= r.range.first) {
            *error = "the time range is empty (--to must be after --from)";
            return false;
        }
        const double years = static_cast<double>(r.range.length()) / 365.2425;
        m_request.durationSec = r.durationSec > 0 ? r.durationSec : std::clamp(years, 5.0, 120.0);
        m_frameCount = std::max(2, static_cast<int>(std::lround(m_request.durationSec * r.fps)));
        s.mapOnly = true;
    } else {
        if (r.story >= ds.stories.size()) {
            *error = "no such story";
            return false;
        }
        const Story& story = ds.stories[r.story];
        double total = 0;
        for (const StoryStep& step : story.steps) total += step.durationSec + StoryPlayback::kGlideSec;
        m_frameCount = std::max(1, static_cast<int>(std::lround(total * r.fps)));
        s.pendingStory = PendingStory{r.story, 0, true, true};
        s.mapOnly = false;
    }
    m_sink = io::openFrameSink(r.output, r.widthPx, r.heightPx, r.fps, error);
    return m_sink != nullptr;
}

Session& ExportJob::prepareFrame(const Document& doc, double marginPx) {
    Session& s = m_session;
    const double t = m_request.kind == ExportRequest::Kind::Image ? 100.0 : static_cast<double>(m_done) / m_request.fps;
    tick(s, doc, t, marginPx);
    if (m_request.kind == ExportRequest::Kind::TimeRange) {
        const double f = static_cast<double>(m_done) / static_cast<double>(m_frameCount - 1);
        const auto span = static_cast<double>(m_request.range.length());
        s.view.playheadDay = static_cast<double>(m_request.range.first) + span * f;
        s.view.growDays = std::max(1.0, span / m_request.durationSec * 0.6);
    } else if (s.story) {
        // Stories run on autoplay in virtual time: glides and durations as presented.
        s.story->autoplay = true;
        s.story->loop = false;
        s.story->presenting = true;
    }
    return s;
}

bool ExportJob::consume(const std::vector<std::uint8_t>& rgba, std::string* error) {
    if (m_request.kind == ExportRequest::Kind::Image) {
        if (!io::writePngRgba(m_request.output, m_request.widthPx, m_request.heightPx, rgba, error)) return false;
        ++m_done;
        return true;
    }
    if (!m_sink || !m_sink->write(rgba, error)) return false;
    ++m_done;
    return true;
}

bool ExportJob::finish(std::string* error) {
    if (m_request.kind == ExportRequest::Kind::Image) return m_done == 1;
    if (!m_sink) return false;
    const bool ok = m_sink->close(error);
    m_sink.reset();
    return ok;
}

void ExportJob::cancel() {
    if (m_sink) {
        std::string ignored;
        m_sink->close(&ignored);
        m_sink.reset();
    }
}

}  // namespace meridian

#include "ui/export_job.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "io/png_file.h"
#include "ui/story_player.h"

namespace meridian::ui {

// The parts of the context an export frame changes.
struct ExportJob::State {
    ViewState view;
    geo::CameraState camera;
    std::optional<CameraFlight> flight;
    std::shared_ptr<StoryPlayback> story;
    EventFilter filter;
    FilterResult filtered;
    std::uint64_t filterVersion = 0;
    bool mapOnly = false, fitRequested = false;
    std::string caption;
    double timeSec = 0;
    float narrationTopPx = 0, narrationRightPx = 0;
    std::optional<AppContext::PendingStory> pendingStory;
    bool fullscreen = false;
};

namespace {

void swapState(AppContext& ctx, ExportJob* /*unused*/, auto& s) {
    std::swap(ctx.view, s.view);
    std::swap(ctx.camera, s.camera);
    std::swap(ctx.flight, s.flight);
    std::swap(ctx.story, s.story);
    std::swap(ctx.filter, s.filter);
    std::swap(ctx.filtered, s.filtered);
    std::swap(ctx.filterVersion, s.filterVersion);
    std::swap(ctx.mapOnly, s.mapOnly);
    std::swap(ctx.fitRequested, s.fitRequested);
    std::swap(ctx.caption, s.caption);
    std::swap(ctx.timeSec, s.timeSec);
    std::swap(ctx.narrationTopPx, s.narrationTopPx);
    std::swap(ctx.narrationRightPx, s.narrationRightPx);
    std::swap(ctx.pendingStory, s.pendingStory);
    std::swap(ctx.fullscreen, s.fullscreen);
}

}  // namespace

ExportJob::ExportJob() = default;
ExportJob::~ExportJob() = default;

bool ExportJob::begin(AppContext& ctx, const ExportRequest& r, std::string* error) {
    m_request = r;
    m_done = 0;
    if (!ctx.hasDataset) {
        *error = "no data loaded";
        return false;
    }
    m_state = std::make_unique<State>();
    State& s = *m_state;
    // Start from the user's current view (camera, filters, trail), then set the export's time.
    s.view = ctx.view;
    s.camera = ctx.camera;
    s.filter = ctx.filter;
    s.filtered = ctx.filtered;
    s.filterVersion = ctx.filterVersion;
    s.caption = r.caption;
    s.view.selected = kNoIndex;
    s.view.hovered = kNoIndex;
    s.view.playing = false;
    s.view.window.reset();
    if (r.kind == ExportRequest::Kind::Image) {
        // The current view (playhead or window, camera, filters), map only, with caption and attribution.
        s.view.window = ctx.view.window;
        s.view.selected = ctx.view.selected;
        s.mapOnly = true;
        m_frameCount = 1;
        return true;
    }
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
        if (r.story >= ctx.dataset.stories.size()) {
            *error = "no such story";
            return false;
        }
        const Story& story = ctx.dataset.stories[r.story];
        double total = 0;
        for (const StoryStep& step : story.steps) total += step.durationSec + StoryPlayback::kGlideSec;
        m_frameCount = std::max(1, static_cast<int>(std::lround(total * r.fps)));
        s.pendingStory = AppContext::PendingStory{r.story, 0, true, true};
    }
    m_sink = io::openFrameSink(r.output, r.widthPx, r.heightPx, r.fps, error);
    return m_sink != nullptr;
}

void ExportJob::enterFrame(AppContext& ctx) {
    swapState(ctx, this, *m_state);
    const double t = static_cast<double>(m_done) / m_request.fps;
    ctx.timeSec = m_request.kind == ExportRequest::Kind::Image ? 100.0 : t;
    if (m_request.kind == ExportRequest::Kind::TimeRange) {
        const double f = static_cast<double>(m_done) / static_cast<double>(m_frameCount - 1);
        const double span = static_cast<double>(m_request.range.length());
        ctx.view.playheadDay = static_cast<double>(m_request.range.first) + span * f;
        ctx.view.growDays = std::max(1.0, span / m_request.durationSec * 0.6);
    } else if (ctx.story) {
        // Stories run on autoplay in virtual time: glides and durations as presented.
        ctx.story->autoplay = true;
        ctx.story->loop = false;
        ctx.story->presenting = true;
    }
}

void ExportJob::leaveFrame(AppContext& ctx) {
    swapState(ctx, this, *m_state);
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

}  // namespace meridian::ui

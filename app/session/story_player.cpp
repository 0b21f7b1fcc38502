#include "session/story_player.h"

#include <algorithm>
#include <cmath>

#include "geo/projection.h"
#include "session/filtering.h"
#include "session/shown_events.h"

namespace meridian {

geo::CameraState stepCamera(const Session& s, const Dataset& ds, const StoryStep& step, double marginPx) {
    geo::CameraState cam = s.camera;
    if (step.camera && !step.camera->projection.empty())
        if (const auto p = geo::parseProjection(step.camera->projection)) cam.projection = *p;
    if (step.camera) {
        cam.centerLonDeg = step.camera->centerLonDeg;
        cam.centerLatDeg = step.camera->centerLatDeg;
        cam.zoom = step.camera->zoom;
        return cam;
    }
    if (step.fitHighlighted) {
        const auto pts = placesOfEvents(ds, step.highlight);
        if (!pts.empty()) {
            // Presenting, the map fills the window and the narration card covers its lower
            // part (until the presenter has drawn one, assume the bottom 40 %).
            const geo::Viewport vp = s.presenting() ? s.windowSize : s.mapViewport;
            const geo::ScreenRect free =
                s.presenting() ? s.presenterFreeArea.value_or(geo::ScreenRect{0, 0, vp.widthPx, vp.heightPx * 0.6})
                               : geo::ScreenRect{0, 0, vp.widthPx, vp.heightPx};
            geo::CameraState fit = geo::fitToBoundsInRect(cam.projection, pts, vp, free, marginPx);
            // Keep some context around a single place (zooming out about the free area's centre).
            if (fit.zoom > 6.0)
                fit = geo::zoomAt(fit, vp, geo::ScreenPoint{(free.x0 + free.x1) / 2, (free.y0 + free.y1) / 2},
                                  6.0 / fit.zoom);
            return fit;
        }
    }
    return cam;
}

const StoryStep* currentStep(const Session& s, const Dataset& ds) {
    if (!s.story || s.story->story >= ds.stories.size()) return nullptr;
    const Story& story = ds.stories[s.story->story];
    if (s.story->step < 0 || static_cast<std::size_t>(s.story->step) >= story.steps.size()) return nullptr;
    return &story.steps[static_cast<std::size_t>(s.story->step)];
}

void goToStep(Session& s, const Dataset& ds, int step, bool instant, double marginPx) {
    if (!s.story || s.story->story >= ds.stories.size()) return;
    StoryPlayback& sp = *s.story;
    const Story& story = ds.stories[sp.story];
    if (story.steps.empty()) return;
    step = std::clamp(step, 0, static_cast<int>(story.steps.size()) - 1);
    sp.step = step;
    sp.stepStartSec = s.clockSec;
    const StoryStep& st = story.steps[static_cast<std::size_t>(step)];

    // What the step shows: its filter (on top of nothing: a story sets its own view).
    EventFilter f;
    f.categories = st.filterCategories;
    f.confidenceMask = st.filterConfidenceMask;
    s.filter = f;
    refilter(s, ds, s.filteredRevision);
    s.view.setHighlighted(st.highlight);
    s.view.selected = st.highlight.empty() ? kNoIndex : st.highlight.front();
    s.view.revealSelected = false;  // the step's own camera decides
    s.view.playing = false;

    // When: a window, or the playhead (gliding there).
    const std::optional<double> target = stepPlayheadDay(st);
    s.view.window = stepWindow(st);
    if (target) {
        if (instant) {
            s.view.playheadDay = *target;
            sp.glideStartSec = -1;
        } else {
            sp.glideFromDay = s.view.playheadDay;
            sp.glideToDay = *target;
            sp.glideStartSec = s.clockSec;
        }
    }
    // Where: the camera glides too.
    const geo::CameraState cam = stepCamera(s, ds, st, marginPx);
    sp.framedFor = s.presenting() ? s.presenterFreeArea : std::nullopt;
    sp.framedCamera = cam;
    if (instant) {
        s.camera = cam;
        s.flight.reset();
    } else {
        s.flight = CameraFlight{s.camera, cam, s.clockSec, StoryPlayback::kGlideSec};
    }
    s.fitRequested = false;
}

namespace {

bool sameCamera(const geo::CameraState& a, const geo::CameraState& b) {
    return a.projection == b.projection && std::abs(a.centerLonDeg - b.centerLonDeg) < 1e-9 &&
           std::abs(a.centerLatDeg - b.centerLatDeg) < 1e-9 && std::abs(a.zoom - b.zoom) < 1e-9;
}

bool sameRect(const std::optional<geo::ScreenRect>& a, const std::optional<geo::ScreenRect>& b) {
    if (!a || !b) return !a && !b;
    return std::abs(a->x0 - b->x0) < 2 && std::abs(a->y0 - b->y0) < 2 && std::abs(a->x1 - b->x1) < 2 &&
           std::abs(a->y1 - b->y1) < 2;
}

}  // namespace

void reframeStep(Session& s, const Dataset& ds, double marginPx) {
    if (!s.story || !s.presenting() || sameRect(s.story->framedFor, s.presenterFreeArea)) return;
    StoryPlayback& sp = *s.story;
    sp.framedFor = s.presenterFreeArea;
    const StoryStep* st = currentStep(s, ds);
    if (!st) return;
    const bool untouched = s.flight ? sameCamera(s.flight->to, sp.framedCamera) : sameCamera(s.camera, sp.framedCamera);
    if (!untouched) return;
    const geo::CameraState cam = stepCamera(s, ds, *st, marginPx);
    sp.framedCamera = cam;
    if (s.flight)
        s.flight->to = cam;
    else
        s.camera = cam;
}

void startStory(Session& s, const Dataset& ds, Index story, int step, bool present, bool instant, double marginPx) {
    if (story >= ds.stories.size()) return;
    if (!s.story) {
        s.story.emplace();
        s.story->savedFilter = s.filter;
    }
    s.story->story = story;
    s.story->presenting = present;
    goToStep(s, ds, step, instant, marginPx);
}

void stopStory(Session& s, const Dataset& ds) {
    if (!s.story) return;
    if (s.story->savedFilter) s.filter = *s.story->savedFilter;
    s.story.reset();
    refilter(s, ds, s.filteredRevision);
    s.view.setHighlighted({});
    s.view.window.reset();
}

}  // namespace meridian

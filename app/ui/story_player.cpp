#include "ui/story_player.h"

#include <algorithm>
#include <cmath>

#include "geo/projection.h"

namespace meridian::ui {

namespace {

std::vector<geo::LonLat> placesOf(const Dataset& ds, const std::vector<Index>& events) {
    std::vector<geo::LonLat> pts;
    for (Index e : events) {
        if (e >= ds.events.size()) continue;
        const Event& ev = ds.events[e];
        for (Index p : {ev.place, ev.from, ev.to})
            if (p != kNoIndex) pts.push_back({ds.places[p].lonDeg, ds.places[p].latDeg});
        for (Index v : ev.via) pts.push_back({ds.places[v].lonDeg, ds.places[v].latDeg});
    }
    return pts;
}

}  // namespace

geo::CameraState stepCamera(const AppContext& ctx, const StoryStep& step, const geo::Viewport& viewport) {
    geo::CameraState cam = ctx.camera;
    if (step.camera && !step.camera->projection.empty())
        if (const auto p = geo::parseProjection(step.camera->projection)) cam.projection = *p;
    if (step.camera) {
        cam.centerLonDeg = step.camera->centerLonDeg;
        cam.centerLatDeg = step.camera->centerLatDeg;
        cam.zoom = step.camera->zoom;
        return cam;
    }
    if (step.fitHighlighted) {
        const auto pts = placesOf(ctx.dataset, step.highlight);
        if (!pts.empty()) {
            geo::CameraState fit = geo::fitToBounds(cam.projection, pts, viewport, 90.0 * ctx.scale());
            fit.zoom = std::min(fit.zoom, 6.0);  // keep some context around a single place
            return fit;
        }
    }
    return cam;
}

void goToStep(AppContext& ctx, int step, bool instant) {
    if (!ctx.story || ctx.story->story >= ctx.dataset.stories.size()) return;
    StoryPlayback& sp = *ctx.story;
    const Story& story = ctx.dataset.stories[sp.story];
    if (story.steps.empty()) return;
    step = std::clamp(step, 0, static_cast<int>(story.steps.size()) - 1);
    sp.step = step;
    sp.stepStartSec = ctx.timeSec;
    const StoryStep& s = story.steps[static_cast<std::size_t>(step)];

    // What the step shows: its filter (on top of nothing: a story sets its own view).
    EventFilter f;
    f.categories = s.filterCategories;
    f.confidenceMask = s.filterConfidenceMask;
    ctx.filter = f;
    ctx.refilter();
    ctx.view.setHighlighted(s.highlight);
    ctx.view.selected = s.highlight.empty() ? kNoIndex : s.highlight.front();
    ctx.view.revealSelected = false;  // the step's own camera decides
    ctx.view.playing = false;

    // When: a window, or the playhead (gliding there).
    const std::optional<double> target = stepPlayheadDay(s);
    ctx.view.window = stepWindow(s);
    if (target) {
        if (instant) {
            ctx.view.playheadDay = *target;
            sp.glideStartSec = -1;
        } else {
            sp.glideFromDay = ctx.view.playheadDay;
            sp.glideToDay = *target;
            sp.glideStartSec = ctx.timeSec;
        }
    }
    // Where: the camera glides too.
    const geo::CameraState cam = stepCamera(ctx, s, ctx.lastMapViewport);
    if (instant) {
        ctx.camera = cam;
        ctx.flight.reset();
    } else {
        ctx.flight = CameraFlight{ctx.camera, cam, ctx.timeSec, StoryPlayback::kGlideSec};
    }
    ctx.fitRequested = false;
}

void startStory(AppContext& ctx, Index story, int step, bool present, bool instant) {
    if (story >= ctx.dataset.stories.size()) return;
    if (!ctx.story) {
        ctx.story = std::make_shared<StoryPlayback>();
        ctx.story->savedFilter = ctx.filter;
    }
    ctx.story->story = story;
    ctx.story->presenting = present;
    goToStep(ctx, step, instant);
}

void stopStory(AppContext& ctx) {
    if (!ctx.story) return;
    if (ctx.story->savedFilter) ctx.filter = *ctx.story->savedFilter;
    ctx.refilter();
    ctx.view.setHighlighted({});
    ctx.view.window.reset();
    ctx.story.reset();
}

void updateStory(AppContext& ctx, const geo::Viewport& mapViewport) {
    ctx.lastMapViewport = mapViewport;
    if (!ctx.story) return;
    StoryPlayback& sp = *ctx.story;
    if (sp.glideStartSec >= 0) {
        const double t = (ctx.timeSec - sp.glideStartSec) / StoryPlayback::kGlideSec;
        const double e = geo::easeSmoothstep(t);
        ctx.view.playheadDay = sp.glideFromDay + (sp.glideToDay - sp.glideFromDay) * e;
        // While gliding, arcs draw themselves as the playhead passes them.
        ctx.view.growDays = std::max(1.0, std::abs(sp.glideToDay - sp.glideFromDay) * 0.25);
        if (t >= 1) sp.glideStartSec = -1, ctx.view.growDays = 1;
    }
    if (sp.autoplay && sp.story < ctx.dataset.stories.size()) {
        const Story& story = ctx.dataset.stories[sp.story];
        const StoryStep& step = story.steps[static_cast<std::size_t>(sp.step)];
        if (ctx.timeSec - sp.stepStartSec >= step.durationSec + StoryPlayback::kGlideSec) {
            if (sp.step + 1 < static_cast<int>(story.steps.size()))
                goToStep(ctx, sp.step + 1, false);
            else if (sp.loop)
                goToStep(ctx, 0, false);
            else
                sp.autoplay = false;
        }
    }
}

}  // namespace meridian::ui

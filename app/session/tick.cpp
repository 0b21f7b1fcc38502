#include "session/tick.h"

#include <algorithm>
#include <cmath>

#include "geo/camera.h"
#include "session/filtering.h"
#include "session/story_player.h"

namespace meridian {

void syncWithDocument(Session& s, const Document& doc) {
    if (s.filteredRevision == doc.revision()) return;
    const Dataset& ds = doc.data();
    // The selection by id: edits renumber events, reloads replace them.
    if (s.view.selected != kNoIndex) {
        const bool same = s.view.selected < ds.events.size() && ds.events[s.view.selected].id == s.selectedId;
        if (!same) s.view.selected = s.selectedId.empty() ? kNoIndex : doc.findEvent(s.selectedId);
    }
    std::vector<Index> highlighted = s.view.highlighted;
    std::erase_if(highlighted, [&](Index e) { return e >= ds.events.size(); });
    if (highlighted != s.view.highlighted) s.view.setHighlighted(std::move(highlighted));
    if (s.story && s.story->story >= ds.stories.size()) s.story.reset();
    if (s.story) {
        const int steps = static_cast<int>(ds.stories[s.story->story].steps.size());
        if (steps == 0)
            s.story.reset();
        else
            s.story->step = std::clamp(s.story->step, 0, steps - 1);
    }
    s.view.hovered = kNoIndex;
    refilter(s, ds, doc.revision());
}

void rememberSelection(Session& s, const Dataset& ds) {
    if (s.view.selected < ds.events.size())
        s.selectedId = ds.events[s.view.selected].id;
    else
        s.selectedId.clear(), s.view.selected = kNoIndex;
}

namespace {

void advancePlayback(Session& s, const Dataset& ds) {
    ViewState& v = s.view;
    if (v.playing) {
        v.playheadDay += s.deltaSec * v.playSpeedDaysPerSec;
        const auto end = static_cast<double>(ds.extent.last);
        if (v.playheadDay >= end) {
            // Looping turns the playback into a kiosk: it starts over by itself.
            if (s.loopPlayback)
                v.playheadDay = static_cast<double>(ds.extent.first);
            else
                v.playheadDay = end, v.playing = false;
        }
    }
    // Arcs draw themselves over ~0.6 s of playback; when scrubbing they are drawn at once.
    v.growDays = v.playing ? std::max(1.0, v.playSpeedDaysPerSec * 0.6) : 1.0;
}

void advanceStory(Session& s, const Dataset& ds, double marginPx) {
    if (!s.story) return;
    StoryPlayback& sp = *s.story;
    if (sp.glideStartSec >= 0) {
        const double t = (s.clockSec - sp.glideStartSec) / StoryPlayback::kGlideSec;
        const double e = geo::easeSmoothstep(t);
        s.view.playheadDay = sp.glideFromDay + (sp.glideToDay - sp.glideFromDay) * e;
        // While gliding, arcs draw themselves as the playhead passes them.
        s.view.growDays = std::max(1.0, std::abs(sp.glideToDay - sp.glideFromDay) * 0.25);
        if (t >= 1) sp.glideStartSec = -1, s.view.growDays = 1;
    }
    const StoryStep* step = currentStep(s, ds);
    if (sp.autoplay && step && s.clockSec - sp.stepStartSec >= step->durationSec + StoryPlayback::kGlideSec) {
        const int steps = static_cast<int>(ds.stories[sp.story].steps.size());
        if (sp.step + 1 < steps)
            goToStep(s, ds, sp.step + 1, false, marginPx);
        else if (sp.loop)
            goToStep(s, ds, 0, false, marginPx);
        else
            sp.autoplay = false;
    }
}

// A claim and its answers go together: selecting one highlights the others on the
// map and the timeline (a story's own highlights win while it plays).
void linkAnswers(Session& s, const Document& doc) {
    if (s.story) {
        s.linkedFor = {kNoIndex, 0};
        return;
    }
    const std::pair<Index, std::uint64_t> key{s.view.selected, doc.revision()};
    if (key == s.linkedFor) return;
    s.linkedFor = key;
    const Dataset& ds = doc.data();
    std::vector<Index> linked;
    if (s.view.selected < ds.events.size()) {
        const Event& e = ds.events[s.view.selected];
        linked.insert(linked.end(), e.answers.begin(), e.answers.end());
        linked.insert(linked.end(), e.answeredBy.begin(), e.answeredBy.end());
        std::sort(linked.begin(), linked.end());
        linked.erase(std::unique(linked.begin(), linked.end()), linked.end());
    }
    if (linked != s.view.highlighted) s.view.setHighlighted(std::move(linked));
}

void advanceFlight(Session& s) {
    if (!s.flight) return;
    const double t = (s.clockSec - s.flight->startSec) / std::max(1e-3, s.flight->durationSec);
    s.camera = geo::interpolate(s.flight->from, s.flight->to, geo::easeSmoothstep(t));
    if (t >= 1.0) s.flight.reset();
}

}  // namespace

void tick(Session& s, const Document& doc, double nowSec, double marginPx) {
    const Dataset& ds = doc.data();
    // A long pause (a slow frame, a suspended laptop) is not a jump in the playback.
    s.deltaSec = std::clamp(nowSec - s.clockSec, 0.0, 0.25);
    s.clockSec = nowSec;
    syncWithDocument(s, doc);
    if (!doc.hasData()) return;
    if (s.pendingStory && s.mapViewportKnown) {
        const PendingStory p = *s.pendingStory;
        s.pendingStory.reset();
        startStory(s, ds, p.story, p.step, p.present, p.instant, marginPx);
    }
    advancePlayback(s, ds);
    advanceStory(s, ds, marginPx);
    linkAnswers(s, doc);
    advanceFlight(s);
}

double nextFrameDueSec(const Session& s, const Dataset& ds) {
    if (s.view.playing || s.flight || s.pendingStory) return s.clockSec;
    if (s.story && s.story->glideStartSec >= 0) return s.clockSec;
    if (s.story && s.story->autoplay)
        if (const StoryStep* step = currentStep(s, ds))
            return s.story->stepStartSec + step->durationSec + StoryPlayback::kGlideSec;
    return kNever;
}

}  // namespace meridian

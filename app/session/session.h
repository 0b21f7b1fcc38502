// The Session: everything a view looks at, in one value. Time (playhead,
// window, playback), selection and hover, the filter and its result, the
// camera and its flight, the map's layers, story playback, and how the frame
// is presented. Views read it and change it; they never call each other. An
// export renders from its own copy, so the user's view is never touched.
//
// Pure data (no ImGui, SDL or GL); session/tick advances it once per frame.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/event_filter.h"
#include "core/view_state.h"
#include "geo/camera.h"

namespace meridian {

// A smooth camera move (stories, "fit to events", following a selection).
struct CameraFlight {
    geo::CameraState from, to;
    double startSec = 0, durationSec = 0.8;
};

// Playing a story: its step, presenting or not, autoplay, the playhead's glide.
struct StoryPlayback {
    Index story = kNoIndex;
    int step = 0;
    bool presenting = false;
    bool autoplay = false;
    bool loop = true;
    double stepStartSec = 0;
    double glideFromDay = 0, glideToDay = 0, glideStartSec = -1;  // glideStartSec < 0: not gliding
    static constexpr double kGlideSec = 1.2;
    // The user's filter, restored when the story ends.
    std::optional<EventFilter> savedFilter;
    // What the step's framing was computed for: the free area the narration
    // card left and the camera it chose (reframeStep redoes it when the card
    // changes size, unless the presenter moved the map since).
    std::optional<geo::ScreenRect> framedFor;
    geo::CameraState framedCamera;
};

// A story to start as soon as the map knows its size (command line, exports).
struct PendingStory {
    Index story = kNoIndex;
    int step = 0;
    bool present = false;
    bool instant = false;
};

struct Session {
    // Time, selection, hover, highlights.
    ViewState view;
    std::string selectedId;  // the selected event's id, to find it again after edits renumber events
    // Outside a story the highlight is the selected claim's answers (and the claims a
    // selected answer answers): computed for this selection at this revision.
    std::pair<Index, std::uint64_t> linkedFor{kNoIndex, 0};
    bool loopPlayback = false;  // playback starts over at the end (kiosk, lobby screen)

    // The filter and the mask it gives (one byte per event).
    EventFilter filter;
    FilterResult filtered;
    // Changes whenever `filtered` changes: views key their caches on it (and on
    // the document's revision). Unique across sessions (exports copy sessions).
    std::uint64_t filterStamp = 0;
    std::uint64_t filteredRevision = 0;  // the document revision `filtered` was computed for

    // The map.
    geo::CameraState camera;
    std::optional<CameraFlight> flight;
    bool fitRequested = true;  // frame the shown events on the next map frame
    MapLayers layers;
    geo::Viewport mapViewport{1280, 720};  // the map's size in the last frame
    bool mapViewportKnown = false;         // a map was drawn: stories can frame their events
    geo::Viewport windowSize{1600, 900};   // the whole window (presenter mode's map fills it)
    // Presenting: the part of the map the narration card and the legend leave
    // free (window pixels), as drawn last frame; stories frame their events in it.
    std::optional<geo::ScreenRect> presenterFreeArea;

    // Stories.
    std::optional<StoryPlayback> story;
    std::optional<PendingStory> pendingStory;

    // The frame's clock: wall time, or virtual time in exports and screenshots.
    double clockSec = 0;
    double deltaSec = 0;  // since the previous frame (clamped)

    // How the frame is presented.
    bool mapOnly = false;    // only the map fills the window (exports, map-only screenshots)
    std::string caption;     // shown on map-only images
    bool offscreen = false;  // rendered offscreen: wait for background work instead of showing "loading"
    // The presenter's narration card, as drawn last frame (map labels avoid it).
    float narrationTopPx = 0, narrationRightPx = 0;

    bool isShown(Index e) const { return e < filtered.mask.size() ? filtered.mask[e] != 0 : true; }
    bool presenting() const { return story && story->presenting; }
};

// A new stamp for Session::filterStamp (process-wide, never repeats).
std::uint64_t nextFilterStamp();

}  // namespace meridian

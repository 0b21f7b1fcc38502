// Playing a story: moving to a step glides the playhead and the camera there
// (a fixed 1.2 s, eased: no motion sickness), highlights the step's events and
// applies its filter; presenter mode shows it full screen; autoplay advances
// by itself (per-step durations, optionally looping) for a kiosk.
#pragma once

#include <optional>

#include "ui/app_context.h"

namespace meridian::ui {

struct StoryPlayback {
    Index story = kNoIndex;
    int step = 0;
    bool presenting = false;
    bool autoplay = false;
    bool loop = true;
    double stepStartSec = 0;
    // The playhead's glide to the step's time.
    double glideFromDay = 0, glideToDay = 0, glideStartSec = -1;
    static constexpr double kGlideSec = 1.2;
    // The user's filter, restored when the story ends.
    std::optional<EventFilter> savedFilter;
};

// Starts a story at a step (0-based). instant: no glide (headless renders).
void startStory(AppContext& ctx, Index story, int step, bool present, bool instant);
void goToStep(AppContext& ctx, int step, bool instant);
void stopStory(AppContext& ctx);
// Per frame: glides, autoplay; the viewport is the map's size (for "fit").
void updateStory(AppContext& ctx, const geo::Viewport& mapViewport);
// The camera a step asks for, in the map's viewport.
geo::CameraState stepCamera(const AppContext& ctx, const StoryStep& step, const geo::Viewport& viewport);

}  // namespace meridian::ui

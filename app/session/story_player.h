// Playing a story: moving to a step glides the playhead and the camera there
// (a fixed 1.2 s, eased: no motion sickness), highlights the step's events and
// applies its filter; autoplay advances by itself (per-step durations,
// optionally looping) for a kiosk. The glides and autoplay advance in
// session/tick, whichever panels are drawn.
#pragma once

#include "core/document.h"
#include "session/session.h"

namespace meridian {

// marginPx: room around the highlighted events when a step frames them.
void startStory(Session& s, const Dataset& ds, Index story, int step, bool present, bool instant, double marginPx = 90);
void goToStep(Session& s, const Dataset& ds, int step, bool instant, double marginPx = 90);
void stopStory(Session& s, const Dataset& ds);
// The camera a step asks for, in the session's map viewport.
geo::CameraState stepCamera(const Session& s, const Dataset& ds, const StoryStep& step, double marginPx);
// Frames the current step again when the area the narration card leaves free
// has changed since it was framed (the card is sized after the step starts: a
// longer narration, a smaller screen), unless the map was moved by hand since.
void reframeStep(Session& s, const Dataset& ds, double marginPx);
// The current step, or nullptr.
const StoryStep* currentStep(const Session& s, const Dataset& ds);

}  // namespace meridian

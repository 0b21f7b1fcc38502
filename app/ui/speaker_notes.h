// Presenter mode's speaker view: the current step's narration, the next step
// and a clock, in a second window (on the second display when there is one).
#pragma once

#include "core/dataset.h"
#include "session/session.h"

namespace meridian::ui {

// Draws the speaker view into the current ImGui context (the second window's).
void drawSpeakerNotes(const Dataset& ds, const Session& s, double presentationStartSec);

}  // namespace meridian::ui

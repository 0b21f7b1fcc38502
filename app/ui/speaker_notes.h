// Presenter mode's speaker view: the current step's narration, the next step
// and a clock, in a second window (on the second display when there is one).
#pragma once

#include "ui/app_context.h"

namespace meridian::ui {

// Draws the speaker view into the current ImGui context (the second window's).
void drawSpeakerNotes(const AppContext& ctx, double presentationStartSec);

}  // namespace meridian::ui

// Presenter mode: the map full screen (the main window lays it out), chrome
// hidden, the step's title and narration in large type, a discreet step
// counter. A clicker's PageDown / PageUp (and → ← Space Enter) move between
// steps; Home goes to the first, A toggles autoplay, L the legend, Esc leaves.
#pragma once

#include "ui/context.h"

namespace meridian::ui {

class Presenter {
public:
    // Keys of the presentation (not in offscreen renders).
    void handleKeys(Context& c);
    // The narration card and the step counter over the map.
    void drawNarration(Context& c);
};

}  // namespace meridian::ui

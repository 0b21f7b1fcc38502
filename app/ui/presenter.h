// Presenter mode: the map full screen (the main window lays it out), chrome
// hidden, the step's title and narration in large type, a discreet step
// counter. A clicker's PageDown / PageUp (and → ← Space Enter) move between
// steps; Home goes to the first, A toggles autoplay, L the legend, Esc leaves.
#pragma once

#include <utility>

#include "ui/context.h"

namespace meridian::ui {

class Presenter {
public:
    // Keys of the presentation (not in offscreen renders).
    void handleKeys(Context& c);
    // The narration card and the step counter over the map.
    void drawNarration(Context& c);

private:
    // The type size chosen for the current step's card (0 = largest), kept
    // while the step shows so the card does not flicker between sizes.
    std::pair<Index, int> m_sizedFor{kNoIndex, -1};
    int m_sizeLevel = -1;
    int m_framesSized = 0;  // frames drawn at this step (a new card's first frames do not know its size)
};

}  // namespace meridian::ui

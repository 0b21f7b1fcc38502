// What advances the session once per frame, before any view draws (one clock
// per frame: the map and the timeline always show the same instant).
#pragma once

#include <limits>

#include "core/document.h"
#include "session/session.h"

namespace meridian {

// After the document changed (edit, undo, reload): finds the selection again
// by id, drops stale highlights and story positions, and refilters.
void syncWithDocument(Session& s, const Document& doc);
// Remembers the selected event's id (call after the views ran).
void rememberSelection(Session& s, const Dataset& ds);

// Advances the clock to nowSec, then playback, story glides and autoplay,
// camera flights, and starts a pending story once the map's size is known.
// marginPx: room around events when a story step frames them.
void tick(Session& s, const Document& doc, double nowSec, double marginPx);

// When the session next needs a frame by itself: now (clockSec) while something
// moves, a later time for autoplay's next step, or +infinity when at rest.
double nextFrameDueSec(const Session& s, const Dataset& ds);
inline constexpr double kNever = std::numeric_limits<double>::infinity();

}  // namespace meridian

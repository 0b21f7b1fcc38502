// The timeline in editing mode: an event dragged along its lane changes its
// date (snapped to its own precision; Shift keeps the day of the month), the
// end of a span dragged changes `end`, and a double-click on an empty spot of
// a lane adds an event there (that day, that lane's category). Each drag is
// one undoable edit ("move Khojir"). The panel calls these from its input code.
#pragma once

#include <cstdint>

#include "ui/context.h"

namespace meridian::ui {

struct TimelineEventDrag {
    Index event = kNoIndex;
    bool end = false;     // dragging the end of a span
    double grabDays = 0;  // where on the event it was taken (days after its first day)
    std::uint64_t serial = 0;
    bool moved = false;
    bool active() const { return event != kNoIndex; }
};

// A press on an event: a drag of its end when the press is within
// endTolerancePx of a span's end (pxPerDay converts), else of the whole event.
void beginEventDrag(TimelineEventDrag& drag, const Event& e, Index index, double mouseDay, double pxPerDay,
                    double endTolerancePx);
// The mouse moved while dragging: applies the snapped date (merged into one history entry per drag).
void continueEventDrag(Context& c, TimelineEventDrag& drag, double mouseDay, bool keepDay);
// A double-click on an empty spot of a lane: a new event, selected.
void addEventOnLane(Context& c, double day, Index category);

}  // namespace meridian::ui

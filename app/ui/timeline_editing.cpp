#include "ui/timeline_editing.h"

#include <cmath>
#include <string>

#include "session/editing.h"

namespace meridian::ui {

void beginEventDrag(TimelineEventDrag& drag, const Event& e, Index index, double mouseDay, double pxPerDay,
                    double endTolerancePx) {
    drag.event = index;
    drag.moved = false;
    ++drag.serial;
    const DaySpan span = e.span();
    const double endPx = (static_cast<double>(span.last) - mouseDay) * pxPerDay;
    drag.end = e.end.has_value() && std::abs(endPx) <= endTolerancePx;
    drag.grabDays = mouseDay - static_cast<double>(span.first);
}

void continueEventDrag(Context& c, TimelineEventDrag& drag, double mouseDay, bool keepDay) {
    const Dataset& ds = c.data();
    if (drag.event >= ds.events.size()) return;
    const Event& e = ds.events[drag.event];
    Event after = drag.end ? withEndAt(e, mouseDay) : movedEvent(e, mouseDay - drag.grabDays, keepDay);
    if (after == e) return;
    drag.moved = true;
    const std::string name = (drag.end ? "change the end of " : "move ") + recordLabel(e);
    const std::string key = "timeline-drag:" + e.id + ":" + std::to_string(drag.serial);
    c.doc.apply(Edit::replace(ds, drag.event, std::move(after), name), nullptr, key);
}

void addEventOnLane(Context& c, double day, Index category) {
    const auto d = static_cast<DayNumber>(std::floor(day));
    if (c.doc.apply(addEventEdit(c.doc, d, category)))
        c.session.view.select(static_cast<Index>(c.data().events.size() - 1));
}

}  // namespace meridian::ui

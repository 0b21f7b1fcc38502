// Messages about what went wrong outside the data: a map or font file missing
// or damaged, settings or a recovery copy that cannot be written, a second
// window that cannot open. Each is printed on stderr once and kept in a list
// the menu bar shows ("⚠ 2 messages") until the user dismisses it: a teacher
// who started Meridian from a desktop icon has no terminal to read.
#pragma once

#include <string>
#include <vector>

namespace meridian::ui {

struct Context;

struct Alerts {
    std::vector<std::string> items;      // oldest first; each text once
    std::vector<std::string> dismissed;  // not shown again (a settings write that keeps failing)
    bool open = false;                   // the list is shown
    bool unseen = false;                 // a message arrived since the list was last shown

    // Adds a message (printed on stderr as "meridian: TEXT"); one already in
    // the list, or dismissed, is neither added nor printed again (a write
    // retried every second).
    bool add(std::string text);
    void dismissAll();
};

// The menu bar's "⚠ N messages" button (nothing when there are none).
void drawAlertsButton(Context& c);
// The list, while open: each message, Copy and Dismiss all.
void drawAlertsWindow(Context& c);

}  // namespace meridian::ui

// "Save the changes before ...?": asked when something would drop unsaved
// changes (quit, open another file, reload, a new dataset). Save / Don't save /
// Cancel; the app carries out the choice (ui/app.cpp), and what was asked for
// happens only after a successful save or an explicit "Don't save".
#pragma once

#include <functional>
#include <string>

#include "ui/context.h"

namespace meridian::ui {

enum class UnsavedChoice { None, Save, DontSave, Cancel };

class UnsavedChangesPrompt {
public:
    // what: the action in words ("quit", "open another file"); then: runs once
    // the changes are saved or dropped.
    void ask(std::string what, std::function<void()> then);
    bool isOpen() const { return m_open; }
    // Draws the modal; returns the choice in the frame it was made (the prompt closes).
    UnsavedChoice draw(Context& c);
    // What to run after a Save or Don't save (taken: runs once).
    std::function<void()> takeContinuation();

private:
    bool m_open = false;
    std::string m_what;
    std::function<void()> m_then;
};

}  // namespace meridian::ui

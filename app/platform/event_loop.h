// The interactive loop: wait for input (no frames while nothing changes),
// queue it so no keypress is lost however slow a frame is, draw, and between
// frames step exports, check the file for changes once a second and keep the
// settings saved.
#pragma once

#include <string>

#include "platform/window.h"
#include "ui/app.h"

namespace meridian::platform {

struct LoopOptions {
    bool forceSpeakerNotes = false;  // the speaker view even on one display
    bool saveSettings = true;
    // UI tests: the state report (ui/reports.h) rewritten after every frame
    // drawn, so a test can read where controls are and what changed.
    std::string stateReport;
};

void runEventLoop(ui::App& app, Window& window, const LoopOptions& options);

}  // namespace meridian::platform

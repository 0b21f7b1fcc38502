// The interactive loop: wait for input (no frames while nothing changes),
// queue it so no keypress is lost however slow a frame is, draw, and between
// frames step exports, check the file for changes once a second and keep the
// settings saved.
#pragma once

#include "platform/window.h"
#include "ui/app.h"

namespace meridian::platform {

struct LoopOptions {
    bool forceSpeakerNotes = false;  // the speaker view even on one display
    bool saveSettings = true;
};

void runEventLoop(ui::App& app, Window& window, const LoopOptions& options);

}  // namespace meridian::platform

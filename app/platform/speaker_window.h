// The speaker view's second window (its own ImGui context, sharing the GL
// context), opened while presenting when there are two displays or when asked.
// Keys typed in it still drive the presentation (the app routes them to the
// main queue); its mouse and window events are its own.
#pragma once

#include <SDL.h>
#include <imgui.h>

#include <string>
#include <utility>

#include "core/dataset.h"
#include "platform/window.h"
#include "session/session.h"

namespace meridian::platform {

class SpeakerWindow {
public:
    ~SpeakerWindow();
    // Opens or closes it to match whether a story is presented.
    void update(Window& main, bool presenting, bool forced, double nowSec);
    bool isOpen() const { return m_window != nullptr; }
    // Mouse and window events of the speaker window: taken (true) or not its own (false).
    bool handleEvent(Window& main, const SDL_Event& e);
    void draw(Window& main, const Dataset& ds, const Session& s);
    // Why the window could not open, once ("" otherwise).
    std::string takeError() { return std::exchange(m_error, {}); }

private:
    void open(Window& main, double nowSec);
    void close(Window& main);
    SDL_Window* m_window = nullptr;
    ImGuiContext* m_imgui = nullptr;
    double m_startSec = 0;
    std::string m_error;
    bool m_dismissed = false;  // closed by the user: not reopened during this presentation
};

}  // namespace meridian::platform

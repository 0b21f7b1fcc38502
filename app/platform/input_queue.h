// Input that is never lost or reordered, whatever the frame rate.
//
// Dear ImGui 1.86 (Debian's) has no input queue: it sees one state per frame
// (which keys are down, where the mouse is), and its SDL backend reads the
// mouse from SDL's live state. On a slow frame a key pressed and released
// between two frames (a clicker, fast typing, Ctrl+Q) would never be seen as
// pressed, and typed characters would be applied before keys typed earlier
// (InputText takes the frame's characters first, then Backspace).
//
// So every key, text and mouse event SDL delivers waits here, in order, and
// each frame takes the longest prefix that one frame can show faithfully: at
// most one transition per key and per mouse button, no character after an
// editing key (Backspace, arrows, a Ctrl chord), no pointer move after a click
// or wheel in the same frame. The rest waits for the next frame, which the app
// draws at once while the queue is not empty.
#pragma once

#include <SDL.h>
#include <imgui.h>

#include <bitset>
#include <cstddef>
#include <deque>

namespace meridian::platform {

// Does the event belong in the queue (keys, text, mouse, leaving the window)?
bool isQueuedInput(const SDL_Event& e);

class InputQueue {
public:
    void push(const SDL_Event& e);
    bool empty() const { return m_events.empty(); }
    std::size_t size() const { return m_events.size(); }
    // Applies one frame's worth of events to io. Call after the backend's
    // NewFrame (which writes SDL's live mouse state) and before ImGui::NewFrame.
    // Returns how many events the frame took. holdText: a text field is being
    // focused and is not active yet (its first frame would drop characters):
    // typed text waits.
    std::size_t feedFrame(ImGuiIO& io, bool holdText = false);

private:
    std::deque<SDL_Event> m_events;
    // Our own view of the pointer and modifiers (SDL's live state runs ahead of the queue).
    ImVec2 m_mouse{-FLT_MAX, -FLT_MAX};
    bool m_buttons[5] = {};
    Uint16 m_mods = 0;
};

}  // namespace meridian::platform

#include "platform/input_queue.h"

#include <cfloat>

namespace meridian::platform {

namespace {

bool isModifier(SDL_Scancode sc) {
    switch (sc) {
        case SDL_SCANCODE_LCTRL:
        case SDL_SCANCODE_RCTRL:
        case SDL_SCANCODE_LSHIFT:
        case SDL_SCANCODE_RSHIFT:
        case SDL_SCANCODE_LALT:
        case SDL_SCANCODE_RALT:
        case SDL_SCANCODE_LGUI:
        case SDL_SCANCODE_RGUI:
            return true;
        default:
            return false;
    }
}

// Keys a text field acts on (so characters typed after them must wait a frame).
bool isEditingKey(SDL_Scancode sc, Uint16 mods) {
    if (mods & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)) return !isModifier(sc);
    switch (sc) {
        case SDL_SCANCODE_BACKSPACE:
        case SDL_SCANCODE_DELETE:
        case SDL_SCANCODE_LEFT:
        case SDL_SCANCODE_RIGHT:
        case SDL_SCANCODE_UP:
        case SDL_SCANCODE_DOWN:
        case SDL_SCANCODE_HOME:
        case SDL_SCANCODE_END:
        case SDL_SCANCODE_PAGEUP:
        case SDL_SCANCODE_PAGEDOWN:
        case SDL_SCANCODE_RETURN:
        case SDL_SCANCODE_KP_ENTER:
        case SDL_SCANCODE_TAB:
        case SDL_SCANCODE_ESCAPE:
        case SDL_SCANCODE_INSERT:
            return true;
        default:
            return false;
    }
}

int buttonIndex(Uint8 button) {
    switch (button) {
        case SDL_BUTTON_LEFT:
            return 0;
        case SDL_BUTTON_RIGHT:
            return 1;
        case SDL_BUTTON_MIDDLE:
            return 2;
        case SDL_BUTTON_X1:
            return 3;
        case SDL_BUTTON_X2:
            return 4;
        default:
            return -1;
    }
}

void setModifiers(ImGuiIO& io, Uint16 mods) {
    io.KeyCtrl = (mods & KMOD_CTRL) != 0;
    io.KeyShift = (mods & KMOD_SHIFT) != 0;
    io.KeyAlt = (mods & KMOD_ALT) != 0;
    io.KeySuper = (mods & KMOD_GUI) != 0;
}

}  // namespace

bool isQueuedInput(const SDL_Event& e) {
    switch (e.type) {
        case SDL_KEYDOWN:
        case SDL_KEYUP:
        case SDL_TEXTINPUT:
        case SDL_MOUSEMOTION:
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
        case SDL_MOUSEWHEEL:
            return true;
        case SDL_WINDOWEVENT:
            return e.window.event == SDL_WINDOWEVENT_LEAVE;
        default:
            return false;
    }
}

void InputQueue::push(const SDL_Event& e) {
    // SDL's X11 backend reports a release and a press with the same timestamp
    // (a held key's auto-repeat, but also two presses sent at once, as a
    // clicker or xdotool can) as one "repeat" press. Each is a press: an up
    // then a down, so the UI counts every one (and ImGui's own repeat timer,
    // which needs the key held across frames, never doubles them).
    if (e.type == SDL_KEYDOWN && e.key.repeat) {
        SDL_Event up = e;
        up.type = SDL_KEYUP;
        up.key.state = SDL_RELEASED;
        up.key.repeat = 0;
        m_events.push_back(up);
        SDL_Event down = e;
        down.key.repeat = 0;
        m_events.push_back(down);
        return;
    }
    m_events.push_back(e);
}

std::size_t InputQueue::feedFrame(ImGuiIO& io, bool holdText) {
    std::bitset<SDL_NUM_SCANCODES> keyTouched;
    bool buttonTouched[5] = {};
    bool editingKeyDown = false, keyPressed = false, pointerEvent = false;
    std::size_t taken = 0;
    while (!m_events.empty()) {
        const SDL_Event& e = m_events.front();
        bool stop = false;
        switch (e.type) {
            case SDL_KEYDOWN:
            case SDL_KEYUP: {
                const SDL_Scancode sc = e.key.keysym.scancode;
                if (sc < 0 || sc >= SDL_NUM_SCANCODES) break;
                // A modifier let go after a key pressed in this frame waits a frame, so
                // the chord (Ctrl+Q typed fast, Ctrl released first) is seen whole.
                if (keyTouched[sc] || (keyPressed && isModifier(sc) && e.type == SDL_KEYUP)) {
                    stop = true;
                    break;
                }
                keyTouched[sc] = true;
                if (e.type == SDL_KEYDOWN && !isModifier(sc)) keyPressed = true;
                io.KeysDown[sc] = e.type == SDL_KEYDOWN;
                m_mods = e.key.keysym.mod;
                if (e.type == SDL_KEYDOWN && isEditingKey(sc, m_mods)) editingKeyDown = true;
                break;
            }
            case SDL_TEXTINPUT:
                if (editingKeyDown || holdText) {
                    stop = true;
                    break;
                }
                io.AddInputCharactersUTF8(e.text.text);
                break;
            case SDL_MOUSEMOTION:
                if (pointerEvent) {
                    stop = true;  // the click or wheel happens where the pointer was
                    break;
                }
                m_mouse = ImVec2(static_cast<float>(e.motion.x), static_cast<float>(e.motion.y));
                break;
            case SDL_MOUSEBUTTONDOWN:
            case SDL_MOUSEBUTTONUP: {
                const int b = buttonIndex(e.button.button);
                if (b < 0) break;
                if (buttonTouched[b]) {
                    stop = true;
                    break;
                }
                buttonTouched[b] = true;
                pointerEvent = true;
                m_buttons[b] = e.type == SDL_MOUSEBUTTONDOWN;
                m_mouse = ImVec2(static_cast<float>(e.button.x), static_cast<float>(e.button.y));
                break;
            }
            case SDL_MOUSEWHEEL:
                pointerEvent = true;
                if (e.wheel.x > 0) io.MouseWheelH += 1;
                if (e.wheel.x < 0) io.MouseWheelH -= 1;
                if (e.wheel.y > 0) io.MouseWheel += 1;
                if (e.wheel.y < 0) io.MouseWheel -= 1;
                break;
            case SDL_WINDOWEVENT:  // the pointer left the window
                if (pointerEvent) {
                    stop = true;
                    break;
                }
                m_mouse = ImVec2(-FLT_MAX, -FLT_MAX);
                break;
            default:
                break;
        }
        if (stop) break;
        m_events.pop_front();
        ++taken;
    }
    // A held key repeats through the system's own repeat events (each one a
    // press, above), never through ImGui's timer: that timer counts frame time,
    // so a slow frame while a key is down (or a release the system never
    // sent: SDL's X11 backend drops some when presses come within a
    // millisecond) would add presses nobody made. Mouse "repeat" buttons
    // (an InputScalar's -/+) stop repeating too.
    io.KeyRepeatDelay = FLT_MAX;
    io.MousePos = m_mouse;
    for (int b = 0; b < 5; ++b) io.MouseDown[b] = m_buttons[b];
    setModifiers(io, m_mods);
    return taken;
}

}  // namespace meridian::platform

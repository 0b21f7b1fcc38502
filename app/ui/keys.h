// Keyboard shortcuts. ImGui 1.86 (Debian's) indexes keys by the backend's
// SDL scancodes; this maps the keys Meridian uses, so panels say
// keyPressed(Key::F) and never touch scancodes.
#pragma once

#include <SDL_scancode.h>
#include <imgui.h>

namespace meridian::ui {

enum class Key : int {
    Left = SDL_SCANCODE_LEFT,
    Right = SDL_SCANCODE_RIGHT,
    Up = SDL_SCANCODE_UP,
    Down = SDL_SCANCODE_DOWN,
    Home = SDL_SCANCODE_HOME,
    End = SDL_SCANCODE_END,
    PageUp = SDL_SCANCODE_PAGEUP,
    PageDown = SDL_SCANCODE_PAGEDOWN,
    Space = SDL_SCANCODE_SPACE,
    Escape = SDL_SCANCODE_ESCAPE,
    Enter = SDL_SCANCODE_RETURN,
    Delete = SDL_SCANCODE_DELETE,
    F = SDL_SCANCODE_F,
    R = SDL_SCANCODE_R,
    Q = SDL_SCANCODE_Q,
    O = SDL_SCANCODE_O,
    S = SDL_SCANCODE_S,
    W = SDL_SCANCODE_W,
    A = SDL_SCANCODE_A,
    D = SDL_SCANCODE_D,
    P = SDL_SCANCODE_P,
    L = SDL_SCANCODE_L,
    E = SDL_SCANCODE_E,
    B = SDL_SCANCODE_B,
    Z = SDL_SCANCODE_Z,
    Y = SDL_SCANCODE_Y,
    N = SDL_SCANCODE_N,
    Equals = SDL_SCANCODE_EQUALS,
    Minus = SDL_SCANCODE_MINUS,
    KeypadPlus = SDL_SCANCODE_KP_PLUS,
    KeypadMinus = SDL_SCANCODE_KP_MINUS,
    F1 = SDL_SCANCODE_F1,
    F2 = SDL_SCANCODE_F2,
    F5 = SDL_SCANCODE_F5,
    F6 = SDL_SCANCODE_F6,
    F11 = SDL_SCANCODE_F11,
    Digit0 = SDL_SCANCODE_0,
    Digit1 = SDL_SCANCODE_1,
    Digit9 = SDL_SCANCODE_9,
};

inline bool keyPressed(Key k, bool repeat = true) {
    return ImGui::IsKeyPressed(static_cast<int>(k), repeat);
}
inline bool keyDown(Key k) {
    return ImGui::IsKeyDown(static_cast<int>(k));
}
inline bool ctrlDown() {
    return ImGui::GetIO().KeyCtrl;
}
inline bool shiftDown() {
    return ImGui::GetIO().KeyShift;
}
// No text field has the keyboard: single-key shortcuts may act.
inline bool shortcutsAllowed() {
    return !ImGui::GetIO().WantTextInput;
}
// The arrows, Space, Home and End belong to the timeline and the presenter
// unless the user switched to moving through controls with the keyboard (F6).
inline bool playbackKeysAllowed() {
    return shortcutsAllowed() && !(ImGui::GetIO().ConfigFlags & ImGuiConfigFlags_NavEnableKeyboard);
}

}  // namespace meridian::ui

// The input queue with a real ImGui context (no window, no GL): every press
// SDL delivers is seen by ImGui exactly once, whatever the frame time.
#include <doctest.h>
#include <imgui.h>

#include <string>
#include <vector>

#include "platform/input_queue.h"

using meridian::platform::InputQueue;

namespace {

SDL_Event key(Uint32 type, SDL_Scancode sc, bool repeat = false) {
    SDL_Event e{};
    e.type = type;
    e.key.type = type;
    e.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.key.repeat = repeat ? 1 : 0;
    e.key.keysym.scancode = sc;
    return e;
}

SDL_Event text(const char* s) {
    SDL_Event e{};
    e.type = SDL_TEXTINPUT;
    std::snprintf(e.text.text, sizeof e.text.text, "%s", s);
    return e;
}

struct ImGuiFixture {
    ImGuiFixture() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(800, 600);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    }
    ~ImGuiFixture() { ImGui::DestroyContext(); }
};

struct Presses {
    int next = 0, prior = 0, frames = 0;
};

// Runs frames of dt seconds until the queue is empty, counting the presses
// the presenter would see (ImGui::IsKeyPressed with repeat, as it asks).
Presses drain(InputQueue& q, float dt) {
    Presses p;
    ImGuiIO& io = ImGui::GetIO();
    for (int guard = 0; guard < 10000 && (!q.empty() || p.frames < 2); ++guard) {
        io.DeltaTime = dt;
        q.feedFrame(io);
        ImGui::NewFrame();
        if (ImGui::IsKeyPressed(SDL_SCANCODE_PAGEDOWN, true)) ++p.next;
        if (ImGui::IsKeyPressed(SDL_SCANCODE_PAGEUP, true)) ++p.prior;
        ImGui::Render();
        ++p.frames;
    }
    return p;
}

}  // namespace

TEST_CASE("clicker presses within a millisecond, one release missing, slow frames: each press counted once") {
    ImGuiFixture imgui;
    InputQueue q;
    // What SDL's X11 backend delivered for 9 PageDown and 9 PageUp presses sent at
    // once (tests/ui/input_under_load.sh with MERIDIAN_INPUT_TRACE): the presses
    // after the first come as "repeat" presses, and the last PageDown's release
    // is missing before the first PageUp.
    q.push(key(SDL_KEYDOWN, SDL_SCANCODE_PAGEDOWN));
    for (int i = 0; i < 8; ++i) q.push(key(SDL_KEYDOWN, SDL_SCANCODE_PAGEDOWN, true));
    q.push(key(SDL_KEYDOWN, SDL_SCANCODE_PAGEUP));
    for (int i = 0; i < 8; ++i) q.push(key(SDL_KEYDOWN, SDL_SCANCODE_PAGEUP, true));
    q.push(key(SDL_KEYUP, SDL_SCANCODE_PAGEUP));
    for (int i = 0; i < 3; ++i) q.push(key(SDL_KEYDOWN, SDL_SCANCODE_PAGEDOWN, true));
    q.push(key(SDL_KEYUP, SDL_SCANCODE_PAGEDOWN));
    for (float dt : {1.0f / 60, 0.3f, 1.5f}) {
        SUBCASE(("frames of " + std::to_string(dt) + " s").c_str()) {
            const Presses p = drain(q, dt);
            CHECK(p.next == 12);
            CHECK(p.prior == 9);
        }
    }
}

TEST_CASE("a key held across slow frames is one press; the system's repeats are more") {
    ImGuiFixture imgui;
    InputQueue q;
    q.push(key(SDL_KEYDOWN, SDL_SCANCODE_PAGEDOWN));
    Presses p = drain(q, 0.5f);  // held for two half-second frames and more
    p.frames = 0;
    const Presses held = drain(q, 0.5f);
    CHECK(p.next == 1);
    CHECK(held.next == 0);
    q.push(key(SDL_KEYDOWN, SDL_SCANCODE_PAGEDOWN, true));
    q.push(key(SDL_KEYDOWN, SDL_SCANCODE_PAGEDOWN, true));
    q.push(key(SDL_KEYUP, SDL_SCANCODE_PAGEDOWN));
    CHECK(drain(q, 0.5f).next == 2);
}

TEST_CASE("typed text and Backspace keep their order at any frame time") {
    ImGuiFixture imgui;
    InputQueue q;
    for (const char* c : {"S", "c", "u", "d"}) q.push(text(c));
    for (int i = 0; i < 4; ++i) {
        q.push(key(SDL_KEYDOWN, SDL_SCANCODE_BACKSPACE));
        q.push(key(SDL_KEYUP, SDL_SCANCODE_BACKSPACE));
    }
    for (const char* c : {"K", "h", "o"}) q.push(text(c));
    // Applied to a string the way ImGui 1.86's InputText applies a frame's
    // input: the frame's characters first, then its keys.
    std::string field;
    ImGuiIO& io = ImGui::GetIO();
    for (int guard = 0; guard < 100 && !q.empty(); ++guard) {
        io.DeltaTime = 0.2f;
        q.feedFrame(io);
        ImGui::NewFrame();
        for (ImWchar ch : io.InputQueueCharacters) field += static_cast<char>(ch);
        if (ImGui::IsKeyPressed(SDL_SCANCODE_BACKSPACE) && !field.empty()) field.pop_back();
        ImGui::Render();
    }
    CHECK(field == "Kho");
}

// The SDL window and its OpenGL 3.3 core context, and Dear ImGui's SDL2 and
// OpenGL3 backends (Debian's libimgui.a holds both). Every SDL call is
// checked; failures are returned as a message that says what to do.
#pragma once

#include <SDL.h>
#include <imgui.h>

#include <optional>
#include <string>

namespace meridian::platform {

struct WindowOptions {
    int widthPx = 1600, heightPx = 900;
    bool headless = false;  // hidden; falls back to SDL's offscreen driver when there is no display
    bool fullscreen = false;
    const char* title = "Meridian";
};

struct Window {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    int windowedWidth = 0, windowedHeight = 0;  // its size before it went full screen
};

// Fails (with a message naming what is missing) without a display or without OpenGL 3.3 core.
// MERIDIAN_GL_DEBUG=1 in the environment: a debug context whose errors are printed on stderr.
bool openWindow(Window& w, const WindowOptions& options, std::string* error);
// Minimised, hidden or a drawable of zero width or height: a frame would show nothing.
bool showsNothing(const Window& w);
void closeWindow(Window& w);
// The display's scale (96 dpi = 1), 1 to 3.
float displayDpiScale(SDL_Window* window);
void setFullscreen(Window& w, bool on);
// Sets the title bar's text when it differs ("Meridian - lesson.json *").
void setWindowTitle(Window& w, const std::string& title);

// Dear ImGui on this window: context, backends, no ini file (the layout is ours).
void initImGui(Window& w);
void shutdownImGui();
// Starts an ImGui frame. displaySize: an offscreen frame of that size (takes no pointer input).
void beginImGuiFrame(const std::optional<ImVec2>& displaySize = std::nullopt);
// Renders the frame's ImGui draw data into the bound framebuffer.
void renderImGui(int widthPx, int heightPx);
// After the font atlas was rebuilt: a new font texture.
void recreateFontTexture();

}  // namespace meridian::platform

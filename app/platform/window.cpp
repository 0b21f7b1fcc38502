#include "platform/window.h"

#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>

#include <algorithm>
#include <cfloat>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "render/gl.h"
#include "render/texture.h"

namespace meridian::platform {

bool openWindow(Window& w, const WindowOptions& o, std::string* error) {
    SDL_SetHint(SDL_HINT_VIDEO_HIGHDPI_DISABLED, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        const std::string first = SDL_GetError();
        // Headless rendering without an X server: SDL's offscreen driver (EGL).
        bool ok = false;
        if (o.headless) {
            SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
            ok = SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) == 0;
        }
        if (!ok) {
            *error = "cannot open a window (" + first +
                     "). No display? Check a file with --validate, or render headless: xvfb-run -a meridian FILE "
                     "--screenshot out.png";
            return false;
        }
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    // No depth or stencil: ImGui and the map draw in order (a software
    // renderer would keep another 4 bytes a pixel for nothing).
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    flags |= o.headless ? SDL_WINDOW_HIDDEN : SDL_WINDOW_RESIZABLE;
    if (o.fullscreen && !o.headless) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    w.window = SDL_CreateWindow(o.title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, o.widthPx, o.heightPx, flags);
    if (!w.window) {
        *error = std::string("SDL_CreateWindow failed: ") + SDL_GetError();
        return false;
    }
    w.gl = SDL_GL_CreateContext(w.window);
    if (!w.gl) {
        *error = std::string("cannot create an OpenGL 3.3 core context: ") + SDL_GetError() +
                 " (Meridian needs OpenGL 3.3; with no working driver, Mesa's software renderer provides it: "
                 "LIBGL_ALWAYS_SOFTWARE=1)";
        return false;
    }
    if (SDL_GL_MakeCurrent(w.window, w.gl) != 0) {
        *error = std::string("SDL_GL_MakeCurrent failed: ") + SDL_GetError();
        return false;
    }
    SDL_GL_SetSwapInterval(1);
    return true;
}

void closeWindow(Window& w) {
    if (w.gl) SDL_GL_DeleteContext(w.gl);
    if (w.window) SDL_DestroyWindow(w.window);
    w = {};
    SDL_Quit();
}

float displayDpiScale(SDL_Window* window) {
    float ddpi = 0;
    const int display = SDL_GetWindowDisplayIndex(window);
    if (display >= 0 && SDL_GetDisplayDPI(display, &ddpi, nullptr, nullptr) == 0 && ddpi > 0)
        return std::clamp(ddpi / 96.0f, 1.0f, 3.0f);
    return 1.0f;
}

void setFullscreen(Window& w, bool on) {
    const bool is = (SDL_GetWindowFlags(w.window) & SDL_WINDOW_FULLSCREEN_DESKTOP) != 0;
    if (is != on) SDL_SetWindowFullscreen(w.window, on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
}

void setWindowTitle(Window& w, const std::string& title) {
    const char* now = SDL_GetWindowTitle(w.window);
    if (!now || title != now) SDL_SetWindowTitle(w.window, title.c_str());
}

void initImGui(Window& w) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // layout is ours; settings are saved by Meridian
    ImGui_ImplSDL2_InitForOpenGL(w.window, w.gl);
    ImGui_ImplOpenGL3_Init("#version 330 core");
}

void shutdownImGui() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
}

void beginImGuiFrame(const std::optional<ImVec2>& displaySize) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    if (displaySize) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = *displaySize;
        io.DisplayFramebufferScale = ImVec2(1, 1);
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // an offscreen frame takes no pointer input
        for (bool& down : io.MouseDown) down = false;
    }
}

void renderImGui(int widthPx, int heightPx) {
    const ImVec4 clear = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glViewport(0, 0, widthPx, heightPx);
    glClearColor(clear.x, clear.y, clear.z, clear.w);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void recreateFontTexture() {
    // All the backend's objects, not just the font texture: left for its first
    // NewFrame, they would be made then, uploading (and, once the CPU copy is
    // gone, building) the atlas a second time.
    ImGui_ImplOpenGL3_DestroyDeviceObjects();
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    // The atlas is on the GPU now: its CPU copies (20 MB at 2048 x 2048) can go.
    ImGui::GetIO().Fonts->ClearTexData();
#if defined(__GLIBC__)
    malloc_trim(0);  // and back to the system (glibc keeps freed memory otherwise)
#endif
    // New glyphs, perhaps under the same texture id: whatever shows text is repainted.
    render::noteTextureContentChanged(
        static_cast<GLuint>(reinterpret_cast<std::intptr_t>(ImGui::GetIO().Fonts->TexID)));
}

}  // namespace meridian::platform

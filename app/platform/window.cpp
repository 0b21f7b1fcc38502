#include "platform/window.h"

#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>

#include <algorithm>
#include <cfloat>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "platform/heap_policy.h"
#include "render/gl.h"
#include "render/texture.h"

#ifdef __EMSCRIPTEN__
#include <emscripten/html5.h>
#endif

namespace meridian::platform {

#ifndef __EMSCRIPTEN__
namespace {

// MERIDIAN_GL_DEBUG=1: every error the driver reports, on stderr as it happens (the tests of
// odd window sizes look for them).
void GLAPIENTRY printGlMessage(GLenum, GLenum type, GLuint, GLenum severity, GLsizei, const GLchar* message,
                               const void*) {
    if (type == GL_DEBUG_TYPE_ERROR || severity == GL_DEBUG_SEVERITY_HIGH)
        std::fprintf(stderr, "meridian: GL error: %s\n", message);
}

void reportGlErrors() {
    if (epoxy_gl_version() < 43 && !epoxy_has_gl_extension("GL_KHR_debug")) {
        std::fprintf(stderr, "meridian: MERIDIAN_GL_DEBUG: this driver has no GL_KHR_debug\n");
        return;
    }
    glEnable(GL_DEBUG_OUTPUT);
    glEnable(GL_DEBUG_OUTPUT_SYNCHRONOUS);
    glDebugMessageCallback(printGlMessage, nullptr);
}

const char* const kNoDisplayHint =
    "Check a file with --validate, or render headless: xvfb-run -a meridian FILE --screenshot out.png";

const char* const kNeedsGl33 =
    "Meridian needs OpenGL 3.3 (core profile): update the graphics driver, or use Mesa's software renderer "
    "(LIBGL_ALWAYS_SOFTWARE=1 meridian)";
}  // namespace
#endif

bool openWindow(Window& w, const WindowOptions& o, std::string* error) {
    returnFreedMemoryPromptly();  // before the map's levels and the data are loaded
#ifdef __EMSCRIPTEN__
    // The browser build: the page's canvas, an OpenGL ES 3.0 (WebGL2) context.
    // The canvas's size follows the page (CSS); the browser's loop
    // (event_loop_web.cpp) gives it the device's pixels.
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        *error = std::string("SDL_Init failed: ") + SDL_GetError();
        return false;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);  // the map draws into its own framebuffer
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
    double cssWidth = 0, cssHeight = 0;
    emscripten_get_element_css_size("#canvas", &cssWidth, &cssHeight);
    w.window = SDL_CreateWindow(o.title, SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED,
                                std::max(1, static_cast<int>(cssWidth)), std::max(1, static_cast<int>(cssHeight)),
                                SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE);
    if (!w.window || !(w.gl = SDL_GL_CreateContext(w.window))) {
        *error = std::string("this browser gives the page no WebGL2 context (") + SDL_GetError() +
                 "); Meridian needs WebGL2: a current Chrome, Edge, Firefox or Safari has it";
        return false;
    }
    return true;
#else
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
            *error = "cannot open a window (" + first + "). No display? " + kNoDisplayHint;
            return false;
        }
    }
    const bool glDebug = std::getenv("MERIDIAN_GL_DEBUG") != nullptr;
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS,
                        SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG | (glDebug ? SDL_GL_CONTEXT_DEBUG_FLAG : 0));
    // With no display SDL 2.26 falls back to its offscreen driver by itself: a window nobody can
    // see, the app running on unnoticed. Only a headless render (or a user who asks) wants that.
    const char* driver = SDL_GetCurrentVideoDriver();
    const char* asked = std::getenv("SDL_VIDEODRIVER");
    const auto noWindowDriver = [](const char* d) {
        return d && (std::strcmp(d, "offscreen") == 0 || std::strcmp(d, "dummy") == 0);
    };
    if (!o.headless && noWindowDriver(driver) && !(asked && std::strcmp(asked, driver) == 0)) {
        // DISPLAY is set but its X server did not answer. That can be a moment's refusal (an X
        // server resetting as its last client leaves, a session still starting): try X11 again
        // for about two seconds before giving up, and name the display that did not answer.
        const char* display = std::getenv("DISPLAY");
        if (display && *display) {
            for (int attempt = 0; attempt < 10; ++attempt) {
                SDL_Quit();  // clears the hints too
                SDL_Delay(200);
                SDL_SetHint(SDL_HINT_VIDEO_HIGHDPI_DISABLED, "0");
                SDL_SetHint(SDL_HINT_VIDEODRIVER, "x11");
                if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) == 0) break;
            }
            driver = SDL_GetCurrentVideoDriver();
        }
        if (!driver || noWindowDriver(driver)) {
            *error = display && *display
                         ? std::string("cannot open a window: the X display \"") + display +
                               "\" (DISPLAY) does not answer (tried for 2 s). " + kNoDisplayHint
                         : std::string("cannot open a window: no display (SDL found only its \"") +
                               (driver ? driver : "no") + "\" video driver; is DISPLAY or WAYLAND_DISPLAY set?). " +
                               kNoDisplayHint;
            return false;
        }
    }
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
        *error = std::string("cannot create an OpenGL 3.3 core context: ") + SDL_GetError() + ". " + kNeedsGl33;
        return false;
    }
    if (SDL_GL_MakeCurrent(w.window, w.gl) != 0) {
        *error = std::string("SDL_GL_MakeCurrent failed: ") + SDL_GetError();
        return false;
    }
    // A driver may hand out an older context than asked for (or one that MESA_GL_VERSION_OVERRIDE
    // caps): the shaders would then fail to compile one by one. Say once what is missing.
    const int version = epoxy_gl_version();  // 10 * major + minor
    if (version < 33) {
        const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
        *error = "this graphics driver gives OpenGL " + std::to_string(version / 10) + "." +
                 std::to_string(version % 10) + " (" + (renderer ? renderer : "unknown renderer") + "). " + kNeedsGl33;
        return false;
    }
    SDL_GL_SetSwapInterval(1);
    if (glDebug) reportGlErrors();
    return true;
#endif
}

bool showsNothing(const Window& w) {
    if (!w.window) return true;
    if (SDL_GetWindowFlags(w.window) & (SDL_WINDOW_MINIMIZED | SDL_WINDOW_HIDDEN)) return true;
    int width = 0, height = 0;
    SDL_GL_GetDrawableSize(w.window, &width, &height);
    return width <= 0 || height <= 0;
}

void closeWindow(Window& w) {
    if (w.gl) SDL_GL_DeleteContext(w.gl);
    if (w.window) SDL_DestroyWindow(w.window);
    w = {};
    SDL_Quit();
}

float displayDpiScale(SDL_Window* window) {
#ifdef __EMSCRIPTEN__
    // The browser's device pixel ratio (the page's zoom included): the UI is laid out in device pixels.
    return std::clamp(static_cast<float>(emscripten_get_device_pixel_ratio()), 0.5f, 4.0f);
#endif
    float ddpi = 0;
    const int display = SDL_GetWindowDisplayIndex(window);
    if (display >= 0 && SDL_GetDisplayDPI(display, &ddpi, nullptr, nullptr) == 0 && ddpi > 0)
        return std::clamp(ddpi / 96.0f, 1.0f, 3.0f);
    return 1.0f;
}

void setFullscreen(Window& w, bool on) {
    const bool is = (SDL_GetWindowFlags(w.window) & SDL_WINDOW_FULLSCREEN_DESKTOP) != 0;
    if (is == on) return;
    if (on) SDL_GetWindowSize(w.window, &w.windowedWidth, &w.windowedHeight);
    SDL_SetWindowFullscreen(w.window, on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    // SDL takes the display's size when it asks for full screen, and learns the
    // size back only from the window manager. Without one (a kiosk, Xvfb) the
    // window never changed, no news comes, and the UI went on being laid out for
    // the whole display in a smaller window (its top and right cut off). Say the
    // size it had again.
    if (!on && w.windowedWidth > 0 && w.windowedHeight > 0)
        SDL_SetWindowSize(w.window, w.windowedWidth, w.windowedHeight);
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
#ifdef __EMSCRIPTEN__
    ImGui_ImplOpenGL3_Init("#version 300 es");  // WebGL2
#else
    ImGui_ImplOpenGL3_Init("#version 330 core");
#endif
}

void shutdownImGui() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
}

void beginImGuiFrame(const std::optional<ImVec2>& displaySize) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
#ifdef __EMSCRIPTEN__
    // Browsers coarsen the clock (and an export renders right after a window
    // frame): two frames can share a time, and ImGui asserts on a zero DeltaTime.
    ImGui::GetIO().DeltaTime = std::max(ImGui::GetIO().DeltaTime, 1e-4f);
#endif
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
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
#ifndef __EMSCRIPTEN__
    // The backend uploads the atlas as RGBA (white, the glyphs in alpha): the
    // same texture as one red channel read as (1, 1, 1, red) is a quarter of
    // it (6 MB less at 2048 x 1024; a software renderer's textures are the
    // process's own memory). WebGL2 has no texture swizzle: the browser keeps RGBA.
    unsigned char* alpha = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&alpha, &width, &height);
    if (alpha && atlas.TexID) {
        GLint bound = 0, unpack = 0, rowLength = 0;
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
        glGetIntegerv(GL_UNPACK_ALIGNMENT, &unpack);
        glGetIntegerv(GL_UNPACK_ROW_LENGTH, &rowLength);
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(atlas.TexID)));
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, alpha);
        const GLint swizzle[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
        glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
        glPixelStorei(GL_UNPACK_ALIGNMENT, unpack);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, rowLength);
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
    }
#endif
    // The atlas is on the GPU now: its CPU copies (20 MB at 2048 x 2048) can go,
    // and the font files' bytes (one copy per font size: 3.5 MB) too. Nothing
    // builds the atlas again from them: buildFonts() starts over from the files.
    atlas.ClearTexData();
    for (ImFontConfig& font : atlas.ConfigData)
        if (font.FontDataOwnedByAtlas && font.FontData) {
            IM_FREE(font.FontData);
            font.FontData = nullptr;
            font.FontDataSize = 0;
        }
#if defined(__GLIBC__)
    malloc_trim(0);  // and back to the system (glibc keeps freed memory otherwise)
#endif
    // New glyphs, perhaps under the same texture id: whatever shows text is repainted.
    render::noteTextureContentChanged(
        static_cast<GLuint>(reinterpret_cast<std::intptr_t>(ImGui::GetIO().Fonts->TexID)));
}

}  // namespace meridian::platform

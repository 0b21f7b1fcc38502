#include "platform/speaker_window.h"

#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>

#include <cstdio>
#include <string>

#include "render/gl.h"
#include "ui/fonts.h"
#include "ui/speaker_notes.h"

namespace meridian::platform {

namespace {

// Runs fn with the speaker window's context current, then restores the main one.
template <typename Fn>
void withContext(SDL_Window* window, ImGuiContext* imgui, Window& main, Fn fn) {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(imgui);
    SDL_GL_MakeCurrent(window, main.gl);
    fn();
    SDL_GL_MakeCurrent(main.window, main.gl);
    ImGui::SetCurrentContext(previous);
}

}  // namespace

SpeakerWindow::~SpeakerWindow() {
    // The main window must close it (it owns the GL context); nothing left here.
}

void SpeakerWindow::update(Window& main, bool presenting, bool forced, double nowSec) {
    const bool want = presenting && (forced || SDL_GetNumVideoDisplays() > 1);
    if (want && !m_window && !m_dismissed) open(main, nowSec);
    if (!presenting) {
        if (m_window) close(main);
        m_dismissed = false;
    }
}

void SpeakerWindow::open(Window& main, double nowSec) {
    const int displays = SDL_GetNumVideoDisplays();
    const int display = displays > 1 ? 1 : 0;
    m_window = SDL_CreateWindow("Meridian \u2014 speaker notes", SDL_WINDOWPOS_CENTERED_DISPLAY(display),
                                SDL_WINDOWPOS_CENTERED_DISPLAY(display), 900, 600,
                                SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!m_window) {
        m_error = std::string("Cannot open the speaker-notes window: ") + SDL_GetError();
        m_dismissed = true;
        return;
    }
    ImGuiContext* previous = ImGui::GetCurrentContext();
    m_imgui = ImGui::CreateContext();
    ImGui::SetCurrentContext(previous);
    withContext(m_window, m_imgui, main, [&] {
        ImGui::GetIO().IniFilename = nullptr;
        const std::string font = ui::findFontFile("DejaVu Sans", false);
        if (!font.empty()) ImGui::GetIO().Fonts->AddFontFromFileTTF(font.c_str(), 20.0f, nullptr, ui::glyphRanges());
        ImGui::StyleColorsDark();
        ImGui_ImplSDL2_InitForOpenGL(m_window, main.gl);
        ImGui_ImplOpenGL3_Init("#version 330 core");
    });
    m_startSec = nowSec;
}

void SpeakerWindow::close(Window& main) {
    if (!m_window) return;
    withContext(m_window, m_imgui, main, [&] {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplSDL2_Shutdown();
    });
    ImGui::DestroyContext(m_imgui);
    SDL_DestroyWindow(m_window);
    m_window = nullptr;
    m_imgui = nullptr;
}

bool SpeakerWindow::handleEvent(Window& main, const SDL_Event& e) {
    if (!m_window) return false;
    const Uint32 id = SDL_GetWindowID(m_window);
    const bool mine = (e.type == SDL_WINDOWEVENT && e.window.windowID == id) ||
                      ((e.type == SDL_MOUSEMOTION || e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP ||
                        e.type == SDL_MOUSEWHEEL) &&
                       e.motion.windowID == id);
    if (!mine) return false;
    if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE) {
        close(main);
        m_dismissed = true;
        return true;
    }
    withContext(m_window, m_imgui, main, [&] { ImGui_ImplSDL2_ProcessEvent(&e); });
    return true;
}

void SpeakerWindow::draw(Window& main, const Dataset& ds, const Session& s) {
    if (!m_window) return;
    withContext(m_window, m_imgui, main, [&] {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplSDL2_NewFrame();
        ImGui::NewFrame();
        ui::drawSpeakerNotes(ds, s, m_startSec);
        ImGui::Render();
        int w = 0, h = 0;
        SDL_GL_GetDrawableSize(m_window, &w, &h);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glViewport(0, 0, w, h);
        glClearColor(0.08f, 0.08f, 0.1f, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        SDL_GL_SwapWindow(m_window);
    });
}

}  // namespace meridian::platform

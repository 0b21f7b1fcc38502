#include "platform/event_loop.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "io/settings.h"
#include "platform/input_queue.h"
#include "platform/offscreen.h"
#include "platform/speaker_window.h"
#include "platform/startup_trace.h"
#include "platform/ui_compositor.h"
#include "render/gl.h"
#include "render/gl_census.h"
#include "session/tick.h"
#include "ui/reports.h"

namespace meridian::platform {

namespace {

// A user event once a second: check the file, save the settings. (SDL's timer
// thread pushes it; the loop itself waits without a timeout.)
Uint32 g_tickEvent = 0;

Uint32 pushTick(Uint32 intervalMs, void*) {
    SDL_Event e{};
    e.type = g_tickEvent;
    SDL_PushEvent(&e);
    return intervalMs;
}

// MERIDIAN_INPUT_TRACE=FILE: every input event SDL delivers and every frame's
// share of them, one line each (to tell input lost before the app from input
// the app mishandles).
std::FILE* openInputTrace() {
    const char* path = std::getenv("MERIDIAN_INPUT_TRACE");
    return path && *path ? std::fopen(path, "w") : nullptr;
}

void traceEvent(std::FILE* f, const SDL_Event& e) {
    switch (e.type) {
        case SDL_KEYDOWN:
        case SDL_KEYUP:
            std::fprintf(f, "%u %s %s%s\n", e.key.timestamp, e.type == SDL_KEYDOWN ? "down" : "up",
                         SDL_GetScancodeName(e.key.keysym.scancode), e.key.repeat ? " repeat" : "");
            break;
        case SDL_TEXTINPUT:
            std::fprintf(f, "%u text %s\n", e.text.timestamp, e.text.text);
            break;
        case SDL_WINDOWEVENT:
            std::fprintf(f, "%u window %d\n", e.window.timestamp, static_cast<int>(e.window.event));
            break;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            std::fprintf(f, "%u button%s %d\n", e.button.timestamp, e.type == SDL_MOUSEBUTTONDOWN ? "down" : "up",
                         e.button.button);
            break;
        default:
            break;
    }
}

double nowSec() {
    return static_cast<double>(SDL_GetTicks64()) / 1000.0;
}

void saveSettingsIfChanged(ui::App& app, std::string& lastSaved) {
    const io::Settings s = app.captureSettings();
    const std::string json = io::settingsToJson(s);
    if (json == lastSaved) return;
    std::string error;
    if (io::saveSettings(io::settingsPath(), s, &error))
        lastSaved = json;
    else  // tried again each second; said once
        app.alert("Cannot save the settings (theme, layers, last file): " + error);
}

}  // namespace

void runEventLoop(ui::App& app, Window& window, const LoopOptions& options) {
    InputQueue input;
    std::FILE* trace = openInputTrace();
    UiCompositor compositor;  // repaints only what changed (a software renderer fills every pixel on the CPU)
    SpeakerWindow speaker;
    ExportRunner exports;
    std::string lastSettings = io::settingsToJson(app.captureSettings());
    g_tickEvent = SDL_RegisterEvents(1);
    const SDL_TimerID timer = g_tickEvent != static_cast<Uint32>(-1) ? SDL_AddTimer(1000, pushTick, nullptr) : 0;
    // ImGui settles hover, popups and auto-sized windows over a frame or two
    // after something changes: draw a few frames, then rest.
    constexpr int kSettleFrames = 3;
    int framesToDraw = kSettleFrames;
    double lastCensusSec = 0;  // when the GL objects were last counted (state report)
    while (!app.quitConfirmed()) {
        // Wait for something to do: input, the once-a-second tick, or the next
        // moment the app asked for (playback, a glide, autoplay's next step).
        const double due = app.nextFrameDueSec();
        // Minimised (or sized to nothing): no settling or animation frames, only what input and
        // exports need, so a minimised window playing a story does not spin a core.
        const bool hidden = showsNothing(window);
        const bool busy = exports.running() || !input.empty() || (!hidden && (framesToDraw > 0 || due <= nowSec()));
        SDL_Event ev;
        bool got = false;
        if (busy)
            got = SDL_PollEvent(&ev);
        else if (std::isfinite(due) && !hidden)
            got = SDL_WaitEventTimeout(&ev, std::max(1, static_cast<int>((due - nowSec()) * 1000)));
        else
            got = SDL_WaitEvent(&ev);
        for (; got; got = SDL_PollEvent(&ev)) {
            if (ev.type == g_tickEvent) {
                const auto revision = app.document().revision();
                const std::string status = app.state().statusMessage;
                const std::size_t alerts = app.state().alerts.items.size();
                app.checkFileChanged();
                app.writeRecoveryIfDue(nowSec());
                if (options.saveSettings) saveSettingsIfChanged(app, lastSettings);
                if (revision != app.document().revision() || status != app.state().statusMessage ||
                    alerts != app.state().alerts.items.size())
                    framesToDraw = kSettleFrames;
                if (speaker.isOpen()) framesToDraw = std::max(framesToDraw, 1);  // its clock
                continue;
            }
            if (speaker.handleEvent(window, ev)) {
                framesToDraw = kSettleFrames;
                continue;
            }
            framesToDraw = kSettleFrames;
            if (trace) traceEvent(trace, ev);
            if (isQueuedInput(ev)) {
                input.push(ev);
                continue;
            }
            switch (ev.type) {
                case SDL_QUIT:
                    app.requestQuit();
                    break;
                case SDL_WINDOWEVENT:
                    if (ev.window.event == SDL_WINDOWEVENT_CLOSE) app.requestQuit();
                    break;
                case SDL_DROPFILE:
                    app.requests().openPath = std::string(ev.drop.file);
                    SDL_free(ev.drop.file);
                    break;
                default:
                    break;
            }
        }
        if (!(framesToDraw > 0 || !input.empty() || exports.running() || app.nextFrameDueSec() <= nowSec())) continue;
        if (input.empty() && showsNothing(window)) {
            exports.step(app, 60.0);
            continue;
        }

        // Exports render their frames between the window's frames.
        if (app.requests().startExport) {
            exports.start(app, *app.requests().startExport);
            app.requests().startExport.reset();
        }
        exports.step(app, 60.0);
        if (app.requests().rebuildFonts) app.requests().rebuildFonts = false, refreshLook(app);

        // One frame.
        const auto revision = app.document().revision();
        app.beginFrame(nowSec());
        beginImGuiFrame();
        const std::size_t taken =
            input.feedFrame(ImGui::GetIO(), app.requests().focusSearch || app.state().textFocusPendingFrames > 0);
        if (trace && taken) std::fprintf(trace, "frame takes %zu, %zu wait\n", taken, input.size()), std::fflush(trace);
        ImGui::NewFrame();
        app.drawUi(app.session());
        ImGui::Render();
        int w = 0, h = 0;
        SDL_GL_GetDrawableSize(window.window, &w, &h);
        compositor.present(window.window, ImGui::GetDrawData(), w, h);  // paints and shows it
        firstFrameShown();
        app.endFrame();
        setFullscreen(window, app.state().fullscreen);
        setWindowTitle(window, app.windowTitle());
        if (framesToDraw > 0) --framesToDraw;
        if (revision != app.document().revision()) framesToDraw = kSettleFrames;

        if (!options.stateReport.empty()) {
            // The GL objects, about once a second (a few thousand driver queries).
            const double now = app.session().clockSec;
            if (!app.state().glObjects || now - lastCensusSec >= 1.0) {
                app.state().glObjects = render::countGlObjects();
                lastCensusSec = now;
            }
            ui::writeStateReport(app, options.stateReport);
        }

        speaker.update(window, app.session().presenting(), options.forceSpeakerNotes, app.session().clockSec);
        if (std::string e = speaker.takeError(); !e.empty()) app.alert(std::move(e));
        if (speaker.isOpen()) speaker.draw(window, app.document().data(), app.session());
    }
    if (timer) SDL_RemoveTimer(timer);
    if (trace) std::fclose(trace);
    speaker.update(window, false, false, 0);
    if (options.saveSettings) saveSettingsIfChanged(app, lastSettings);
}

}  // namespace meridian::platform

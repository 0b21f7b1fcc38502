// The interactive loop in the browser build (emscripten; event_loop.cpp is the
// desktop's). A page cannot block in a loop: the browser calls frame() once per
// animation frame (emscripten_set_main_loop, no ASYNCIFY). Like the desktop's
// loop it queues input so no key is lost, draws only when something changed (an
// idle page issues no GL call and the canvas keeps its picture) and keeps the
// settings saved, here in the browser's localStorage. Where the browser differs:
//   - the canvas follows the page's size, in device pixels (web/browser/page.h);
//   - files dropped on the page or chosen in its file picker arrive as
//     SDL_DROPFILE (web/browser/files.h) and open like a desktop drop;
//   - a table (CSV) that names its places waits for the gazetteer, fetched the
//     first time one is opened (web/browser/gazetteer_fetch.h);
//   - saving and PNG export write into the page's memory file system, and the
//     browser downloads the file;
//   - nothing changes files behind the page's back, so there is no check once a
//     second; File > Reload fetches a ?data= file from its address again;
//   - full screen is the browser's (Esc leaves it; the menu follows);
//   - quitting is closing the tab (the browser asks first while there are
//     unsaved changes); there is no speaker-notes window (one canvas).
#include <emscripten.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>

#include "browser/files.h"
#include "browser/gazetteer_fetch.h"
#include "browser/page.h"
#include "browser/page_options.h"
#include "browser/page_state.h"
#include "browser/world_loader.h"
#include "io/settings.h"
#include "platform/event_loop.h"
#include "platform/input_queue.h"
#include "platform/offscreen.h"
#include "render/gl.h"

namespace meridian::platform {

namespace {

// ImGui settles hover, popups and auto-sized windows over a frame or two after
// something changes: draw a few frames, then rest (as on the desktop).
constexpr int kSettleFrames = 3;

struct WebLoop {
    ui::App* app = nullptr;
    Window window;
    LoopOptions options;
    InputQueue input;
    ExportRunner exports;
    int framesToDraw = kSettleFrames;
    long callbacks = 0, drawn = 0;
    double drawMs = 0, drawMsMax = 0;  // the drawn frames' time in the page's thread (web/bench-page.mjs)
    std::string lastSettings;
    double lastSettingsSec = 0;
    bool unsaved = false;
    bool wantsFullscreen = false, wasFullscreen = false;
    bool exportWasRunning = false;
    bool refetching = false, reloadFetched = false;
    std::string waitsForGazetteer;  // a table dropped or picked, opened once the gazetteer is here
};

double nowSec() {
    return static_cast<double>(SDL_GetTicks64()) / 1000.0;
}

void say(ui::App& app, const std::string& message, double seconds = 8) {
    app.state().statusMessage = message;
    app.state().statusUntilSec = app.session().clockSec + seconds;
}

std::string fileName(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

void saveSettingsIfChanged(WebLoop& loop) {
    const std::string json = io::settingsToJson(loop.app->captureSettings());
    if (json == loop.lastSettings) return;
    if (web::storeSettings(json))
        loop.lastSettings = json;
    else
        std::fprintf(stderr, "meridian: the browser refuses to store the settings (private browsing?)\n");
}

// The page's size and its device pixel ratio (a page zoom changes it: the UI follows).
void fitToPage(WebLoop& loop) {
    if (!web::fitCanvasToPage(loop.window.window)) return;
    loop.framesToDraw = kSettleFrames;
    const float ratio = displayDpiScale(loop.window.window);
    if (std::abs(ratio - loop.app->look().dpiScale) > 1e-3f) {
        loop.app->look().dpiScale = ratio;
        loop.app->requests().rebuildFonts = true;
    }
}

// Full screen follows the app's wish; when the browser leaves it (Esc), the app's wish follows.
void syncFullscreen(WebLoop& loop) {
    ui::AppState& state = loop.app->state();
    if (state.fullscreen != loop.wantsFullscreen) {
        loop.wantsFullscreen = state.fullscreen;
        web::setFullscreen(state.fullscreen);
    }
    const bool is = web::isFullscreen();
    if (loop.wasFullscreen && !is && state.fullscreen) {
        state.fullscreen = loop.wantsFullscreen = false;
        web::setFullscreen(false);
        loop.framesToDraw = kSettleFrames;
    }
    loop.wasFullscreen = is;
}

// Between frames, once a second: the settings, the unsaved-changes guard, a file fetched again.
void betweenFrames(WebLoop& loop, double now) {
    ui::App& app = *loop.app;
    if (now - loop.lastSettingsSec >= 1.0) {
        loop.lastSettingsSec = now;
        if (loop.options.saveSettings) saveSettingsIfChanged(loop);
    }
    if (app.document().isDirty() != loop.unsaved) {
        loop.unsaved = app.document().isDirty();
        web::setUnsavedChanges(loop.unsaved);
    }
    if (!loop.waitsForGazetteer.empty()) {
        std::string message;
        const web::GazetteerFetch g = web::gazetteerFetchState(&message);
        if (g != web::GazetteerFetch::Pending) {
            if (g == web::GazetteerFetch::Failed) std::fprintf(stderr, "meridian: %s\n", message.c_str());
            app.requests().openPath = std::move(loop.waitsForGazetteer);
            loop.waitsForGazetteer.clear();
            loop.framesToDraw = kSettleFrames;
        }
    }
    if (loop.refetching) {
        std::string message;
        const web::Refetch r = web::refetchState(&message);
        if (r == web::Refetch::Done) {
            loop.refetching = false;
            loop.reloadFetched = true;
            app.requests().reload = true;
            loop.framesToDraw = kSettleFrames;
        } else if (r == web::Refetch::Failed || r == web::Refetch::None) {
            loop.refetching = false;
            say(app, "Not reloaded: " + message, 15);
            loop.framesToDraw = kSettleFrames;
        }
    }
}

// What the app asked for in this frame that the browser does its own way.
void beforeRequests(WebLoop& loop) {
    ui::App& app = *loop.app;
    ui::Requests& r = app.requests();
    r.quit = false;  // closing the tab is quitting (the Quit item is hidden)
    if (r.reload && !loop.reloadFetched) {
        const std::string path = app.document().path().string();
        const std::string url = web::fetchedFrom(path);
        if (!url.empty() && !loop.refetching) {
            web::refetch(url, path);
            loop.refetching = true;
            r.reload = false;
            say(app, "Fetching " + url + " again\u2026");
        }
    }
    loop.reloadFetched = false;
}

// The document was saved into the page's memory: the browser downloads it.
void downloadSaved(WebLoop& loop, bool saveWasAsked) {
    ui::App& app = *loop.app;
    if (!saveWasAsked || app.document().isDirty() || app.document().path().empty()) return;
    const std::string path = app.document().path().string();
    web::downloadFile(path.c_str(), fileName(path).c_str(), "application/json");
    say(app, "Saved " + fileName(path) + ": your browser downloads it (see its downloads)", 12);
}

// An export that finished wrote its PNG into the page's memory: the browser downloads it.
void downloadExport(WebLoop& loop) {
    const bool running = loop.exports.running();
    ui::ExportProgress& p = loop.app->state().exportProgress;
    if (loop.exportWasRunning && !running && p.message.starts_with("Done")) {
        std::error_code ec;
        if (std::filesystem::exists(p.output, ec)) {
            web::downloadFile(p.output.c_str(), fileName(p.output).c_str(), "image/png");
            std::filesystem::remove(p.output, ec);  // the browser has its copy: free the page's memory
            p.message = "Downloaded " + fileName(p.output) + ": see your browser's downloads.";
        }
    }
    loop.exportWasRunning = running;
}

void frame(void* arg) {
    WebLoop& loop = *static_cast<WebLoop*>(arg);
    ui::App& app = *loop.app;
    ++loop.callbacks;
    fitToPage(loop);
    SDL_Event ev;
    while (SDL_PollEvent(&ev)) {
        loop.framesToDraw = kSettleFrames;
        if (isQueuedInput(ev)) {
            loop.input.push(ev);
            continue;
        }
        if (ev.type == SDL_DROPFILE) {
            const std::string path = ev.drop.file;
            SDL_free(ev.drop.file);
            if (web::gazetteerWanted(path)) {
                web::fetchGazetteer();
                loop.waitsForGazetteer = path;
                say(app, "Opening " + fileName(path) + ": fetching the place names first (the gazetteer, 2 MB)\u2026",
                    60);
            } else {
                loop.waitsForGazetteer.clear();  // the last file dropped is the one opened
                app.requests().openPath = path;
            }
        }
    }
    const double now = nowSec();
    betweenFrames(loop, now);
    syncFullscreen(loop);
    const bool busy =
        loop.framesToDraw > 0 || !loop.input.empty() || loop.exports.running() || app.nextFrameDueSec() <= now;
    if (!busy) {  // idle: no GL call; the canvas keeps its last picture
        web::publishFrames(loop.callbacks, loop.drawn, loop.drawMs, loop.drawMsMax);
        return;
    }

    const double frameStartMs = emscripten_get_now();
    // Exports render their frames between the window's frames.
    if (app.requests().startExport) {
        loop.exports.start(app, *app.requests().startExport);
        app.requests().startExport.reset();
        loop.exportWasRunning = loop.exports.running();  // an image may be done within this frame's step
    }
    loop.exports.step(app, 60.0);
    downloadExport(loop);
    if (app.requests().rebuildFonts) app.requests().rebuildFonts = false, refreshLook(app);

    // One frame, as on the desktop.
    const auto revision = app.document().revision();
    app.beginFrame(now);
    beginImGuiFrame();
    loop.input.feedFrame(ImGui::GetIO(), app.requests().focusSearch || app.state().textFocusPendingFrames > 0);
    ImGui::NewFrame();
    app.drawUi(app.session());
    ImGui::Render();
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(loop.window.window, &w, &h);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    renderImGui(w, h);
    SDL_GL_SwapWindow(loop.window.window);  // the browser shows the canvas when the callback returns
    beforeRequests(loop);
    const bool saveWasAsked = app.requests().save;
    app.endFrame();
    downloadSaved(loop, saveWasAsked);
    syncFullscreen(loop);
    if (loop.framesToDraw > 0) --loop.framesToDraw;
    if (revision != app.document().revision()) loop.framesToDraw = kSettleFrames;

    ++loop.drawn;
    const double frameMs = emscripten_get_now() - frameStartMs;
    loop.drawMs += frameMs;
    loop.drawMsMax = std::max(loop.drawMsMax, frameMs);
    web::publishFrames(loop.callbacks, loop.drawn, loop.drawMs, loop.drawMsMax);
    web::publishState(web::appStateJson(app, web::devicePixelRatio()));
    if (loop.drawn == 1) web::startDeferredLoads();  // the 1:10m world, now that the first picture is up
}

}  // namespace

void runEventLoop(ui::App& app, Window& window, const LoopOptions& options) {
    // The loop outlives main(): emscripten_set_main_loop does not return (main's
    // stack is gone), so everything it needs lives on the heap, for the page's life.
    auto* loop = new WebLoop;
    loop->app = &app;
    loop->window = window;
    loop->options = options;
    loop->lastSettings = io::settingsToJson(app.captureSettings());
    web::keepAppKeys();
    web::takeOverFullscreen();
    web::installFileDrop("#canvas");
    web::setProbedApp(&app);
    // Files dropped or fetched in an earlier visit are not in this page's memory.
    std::vector<std::string>& recent = app.settings().recentFiles;
    std::error_code ec;
    std::erase_if(recent, [&](const std::string& f) { return !std::filesystem::exists(f, ec); });
    std::string notes;
    for (const std::string& n : web::startupNotes()) notes += (notes.empty() ? "" : "; ") + web::inAddressWords(n);
    if (!notes.empty()) say(app, notes, 20);
    fitToPage(*loop);
    emscripten_set_main_loop_arg(frame, loop, 0, true);
}

}  // namespace meridian::platform

// Meridian: command line and wiring.
//   init SDL (checking every call) -> GL 3.3 core context -> ImGui and its
//   backends -> loop: poll -> NewFrame -> UI -> Render -> swap; teardown in reverse.
// --validate needs no window; --screenshot renders offscreen frames into a
// framebuffer of the requested size and writes a PNG.
#include <SDL.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "geo/projection.h"
#include "io/command_line.h"
#include "io/dataset_loader.h"
#include "io/png_file.h"
#include "io/settings.h"
#include "io/text_file.h"
#include "render/framebuffer.h"
#include "render/gl.h"
#include "ui/app_context.h"
#include "ui/export_job.h"
#include "ui/fonts.h"
#include "ui/map_view.h"
#include "ui/panels.h"
#include "ui/speaker_notes.h"
#include "ui/story_player.h"
#include "ui/theme.h"
#include "ui/timeline_state.h"

using namespace meridian;

namespace {

std::string defaultDataFile() {
    // Next to the binary's source tree when run from a build folder, else the
    // current directory.
    const std::filesystem::path inSource = std::filesystem::path(MERIDIAN_SOURCE_DIR) / "data" / "iran-dprk.json";
    if (std::filesystem::exists(inSource)) return inSource.string();
    return "data/iran-dprk.json";
}

int runValidate(const std::string& file) {
    const io::DatasetLoadResult r = io::loadDataset(file);
    for (const io::Diagnostic& d : r.diagnostics) std::fprintf(r.ok() ? stdout : stderr, "%s\n", d.format().c_str());
    if (!r.ok()) {
        const std::size_t n = io::countErrors(r.diagnostics);
        std::fprintf(stderr, "%s: %zu %s; not loaded\n", file.c_str(), n, n == 1 ? "error" : "errors");
        return 1;
    }
    std::printf("%s: OK: %s\n", file.c_str(), io::summarizeDataset(*r.dataset).c_str());
    return 0;
}

struct Platform {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
};

bool initPlatform(Platform& p, const io::CommandLine& opt, bool headless) {
    SDL_SetHint(SDL_HINT_VIDEO_HIGHDPI_DISABLED, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        const std::string first = SDL_GetError();
        // Headless rendering without an X server: SDL's offscreen driver (EGL).
        if (headless) {
            SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
            if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) == 0) goto initialised;
        }
        std::fprintf(stderr,
                     "meridian: cannot open a window (%s). No display? Check a file with --validate, or render "
                     "headless: xvfb-run -a meridian FILE --screenshot out.png\n",
                     first.c_str());
        return false;
    }
initialised:
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 24);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8);
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    flags |= headless ? SDL_WINDOW_HIDDEN : SDL_WINDOW_RESIZABLE;
    if (opt.fullscreen && !headless) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    p.window =
        SDL_CreateWindow("Meridian", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, opt.widthPx, opt.heightPx, flags);
    if (!p.window) {
        std::fprintf(stderr, "meridian: SDL_CreateWindow failed: %s\n", SDL_GetError());
        return false;
    }
    p.gl = SDL_GL_CreateContext(p.window);
    if (!p.gl) {
        std::fprintf(stderr, "meridian: cannot create an OpenGL 3.3 core context: %s\n", SDL_GetError());
        return false;
    }
    if (SDL_GL_MakeCurrent(p.window, p.gl) != 0) {
        std::fprintf(stderr, "meridian: SDL_GL_MakeCurrent failed: %s\n", SDL_GetError());
        return false;
    }
    SDL_GL_SetSwapInterval(1);
    return true;
}

void shutdownPlatform(Platform& p) {
    if (p.gl) SDL_GL_DeleteContext(p.gl);
    if (p.window) SDL_DestroyWindow(p.window);
    SDL_Quit();
}

float displayDpiScale(SDL_Window* window) {
    float ddpi = 0;
    const int display = SDL_GetWindowDisplayIndex(window);
    if (display >= 0 && SDL_GetDisplayDPI(display, &ddpi, nullptr, nullptr) == 0 && ddpi > 0)
        return std::clamp(ddpi / 96.0f, 1.0f, 3.0f);
    return 1.0f;
}

void rebuildFontsIfNeeded(ui::AppContext& ctx) {
    if (!ctx.fontsDirty) return;
    ctx.fontsDirty = false;
    ui::buildFonts(ctx);
    ui::applyTheme(ctx.theme, ctx.scale());
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

// One UI frame. displaySize overrides the window size (offscreen renders),
// virtualTimeSec the wall clock (exports and screenshots are deterministic).
void uiFrame(ui::AppContext& ctx, const ImVec2* displaySize, std::optional<double> virtualTimeSec = std::nullopt) {
    rebuildFontsIfNeeded(ctx);
    ctx.timeSec = virtualTimeSec ? *virtualTimeSec : static_cast<double>(SDL_GetTicks64()) / 1000.0;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    if (displaySize) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = *displaySize;
        io.DisplayFramebufferScale = ImVec2(1, 1);
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // an offscreen frame takes no pointer input
    }
    ImGui::NewFrame();
    ctx.view.hovered = kNoIndex;
    ui::drawMainWindow(ctx);
    ImGui::Render();
}

void renderDrawData(const ImVec4& clear, int w, int h) {
    glViewport(0, 0, w, h);
    glClearColor(clear.x, clear.y, clear.z, clear.w);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

// Where the timeline drew its lanes and how days map to x: render tests use it
// to know where a date's marker and the playhead must be.
void writeLayoutReport(const ui::AppContext& ctx, const std::string& path) {
    ui::TimelineLayoutReport r;
    ui::timelineLayoutReport(ctx, r);
    nlohmann::json j = {{"lanesX", r.lanesX},        {"lanesY", r.lanesY},   {"firstDay", r.firstDay},
                        {"pxPerDay", r.pxPerDay},    {"widthPx", r.widthPx}, {"rowTops", r.rowTops},
                        {"rowHeights", r.rowHeights}};
    nlohmann::json cats = nlohmann::json::array();
    for (Index c : r.rowCategories) cats.push_back(c == kNoIndex ? -1 : static_cast<int>(c));
    j["rowCategories"] = cats;
    std::string error;
    if (!io::writeFileAtomically(path, j.dump(2), &error))
        std::fprintf(stderr, "meridian: %s: %s\n", path.c_str(), error.c_str());
}

// The view state when the app quits: keyboard-driven tests read it.
void writeStateReport(const ui::AppContext& ctx, const std::string& path) {
    nlohmann::json j;
    j["selected"] = ctx.view.selected < ctx.dataset.events.size() ? ctx.dataset.events[ctx.view.selected].id : "";
    j["playhead"] = formatDayNumber(static_cast<DayNumber>(std::floor(ctx.view.playheadDay)));
    j["window"] = ctx.view.window
                      ? formatDayNumber(ctx.view.window->first) + "/" + formatDayNumber(ctx.view.window->last - 1)
                      : "";
    j["shown"] = ctx.filtered.shown;
    j["total"] = ctx.dataset.events.size();
    j["search"] = ctx.filter.text;
    j["filtered"] = ctx.filter.isActive();
    j["theme"] = ui::themeId(ctx.theme);
    j["uiScale"] = ctx.uiScale;
    j["projection"] = std::string(geo::projectionName(ctx.camera.projection));
    j["presenting"] = ctx.story && ctx.story->presenting;
    j["step"] = ctx.story ? ctx.story->step + 1 : 0;
    j["fullscreen"] = ctx.fullscreen;
    std::string error;
    if (!io::writeFileAtomically(path, j.dump(2), &error))
        std::fprintf(stderr, "meridian: %s: %s\n", path.c_str(), error.c_str());
}

int runScreenshot(ui::AppContext& ctx, const io::CommandLine& opt) {
    render::Framebuffer target;
    if (!target.ensure(opt.widthPx, opt.heightPx)) {
        std::fprintf(stderr, "meridian: cannot create a %dx%d offscreen framebuffer\n", opt.widthPx, opt.heightPx);
        return 1;
    }
    const ImVec2 size(static_cast<float>(opt.widthPx), static_cast<float>(opt.heightPx));
    // A few frames so that windows, tables and fonts settle (ImGui sizes
    // auto-fitting content on the frames after it first sees it).
    for (int i = 0; i < 4; ++i) {
        uiFrame(ctx, &size, 10.0 * i);  // 10 s apart: camera flights started on frame 0 have landed
        target.bind();
        renderDrawData(ImGui::GetStyle().Colors[ImGuiCol_WindowBg], opt.widthPx, opt.heightPx);
    }
    glFinish();
    std::string error;
    if (!io::writePngRgba(opt.screenshotPath, opt.widthPx, opt.heightPx, target.readRgba(), &error)) {
        std::fprintf(stderr, "meridian: cannot write %s: %s\n", opt.screenshotPath.c_str(), error.c_str());
        return 1;
    }
    std::printf("wrote %s (%dx%d)\n", opt.screenshotPath.c_str(), opt.widthPx, opt.heightPx);
    if (!opt.layoutReport.empty()) writeLayoutReport(ctx, opt.layoutReport);
    return 0;
}

// Renders one offscreen frame of the export job and hands it over.
bool renderExportFrame(ui::AppContext& ctx, ui::ExportJob& job, render::Framebuffer& target, std::string* error) {
    const ui::ExportRequest& r = job.request();
    if (!target.ensure(r.widthPx, r.heightPx)) {
        *error = "cannot create a " + std::to_string(r.widthPx) + "x" + std::to_string(r.heightPx) +
                 " offscreen framebuffer";
        return false;
    }
    const ImVec2 size(static_cast<float>(r.widthPx), static_cast<float>(r.heightPx));
    const bool wasHeadless = ctx.headless;
    job.enterFrame(ctx);
    ctx.headless = true;
    const double t = ctx.timeSec;
    uiFrame(ctx, &size, t);
    target.bind();
    renderDrawData(ImGui::GetStyle().Colors[ImGuiCol_WindowBg], r.widthPx, r.heightPx);
    ctx.headless = wasHeadless;
    job.leaveFrame(ctx);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return job.consume(target.readRgba(), error);
}

int runExport(ui::AppContext& ctx, const io::CommandLine& opt) {
    ui::ExportRequest r;
    r.output = opt.exportVideo;
    r.widthPx = opt.widthPx;
    r.heightPx = opt.heightPx;
    r.fps = opt.fps.value_or(30.0);
    r.caption = opt.caption;
    r.durationSec = opt.durationSec.value_or(0.0);
    if (!opt.story.empty()) {
        r.kind = ui::ExportRequest::Kind::Story;
        r.story = ctx.dataset.findStory(opt.story);
        ctx.pendingStory.reset();
    } else {
        const DateParseResult from = parseIsoDate(
            opt.timeFrom.empty() ? ctx.dataset.extent.first < 0 ? "1970" : formatDayNumber(ctx.dataset.extent.first)
                                 : opt.timeFrom);
        const DateParseResult to =
            parseIsoDate(opt.timeTo.empty() ? formatDayNumber(ctx.dataset.extent.last - 1) : opt.timeTo);
        if (!from.date || !to.date) {
            std::fprintf(stderr, "meridian: --export-video: %s\n", (!from.date ? from.error : to.error).c_str());
            return 2;
        }
        r.range = DaySpan{from.date->span().first, to.date->span().last};
    }
    ui::ExportJob job;
    std::string error;
    if (!job.begin(ctx, r, &error)) {
        std::fprintf(stderr, "meridian: cannot export %s: %s\n", r.output.c_str(), error.c_str());
        return 1;
    }
    render::Framebuffer target;
    const auto t0 = std::chrono::steady_clock::now();
    while (!job.finished()) {
        if (!renderExportFrame(ctx, job, target, &error)) {
            job.cancel();
            std::fprintf(stderr, "meridian: export failed at frame %d: %s\n", job.framesDone() + 1, error.c_str());
            return 1;
        }
        if (job.framesDone() % 30 == 0 || job.finished())
            std::printf("\rframe %d / %d", job.framesDone(), job.frameCount()), std::fflush(stdout);
    }
    if (!job.finish(&error)) {
        std::fprintf(stderr, "\nmeridian: %s\n", error.c_str());
        return 1;
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("\nwrote %s: %d frames at %dx%d, %.0f fps (%.1f ms per frame)\n", r.output.c_str(), job.frameCount(),
                r.widthPx, r.heightPx, r.fps, 1000.0 * secs / job.frameCount());
    return 0;
}

// Saves the settings when they changed (checked once a second, and at exit).
void saveSettingsIfChanged(ui::AppContext& ctx, std::string& lastSaved) {
    const io::Settings s = ui::captureSettings(ctx);
    const std::string json = io::settingsToJson(s);
    if (json == lastSaved) return;
    std::string error;
    if (io::saveSettings(io::settingsPath(), s, &error))
        lastSaved = json;
    else
        std::fprintf(stderr, "meridian: cannot save settings: %s\n", error.c_str());
}

// Reload on change: when the open file changes on disk, load it again; if the
// new version is invalid, the old data stays and the problems are shown.
void reloadIfChanged(ui::AppContext& ctx) {
    if (ctx.dataFile.empty()) return;
    std::error_code ec;
    const auto t = std::filesystem::last_write_time(ctx.dataFile, ec);
    if (ec || t == ctx.dataFileTime) return;
    if (ctx.storyEditsUnsaved) {
        // Reloading would drop the user's story edits: say so instead.
        ctx.statusMessage = "The file changed on disk. Save your story edits (or use File > Reload to discard them).";
        ctx.statusUntilSec = ctx.timeSec + 3;
        return;
    }
    const bool ok = ui::loadIntoContext(ctx, ctx.dataFile);
    ctx.dataFileTime = t;  // do not retry a broken version every second
    ctx.statusMessage =
        ok ? "Reloaded " + std::filesystem::path(ctx.dataFile).filename().string() + " (changed on disk)"
           : "The changed file has problems: showing the previous version";
    ctx.statusUntilSec = ctx.timeSec + 6;
}

// Exports started in the UI: a slice of frames between UI frames, so the
// progress bar moves and Cancel works.
void stepUiExport(ui::AppContext& ctx, std::unique_ptr<ui::ExportJob>& job, render::Framebuffer& target) {
    ui::AppContext::ExportProgress& progress = ctx.exportProgress;
    if (ctx.exportRequest && !job) {
        job = std::make_unique<ui::ExportJob>();
        std::string error;
        progress = {};
        progress.output = ctx.exportRequest->output;
        if (!job->begin(ctx, *ctx.exportRequest, &error)) {
            progress.message = "Not exported: " + error;
            job.reset();
        } else {
            progress.running = true;
            progress.total = job->frameCount();
            // Type keeps its size relative to the picture (designed at 1080p) while exporting.
            progress.savedUiScale = ctx.uiScale;
            ctx.uiScale = std::clamp(static_cast<float>(job->request().heightPx) / 1080.0f, 0.75f, 4.0f);
            ctx.fontsDirty = true;
        }
        ctx.exportRequest.reset();
    }
    if (!job) return;
    const auto start = std::chrono::steady_clock::now();
    std::string error;
    while (!job->finished() && !progress.cancelRequested &&
           std::chrono::steady_clock::now() - start < std::chrono::milliseconds(60)) {
        if (!renderExportFrame(ctx, *job, target, &error)) {
            progress.cancelRequested = true;
            progress.message = "Export failed: " + error;
        }
    }
    progress.done = job->framesDone();
    if (progress.cancelRequested) {
        job->cancel();
        if (progress.message.empty())
            progress.message = "Export cancelled after " + std::to_string(progress.done) + " frames.";
    } else if (job->finished()) {
        progress.message = job->finish(&error) ? "Done: " + std::to_string(progress.done) + " frames written."
                                               : "Export failed: " + error;
    } else {
        return;
    }
    progress.running = false;
    ctx.uiScale = progress.savedUiScale;
    ctx.fontsDirty = true;
    job.reset();
}

// The speaker view in a second window with its own ImGui context (Debian's
// ImGui 1.86 has no multi-viewport): opened while presenting when a second
// display exists (or --speaker-notes asks for it), closed after.
struct SpeakerWindow {
    SDL_Window* window = nullptr;
    ImGuiContext* imgui = nullptr;
    double startSec = 0;
    bool dismissed = false;  // closed by the user: not reopened during this presentation
    Uint32 id() const { return window ? SDL_GetWindowID(window) : 0; }
};

void openSpeakerWindow(SpeakerWindow& sw, Platform& p, ImGuiContext* mainContext, double nowSec) {
    const int displays = SDL_GetNumVideoDisplays();
    const int display = displays > 1 ? 1 : 0;
    sw.window = SDL_CreateWindow("Meridian \u2014 speaker notes", SDL_WINDOWPOS_CENTERED_DISPLAY(display),
                                 SDL_WINDOWPOS_CENTERED_DISPLAY(display), 900, 600,
                                 SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!sw.window) {
        std::fprintf(stderr, "meridian: cannot open the speaker-notes window: %s\n", SDL_GetError());
        return;
    }
    sw.imgui = ImGui::CreateContext();
    ImGui::SetCurrentContext(sw.imgui);
    ImGui::GetIO().IniFilename = nullptr;
    const std::string font = ui::findFontFile("DejaVu Sans", false);
    if (!font.empty()) ImGui::GetIO().Fonts->AddFontFromFileTTF(font.c_str(), 20.0f, nullptr, ui::glyphRanges());
    ImGui::StyleColorsDark();
    SDL_GL_MakeCurrent(sw.window, p.gl);
    ImGui_ImplSDL2_InitForOpenGL(sw.window, p.gl);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    SDL_GL_MakeCurrent(p.window, p.gl);
    ImGui::SetCurrentContext(mainContext);
    sw.startSec = nowSec;
}

void closeSpeakerWindow(SpeakerWindow& sw, Platform& p, ImGuiContext* mainContext) {
    if (!sw.window) return;
    ImGui::SetCurrentContext(sw.imgui);
    SDL_GL_MakeCurrent(sw.window, p.gl);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext(sw.imgui);
    SDL_GL_MakeCurrent(p.window, p.gl);
    SDL_DestroyWindow(sw.window);
    ImGui::SetCurrentContext(mainContext);
    sw.window = nullptr;
    sw.imgui = nullptr;
}

void drawSpeakerWindow(SpeakerWindow& sw, Platform& p, ImGuiContext* mainContext, const ui::AppContext& ctx) {
    ImGui::SetCurrentContext(sw.imgui);
    SDL_GL_MakeCurrent(sw.window, p.gl);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    ui::drawSpeakerNotes(ctx, sw.startSec);
    ImGui::Render();
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(sw.window, &w, &h);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    renderDrawData(ImVec4(0.08f, 0.08f, 0.1f, 1), w, h);
    SDL_GL_SwapWindow(sw.window);
    SDL_GL_MakeCurrent(p.window, p.gl);
    ImGui::SetCurrentContext(mainContext);
}

void runInteractive(ui::AppContext& ctx, Platform& p, bool forceSpeakerNotes) {
    ImGuiContext* mainContext = ImGui::GetCurrentContext();
    SpeakerWindow speaker;
    bool running = true;
    std::unique_ptr<ui::ExportJob> exportJob;
    render::Framebuffer exportTarget;
    std::vector<SDL_Event> deferredKeyEvents;
    std::string lastSaved = io::settingsToJson(ui::captureSettings(ctx));
    double lastCheck = 0;
    while (!ctx.quitConfirmed) {
        if (!running) ctx.quitRequested = true, running = true;  // window closed: same path as Quit
        if (ctx.quitRequested && !ctx.storyEditsUnsaved) break;
        if (ctx.timeSec - lastCheck > 1.0) {
            lastCheck = ctx.timeSec;
            reloadIfChanged(ctx);
            saveSettingsIfChanged(ctx, lastSaved);
        }
        // Idle: wait for input instead of spinning (a projector laptop on battery);
        // animations (playback, camera flights, arcs drawing themselves) keep frames coming.
        const bool animating = ctx.view.playing || ctx.flight.has_value() || exportJob || ctx.exportRequest ||
                               !deferredKeyEvents.empty() ||
                               (ctx.story && (ctx.story->autoplay || ctx.story->glideStartSec >= 0));
        // The backend reads modifiers from SDL's current state, which is already
        // "released" for a deferred chord (Ctrl+Q typed fast): take them from the event.
        auto processEvent = [](SDL_Event& e) {
            ImGui_ImplSDL2_ProcessEvent(&e);
            if (e.type == SDL_KEYDOWN || e.type == SDL_KEYUP) {
                ImGuiIO& io = ImGui::GetIO();
                const Uint16 mod = e.key.keysym.mod;
                io.KeyCtrl = (mod & KMOD_CTRL) != 0;
                io.KeyShift = (mod & KMOD_SHIFT) != 0;
                io.KeyAlt = (mod & KMOD_ALT) != 0;
                io.KeySuper = (mod & KMOD_GUI) != 0;
            }
        };
        // ImGui 1.86 has no input queue: a key pressed and released within one
        // frame would never be seen as pressed (fast typing, a clicker or a
        // chord like Ctrl+Q on a slow machine, where Ctrl may even be let go
        // first). So any key release after a key press in the same frame, and
        // every key event after it, waits for the next frame, in order.
        std::vector<SDL_Event> batch;
        batch.swap(deferredKeyEvents);
        SDL_Event ev;
        if (batch.empty() ? (animating ? SDL_PollEvent(&ev) : SDL_WaitEventTimeout(&ev, 66)) : SDL_PollEvent(&ev)) {
            do batch.push_back(ev);
            while (SDL_PollEvent(&ev));
        }
        std::vector<SDL_Scancode> downThisFrame;
        bool deferring = false;
        for (SDL_Event& e : batch) {
            const bool isKey = e.type == SDL_KEYDOWN || e.type == SDL_KEYUP;
            if (isKey && (deferring || (e.type == SDL_KEYUP && !downThisFrame.empty()))) {
                deferring = true;
                deferredKeyEvents.push_back(e);
                continue;
            }
            if (e.type == SDL_KEYDOWN) downThisFrame.push_back(e.key.keysym.scancode);
            // The speaker window gets its own mouse and window events; keys always
            // drive the presentation, whichever window has the focus.
            if (speaker.window && !isKey && e.type != SDL_QUIT &&
                ((e.type == SDL_WINDOWEVENT && e.window.windowID == speaker.id()) ||
                 ((e.type == SDL_MOUSEMOTION || e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP ||
                   e.type == SDL_MOUSEWHEEL) &&
                  e.motion.windowID == speaker.id()))) {
                if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE) {
                    closeSpeakerWindow(speaker, p, mainContext);
                    speaker.dismissed = true;
                    continue;
                }
                ImGui::SetCurrentContext(speaker.imgui);
                ImGui_ImplSDL2_ProcessEvent(&e);
                ImGui::SetCurrentContext(mainContext);
                continue;
            }
            processEvent(e);
            if (e.type == SDL_QUIT) running = false;
            if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE) running = false;
            if (e.type == SDL_DROPFILE) {
                ui::loadIntoContext(ctx, e.drop.file);
                SDL_free(e.drop.file);
            }
        }
        stepUiExport(ctx, exportJob, exportTarget);
        const bool wantFullscreen = ctx.fullscreen;
        uiFrame(ctx, nullptr);
        if (wantFullscreen != ((SDL_GetWindowFlags(p.window) & SDL_WINDOW_FULLSCREEN_DESKTOP) != 0))
            SDL_SetWindowFullscreen(p.window, ctx.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        int w = 0, h = 0;
        SDL_GL_GetDrawableSize(p.window, &w, &h);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        renderDrawData(ImGui::GetStyle().Colors[ImGuiCol_WindowBg], w, h);
        SDL_GL_SwapWindow(p.window);
        const bool presenting = ctx.story && ctx.story->presenting;
        const bool wantSpeaker = presenting && (forceSpeakerNotes || SDL_GetNumVideoDisplays() > 1);
        if (wantSpeaker && !speaker.window && !speaker.dismissed)
            openSpeakerWindow(speaker, p, mainContext, ctx.timeSec);
        if (!presenting) {
            if (speaker.window) closeSpeakerWindow(speaker, p, mainContext);
            speaker.dismissed = false;
        }
        if (speaker.window) drawSpeakerWindow(speaker, p, mainContext, ctx);
    }
    closeSpeakerWindow(speaker, p, mainContext);
    saveSettingsIfChanged(ctx, lastSaved);
}

}  // namespace

int main(int argc, char** argv) {
    const io::CommandLineResult cl = io::parseCommandLine(std::vector<std::string>(argv + 1, argv + argc));
    if (!cl.error.empty()) {
        std::fprintf(stderr, "meridian: %s\n", cl.error.c_str());
        return 2;
    }
    const io::CommandLine& opt = cl.options;
    if (opt.help) {
        std::fputs(io::usageText(), stdout);
        return 0;
    }
    if (opt.version) {
        std::printf("meridian 0.1 (data format %d)\n", io::kFormatVersion);
        return 0;
    }
    const bool headless = !opt.screenshotPath.empty() || !opt.exportVideo.empty();
    // Settings make the app remember; headless renders ignore them, so the
    // same command gives the same picture on every machine.
    io::SettingsLoad settings;
    if (!headless && !opt.validate) {
        settings = io::loadSettings(io::settingsPath());
        if (!settings.warning.empty()) std::fprintf(stderr, "meridian: %s\n", settings.warning.c_str());
    }
    std::string file = opt.dataFile;
    if (file.empty() && !headless && !settings.settings.lastFile.empty() &&
        std::filesystem::exists(settings.settings.lastFile))
        file = settings.settings.lastFile;
    if (file.empty()) file = defaultDataFile();
    if (opt.validate) return runValidate(file);
    Platform platform;
    if (!initPlatform(platform, opt, headless)) {
        shutdownPlatform(platform);
        return 1;
    }

    ui::AppContext ctx;
    if (!headless) applySettings(ctx, settings.settings);
    if (!settings.warning.empty()) {
        ctx.statusMessage = "Settings were damaged and reset (see the terminal)";
        ctx.statusUntilSec = 15;
    }
    ctx.dpiScale = headless ? 1.0f : displayDpiScale(platform.window);
    if (opt.uiScale) ctx.uiScale = static_cast<float>(*opt.uiScale);
    if (!opt.theme.empty()) {
        if (const auto t = ui::parseTheme(opt.theme))
            ctx.theme = *t;
        else
            std::fprintf(stderr, "meridian: unknown theme \"%s\" (dark, light or projector); using dark\n",
                         opt.theme.c_str());
    }
    ctx.fullscreen = opt.fullscreen;
    ctx.mapOnly = opt.mapOnly;
    ctx.headless = headless;
    ctx.caption = opt.caption;
    if (opt.noLegend) ctx.map.legend = false;
    if (opt.basemap) ctx.map.basemap = true;
    const bool loaded = ui::loadIntoContext(ctx, file);
    if (!loaded) ctx.dataFile = file;

    if (!opt.story.empty() && ctx.hasDataset) {
        const Index story = ctx.dataset.findStory(opt.story);
        if (story == kNoIndex) {
            std::fprintf(stderr, "meridian: --story: no story with id \"%s\"\n", opt.story.c_str());
            if (headless) return 1;
        } else {
            const int steps = static_cast<int>(ctx.dataset.stories[story].steps.size());
            if (opt.step && *opt.step > steps) {
                std::fprintf(stderr, "meridian: --step %d: the story \"%s\" has %d steps\n", *opt.step,
                             opt.story.c_str(), steps);
                if (headless) return 1;
            }
            // A screenshot of a step is the slide: presenter mode.
            ctx.pendingStory = ui::AppContext::PendingStory{story, std::clamp(opt.step.value_or(1), 1, steps) - 1,
                                                            opt.present || headless, headless};
            if (opt.present) ctx.fullscreen = true;
        }
    }
    if (!opt.select.empty() && ctx.hasDataset) {
        const Index i = ctx.dataset.findEvent(opt.select);
        if (i == kNoIndex) std::fprintf(stderr, "meridian: --select: no event with id \"%s\"\n", opt.select.c_str());
        ctx.view.select(i);
    }
    if (!opt.time.empty()) {
        const DateParseResult t = parseIsoDate(opt.time);
        if (t.date)
            ctx.view.playheadDay = static_cast<double>(t.date->firstDay());
        else
            std::fprintf(stderr, "meridian: --time: %s\n", t.error.c_str());
    }
    if (!opt.timeFrom.empty() || !opt.timeTo.empty()) {
        const DateParseResult from = parseIsoDate(opt.timeFrom.empty() ? "0001" : opt.timeFrom);
        const DateParseResult to = parseIsoDate(opt.timeTo.empty() ? "9999" : opt.timeTo);
        if (!from.date)
            std::fprintf(stderr, "meridian: --from: %s\n", from.error.c_str());
        else if (!to.date)
            std::fprintf(stderr, "meridian: --to: %s\n", to.error.c_str());
        else if (opt.exportVideo.empty())
            ctx.view.window = DaySpan{from.date->span().first, to.date->span().last};
    }
    if (!opt.projection.empty()) {
        if (const auto p = geo::parseProjection(opt.projection))
            ctx.camera.projection = *p;
        else
            std::fprintf(stderr, "meridian: unknown projection \"%s\" (%s)\n", opt.projection.c_str(),
                         std::string(geo::projectionNameList()).c_str());
    }
    if (!opt.view.empty()) {
        double lon = 0, lat = 0, zoom = 1;
        if (std::sscanf(opt.view.c_str(), "%lf,%lf,%lf", &lon, &lat, &zoom) == 3 && lon >= -180 && lon <= 180 &&
            lat >= -90 && lat <= 90 && zoom > 0) {
            ctx.camera.centerLonDeg = lon;
            ctx.camera.centerLatDeg = lat;
            ctx.camera.zoom = std::clamp(zoom, geo::kMinZoom, geo::kMaxZoom);
            ctx.fitRequested = false;
        } else {
            std::fprintf(stderr, "meridian: --view needs LON,LAT,ZOOM (e.g. 90,35,2), got \"%s\"\n", opt.view.c_str());
        }
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // layout is ours; settings are saved by Meridian
    // Keyboard navigation of the panels' controls is a mode (F6): outside it the
    // arrows, Space, Home and End drive the timeline and the presenter (a clicker
    // sends them), inside it they move between controls. ui/main_window.cpp toggles it.
    ImGui_ImplSDL2_InitForOpenGL(platform.window, platform.gl);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    ctx.fontsDirty = true;
    {
        std::string mapError;
        ctx.mapState = ui::createMapView(&mapError);
        if (!ctx.mapState)
            std::fprintf(stderr, "meridian: the map cannot be drawn: %s\n", mapError.c_str());
        else if (headless && ctx.camera.zoom >= 10)
            ui::waitForMapDetail(*ctx.mapState);
    }

    int rc = 0;
    if (!opt.exportVideo.empty()) {
        // Type and lines keep their size relative to the picture (designed at 1080p).
        if (!opt.uiScale)
            ctx.uiScale = std::clamp(static_cast<float>(opt.heightPx) / 1080.0f, 0.75f, 4.0f), ctx.fontsDirty = true;
        rc = loaded ? runExport(ctx, opt) : 1;
    } else if (headless) {
        rc = runScreenshot(ctx, opt);
        if (!loaded) rc = 1;  // the PNG shows the errors; the exit code says so too
    } else {
        runInteractive(ctx, platform, opt.speakerNotes);
        if (!opt.stateReport.empty()) writeStateReport(ctx, opt.stateReport);
    }

    ctx.mapState.reset();  // GL objects go before the context
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    shutdownPlatform(platform);
    return rc;
}

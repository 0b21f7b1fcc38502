// Meridian: set up, run, tear down (like Dear ImGui's SDL2 + OpenGL3 example).
//   command line -> window and GL 3.3 core context -> ImGui -> the app and its
//   data -> the event loop (or one offscreen render) -> teardown in reverse.
// --validate needs no window; --screenshot and --export-video render offscreen.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "io/build_paths.h"
#include "io/command_line.h"
#include "io/dataset_loader.h"
#include "io/import/convert_command.h"
#include "io/recovery.h"
#include "io/settings.h"
#include "platform/event_loop.h"
#include "platform/frame_bench.h"
#include "platform/offscreen.h"
#include "platform/startup_trace.h"
#include "platform/window.h"
#include "session/launch.h"
#include "ui/app.h"
#include "ui/reports.h"

#ifdef __EMSCRIPTEN__
#include "browser/page_options.h"
#endif

using namespace meridian;

namespace {

std::string defaultDataFile() {
    // Next to the binary's source tree when run from a build folder, else the current directory.
    const std::filesystem::path inSource = std::filesystem::path(meridian::io::sourceDir()) / "data" / "iran-dprk.json";
    if (std::filesystem::exists(inSource)) return inSource.string();
    return "data/iran-dprk.json";
}

// The export the command line asks for (--export-video, with --story or --from/--to).
bool exportRequestFrom(const io::CommandLine& opt, ui::App& app, ExportRequest* r) {
    const Dataset& ds = app.document().data();
    r->output = opt.exportVideo;
    r->widthPx = opt.widthPx;
    r->heightPx = opt.heightPx;
    r->fps = opt.fps.value_or(30.0);
    r->caption = opt.caption;
    r->durationSec = opt.durationSec.value_or(0.0);
    if (!opt.story.empty()) {
        r->kind = ExportRequest::Kind::Story;
        r->story = app.document().findStory(opt.story);
        app.session().pendingStory.reset();
        return true;
    }
    const std::string first = ds.extent.first < 0 ? "1970" : formatDayNumber(ds.extent.first);
    const DateParseResult from = parseIsoDate(opt.timeFrom.empty() ? first : opt.timeFrom);
    const DateParseResult to = parseIsoDate(opt.timeTo.empty() ? formatDayNumber(ds.extent.last - 1) : opt.timeTo);
    if (!from.date || !to.date) {
        std::fprintf(stderr, "meridian: --export-video: %s\n", (!from.date ? from.error : to.error).c_str());
        return false;
    }
    r->range = DaySpan{from.date->span().first, to.date->span().last};
    return true;
}

}  // namespace

// Breaks text into lines of at most width characters at spaces (SDL's X11
// message box shows one line per line, however long).
static std::string wrapLines(const std::string& text, std::size_t width) {
    std::string out;
    std::size_t lineStart = 0, lastSpace = std::string::npos;
    for (char ch : text) {
        if (ch == ' ') lastSpace = out.size();
        out += ch;
        if (out.size() - lineStart > width && lastSpace != std::string::npos && lastSpace > lineStart) {
            out[lastSpace] = '\n';
            lineStart = lastSpace + 1;
            lastSpace = std::string::npos;
        }
    }
    return out;
}

int main(int argc, char** argv) {
#ifdef __EMSCRIPTEN__
    // The browser build: the page's address gives the options (web/site/pre.js);
    // a bad or desktop-only one is noted on the page, never a blank page.
    std::vector<std::string> notes;
    const io::CommandLineResult cl = web::browserCommandLine(std::vector<std::string>(argv + 1, argv + argc), &notes);
    for (const std::string& n : notes) std::fprintf(stderr, "meridian: %s\n", n.c_str());
#else
    // Past a file size limit (ulimit -f) a write fails with EFBIG, reported like a full disk,
    // instead of the signal ending the app with the user's work unsaved.
    std::signal(SIGXFSZ, SIG_IGN);
    // `meridian convert IN OUT [--mapping FILE]`: no window.
    if (argc >= 2 && std::string_view(argv[1]) == "convert")
        return io::runConvertCommand(std::vector<std::string>(argv + 2, argv + argc), stdout, stderr);
    const io::CommandLineResult cl = io::parseCommandLine(std::vector<std::string>(argv + 1, argv + argc));
#endif
    if (!cl.error.empty()) {
        std::fprintf(stderr, "meridian: %s\n", cl.error.c_str());
        return 2;
    }
    const io::CommandLine& opt = cl.options;
    if (opt.help) return std::fputs(io::usageText(), stdout), 0;
    if (opt.version) return std::printf("meridian 0.1 (data format %d)\n", io::kFormatVersion), 0;
    const bool headless = !opt.screenshotPath.empty() || !opt.exportVideo.empty();
    const bool bench = opt.benchFrames > 0;  // a real window, but the same figures on every machine
    // Settings make the app remember; headless renders ignore them, so the
    // same command gives the same picture on every machine.
    io::SettingsLoad settings;
    if (!headless && !bench && !opt.validate) {
        settings = io::loadSettings(io::settingsPath());
        if (!settings.warning.empty()) std::fprintf(stderr, "meridian: %s\n", settings.warning.c_str());
    }
    std::string file = opt.dataFile;
    if (file.empty() && !headless && !settings.settings.lastFile.empty() &&
        std::filesystem::exists(settings.settings.lastFile))
        file = settings.settings.lastFile;
    if (file.empty()) file = defaultDataFile();
    if (opt.validate) return io::runValidateAnyFile(file, stdout, stderr);  // any readable format

    // Window, GL context, ImGui.
    platform::Window window;
    std::string error;
    if (!platform::openWindow(window, {opt.widthPx, opt.heightPx, headless, opt.fullscreen}, &error)) {
        std::fprintf(stderr, "meridian: %s\n", error.c_str());
        platform::closeWindow(window);
        // Started from a desktop icon there is no terminal: say it in a box too (SDL
        // draws it with X11 itself, no OpenGL; without a display it cannot show).
        if (!headless && !bench && std::getenv("DISPLAY") &&
            SDL_ShowSimpleMessageBox(SDL_MESSAGEBOX_ERROR, "Meridian cannot start", wrapLines(error, 72).c_str(),
                                     nullptr) != 0)
            std::fprintf(stderr, "meridian: (no message box either: %s)\n", SDL_GetError());
        return 1;
    }
    platform::markStartup("window and OpenGL context");
    platform::initImGui(window);

    int rc = 0;
    {
        // The app and its data (the map panel needs the GL context).
#ifdef __EMSCRIPTEN__
        ui::App& app = *new ui::App;  // the browser's loop outlives main() (emscripten_set_main_loop)
#else
        ui::App app;
#endif
        if (!app.window().map().ok()) app.alert("The map cannot be drawn: " + app.window().map().error());
        for (std::string& problem : app.window().map().takeProblems()) app.alert(std::move(problem));
        platform::markStartup("map (shaders, world, basemap)");
        if (!headless && !bench) app.applySettings(settings.settings);
        if (!settings.warning.empty()) app.state().statusMessage = "Settings were damaged and reset (see the terminal)";
        app.state().statusUntilSec = 15;
        app.look().dpiScale = headless || bench ? 1.0f : platform::displayDpiScale(window.window);
        if (opt.uiScale) app.look().uiScale = static_cast<float>(*opt.uiScale);
        // Exported pictures (videos, map-only images up to 8K and paper sizes): type, lines and
        // markers keep their size relative to the picture, as designed at 1080p.
        if ((!opt.exportVideo.empty() || (opt.mapOnly && headless)) && !opt.uiScale)
            app.look().uiScale = std::clamp(static_cast<float>(opt.heightPx) / 1080.0f, 0.75f, 4.0f);
        if (!opt.theme.empty()) {
            if (const auto t = ui::parseTheme(opt.theme))
                app.look().theme = *t;
            else
                std::fprintf(stderr, "meridian: unknown theme \"%s\" (dark, light or projector); using dark\n",
                             opt.theme.c_str());
        }
        app.state().fullscreen = opt.fullscreen;
        if (!headless) app.enableCrashRecovery(io::recoveryFolder());  // offers a restore after a crash
        const bool loaded = app.open(file);
        platform::markStartup("data file");
        const LaunchProblems launch = applyLaunchOptions(app.session(), app.document(), opt, headless);
        for (const std::string& w : launch.warnings) std::fprintf(stderr, "meridian: %s\n", w.c_str());
        if (opt.present && app.session().pendingStory) app.state().fullscreen = true;
        platform::refreshLook(app);
        platform::markStartup("fonts");
        if (headless && app.session().camera.zoom >= 10) app.window().map().waitForDetail();

        if (headless && launch.fatalWhenHeadless) {
            rc = 1;
        } else if (!opt.exportVideo.empty()) {
            ExportRequest request;
            rc = loaded && exportRequestFrom(opt, app, &request) ? platform::ExportRunner().runToEnd(app, request) : 1;
        } else if (bench) {
            rc = loaded ? platform::runFrameBenchmark(app, window, {opt.benchFrames, file}) : 1;
        } else if (headless) {
            rc = platform::runScreenshot(app, opt.screenshotPath, opt.widthPx, opt.heightPx);
            if (!opt.layoutReport.empty()) ui::writeLayoutReport(app, opt.layoutReport);
            if (!loaded) rc = 1;  // the PNG shows the errors; the exit code says so too
        } else {
            platform::runEventLoop(app, window, {opt.speakerNotes, true, opt.stateReport});
            if (!opt.stateReport.empty()) ui::writeStateReport(app, opt.stateReport);
        }
    }  // the app's GL objects go before the context

    platform::shutdownImGui();
    platform::closeWindow(window);
    return rc;
}

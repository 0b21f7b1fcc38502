#include "platform/frame_bench.h"

#include <imgui_internal.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <string_view>
#include <vector>

#include "platform/memory_report.h"
#include "platform/offscreen.h"
#include "platform/startup_trace.h"
#include "platform/ui_compositor.h"
#include "render/gl.h"

namespace meridian::platform {

namespace {

double cpuSec() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double wallSec() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::string firstLine(const char* path) {
    std::ifstream f(path);
    std::string line;
    std::getline(f, line);
    return line;
}

long statusKiB(const char* key) {
    std::ifstream f("/proc/self/status");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind(key, 0) == 0) return std::strtol(line.c_str() + std::string(key).size(), nullptr, 10);
    return -1;
}

// What the scripted user does in one frame.
struct FrameInput {
    ImVec2 mouse{-FLT_MAX, -FLT_MAX};
    bool down = false;
    float wheel = 0;
};

struct FrameTimes {
    std::vector<double> cpuMs, wallMs, gpuMs;
    std::vector<double> uiCpuMs, paintCpuMs;    // the frame's two halves: the UI and the map; painting and swapping
    double repaintedShare = 0;                  // of the window's pixels, summed over frames
    std::array<int, 4> mapRedraws{0, 0, 0, 0};  // frames per render::MapRedraw
};

struct Stats {
    double median = 0, p95 = 0, max = 0;
};

Stats stats(std::vector<double> v) {
    Stats s;
    if (v.empty()) return s;
    std::sort(v.begin(), v.end());
    s.median = v[v.size() / 2];
    s.p95 = v[std::min(v.size() - 1, static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(v.size()))) - 1)];
    s.max = v.back();
    return s;
}

class Bench {
public:
    Bench(ui::App& app, Window& window) : m_app(app), m_window(window) {
#ifndef __EMSCRIPTEN__  // WebGL2 has no timer queries (its extension is rarely offered): CPU times only
        m_hasTimer = epoxy_gl_version() >= 33 || epoxy_has_gl_extension("GL_ARB_timer_query");
#endif
        if (m_hasTimer) glGenQueries(1, &m_query);
    }
    ~Bench() {
        if (m_query) glDeleteQueries(1, &m_query);
    }

    // One frame as the event loop draws it (UI, map, swap), finished (glFinish).
    void frame(const FrameInput& in, FrameTimes* times) {
        int w = 0, h = 0;
        SDL_Event ev;
        while (SDL_PollEvent(&ev)) {
        }
        const double wall0 = wallSec(), cpu0 = cpuSec();
        if (m_app.requests().rebuildFonts) m_app.requests().rebuildFonts = false, refreshLook(m_app);
        m_clockSec += 1.0 / 30.0;  // a steady virtual clock: the same session on every run
        m_app.beginFrame(m_clockSec);
        beginImGuiFrame();
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = in.mouse;
        for (bool& d : io.MouseDown) d = false;
        io.MouseDown[0] = in.down;
        io.MouseWheel = in.wheel;
        ImGui::NewFrame();
        gpuTimer(true);
        m_app.drawUi(m_app.session());
        ImGui::Render();
        glFinish();  // the map's GL work done: the UI's share of the frame ends here
        const double cpuUi = cpuSec();
        SDL_GL_GetDrawableSize(m_window.window, &w, &h);
        m_compositor.present(m_window.window, ImGui::GetDrawData(), w, h);
        gpuTimer(false);
        m_app.endFrame();
        glFinish();
        const double cpu1 = cpuSec(), wall1 = wallSec();
        if (times) {
            times->repaintedShare += static_cast<double>(m_compositor.lastRepaintedPx()) / (static_cast<double>(w) * h);
            ++times->mapRedraws[static_cast<std::size_t>(m_app.window().map().lastRedraw())];
            times->cpuMs.push_back(1000.0 * (cpu1 - cpu0));
            times->uiCpuMs.push_back(1000.0 * (cpuUi - cpu0));
            times->paintCpuMs.push_back(1000.0 * (cpu1 - cpuUi));
            times->wallMs.push_back(1000.0 * (wall1 - wall0));
            if (m_hasTimer) times->gpuMs.push_back(gpuTimerMs());
        }
    }

    bool hasTimer() const {
        return m_hasTimer;
    }

private:
    void gpuTimer(bool start) {
#ifndef __EMSCRIPTEN__
        if (m_hasTimer) start ? glBeginQuery(GL_TIME_ELAPSED, m_query) : glEndQuery(GL_TIME_ELAPSED);
#else
        (void)start;
#endif
    }
    double gpuTimerMs() {
        GLuint64 ns = 0;
#ifndef __EMSCRIPTEN__
        glGetQueryObjectui64v(m_query, GL_QUERY_RESULT, &ns);
#endif
        return static_cast<double>(ns) * 1e-6;
    }

public:
    const UiCompositor& compositor() const {
        return m_compositor;
    }
    // Pixels of the last frame that differ from a full repaint (the compositor's self-check).
    std::int64_t checkCompositor() {
        return m_compositor.pixelsDifferingFromFullRepaint(ImGui::GetDrawData());
    }

private:
    ui::App& m_app;
    Window& m_window;
    bool m_hasTimer = false;
    GLuint m_query = 0;
    double m_clockSec = 0;
    UiCompositor m_compositor;
};

ImRect windowRect(const char* name) {
    const ImGuiWindow* w = ImGui::FindWindowByName(name);
    return w ? w->InnerRect : ImRect();
}

}  // namespace

int runFrameBenchmark(ui::App& app, Window& window, const FrameBenchOptions& options) {
    SDL_GL_SetSwapInterval(0);  // time the frames, not the display's refresh
    Bench bench(app, window);
    const int n = std::max(4, options.framesPerPart);
    const double cpuStart = cpuSec();
    bench.frame({}, nullptr);
    firstFrameShown();
    const double firstFrameCpuMs = 1000.0 * (cpuSec() - cpuStart);
    // Let the layout settle and what the map loads in the background arrive.
    for (int i = 0; i < 3; ++i) bench.frame({}, nullptr);
    app.window().map().waitForLoads();
    bench.frame({}, nullptr);

    const Dataset& ds = app.document().data();
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(window.window, &w, &h);
    std::printf("meridian --bench-frames %d: %s\n", n, options.file.c_str());
    std::printf("  %zu events, %zu places; window %dx%d; renderer: %s (%s); %ld CPUs; load average at start: %s\n",
                ds.events.size(), ds.places.size(), w, h, reinterpret_cast<const char*>(glGetString(GL_RENDERER)),
                reinterpret_cast<const char*>(glGetString(GL_VERSION)), sysconf(_SC_NPROCESSORS_ONLN),
                firstLine("/proc/loadavg").c_str());
    std::printf("  compositor: %s; map zoom at start %.2f\n", UiCompositor::modeName(bench.compositor().mode()),
                app.session().camera.zoom);
    std::printf("start-up (seconds since the process started; the first frame took %.0f ms of CPU):\n%s",
                firstFrameCpuMs, formatStartupMarks().c_str());

    struct Part {
        const char* name;
        std::function<FrameInput(int)> input;  // frame i of n
        std::function<void()> before;
    };
    ui::TimelineLayoutReport tl;
    app.window().timeline().layoutReport(tl);
    const ImRect map = windowRect(app.session().presenting() ? "Map" : "Map");
    const ImVec2 mapCentre = map.GetCenter();
    const float laneY = tl.lanesY + (tl.rowHeights.empty() ? 8.0f : tl.rowHeights[0] * 0.5f);
    const float axisY = tl.lanesY - 3;
    const auto span = static_cast<float>(tl.widthPx);
    Session& s = app.session();
    const std::vector<Part> parts = {
        {"still", [](int) { return FrameInput{}; }, {}},
        {"scrub",
         [&](int i) {
             // Pressed on the axis at the left end, dragged to the right end.
             const float x = tl.lanesX + 1 + (span - 2) * static_cast<float>(i) / static_cast<float>(n - 1);
             return FrameInput{ImVec2(x, axisY), true, 0};
         },
         [&] {
             bench.frame({ImVec2(tl.lanesX + 1, axisY), false, 0}, nullptr);
         }},
        {"timeline zoom",
         [&](int i) {
             // Decades to days (the wheel over the lanes), then back out.
             return FrameInput{ImVec2(tl.lanesX + span * 0.5f, laneY), false, i < n / 2 ? 1.0f : -1.0f};
         },
         [&] { bench.frame({}, nullptr); }},
        {"map pan/zoom",
         [&](int i) {
             // Wheel in, drag around a circle, wheel out; the pointer moves a little all along.
             const int third = std::max(1, n / 3);
             const float a = 6.2831853f * static_cast<float>(i) / static_cast<float>(n);
             const ImVec2 p(mapCentre.x + 80 * std::cos(a), mapCentre.y + 60 * std::sin(a));
             if (i < third) return FrameInput{p, false, i < 12 ? 1.0f : 0.0f};
             if (i < 2 * third) return FrameInput{p, true, 0};
             return FrameInput{p, false, i - 2 * third < 12 ? -1.0f : 0.0f};
         },
         [&] { bench.frame({}, nullptr); }},
        {"hover",
         [&](int i) {
             // The pointer sweeps the map in rows.
             const int cols = std::max(2, static_cast<int>(std::sqrt(static_cast<double>(n))));
             const float fx = static_cast<float>(i % cols + 0.5f) / static_cast<float>(cols);
             const float fy = static_cast<float>(i / cols + 0.5f) / static_cast<float>((n + cols - 1) / cols);
             return FrameInput{ImVec2(map.Min.x + map.GetWidth() * fx, map.Min.y + map.GetHeight() * fy), false, 0};
         },
         [&] { bench.frame({}, nullptr); }},
        {"play", [](int) { return FrameInput{}; },
         [&] {
             s.view.playheadDay = static_cast<double>(ds.extent.first);
             s.view.playSpeedDaysPerSec = std::max(
                 30.0, static_cast<double>(ds.extent.last - ds.extent.first) / (static_cast<double>(n) / 30.0));
             s.view.playing = true;
         }},
    };
    std::printf("%-14s %6s %9s %9s %9s %10s %9s %9s %9s %10s  %s\n", "part", "frames", "cpu med", "cpu p95", "cpu max",
                "ui+map", "paint", "wall med", bench.hasTimer() ? "gpu med" : "gpu", "repainted",
                "map redraws (events/world/all)");
    FrameTimes all;
    std::int64_t differing = 0;
    long long mapDiffering = 0;
    // MERIDIAN_BENCH_PARTS=scrub,hover runs only those (to profile one of them).
    const char* only = std::getenv("MERIDIAN_BENCH_PARTS");
    for (const Part& part : parts) {
        if (only && !std::strstr(only, part.name)) continue;
        // What the previous part asked the map to load (a finer world) is in:
        // the same frames on every run.
        app.window().map().waitForLoads();
        if (part.before) part.before();
        FrameTimes t;
        // Hover picks on the CPU; the first frames of the part also ask the GPU, to compare.
        for (int i = 0; i < n; ++i) {
            if (std::string_view(part.name) == "hover") app.window().map().pickCheck().enabled = i < std::min(n, 40);
            bench.frame(part.input(i), &t);
        }
        app.window().map().pickCheck().enabled = false;
        differing += std::max<std::int64_t>(0, bench.checkCompositor());
        mapDiffering += std::max(0LL, app.window().map().checkLayers());
        // Release the button, so the next part starts from rest.
        bench.frame({}, nullptr);
        s.view.playing = false;
        const Stats cpu = stats(t.cpuMs), wall = stats(t.wallMs), gpu = stats(t.gpuMs);
        std::printf("%-14s %6d %9.2f %9.2f %9.2f %10.2f %9.2f %9.2f %9.2f %9.0f%%  %d/%d/%d\n", part.name, n,
                    cpu.median, cpu.p95, cpu.max, stats(t.uiCpuMs).median, stats(t.paintCpuMs).median, wall.median,
                    gpu.median, 100.0 * t.repaintedShare / n, t.mapRedraws[1], t.mapRedraws[2], t.mapRedraws[3]);
        all.cpuMs.insert(all.cpuMs.end(), t.cpuMs.begin(), t.cpuMs.end());
        all.wallMs.insert(all.wallMs.end(), t.wallMs.begin(), t.wallMs.end());
        all.gpuMs.insert(all.gpuMs.end(), t.gpuMs.begin(), t.gpuMs.end());
    }
    const Stats cpu = stats(all.cpuMs), wall = stats(all.wallMs), gpu = stats(all.gpuMs);
    std::printf("%-14s %6zu %9.2f %9.2f %9.2f %10s %9s %9.2f %9.2f\n", "all", all.cpuMs.size(), cpu.median, cpu.p95,
                cpu.max, "", "", wall.median, gpu.median);
    std::printf("memory: %ld MiB resident, %ld MiB peak; load average at the end: %s\n", statusKiB("VmRSS:") / 1024,
                statusKiB("VmHWM:") / 1024, firstLine("/proc/loadavg").c_str());
    std::printf("%s", formatMemoryReport(14).c_str());
    // The compositor repaints only what changed: the last frame of each part
    // must equal a full repaint, pixel for pixel.
    std::printf("compositor self-check: %lld pixels differ from a full repaint\n", static_cast<long long>(differing));
    const auto& picks = app.window().map().pickCheck();
    std::printf(
        "pick self-check: the CPU and the GPU disagree on %d of %d hover picks (%d of them within %.2f px of "
        "an edge)\n",
        picks.disagreements, picks.picks, picks.atAnEdge, ui::MapPanel::kPickEdgeTolerancePx);
    // The map's cached layers must give the map drawn in one go.
    std::printf("map layers self-check: %lld pixels differ from drawing the map in one go\n", mapDiffering);
    return differing == 0 && mapDiffering == 0 ? 0 : 3;
}

}  // namespace meridian::platform

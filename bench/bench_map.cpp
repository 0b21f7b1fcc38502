// Map renderer benchmark: world mesh build + upload per level of detail, then
// frame cost of MapRenderer::render for the curated dataset and synthetic
// datasets of 1k / 10k / 100k connection events, in Equal Earth (zoom 1) and
// on the globe, worst case (playhead at the end, allUpToNow: everything shown).
// A CLI that prints a table (not a timed unit test; not run by CTest).
//
// It needs an OpenGL 3.3 core context: like the app, it opens a hidden SDL
// window and falls back to SDL's "offscreen" (EGL) video driver when there is
// no display, so it runs headless without Xvfb.
//
// Per measured frame: glFinish (untimed, so the previous frame is done), then
//   render()        wall time of MapRenderer::render alone (what the CPU spends
//                   issuing the frame; no glFinish);
//   frame+finish    render() + MSAA resolve + glFinish (GPU work included);
//   geom-only       the same frame with a 1x1 scissor: vertex work and binning
//                   run as usual, but almost nothing is rasterised, so
//                   frame+finish - geom-only ~ rasterisation + fragment shading;
//   proc CPU        CPU time of the whole process (all threads, including a
//                   software rasteriser's worker threads) during frame+finish.
//
// Usage: meridian_bench_map [--frames N] [--budget SECONDS] [--size WxH] [N ...]
//   N ...       synthetic event counts (default 1000 10000 100000), all connections
//   --frames    measured frames per case, at most (default 30)
//   --budget    seconds of measured frames per case (default 6): slow cases get
//               fewer frames (at least one), and cases predicted to take more
//               than 5 s a frame skip the 3 warm-up frames (the shaders were
//               already compiled and JIT-ed by the smaller cases)
#include <SDL.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "geo/arc_layout.h"
#include "geo/camera.h"
#include "io/asset_paths.h"
#include "io/build_paths.h"
#include "io/dataset_loader.h"
#include "io/topojson.h"
#include "io/world_data.h"
#include "render/framebuffer.h"
#include "render/gl.h"
#include "render/map_renderer.h"
#include "synthetic_data.h"

using namespace meridian;
using Clock = std::chrono::steady_clock;

namespace {

// Sizes of the renderer's private instance structs (map_renderer.cpp):
// ArcInstance = float ends[4] + float route[4] + u8 color[4] + float meta[4] + float fixed[2];
// MarkerInstance = float lonLat[2] + u8 color[4] + float meta[4] + float fixed[2];
// The event mask is a 4096-wide R8 texture.
constexpr std::size_t kArcInstanceBytes = 60;
constexpr std::size_t kMarkerInstanceBytes = 36;
constexpr std::size_t kWorldVertexBytes = 8;  // the world's meshes: lon, lat (geo::MeshVertex)
constexpr std::size_t kMaskWidth = 4096;

double msSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double cpuMs(clockid_t clock) {
    timespec ts{};
    clock_gettime(clock, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

long peakRssMiB() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

double mib(std::size_t bytes) {
    return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

// ---------------------------------------------------------------------------
// GL context: hidden SDL window + GL 3.3 core, as app/main.cpp does it.
// ---------------------------------------------------------------------------

struct GlContext {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    ~GlContext() {
        if (gl) SDL_GL_DeleteContext(gl);
        if (window) SDL_DestroyWindow(window);
        SDL_Quit();
    }
};

bool createContext(GlContext& c) {
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        const std::string first = SDL_GetError();
        // No X server: SDL's offscreen driver (EGL), as the app's headless mode.
        SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
        if (SDL_Init(SDL_INIT_VIDEO) != 0) {
            std::fprintf(stderr, "meridian_bench_map: cannot initialise SDL video (%s; offscreen: %s)\n", first.c_str(),
                         SDL_GetError());
            return false;
        }
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 24);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8);
    c.window = SDL_CreateWindow("meridian_bench_map", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 64, 64,
                                SDL_WINDOW_OPENGL | SDL_WINDOW_HIDDEN);
    if (!c.window) {
        std::fprintf(stderr, "meridian_bench_map: SDL_CreateWindow failed: %s\n", SDL_GetError());
        return false;
    }
    c.gl = SDL_GL_CreateContext(c.window);
    if (!c.gl || SDL_GL_MakeCurrent(c.window, c.gl) != 0) {
        std::fprintf(stderr, "meridian_bench_map: cannot create an OpenGL 3.3 core context: %s\n", SDL_GetError());
        return false;
    }
    SDL_GL_SetSwapInterval(0);
    return true;
}

std::string glString(GLenum name) {
    const GLubyte* s = glGetString(name);
    return s ? reinterpret_cast<const char*>(s) : "?";
}

// ---------------------------------------------------------------------------
// Frame measurement
// ---------------------------------------------------------------------------

struct Options {
    int frames = 30;           // measured frames per case, at most
    int warmup = 3;            // warm-up frames per case, at most
    double budgetSec = 6;      // measured frames stop once the next would go past this
    double skipWarmupSec = 5;  // a case predicted slower than this per frame gets no warm-up
    int width = 1600, height = 900;
    std::vector<std::size_t> counts;
};

struct FrameResult {
    int warmup = 0, frames = 0, geomFrames = 0;
    int drawCalls = 0;
    double renderMs = 0;        // render() wall, no glFinish
    double renderThreadMs = 0;  // CPU time of the calling thread inside render()
    double fullMs = 0;          // render() + resolve + glFinish
    double procCpuMs = 0;       // process CPU time (all threads) during the full frame
    double geomRenderMs = 0;    // render() wall with a 1x1 scissor
    double geomFullMs = 0;      // full frame with a 1x1 scissor
};

struct FrameSample {
    double render, renderThread, full, procCpu;
};

FrameSample oneFrame(render::MapRenderer& r, render::Framebuffer& fb, const geo::CameraState& cam,
                     const geo::Viewport& vp, const render::MapTime& time, const render::MapStyle& style,
                     bool scissor) {
    fb.bind();
    if (scissor) {
        glEnable(GL_SCISSOR_TEST);
        glScissor(static_cast<GLint>(vp.widthPx / 2), static_cast<GLint>(vp.heightPx / 2), 1, 1);
    }
    glFinish();  // previous work done: the timers below see this frame only
    const double proc0 = cpuMs(CLOCK_PROCESS_CPUTIME_ID);
    const double thread0 = cpuMs(CLOCK_THREAD_CPUTIME_ID);
    const auto t0 = Clock::now();
    r.render(cam, vp, time, style, 0);
    const double renderMs = msSince(t0);
    const double threadMs = cpuMs(CLOCK_THREAD_CPUTIME_ID) - thread0;
    fb.resolve();
    glFinish();
    const double fullMs = msSince(t0);
    const double procMs = cpuMs(CLOCK_PROCESS_CPUTIME_ID) - proc0;
    if (scissor) glDisable(GL_SCISSOR_TEST);
    return {renderMs, threadMs, fullMs, procMs};
}

// predictedMs: the expected full frame (from the previous, smaller case), or 0
// when unknown. Cheap cases get 3 warm-up frames and up to 30 measured ones;
// slow ones (100k arcs on a software rasteriser: over a minute a frame) skip
// the warm-up (the shaders were compiled and JIT-ed by the smaller cases) and
// get as many frames as fit in the budget, at least one.
FrameResult measureFrames(render::MapRenderer& r, render::Framebuffer& fb, const geo::CameraState& cam,
                          const geo::Viewport& vp, const render::MapTime& time, const render::MapStyle& style,
                          const Options& o, double predictedMs) {
    FrameResult res;
    double warmSpent = 0;
    if (predictedMs < o.skipWarmupSec * 1000.0)
        for (int i = 0; i < o.warmup && warmSpent < o.skipWarmupSec * 1000.0; ++i, ++res.warmup)
            warmSpent += oneFrame(r, fb, cam, vp, time, style, false).full;
    std::vector<double> rend, thread, full, proc;
    double spent = 0;
    while (static_cast<int>(full.size()) < o.frames) {
        if (!full.empty() && spent + full.back() > o.budgetSec * 1000.0) break;
        const FrameSample s = oneFrame(r, fb, cam, vp, time, style, false);
        rend.push_back(s.render);
        thread.push_back(s.renderThread);
        full.push_back(s.full);
        proc.push_back(s.procCpu);
        spent += s.full;
    }
    res.drawCalls = r.lastDrawCalls();
    res.frames = static_cast<int>(full.size());
    res.renderMs = median(rend);
    res.renderThreadMs = median(thread);
    res.fullMs = median(full);
    res.procCpuMs = median(proc);
    // Geometry-only variant (a diagnostic split, not the headline): a third as
    // many frames, one warm-up when cheap.
    std::vector<double> grend, gfull;
    res.geomFrames = std::max(1, res.frames / 3);
    if (res.warmup > 0) oneFrame(r, fb, cam, vp, time, style, true);
    for (int i = 0; i < res.geomFrames; ++i) {
        const FrameSample s = oneFrame(r, fb, cam, vp, time, style, true);
        grend.push_back(s.render);
        gfull.push_back(s.full);
    }
    res.geomRenderMs = median(grend);
    res.geomFullMs = median(gfull);
    return res;
}

// ---------------------------------------------------------------------------
// Datasets
// ---------------------------------------------------------------------------

struct BenchDataset {
    std::string name;
    Dataset dataset;
};

std::optional<BenchDataset> curatedDataset() {
    const std::filesystem::path path = std::filesystem::path(meridian::io::sourceDir()) / "data" / "iran-dprk.json";
    io::DatasetLoadResult r = io::loadDataset(path);
    if (!r.ok()) {
        std::fprintf(stderr, "meridian_bench_map: %s did not load%s%s (skipped)\n", path.string().c_str(),
                     r.diagnostics.empty() ? "" : ": ", r.diagnostics.empty() ? "" : r.diagnostics[0].format().c_str());
        return std::nullopt;
    }
    return BenchDataset{"iran-dprk.json", std::move(*r.dataset)};
}

std::optional<BenchDataset> syntheticDataset(std::size_t n) {
    bench::SyntheticOptions o;
    o.events = n;
    o.connectionShare = 1.0;
    io::DatasetLoadResult r = io::parseDataset(bench::makeSyntheticDataset(o), "synthetic.json");
    if (!r.ok()) {
        std::fprintf(stderr, "meridian_bench_map: synthetic %zu did not load: %s\n", n,
                     r.diagnostics.empty() ? "?" : r.diagnostics[0].format().c_str());
        return std::nullopt;
    }
    return BenchDataset{"synthetic " + std::to_string(n), std::move(*r.dataset)};
}

// The globe faces the mean of the arcs' endpoints (so it shows as many as it can).
geo::CameraState globeCamera(const geo::MapLayout& layout, const geo::Viewport& vp) {
    std::vector<geo::LonLat> points;
    points.reserve(layout.legs.size() * 2 + layout.markers.size());
    for (const geo::ArcLeg& l : layout.legs) points.push_back(l.from), points.push_back(l.to);
    for (const geo::PlaceMarker& m : layout.markers) points.push_back(m.position);
    geo::CameraState c = geo::fitToBounds(geo::Projection::Orthographic, points, vp, 40);
    c.zoom = 1;
    return c;
}

struct EventRow {
    std::string name;
    std::size_t events = 0, legs = 0, markers = 0, crossing = 0;
    double layoutMs = 0, setEventsMs = 0;
    std::size_t arcBytes = 0, markerBytes = 0, maskBytes = 0;
    long rssLoadMiB = 0, rssUploadMiB = 0, rssFramesMiB = 0;  // peak RSS after each step
};

struct FrameRow {
    std::string name, projection;
    FrameResult r;
};

struct PickRow {
    std::string name, projection;
    double firstMs = 0, medianMs = 0;
    int calls = 0;
    int xPx = 0, yPx = 0;
    Index hit = kNoIndex;
};

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--frames" && i + 1 < argc)
            opt.frames = std::max(1, std::atoi(argv[++i]));
        else if (a == "--budget" && i + 1 < argc)
            opt.budgetSec = std::max(0.0, std::atof(argv[++i]));
        else if (a == "--size" && i + 1 < argc)
            std::sscanf(argv[++i], "%dx%d", &opt.width, &opt.height);
        else if (a == "--help" || a == "-h") {
            std::printf("usage: meridian_bench_map [--frames N] [--budget SECONDS] [--size WxH] [N ...]\n");
            return 0;
        } else
            opt.counts.push_back(std::strtoull(argv[i], nullptr, 10));
    }
    if (opt.counts.empty()) opt.counts = {1000, 10000, 100000};
    const auto tStart = Clock::now();

    GlContext ctx;
    if (!createContext(ctx)) return 1;
    const std::string renderer = glString(GL_RENDERER);
    const bool software = renderer.find("llvmpipe") != std::string::npos ||
                          renderer.find("softpipe") != std::string::npos ||
                          renderer.find("Software") != std::string::npos;
    std::printf("Meridian map renderer benchmark\n");
    std::printf("  GL renderer: %s | GL %s | SDL video driver: %s\n", renderer.c_str(), glString(GL_VERSION).c_str(),
                SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "?");
    if (software)
        std::printf(
            "  NOTE: the \"GPU\" is Mesa %s: software rendering on this machine's CPU cores (%ld online).\n"
            "        Times that include glFinish are CPU rasterisation times, not a graphics card's.\n",
            renderer.substr(0, renderer.find(' ')).c_str(), sysconf(_SC_NPROCESSORS_ONLN));
    std::printf("  target: %dx%d, 4x MSAA (render::Framebuffer), world level 0 (110m) for frames\n\n", opt.width,
                opt.height);

    render::MapRenderer mapRenderer;
    std::string error;
    if (!mapRenderer.init(&error)) {
        std::fprintf(stderr, "meridian_bench_map: MapRenderer::init failed: %s\n", error.c_str());
        return 1;
    }
    render::Framebuffer fb;
    if (!fb.ensure(opt.width, opt.height, 4)) {
        std::fprintf(stderr, "meridian_bench_map: cannot create a %dx%d 4x MSAA framebuffer\n", opt.width, opt.height);
        return 1;
    }

    // -----------------------------------------------------------------------
    // 1. World meshes
    // -----------------------------------------------------------------------
    const auto isoResult = io::loadIsoTable(io::assetPath("world/iso3166.csv"));
    const io::IsoTable* iso = isoResult.ok() ? &*isoResult.table : nullptr;
    std::printf(
        "[1] World meshes: io::loadWorldLevel (TopoJSON + tessellate) and MapRenderer::setWorldLevel (+glFinish)\n"
        "    median of 3 runs; GPU bytes computed: vertices x 20 B + indices x 4 B + border vertices x 20 B\n");
    std::printf("%-6s %-24s %9s %10s %10s %11s %10s %10s %9s\n", "level", "file", "countries", "vertices", "triangles",
                "border segs", "build ms", "upload ms", "GPU MiB");
    const char* files[] = {"world/countries-110m.json", "world/countries-50m.json", "world/countries-10m.json"};
    for (int level = 0; level < 3; ++level) {
        std::vector<double> build, upload;
        std::optional<io::WorldLevel> last;
        for (int run = 0; run < 3; ++run) {
            const auto t0 = Clock::now();
            io::WorldLevelResult r = io::loadWorldLevel(io::assetPath(files[level]), iso);
            build.push_back(msSince(t0));
            if (!r.ok()) {
                std::fprintf(stderr, "meridian_bench_map: %s\n", r.error.c_str());
                return 1;
            }
            glFinish();
            const auto t1 = Clock::now();
            mapRenderer.setWorldLevel(level, r.level.fills, r.level.borders, r.level.shapes.countries.size());
            glFinish();
            upload.push_back(msSince(t1));
            last = std::move(r.level);
        }
        const geo::WorldMesh& f = last->fills;
        const std::size_t gpuBytes = f.mesh.vertices.size() * kWorldVertexBytes + f.mesh.indices.size() * 4 +
                                     last->borders.vertices.size() * kWorldVertexBytes;
        std::printf("%-6d %-24s %9zu %10zu %10zu %11zu %10.1f %10.2f %9.2f\n", level, files[level] + 6,
                    last->shapes.countries.size(), f.mesh.vertices.size(), f.mesh.indices.size() / 3,
                    last->borders.vertices.size() / 2, median(build), median(upload), mib(gpuBytes));
    }
    std::printf("    peak RSS after the world levels: %ld MiB\n\n", peakRssMiB());
    std::fflush(stdout);

    // -----------------------------------------------------------------------
    // 2. Events: layout, upload and frames
    // -----------------------------------------------------------------------
    std::vector<EventRow> eventRows;
    std::vector<FrameRow> frameRows;
    std::vector<PickRow> pickRows;
    const geo::Viewport vp{static_cast<double>(opt.width), static_cast<double>(opt.height)};
    render::MapStyle style;
    style.arcWidthPx = 4.0f;  // as the app's default theme at scale 1 (map_view.cpp styleFor)
    style.markerPx = 16.0f;
    style.bundleSpacingPx = 10.0f;
    struct Previous {
        std::size_t instances = 0;
        double fullMs = 0;
    };
    std::map<std::string, Previous> previous;      // per projection
    std::vector<std::optional<std::size_t>> plan;  // nullopt = curated file
    plan.push_back(std::nullopt);
    for (std::size_t n : opt.counts) plan.push_back(n);
    for (const auto& item : plan) {
        std::optional<BenchDataset> bd = item ? syntheticDataset(*item) : curatedDataset();
        if (!bd) continue;
        const Dataset& ds = bd->dataset;
        EventRow er;
        er.rssLoadMiB = peakRssMiB();
        er.name = bd->name;
        er.events = ds.events.size();
        std::vector<double> layoutMs, setMs;
        geo::MapLayout layout;
        for (int run = 0; run < 3; ++run) {
            const auto t0 = Clock::now();
            layout = geo::buildMapLayout(ds);
            layoutMs.push_back(msSince(t0));
            glFinish();
            const auto t1 = Clock::now();
            mapRenderer.setEvents(ds, layout);
            glFinish();
            setMs.push_back(msSince(t1));
        }
        er.legs = layout.legs.size();
        er.markers = layout.markers.size();
        er.crossing = static_cast<std::size_t>(std::count_if(
            layout.legs.begin(), layout.legs.end(), [](const geo::ArcLeg& l) { return l.crossesAntimeridian; }));
        er.layoutMs = median(layoutMs);
        er.setEventsMs = median(setMs);
        er.rssUploadMiB = peakRssMiB();
        er.arcBytes = er.legs * kArcInstanceBytes;
        er.markerBytes = er.markers * kMarkerInstanceBytes;
        er.maskBytes = std::max<std::size_t>(1, (er.events + kMaskWidth - 1) / kMaskWidth) * kMaskWidth;

        render::MapTime time;
        time.playheadDay = static_cast<double>(ds.extent.last);  // the end of the data
        time.allUpToNow = true;                                  // everything visible: worst case
        time.animationSec = 12.5;

        geo::CameraState flat;
        flat.projection = geo::Projection::EqualEarth;
        flat.zoom = 1;
        const geo::CameraState globe = globeCamera(layout, vp);
        const std::size_t instances = er.legs + er.markers;
        for (const auto& [cam, projName] :
             {std::pair{flat, std::string("equal-earth")}, std::pair{globe, std::string("globe")}}) {
            // Frame cost grows about linearly with the instances: predict from the last case.
            Previous& prev = previous[projName];
            const double predicted =
                prev.instances ? prev.fullMs * static_cast<double>(instances) / prev.instances : 0.0;
            FrameRow fr{bd->name, projName, measureFrames(mapRenderer, fb, cam, vp, time, style, opt, predicted)};
            prev = {instances, fr.r.fullMs};
            frameRows.push_back(fr);
            std::fprintf(stderr, "  measured %-18s %-12s %d+%d frames, frame+finish %.1f ms (%.0f s so far)\n",
                         bd->name.c_str(), projName.c_str(), fr.r.warmup, fr.r.frames, fr.r.fullMs,
                         msSince(tStart) / 1000);
            // 4. pick() at the largest count: at a marker (an arc's start point).
            if (item && *item == opt.counts.back() && !layout.legs.empty()) {
                PickRow pr{bd->name, projName};
                std::optional<geo::ScreenPoint> at;
                for (std::size_t k = 0; k < layout.legs.size() && !at; ++k) {
                    at = geo::worldToScreen(cam, vp, layout.legs[k].from);
                    if (at && (at->xPx < 0 || at->yPx < 0 || at->xPx >= vp.widthPx || at->yPx >= vp.heightPx))
                        at.reset();
                }
                if (!at) at = geo::ScreenPoint{vp.widthPx / 2, vp.heightPx / 2};
                pr.xPx = static_cast<int>(at->xPx);
                pr.yPx = static_cast<int>(at->yPx);
                fb.bind();
                glFinish();
                auto t0 = Clock::now();
                pr.hit = mapRenderer.pick(cam, vp, time, style, pr.xPx, pr.yPx);  // allocates the pick target
                pr.firstMs = msSince(t0);
                std::vector<double> picks;
                for (int i = 0; i < 3; ++i) {
                    glFinish();
                    t0 = Clock::now();
                    mapRenderer.pick(cam, vp, time, style, pr.xPx, pr.yPx);  // ends in glReadPixels: synchronous
                    picks.push_back(msSince(t0));
                }
                pr.calls = 3;
                pr.medianMs = median(picks);
                pickRows.push_back(pr);
            }
        }
        er.rssFramesMiB = peakRssMiB();
        eventRows.push_back(er);
    }
    std::fprintf(stderr, "\n");

    std::printf(
        "[2a] Events: geo::buildMapLayout and MapRenderer::setEvents (instance buffers + mask, +glFinish), median of "
        "3\n");
    std::printf("%-18s %8s %8s %8s %9s %10s %13s\n", "dataset", "events", "legs", "markers", "seam legs", "layout ms",
                "setEvents ms");
    for (const EventRow& e : eventRows)
        std::printf("%-18s %8zu %8zu %8zu %9zu %10.2f %13.2f\n", e.name.c_str(), e.events, e.legs, e.markers,
                    e.crossing, e.layoutMs, e.setEventsMs);

    std::printf(
        "\n[2b] Frames: playhead at the end of the data, allUpToNow (all events shown), zoom 1, 110m world;\n"
        "     medians of the measured frames (warm = warm-up frames; slow cases get fewer frames, see --budget)\n");
    std::printf(
        "     render()      = MapRenderer::render wall time, no glFinish (CPU issuing the frame)\n"
        "     thread CPU    = CPU time of the calling thread inside render()\n"
        "     frame+finish  = render() + MSAA resolve + glFinish (%s)\n"
        "     geom-only     = same frame with a 1x1 scissor (vertex work + binning, ~no rasterisation)\n"
        "     proc CPU      = CPU time of all threads during frame+finish\n",
        software ? "GPU = llvmpipe, software" : "GPU included");
    std::printf("%-16s %-11s %9s %5s %11s %11s %13s %8s %11s %11s %11s\n", "dataset", "projection", "warm+meas",
                "draws", "render() ms", "thread ms", "frame+fin ms", "geo meas", "geo rnd ms", "geo fin ms",
                "procCPU ms");
    for (const FrameRow& f : frameRows) {
        char counts[24];
        std::snprintf(counts, sizeof counts, "%d+%d", f.r.warmup, f.r.frames);
        std::printf("%-16s %-11s %9s %5d %11.2f %11.2f %13.1f %8d %11.2f %11.1f %11.1f\n", f.name.c_str(),
                    f.projection.c_str(), counts, f.r.drawCalls, f.r.renderMs, f.r.renderThreadMs, f.r.fullMs,
                    f.r.geomFrames, f.r.geomRenderMs, f.r.geomFullMs, f.r.procCpuMs);
    }

    std::printf(
        "\n[3] Memory: event GPU buffers COMPUTED, not queried (legs x 52 B arc instances, markers x 28 B marker\n"
        "    instances, event mask 4096-wide R8); process peak RSS (getrusage ru_maxrss, monotonic) after loading\n"
        "    the dataset (parse), after layout + setEvents, and after its frames and picks\n");
    std::printf("%-16s %9s %11s %9s %10s %13s %15s %13s\n", "dataset", "arcs MiB", "markers MiB", "mask MiB", "GPU MiB",
                "RSS load MiB", "RSS upload MiB", "RSS draw MiB");
    for (const EventRow& e : eventRows)
        std::printf("%-16s %9.3f %11.3f %9.3f %10.3f %13ld %15ld %13ld\n", e.name.c_str(), mib(e.arcBytes),
                    mib(e.markerBytes), mib(e.maskBytes), mib(e.arcBytes + e.markerBytes + e.maskBytes), e.rssLoadMiB,
                    e.rssUploadMiB, e.rssFramesMiB);

    std::printf("\n[4] pick() (arcs + markers into a 1x1-scissored R32UI target, then glReadPixels) at %zu events\n",
                opt.counts.back());
    std::printf("%-18s %-12s %12s %14s %12s %10s\n", "dataset", "projection", "pixel", "first call ms", "median ms",
                "hit event");
    for (const PickRow& p : pickRows) {
        char pixel[32];
        std::snprintf(pixel, sizeof pixel, "(%d,%d)", p.xPx, p.yPx);
        std::printf("%-18s %-12s %12s %14.1f %12.1f %10s\n", p.name.c_str(), p.projection.c_str(), pixel, p.firstMs,
                    p.medianMs, p.hit == kNoIndex ? "none" : std::to_string(p.hit).c_str());
    }
    std::printf("    (median of %d calls after the first; the first also allocates the pick target)\n",
                pickRows.empty() ? 0 : pickRows.front().calls);
    std::printf("\ntotal run time %.1f s, peak RSS %ld MiB\n", msSince(tStart) / 1000.0, peakRssMiB());
    return 0;
}

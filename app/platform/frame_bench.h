// --bench-frames N: the real window and UI (map, timeline, table, details)
// driven through a scripted session, timing every frame. Prints the start-up
// breakdown, then per part of the session the CPU time per frame (median,
// p95, max: the whole process, so a software renderer's threads count), the
// wall time and, where the driver has timer queries, the GPU time.
//
// The parts, N frames each: still (nothing changes), scrub (the playhead
// dragged along the axis across the whole span), timeline zoom (the wheel over
// the lanes, decades to days and back), map pan/zoom (wheel and drag over the
// map), hover (the pointer moving over the map), play (playback).
#pragma once

#include <string>

#include "platform/window.h"
#include "ui/app.h"

namespace meridian::platform {

struct FrameBenchOptions {
    int framesPerPart = 60;
    std::string file;
};

// Returns the process exit code.
int runFrameBenchmark(ui::App& app, Window& window, const FrameBenchOptions& options);

}  // namespace meridian::platform

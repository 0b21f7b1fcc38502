// The 1:10m world in the browser build. The page has one thread (a
// std::async task would never run), and triangulating the 1:10m countries
// takes a second or more (bench/bench_world_load): the TopoJSON is fetched from
// next to the page and triangulated in a Web Worker (web/worker/world_worker.cpp,
// emscripten's worker API: no SharedArrayBuffer, so no special headers from the
// host). The map panel polls the future as it polls the desktop's std::async.
//
// The fetch waits for the page's first frame (startDeferredLoads), so the
// first picture never waits for 3.5 MB it does not show.
#pragma once

#include <future>
#include <memory>
#include <string>

#include "io/topojson.h"
#include "io/world_data.h"

namespace meridian::web {

std::future<io::WorldLevelResult> loadWorldLevelInWorker(std::string url, std::shared_ptr<const io::IsoTable> iso);

// The first frame is up: start the loads asked for so far (and any later ones at once).
void startDeferredLoads();

}  // namespace meridian::web

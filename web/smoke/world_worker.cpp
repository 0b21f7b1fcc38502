// The 1:10m world's triangulation in a Web Worker, for the single-threaded
// browser build: ~1.5 s of GLU tessellation (bench/bench_world_load) would
// otherwise freeze the page. emscripten's worker API (emscripten_create_worker /
// emscripten_call_worker) runs this second, model-only wasm module in its own
// worker: no SharedArrayBuffer, so no COOP/COEP headers needed from the host.
//
// Message in: the TopoJSON text. Message out: the level as io::encodeWorldLevel
// bytes (the page decodes them with io::decodeWorldLevel), or "error: ..." text.
#include <emscripten.h>

#include <string>
#include <string_view>
#include <vector>

#include "io/world_data.h"
#include "io/world_level_bytes.h"

extern "C" EMSCRIPTEN_KEEPALIVE void tessellateWorldLevel(char* data, int size) {
    using namespace meridian::io;
    // ISO codes are applied by the page (it has the table): the worker needs no files.
    const WorldLevelResult r =
        parseWorldLevel(std::string_view(data, static_cast<std::size_t>(size)), "countries-10m.json", nullptr);
    if (!r.ok()) {
        std::string error = "error: " + r.error;
        emscripten_worker_respond(error.data(), static_cast<int>(error.size()));
        return;
    }
    std::vector<std::uint8_t> bytes = encodeWorldLevel(r.level);
    emscripten_worker_respond(reinterpret_cast<char*>(bytes.data()), static_cast<int>(bytes.size()));
}

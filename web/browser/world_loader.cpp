#include "browser/world_loader.h"

#include <emscripten.h>

#include <span>
#include <vector>

#include "io/world_level_bytes.h"

namespace meridian::web {

namespace {

constexpr const char* kWorkerScript = "meridian-world-worker.js";  // next to the page

struct Load {
    std::promise<io::WorldLevelResult> promise;
    std::string url;
    std::shared_ptr<const io::IsoTable> iso;
};

std::vector<Load*> g_waiting;  // until the first frame
bool g_started = false;
worker_handle g_worker = 0;

// The page's checks read how it went: window.meridianWorld.
EM_JS(void, meridianWebPublishWorld, (const char* text), { window.meridianWorld = UTF8ToString(text); });

void finish(Load* load, io::WorldLevelResult result) {
    const std::string summary = result.ok()
                                    ? std::to_string(result.level.shapes.countries.size()) + " countries, " +
                                          std::to_string(result.level.fills.mesh.indices.size() / 3) + " triangles"
                                    : "error: " + result.error;
    meridianWebPublishWorld(summary.c_str());
    load->promise.set_value(std::move(result));
    delete load;
}

void fail(Load* load, std::string error) {
    io::WorldLevelResult r;
    r.error = load->url + ": " + std::move(error) + " (the map keeps its 1:50m detail)";
    finish(load, std::move(r));
}

void onTessellated(char* data, int size, void* arg) {
    auto* load = static_cast<Load*>(arg);
    const std::string_view text(data, static_cast<std::size_t>(std::max(size, 0)));
    if (text.starts_with("error: ")) return fail(load, std::string(text.substr(7)));
    io::WorldLevelResult r = io::decodeWorldLevel(
        std::span(reinterpret_cast<const std::uint8_t*>(data), static_cast<std::size_t>(std::max(size, 0))));
    if (!r.ok()) return fail(load, "the worker's answer: " + r.error);
    if (load->iso) io::applyIsoTable(r.level.shapes, *load->iso);
    finish(load, std::move(r));
}

void onFetched(void* arg, void* buffer, int size) {
    if (!g_worker) g_worker = emscripten_create_worker(kWorkerScript);
    emscripten_call_worker(g_worker, "tessellateWorldLevel", static_cast<char*>(buffer), size, onTessellated, arg);
}

void onFetchFailed(void* arg) {
    fail(static_cast<Load*>(arg), "could not fetch it");
}

void begin(Load* load) {
    emscripten_async_wget_data(load->url.c_str(), load, onFetched, onFetchFailed);
}

}  // namespace

std::future<io::WorldLevelResult> loadWorldLevelInWorker(std::string url, std::shared_ptr<const io::IsoTable> iso) {
    auto* load = new Load{{}, std::move(url), std::move(iso)};
    std::future<io::WorldLevelResult> result = load->promise.get_future();
    if (g_started)
        begin(load);
    else
        g_waiting.push_back(load);
    return result;
}

void startDeferredLoads() {
    if (g_started) return;
    g_started = true;
    for (Load* load : g_waiting) begin(load);
    g_waiting.clear();
}

}  // namespace meridian::web

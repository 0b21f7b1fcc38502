// The 1:10m world's triangulation in a Web Worker, for the single-threaded
// browser build: ~1.5 s of GLU tessellation (bench/bench_world_load) would
// otherwise freeze the page. emscripten's worker API (emscripten_create_worker /
// emscripten_call_worker) runs this second, model-only wasm module in its own
// worker: no SharedArrayBuffer, so no COOP/COEP headers needed from the host.
//
// Message in: the TopoJSON text. Message out: a WorldMeshMessage header followed
// by the vertices and the triangle indices (what the map uploads), or just a
// header with an error text.
#include <emscripten.h>

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "geo/tessellate.h"
#include "io/topojson.h"
#include "world_mesh_message.h"

extern "C" EMSCRIPTEN_KEEPALIVE void tessellateWorldLevel(char* data, int size) {
    using namespace meridian;
    WorldMeshMessage header;
    std::vector<char> reply;
    const io::TopoJsonResult topo =
        io::parseTopoJson(std::string_view(data, static_cast<std::size_t>(size)), "countries-10m.json");
    if (!topo.ok()) {
        const std::string error = topo.diagnostics.empty() ? "cannot be read" : topo.diagnostics[0].format();
        header.errorBytes = static_cast<std::uint32_t>(error.size());
        reply.resize(sizeof header + error.size());
        std::memcpy(reply.data(), &header, sizeof header);
        std::memcpy(reply.data() + sizeof header, error.data(), error.size());
    } else {
        const geo::WorldMesh fills = geo::tessellateWorld(*topo.shapes);
        header.countries = static_cast<std::uint32_t>(topo.shapes->countries.size());
        header.vertices = static_cast<std::uint32_t>(fills.mesh.vertices.size());
        header.indices = static_cast<std::uint32_t>(fills.mesh.indices.size());
        const std::size_t vertexBytes = fills.mesh.vertices.size() * sizeof(geo::MeshVertex);
        const std::size_t indexBytes = fills.mesh.indices.size() * sizeof(std::uint32_t);
        reply.resize(sizeof header + vertexBytes + indexBytes);
        std::memcpy(reply.data(), &header, sizeof header);
        std::memcpy(reply.data() + sizeof header, fills.mesh.vertices.data(), vertexBytes);
        std::memcpy(reply.data() + sizeof header + vertexBytes, fills.mesh.indices.data(), indexBytes);
    }
    emscripten_worker_respond(reply.data(), static_cast<int>(reply.size()));
}

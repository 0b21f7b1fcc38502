// What web/smoke/world_worker.cpp sends back to the page: this header, then
// `vertices` geo::MeshVertex, then `indices` uint32 (or `errorBytes` of text).
#pragma once

#include <cstdint>

struct WorldMeshMessage {
    std::uint32_t countries = 0;
    std::uint32_t vertices = 0;
    std::uint32_t indices = 0;
    std::uint32_t errorBytes = 0;
};

// A world level of detail as one flat byte buffer, and back: what a Web Worker
// that triangulates the 1:10m world sends the page (a message carries bytes, not
// C++ objects). It keeps what the map draws and looks up: the fills with each
// country's triangle range, the border segments with each country's range, and
// each country's id, name, ISO alpha-3 code and bounds. Polygons are not kept.
//
// Layout (little-endian, as wasm and x86 are): "MWL1", then u32 counts (vertices,
// indices, countries, border vertices), then the arrays, then per country its
// bounds (4 doubles and a byte), triangle range, segment range and three strings (u32 length
// + bytes). decodeWorldLevel checks every length and index, so a damaged buffer
// gives an error, never a read past its end or an index past the vertices.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "io/world_data.h"

namespace meridian::io {

std::vector<std::uint8_t> encodeWorldLevel(const WorldLevel& level);

// On failure, error says what is wrong and at which byte ("truncated at byte 1234: ...").
WorldLevelResult decodeWorldLevel(std::span<const std::uint8_t> bytes);

}  // namespace meridian::io

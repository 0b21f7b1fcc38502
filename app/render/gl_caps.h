// What the OpenGL driver is, asked once per context: a software renderer
// (Mesa's llvmpipe or softpipe, SwiftShader, Microsoft's GDI generic) draws
// every pixel on the CPU, so the map takes cheaper settings there (no MSAA,
// the layers cached in textures). MERIDIAN_SOFTWARE_GL=1 or 0 overrides the
// detection (to try the software settings on a GPU, or the reverse).
#pragma once

#include <string>
#include <string_view>

namespace meridian::render {

struct GlCaps {
    std::string renderer;  // GL_RENDERER
    bool software = false;
};

// True for the GL_RENDERER strings of the known software rasterisers.
bool isSoftwareRenderer(std::string_view glRenderer);
// The current context's (queried on the first call).
const GlCaps& glCaps();

}  // namespace meridian::render

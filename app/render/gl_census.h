// How many OpenGL objects the current context holds now, counted by asking the
// driver about each name (glIsTexture, glIsBuffer, ...): GL has no call that
// lists them. Drivers hand out the lowest free names, so the scan stops after a
// long run of unused ones. For the long-run check (bench/long-run) and the
// reload test: a count that grows with reloads is a leak.
#pragma once

namespace meridian::render {

struct GlCensus {
    int textures = 0;
    int buffers = 0;
    int vertexArrays = 0;
    int framebuffers = 0;
    int renderbuffers = 0;
    int programs = 0;  // programs and shaders share one name space
    int shaders = 0;

    int total() const { return textures + buffers + vertexArrays + framebuffers + renderbuffers + programs + shaders; }
};

// Counts the current context's objects (a few thousand cheap queries).
GlCensus countGlObjects();

}  // namespace meridian::render

#include "render/gl_census.h"

#include "render/gl.h"

namespace meridian::render {

namespace {

// Names 1, 2, ... until kGap in a row are unused (a freed object leaves a hole
// that the driver fills next; a gap this long means no more objects).
constexpr GLuint kGap = 256;
constexpr GLuint kMaxName = 1u << 20;

template <typename IsObject>
int count(IsObject isObject) {
    int n = 0;
    GLuint sinceLast = 0;
    for (GLuint name = 1; name < kMaxName && sinceLast < kGap; ++name) {
        if (isObject(name) == GL_TRUE) {
            ++n;
            sinceLast = 0;
        } else {
            ++sinceLast;
        }
    }
    return n;
}

}  // namespace

GlCensus countGlObjects() {
    GlCensus c;
    c.textures = count([](GLuint n) { return glIsTexture(n); });
    c.buffers = count([](GLuint n) { return glIsBuffer(n); });
    c.vertexArrays = count([](GLuint n) { return glIsVertexArray(n); });
    c.framebuffers = count([](GLuint n) { return glIsFramebuffer(n); });
    c.renderbuffers = count([](GLuint n) { return glIsRenderbuffer(n); });
    c.programs = count([](GLuint n) { return glIsProgram(n); });
    c.shaders = count([](GLuint n) { return glIsShader(n); });
    return c;
}

}  // namespace meridian::render

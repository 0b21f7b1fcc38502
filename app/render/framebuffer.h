// An offscreen render target (colour texture, optional 4x MSAA), used for the
// map layer, screenshots and exports: what is saved is rendered, not grabbed
// from the screen, so it works under Xvfb and at sizes beyond the window.
#pragma once

#include <cstdint>
#include <vector>

#include "render/gl.h"

namespace meridian::render {

class Framebuffer {
public:
    Framebuffer() = default;
    ~Framebuffer();
    Framebuffer(const Framebuffer&) = delete;
    Framebuffer& operator=(const Framebuffer&) = delete;

    // (Re)allocates when the size changes. samples > 1 renders multisampled
    // and resolves into the texture in resolve().
    bool ensure(int widthPx, int heightPx, int samples = 1);
    void bind() const;     // bind for drawing, set the viewport
    void resolve() const;  // MSAA -> texture (no-op without MSAA)
    GLuint texture() const { return m_texture; }
    GLuint fbo() const { return m_fbo; }  // the single-sampled one, holding texture()
    int width() const { return m_width; }
    int height() const { return m_height; }
    // RGBA, top row first (flipped from GL's bottom-up order).
    std::vector<std::uint8_t> readRgba() const;
    void release();  // frees the GL objects (ensure() allocates again)

private:
    int m_width = 0, m_height = 0, m_samples = 1;
    GLuint m_fbo = 0, m_texture = 0;
    GLuint m_msaaFbo = 0, m_msaaColor = 0;
};

// Copies a framebuffer's colour, srcW × srcH, into the bound draw framebuffer
// at [x0, x1) × [y0, y1) (GL pixels, y up), within the scissor box when the
// scissor test is on; the read binding is restored.
void blitColorInto(GLuint readFbo, int srcW, int srcH, int x0, int y0, int x1, int y1);

}  // namespace meridian::render

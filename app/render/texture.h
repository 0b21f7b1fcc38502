// RGBA images as OpenGL textures (media thumbnails, the basemap). Texture is
// a move-only owner: the GL object goes when it does.
#pragma once

#include <cstdint>
#include <utility>

#include "io/image_file.h"
#include "render/gl.h"

namespace meridian::render {

GLuint uploadTexture(const io::ImageRgba& image);  // linear filtering, mipmaps
void deleteTexture(GLuint texture);

// A texture whose pixels change under the same id (the map layer) says so
// here, so that whoever shows it and redraws only what changed (the window's
// compositor) knows. Unnoted textures are at version 0.
void noteTextureContentChanged(GLuint texture);
std::uint64_t textureContentVersion(GLuint texture);

class Texture {
public:
    Texture() = default;
    explicit Texture(const io::ImageRgba& image)
        : m_id(uploadTexture(image)), m_width(image.width), m_height(image.height) {}
    ~Texture() { deleteTexture(m_id); }
    Texture(Texture&& o) noexcept : m_id(std::exchange(o.m_id, 0)), m_width(o.m_width), m_height(o.m_height) {}
    Texture& operator=(Texture&& o) noexcept {
        if (this != &o) {
            deleteTexture(m_id);
            m_id = std::exchange(o.m_id, 0);
            m_width = o.m_width;
            m_height = o.m_height;
        }
        return *this;
    }
    Texture(const Texture&) = delete;
    Texture& operator=(const Texture&) = delete;

    GLuint id() const { return m_id; }
    int width() const { return m_width; }
    int height() const { return m_height; }
    explicit operator bool() const { return m_id != 0; }

private:
    GLuint m_id = 0;
    int m_width = 0, m_height = 0;
};

}  // namespace meridian::render

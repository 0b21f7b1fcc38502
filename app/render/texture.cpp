#include "render/texture.h"

#include <algorithm>
#include <vector>

namespace meridian::render {

namespace {

// A handful of entries (the map layers): a vector beats a map.
std::vector<std::pair<GLuint, std::uint64_t>>& contentVersions() {
    static std::vector<std::pair<GLuint, std::uint64_t>> v;
    return v;
}

}  // namespace

void noteTextureContentChanged(GLuint texture) {
    static std::uint64_t next = 0;
    auto& v = contentVersions();
    const auto it = std::find_if(v.begin(), v.end(), [&](const auto& e) { return e.first == texture; });
    if (it != v.end())
        it->second = ++next;
    else
        v.emplace_back(texture, ++next);
}

std::uint64_t textureContentVersion(GLuint texture) {
    for (const auto& [id, version] : contentVersions())
        if (id == texture) return version;
    return 0;
}

GLuint uploadTexture(const io::ImageRgba& image) {
    GLuint tex = 0;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                 image.rgba.data());
    glGenerateMipmap(GL_TEXTURE_2D);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    return tex;
}

void deleteTexture(GLuint texture) {
    if (texture) glDeleteTextures(1, &texture);
}

}  // namespace meridian::render

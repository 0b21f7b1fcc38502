#define MERIDIAN_GLES_IMPLEMENTATION
#include "browser/gles.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <string>
#include <vector>

#include "browser/glsl_es.h"

// clang-format off
EM_JS(int, meridianWebRefusesClipDistance, (void), { return window.meridianNoClipDistance ? 1 : 0; });
// clang-format on

namespace meridian::web::gl {

bool clipDistanceAvailable() {
    static int available = -1;  // one WebGL2 context per page
    if (available < 0) {
        const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context = emscripten_webgl_get_current_context();
        available = context && !meridianWebRefusesClipDistance() &&
                    emscripten_webgl_enable_extension(context, "WEBGL_clip_cull_distance");
    }
    return available == 1;
}

void shaderSource(GLuint shader, GLsizei count, const GLchar* const* strings, const GLint* lengths) {
    std::string source;
    for (GLsizei i = 0; i < count; ++i)
        source.append(strings[i], lengths && lengths[i] >= 0 ? static_cast<std::size_t>(lengths[i])
                                                             : std::char_traits<char>::length(strings[i]));
    GLint type = 0;
    glGetShaderiv(shader, GL_SHADER_TYPE, &type);
    const std::string es = toGlslEs(source, type == GL_VERTEX_SHADER ? ShaderStage::Vertex : ShaderStage::Fragment,
                                    clipDistanceAvailable());
    const GLchar* text = es.c_str();
    glShaderSource(shader, 1, &text, nullptr);
}

void enable(GLenum capability) {
    if (capability != GL_CLIP_DISTANCE0 || clipDistanceAvailable()) glEnable(capability);
}

void disable(GLenum capability) {
    if (capability != GL_CLIP_DISTANCE0 || clipDistanceAvailable()) glDisable(capability);
}

void renderbufferStorageMultisample(GLenum target, GLsizei samples, GLenum format, GLsizei width, GLsizei height) {
    GLint most = 0;
    glGetIntegerv(GL_MAX_SAMPLES, &most);
    glRenderbufferStorageMultisample(target, std::min<GLsizei>(samples, std::max(most, 0)), format, width, height);
}

void readPixels(GLint x, GLint y, GLsizei width, GLsizei height, GLenum format, GLenum type, void* pixels) {
    if (format != GL_RED_INTEGER || type != GL_UNSIGNED_INT || width <= 0 || height <= 0) {
        glReadPixels(x, y, width, height, format, type, pixels);
        return;
    }
    const std::size_t n = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    std::vector<GLuint> rgba(n * 4);
    glReadPixels(x, y, width, height, GL_RGBA_INTEGER, GL_UNSIGNED_INT, rgba.data());
    auto* out = static_cast<GLuint*>(pixels);
    for (std::size_t i = 0; i < n; ++i) out[i] = rgba[i * 4];
}

}  // namespace meridian::web::gl

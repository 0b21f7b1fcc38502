// OpenGL for app/render in the browser build: OpenGL ES 3.0 as WebGL2 gives
// it (render/gl.h includes this instead of libepoxy under emscripten), and the
// few places where the app's desktop OpenGL 3.3 use differs, mended here so
// that app/render stays one code for both:
//   - glShaderSource: "#version 330 core" shaders become GLSL ES 3.00
//     (browser/glsl_es.h), with gl_ClipDistance through WEBGL_clip_cull_distance
//     when the browser has it, else the fragment-discard fallback;
//   - glEnable/glDisable(GL_CLIP_DISTANCE0): only with that extension;
//   - glRenderbufferStorageMultisample: samples clamped to GL_MAX_SAMPLES (a
//     browser may allow fewer than the map's 4);
//   - glReadPixels of GL_RED_INTEGER values: read as GL_RGBA_INTEGER, the one
//     integer format WebGL2 always accepts (the map's picking target is R32UI).
// Everything else the app calls is in OpenGL ES 3.0 as it is.
#pragma once

#include <GLES3/gl3.h>

#ifndef GL_CLIP_DISTANCE0
#define GL_CLIP_DISTANCE0 0x3000  // CLIP_DISTANCE0_WEBGL (WEBGL_clip_cull_distance)
#endif

namespace meridian::web::gl {

void shaderSource(GLuint shader, GLsizei count, const GLchar* const* strings, const GLint* lengths);
void enable(GLenum capability);
void disable(GLenum capability);
void renderbufferStorageMultisample(GLenum target, GLsizei samples, GLenum format, GLsizei width, GLsizei height);
void readPixels(GLint x, GLint y, GLsizei width, GLsizei height, GLenum format, GLenum type, void* pixels);

// WEBGL_clip_cull_distance is enabled in the current context (asked once; the
// page check refuses it with window.meridianNoClipDistance, to check the fallback).
bool clipDistanceAvailable();

}  // namespace meridian::web::gl

#ifndef MERIDIAN_GLES_IMPLEMENTATION
#define glShaderSource ::meridian::web::gl::shaderSource
#define glEnable ::meridian::web::gl::enable
#define glDisable ::meridian::web::gl::disable
#define glRenderbufferStorageMultisample ::meridian::web::gl::renderbufferStorageMultisample
#define glReadPixels ::meridian::web::gl::readPixels
#endif

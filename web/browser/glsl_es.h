// The app's shaders are written for desktop OpenGL 3.3 ("#version 330 core");
// WebGL2 compiles GLSL ES 3.00. The differences that matter to app/render's
// shaders are few: the version line, default precisions (an ES fragment shader
// has none for float; a uniform used by both stages must agree on it) and
// gl_ClipDistance, which WebGL2 has only through the WEBGL_clip_cull_distance
// extension (Chromium and WebKit have it; others may not).
//
// Without that extension the clip distance travels to the fragment shader as a
// varying, which discards the fragments where it is negative: the same pixels
// as clipping, since the map's vertices all have w = 1 (clipping cuts a
// triangle where the linearly interpolated distance crosses zero; the varying
// is interpolated the same way).
#pragma once

#include <string>
#include <string_view>

namespace meridian::web {

enum class ShaderStage { Vertex, Fragment };

// source as GLSL ES 3.00 if it begins with "#version 330 core" (else unchanged).
// clipDistance: WEBGL_clip_cull_distance is enabled in the context.
std::string toGlslEs(std::string_view source, ShaderStage stage, bool clipDistance);

}  // namespace meridian::web

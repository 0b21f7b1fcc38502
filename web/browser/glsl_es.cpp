#include "browser/glsl_es.h"

namespace meridian::web {

namespace {

constexpr std::string_view kDesktopVersion = "#version 330 core";
constexpr std::string_view kClipDeclaration = "out float gl_ClipDistance[1];";
constexpr std::string_view kClipName = "gl_ClipDistance";

// Both stages declare the varying, so every program links (a fragment input
// must have a vertex output); vertex shaders that never write gl_ClipDistance
// pass 1.0 (nothing discarded).
constexpr std::string_view kVertexFallback =
    "out float meridian_clipDistance;\n"
    "float meridian_clipDistances[1];\n"
    "void meridian_main();\n"
    "void main() {\n"
    "    meridian_clipDistances[0] = 1.0;\n"
    "    meridian_main();\n"
    "    meridian_clipDistance = meridian_clipDistances[0];\n"
    "}\n"
    "#define main meridian_main\n";
constexpr std::string_view kFragmentFallback =
    "in float meridian_clipDistance;\n"
    "void meridian_main();\n"
    "void main() {\n"
    "    if (meridian_clipDistance < 0.0) discard;\n"
    "    meridian_main();\n"
    "}\n"
    "#define main meridian_main\n";

void replaceAll(std::string& text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

}  // namespace

std::string toGlslEs(std::string_view source, ShaderStage stage, bool clipDistance) {
    if (!source.starts_with(kDesktopVersion)) return std::string(source);
    const std::size_t lineEnd = source.find('\n');
    std::string body(lineEnd == std::string_view::npos ? std::string_view{} : source.substr(lineEnd + 1));
    std::string out = "#version 300 es\n";
    if (clipDistance && stage == ShaderStage::Vertex) out += "#extension GL_ANGLE_clip_cull_distance : require\n";
    out += "precision highp float;\nprecision highp int;\n";
    if (!clipDistance) {
        if (stage == ShaderStage::Vertex) {
            replaceAll(body, kClipDeclaration, "");
            replaceAll(body, kClipName, "meridian_clipDistances");
            out += kVertexFallback;
        } else {
            out += kFragmentFallback;
        }
    }
    return out + body;
}

}  // namespace meridian::web

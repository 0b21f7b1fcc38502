// The desktop's GLSL 3.30 shaders as GLSL ES 3.00 (browser/glsl_es). Whether the
// result compiles is checked by the page check in a real WebGL2 context (both
// with WEBGL_clip_cull_distance and without); here, what the text must say.
#include <doctest.h>

#include <string>

#include "browser/glsl_es.h"

using namespace meridian::web;

namespace {

const std::string kVertex =
    "#version 330 core\n"
    "out float gl_ClipDistance[1];\n"
    "void main() {\n"
    "    gl_Position = vec4(0.0);\n"
    "    gl_ClipDistance[0] = -1.0;\n"
    "}\n";
const std::string kFragment =
    "#version 330 core\n"
    "#define PICK 1\n"
    "out vec4 o_color;\n"
    "void main() { o_color = vec4(1.0); }\n";

int count(const std::string& text, const std::string& what) {
    int n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("a source that is not GLSL 3.30 core is left as it is") {
    const std::string es = "#version 300 es\nvoid main() {}\n";
    CHECK(toGlslEs(es, ShaderStage::Vertex, true) == es);
    CHECK(toGlslEs(es, ShaderStage::Fragment, false) == es);
    CHECK(toGlslEs("", ShaderStage::Fragment, false).empty());
}

TEST_CASE("GLSL 3.30 core becomes GLSL ES 3.00 with default precisions, the rest unchanged") {
    const std::string f = toGlslEs(kFragment, ShaderStage::Fragment, true);
    CHECK(f.starts_with("#version 300 es\nprecision highp float;\nprecision highp int;\n"));
    CHECK(f.ends_with("#define PICK 1\nout vec4 o_color;\nvoid main() { o_color = vec4(1.0); }\n"));
    CHECK(count(f, "#version") == 1);
    CHECK(f.find("discard") == std::string::npos);
}

TEST_CASE("with WEBGL_clip_cull_distance the vertex shader keeps gl_ClipDistance and names the extension") {
    const std::string v = toGlslEs(kVertex, ShaderStage::Vertex, true);
    CHECK(v.starts_with("#version 300 es\n#extension GL_ANGLE_clip_cull_distance : require\n"));
    CHECK(count(v, "gl_ClipDistance") == 2);
    CHECK(v.find("meridian_clipDistance") == std::string::npos);
}

TEST_CASE("without the extension the clip distance becomes a varying the fragment shader discards on") {
    const std::string v = toGlslEs(kVertex, ShaderStage::Vertex, false);
    CHECK(v.find("#extension") == std::string::npos);
    CHECK(v.find("gl_ClipDistance") == std::string::npos);
    CHECK(count(v, "out float meridian_clipDistance;") == 1);
    CHECK(v.find("meridian_clipDistances[0] = -1.0;") != std::string::npos);  // the shader's own write
    // The shader's main runs inside a wrapper that passes its clip distance on.
    CHECK(v.find("#define main meridian_main\n") < v.find("void main() {\n    gl_Position"));
    const std::string f = toGlslEs(kFragment, ShaderStage::Fragment, false);
    CHECK(count(f, "in float meridian_clipDistance;") == 1);
    CHECK(f.find("if (meridian_clipDistance < 0.0) discard;") != std::string::npos);
    CHECK(f.find("#define main meridian_main\n") < f.find("void main() { o_color"));
}

TEST_CASE("a vertex shader without gl_ClipDistance still feeds the fragment shader's input (programs link)") {
    const std::string v =
        toGlslEs("#version 330 core\nvoid main() { gl_Position = vec4(0.0); }\n", ShaderStage::Vertex, false);
    CHECK(count(v, "out float meridian_clipDistance;") == 1);
    CHECK(v.find("meridian_clipDistances[0] = 1.0;") != std::string::npos);  // nothing discarded
}

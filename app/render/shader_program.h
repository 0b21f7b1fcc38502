// A linked GLSL program with cached uniform locations.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "render/gl.h"

namespace meridian::render {

class ShaderProgram {
public:
    ShaderProgram() = default;
    ~ShaderProgram();
    ShaderProgram(const ShaderProgram&) = delete;
    ShaderProgram& operator=(const ShaderProgram&) = delete;

    // Compiles and links; on failure returns false with the driver's log,
    // prefixed by `name` so the message says which shader failed.
    bool build(std::string_view name, const std::string& vertexSource, const std::string& fragmentSource,
               std::string* error);
    void use() const { glUseProgram(m_program); }
    GLint uniform(const char* name);
    GLuint id() const { return m_program; }

private:
    GLuint m_program = 0;
    std::unordered_map<std::string, GLint> m_uniforms;
};

}  // namespace meridian::render

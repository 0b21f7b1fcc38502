#include "render/shader_program.h"

#include <vector>

namespace meridian::render {

ShaderProgram::~ShaderProgram() {
    if (m_program) glDeleteProgram(m_program);
}

// The driver's log of a shader or a program (glGetShaderInfoLog or glGetProgramInfoLog).
template <typename GetIv, typename GetLog>
static std::string infoLog(GLuint object, GetIv getIv, GetLog getLog) {
    GLint len = 0;
    getIv(object, GL_INFO_LOG_LENGTH, &len);
    std::vector<char> buf(static_cast<std::size_t>(len) + 1);
    getLog(object, len, nullptr, buf.data());
    return buf.data();
}

static GLuint compile(GLenum type, const std::string& source, std::string* log) {
    const GLuint s = glCreateShader(type);
    const char* src = source.c_str();
    glShaderSource(s, 1, &src, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        *log = infoLog(s, glGetShaderiv, glGetShaderInfoLog);
        glDeleteShader(s);
        return 0;
    }
    return s;
}

bool ShaderProgram::build(std::string_view name, const std::string& vs, const std::string& fs, std::string* error) {
    std::string log;
    const GLuint v = compile(GL_VERTEX_SHADER, vs, &log);
    if (!v) {
        *error = std::string(name) + " vertex shader: " + log;
        return false;
    }
    const GLuint f = compile(GL_FRAGMENT_SHADER, fs, &log);
    if (!f) {
        glDeleteShader(v);
        *error = std::string(name) + " fragment shader: " + log;
        return false;
    }
    m_program = glCreateProgram();
    glAttachShader(m_program, v);
    glAttachShader(m_program, f);
    glLinkProgram(m_program);
    glDeleteShader(v);
    glDeleteShader(f);
    GLint ok = 0;
    glGetProgramiv(m_program, GL_LINK_STATUS, &ok);
    if (!ok) {
        *error = std::string(name) + " link: " + infoLog(m_program, glGetProgramiv, glGetProgramInfoLog);
        glDeleteProgram(m_program);
        m_program = 0;
        return false;
    }
    return true;
}

GLint ShaderProgram::uniform(const char* name) {
    const auto it = m_uniforms.find(name);
    if (it != m_uniforms.end()) return it->second;
    const GLint loc = glGetUniformLocation(m_program, name);
    m_uniforms.emplace(name, loc);
    return loc;
}

}  // namespace meridian::render

#include "render/gl_caps.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "render/gl.h"

namespace meridian::render {

bool isSoftwareRenderer(std::string_view glRenderer) {
    std::string lower(glRenderer);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const char* name : {"llvmpipe", "softpipe", "swiftshader", "software rasterizer", "gdi generic"})
        if (lower.find(name) != std::string::npos) return true;
    return false;
}

const GlCaps& glCaps() {
    static const GlCaps caps = [] {
        GlCaps c;
        const auto* r = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
        c.renderer = r ? r : "";
        c.software = isSoftwareRenderer(c.renderer);
        if (const char* force = std::getenv("MERIDIAN_SOFTWARE_GL")) c.software = std::string_view(force) == "1";
        return c;
    }();
    return caps;
}

}  // namespace meridian::render

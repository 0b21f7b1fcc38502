// The browser toolchain's end-to-end check (scripts/web --check), until the app
// itself is ported: SDL2 + Dear ImGui + WebGL2 from the web dependency cache,
// the model library, the preloaded data bundle and a lazily fetched file, in
// one page, shaped the way the app's frame will be:
//   - one frame function for emscripten_set_main_loop (no blocking loop, no ASYNCIFY);
//   - idle: a frame with no event and nothing pending does no GL work (the
//     canvas keeps showing the last image);
//   - the 1:10m world is fetched only when asked for (here: after the first frame)
//     and triangulated in a Web Worker (world_worker.cpp), so no frame waits for it;
//   - a file dropped on the canvas, or chosen with the file picker (key O), arrives
//     as an SDL_DROPFILE event (web/platform/browser_files) and is opened by the model;
//     key D offers a file of the wasm file system as a download.
// It writes what it saw into the page's #status element (headless Chromium's
// --dump-dom reads it) and draws a quad and an ImGui window of known colours at
// known places (its screenshot's pixels are checked).
#include <GLES3/gl3.h>
#include <SDL.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>

#include "io/dataset_loader.h"
#include "io/text_file.h"
#include "io/world_data.h"
#include "io/world_level_bytes.h"
#include "platform/browser_files.h"
#include "render/map_shaders.h"
#include "render/projection_glsl.h"

// What web/check-page.mjs reads: the page's #status line, the frame counters
// (animation frames, frames drawn) and the time of the first drawn frame.
EM_JS(void, showStatus, (const char* text), { document.getElementById('status').textContent = UTF8ToString(text); });
// JavaScript below: clang-format would mangle it.
// clang-format off
EM_JS(void, publishFrames, (double callbacks, double drawn), {
    window.meridianFrames = {callbacks: callbacks, drawn: drawn};
    if (drawn > 0 && !window.meridianFirstFrameMs) window.meridianFirstFrameMs = performance.now();
});
// clang-format on

namespace {

// Colours the check looks for (scripts/web-check.mjs): keep them in step.
constexpr float kClear[3] = {26 / 255.f, 26 / 255.f, 30 / 255.f};           // #1a1a1e
constexpr float kQuad[3] = {1.f, 128 / 255.f, 0.f};                         // #ff8000
constexpr ImU32 kPanel = IM_COL32(0, 90, 200, 255);                         // #005ac8
constexpr const char* kFineWorldUrl = "assets/world/countries-10m.json";    // next to the page
constexpr const char* kFineWorldFile = "/assets/world/countries-10m.json";  // where the fetch puts it
constexpr const char* kWorldWorkerUrl = "meridian-world-worker.js";         // next to the page

// What the app's map shaders (app/render/map_shaders.h, written for "#version 330
// core") need in front of them to compile as GLSL ES 3.00 (WebGL2): the version,
// default precisions (ES fragment shaders have none for float; int and float
// uniforms shared by both stages must agree) and, for gl_ClipDistance, the
// WEBGL_clip_cull_distance extension's GLSL name.
constexpr const char* kAppVertexHeader =
    "#version 300 es\n#extension GL_ANGLE_clip_cull_distance : require\nprecision highp float;\nprecision highp int;\n";
constexpr const char* kAppFragmentHeader = "#version 300 es\nprecision highp float;\nprecision highp int;\n";

// GLSL ES 3.00 (WebGL2): a quad in the canvas's centre, half its size.
constexpr const char* kVertex = R"(#version 300 es
const vec2 corners[4] = vec2[4](vec2(-0.5, -0.5), vec2(0.5, -0.5), vec2(-0.5, 0.5), vec2(0.5, 0.5));
void main() { gl_Position = vec4(corners[gl_VertexID], 0.0, 1.0); }
)";
constexpr const char* kFragment = R"(#version 300 es
precision mediump float;
uniform vec3 u_colour;
out vec4 fragColour;
void main() { fragColour = vec4(u_colour, 1.0); }
)";

struct Page {
    SDL_Window* window = nullptr;
    SDL_GLContext context = nullptr;
    GLuint program = 0, vertexArray = 0;
    GLint colourLocation = -1;

    bool fontLoaded = false;
    bool clipDistance = false;  // WEBGL_clip_cull_distance (gl_ClipDistance in GLSL ES)
    std::string dataset = "not loaded";
    std::string coarseWorld = "not loaded";
    std::string fineWorld = "not asked";
    std::string appShaders = "not compiled";
    std::string opened = "none";         // the last file dropped or picked
    meridian::io::WorldLevel fineLevel;  // what the map would upload (the app: applyIsoTable, uploadLevel)

    enum class Fine { NotAsked, Fetching, Tessellating, Loaded, Failed } fine = Fine::NotAsked;
    worker_handle worker = 0;
    long callbacks = 0;   // requestAnimationFrame callbacks
    long drawn = 0;       // frames that did GL work
    int dirtyFrames = 2;  // ImGui needs a second frame to settle its layout
    std::string lastStatus;
};

Page g_page;

void setStatus(const std::string& text) {
    if (text == g_page.lastStatus) return;
    g_page.lastStatus = text;
    showStatus(text.c_str());
}

GLuint compile(GLenum type, const char* source) {
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[1024] = {};
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        std::fprintf(stderr, "shader: %s\n", log);
    }
    return shader;
}

// Compiles and links one of the app's programs; returns "" or what went wrong.
std::string buildAppProgram(const char* name, const std::string& vertex, const std::string& fragment) {
    const GLuint program = glCreateProgram();
    std::string problem;
    for (const auto& [type, source] :
         {std::pair{GL_VERTEX_SHADER, &vertex}, std::pair{GL_FRAGMENT_SHADER, &fragment}}) {
        const GLuint shader = glCreateShader(type);
        const char* text = source->c_str();
        glShaderSource(shader, 1, &text, nullptr);
        glCompileShader(shader);
        GLint ok = 0;
        glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
        if (!ok && problem.empty()) {
            char log[512] = {};
            glGetShaderInfoLog(shader, sizeof log, nullptr, log);
            problem = std::string(name) + (type == GL_VERTEX_SHADER ? " vertex: " : " fragment: ") + log;
        }
        glAttachShader(program, shader);
        glDeleteShader(shader);
    }
    if (problem.empty()) {
        glLinkProgram(program);
        GLint ok = 0;
        glGetProgramiv(program, GL_LINK_STATUS, &ok);
        if (!ok) {
            char log[512] = {};
            glGetProgramInfoLog(program, sizeof log, nullptr, log);
            problem = std::string(name) + " link: " + log;
        }
    }
    glDeleteProgram(program);
    return problem;
}

// The app's five map programs, assembled as render/map_renderer.cpp does, with the web headers.
std::string checkAppShaders() {
    using namespace meridian::render;
    const std::string vertex = std::string(kAppVertexHeader) + kProjectionGlsl;
    const std::string event = vertex + kEventTimingGlsl;
    const std::string fragment = kAppFragmentHeader;
    const std::string pick = fragment + "#define PICK 1\n";
    const std::pair<const char*, std::pair<std::string, std::string>> programs[] = {
        {"surface", {vertex + kSurfaceVertex, fragment + kSurfaceFragment}},
        {"arc", {event + kArcVertex, fragment + kArcFragment}},
        {"arc pick", {event + kArcVertex, pick + kArcFragment}},
        {"marker", {event + kMarkerVertex, fragment + kMarkerFragment}},
        {"marker pick", {event + kMarkerVertex, pick + kMarkerFragment}},
    };
    int linked = 0;
    std::string problems;
    for (const auto& [name, sources] : programs) {
        const std::string problem = buildAppProgram(name, sources.first, sources.second);
        if (problem.empty())
            ++linked;
        else
            problems += (problems.empty() ? "" : "; ") + problem;
    }
    return std::to_string(linked) + " of 5 linked" + (problems.empty() ? "" : " (" + problems + ")");
}

void loadWorld(const char* file, std::string& summary) {
    const meridian::io::WorldLevelResult r = meridian::io::loadWorldLevel(file, nullptr);
    summary = r.ok() ? std::to_string(r.level.shapes.countries.size()) + " countries, " +
                           std::to_string(r.level.fills.mesh.indices.size() / 3) + " triangles"
                     : "error: " + r.error;
}

void onFineTessellated(char* data, int size, void*) {
    Page& p = g_page;
    p.dirtyFrames = 1;
    const std::string_view text(data, static_cast<std::size_t>(size));
    if (text.starts_with("error: ")) {
        p.fine = Page::Fine::Failed;
        p.fineWorld = std::string(text);
        return;
    }
    meridian::io::WorldLevelResult r = meridian::io::decodeWorldLevel(
        std::span(reinterpret_cast<const std::uint8_t*>(data), static_cast<std::size_t>(size)));
    if (!r.ok()) {
        p.fine = Page::Fine::Failed;
        p.fineWorld = "error: " + r.error;
        return;
    }
    p.fineLevel = std::move(r.level);
    p.fine = Page::Fine::Loaded;
    p.fineWorld = std::to_string(p.fineLevel.shapes.countries.size()) + " countries, " +
                  std::to_string(p.fineLevel.fills.mesh.indices.size() / 3) + " triangles (in a worker)";
}

void onFineFetched(const char* file) {
    Page& p = g_page;
    std::string error;
    std::optional<std::string> text = meridian::io::readWholeFile(file, &error);
    if (!text) {
        p.fine = Page::Fine::Failed;
        p.fineWorld = "error: " + error;
        p.dirtyFrames = 1;
        return;
    }
    p.fine = Page::Fine::Tessellating;
    p.fineWorld = "tessellating in a worker";
    p.dirtyFrames = 1;
    if (!p.worker) p.worker = emscripten_create_worker(kWorldWorkerUrl);
    emscripten_call_worker(p.worker, "tessellateWorldLevel", text->data(), static_cast<int>(text->size()),
                           onFineTessellated, nullptr);
}

void onFineFailed(const char*) {
    g_page.fine = Page::Fine::Failed;
    g_page.fineWorld = std::string("error: could not fetch ") + kFineWorldUrl;
    g_page.dirtyFrames = 1;
}

void frame() {
    Page& p = g_page;
    ++p.callbacks;
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        ImGui_ImplSDL2_ProcessEvent(&event);
        p.dirtyFrames = 2;
        if (event.type == SDL_DROPFILE) {  // the same event a desktop drop gives
            const std::string path = event.drop.file;
            SDL_free(event.drop.file);
            const meridian::io::DatasetLoadResult r = meridian::io::loadDataset(path);
            const std::string name = path.substr(path.find_last_of('/') + 1);
            p.opened = name + ": " +
                       (r.ok() ? meridian::io::summarizeDataset(*r.dataset)
                               : "error: " + (r.diagnostics.empty() ? std::string("?") : r.diagnostics[0].format()));
        }
        if (event.type == SDL_KEYDOWN && event.key.keysym.scancode == SDL_SCANCODE_O)
            meridian::web::pickFile(".json,.csv");
        if (event.type == SDL_KEYDOWN && event.key.keysym.scancode == SDL_SCANCODE_D) {  // a download
            std::string error;
            if (meridian::io::writeFileAtomically("/tmp/meridian-check.txt", p.dataset + "\n", &error))
                meridian::web::downloadFile("/tmp/meridian-check.txt", "meridian-check.txt", "text/plain");
            else
                p.opened = "error: " + error;
        }
    }
    if (p.dirtyFrames == 0) {  // idle: no GL work, the canvas keeps its last image
        publishFrames(static_cast<double>(p.callbacks), static_cast<double>(p.drawn));
        return;
    }
    --p.dirtyFrames;

    int width = 0, height = 0;
    SDL_GL_GetDrawableSize(p.window, &width, &height);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    // Two animation frames can share one performance.now() value (coarsened clocks,
    // headless Chromium's virtual time): ImGui asserts on a zero DeltaTime.
    ImGuiIO& io = ImGui::GetIO();
    if (io.DeltaTime <= 0.f) io.DeltaTime = 1e-4f;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(16, 16));
    ImGui::SetNextWindowSize(ImVec2(480, 150));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, kPanel);
    ImGui::Begin("Meridian (web toolchain check)", nullptr, ImGuiWindowFlags_NoCollapse);
    ImGui::TextUnformatted(p.dataset.c_str());
    ImGui::Text("1:110m: %s", p.coarseWorld.c_str());
    ImGui::Text("1:10m: %s", p.fineWorld.c_str());
    ImGui::Text("Opened: %s", p.opened.c_str());
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::Render();

    glViewport(0, 0, width, height);
    glClearColor(kClear[0], kClear[1], kClear[2], 1.f);
    glClear(GL_COLOR_BUFFER_BIT);
    glUseProgram(p.program);
    glUniform3fv(p.colourLocation, 1, kQuad);
    glBindVertexArray(p.vertexArray);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glBindVertexArray(0);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    SDL_GL_SwapWindow(p.window);
    ++p.drawn;
    publishFrames(static_cast<double>(p.callbacks), static_cast<double>(p.drawn));

    if (p.fine == Page::Fine::NotAsked) {  // the first frame is up: now fetch the 1:10m world
        p.fine = Page::Fine::Fetching;
        p.fineWorld = "fetching";
        emscripten_async_wget(kFineWorldUrl, kFineWorldFile, onFineFetched, onFineFailed);
    }
    char status[4096];
    std::snprintf(status, sizeof status,
                  "canvas=%dx%d font=%s webgl2=yes clip_distance=%s | app shaders: %s | dataset: %s | 1:110m: %s "
                  "| 1:10m: %s | opened: %s | frames drawn=%ld of %ld",
                  width, height, p.fontLoaded ? "ok" : "missing", p.clipDistance ? "yes" : "no", p.appShaders.c_str(),
                  p.dataset.c_str(), p.coarseWorld.c_str(), p.fineWorld.c_str(), p.opened.c_str(), p.drawn,
                  p.callbacks);
    setStatus(status);
}

}  // namespace

int main() {
    Page& p = g_page;
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        setStatus(std::string("error: SDL_Init: ") + SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);  // WebGL2
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    double cssWidth = 0, cssHeight = 0;
    emscripten_get_element_css_size("#canvas", &cssWidth, &cssHeight);
    p.window =
        SDL_CreateWindow("Meridian", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, static_cast<int>(cssWidth),
                         static_cast<int>(cssHeight), SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE);
    if (!p.window || !(p.context = SDL_GL_CreateContext(p.window))) {
        setStatus(std::string("error: no WebGL2 context: ") + SDL_GetError());
        return 1;
    }
    p.clipDistance =
        emscripten_webgl_enable_extension(emscripten_webgl_get_current_context(), "WEBGL_clip_cull_distance");

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the app keeps its settings in browser storage instead
    p.fontLoaded = io.Fonts->AddFontFromFileTTF("/assets/fonts/DejaVuSans.ttf", 18.f) != nullptr;
    ImGui_ImplSDL2_InitForOpenGL(p.window, p.context);
    ImGui_ImplOpenGL3_Init("#version 300 es");

    p.program = glCreateProgram();
    glAttachShader(p.program, compile(GL_VERTEX_SHADER, kVertex));
    glAttachShader(p.program, compile(GL_FRAGMENT_SHADER, kFragment));
    glLinkProgram(p.program);
    p.colourLocation = glGetUniformLocation(p.program, "u_colour");
    glGenVertexArrays(1, &p.vertexArray);
    p.appShaders = checkAppShaders();

    const meridian::io::DatasetLoadResult data = meridian::io::loadDataset("/data/iran-dprk.json");
    p.dataset = data.ok() ? meridian::io::summarizeDataset(*data.dataset)
                          : "error: " + (data.diagnostics.empty() ? std::string("?") : data.diagnostics[0].format());
    loadWorld("/assets/world/countries-110m.json", p.coarseWorld);

    meridian::web::installFileDrop("#canvas");
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}

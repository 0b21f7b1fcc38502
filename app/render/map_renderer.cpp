// [SECTION] GPU resources and buffers
// [SECTION] World levels, basemap, events
// [SECTION] Drawing
// [SECTION] Picking
#include "render/map_renderer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <initializer_list>

#include "render/map_shaders.h"
#include "render/projection_glsl.h"
#include "render/texture.h"

namespace meridian::render {

namespace {

constexpr int kArcSegments = 48;
constexpr int kMaskWidth = 4096;  // the event mask is a 4096-wide R8 texture

struct SurfaceVertex {
    float lonDeg, latDeg, u, v;
};

struct ArcInstance {
    float ends[4];
    float route[4];
    std::uint8_t color[4];
    float meta[4];   // first day, last day, event, style (confidence + 8 lastLeg + 16 fixed)
    float fixed[2];  // width scale, strength (fixed arcs)
};

struct MarkerInstance {
    float lonLat[2];
    std::uint8_t color[4];
    float meta[4];   // first day, last day, event, style (confidence + 8 endpoint + 16 fixed)
    float fixed[2];  // size scale, strength (fixed markers)
};

struct WorldGpu {
    GLuint vao = 0, vbo = 0, ibo = 0;
    GLsizei indexCount = 0;
    GLuint borderVao = 0, borderVbo = 0;
    GLsizei borderVertexCount = 0;
    std::vector<geo::IndexRange> countryTriangles;  // per country: its range of indices
    // The highlighted countries' ranges, for one glMultiDrawElements.
    std::vector<GLsizei> highlightCounts;
    std::vector<const void*> highlightOffsets;
};

void surfaceAttributes() {
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(SurfaceVertex), reinterpret_cast<void*>(0));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 2, GL_FLOAT, GL_FALSE, sizeof(SurfaceVertex), reinterpret_cast<void*>(8));
}

// The world's meshes: lon/lat only (geo::MeshVertex). a_uv keeps its default (0, 0).
void worldAttributes() {
    static_assert(sizeof(geo::MeshVertex) == 2 * sizeof(float));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(geo::MeshVertex), reinterpret_cast<void*>(0));
    glDisableVertexAttribArray(2);
}

// A one-byte-per-item mask as a 4096-wide R8 texture (sampled with texelFetch).
GLuint uploadMask(GLuint tex, const std::vector<std::uint8_t>& bytes) {
    if (!tex) glGenTextures(1, &tex);
    const std::size_t rows = std::max<std::size_t>(1, (bytes.size() + kMaskWidth - 1) / kMaskWidth);
    std::vector<std::uint8_t> padded(rows * kMaskWidth, 0);
    // 0 hidden, 1 shown (128), 2 highlighted (255).
    for (std::size_t i = 0; i < bytes.size(); ++i) padded[i] = bytes[i] == 0 ? 0 : bytes[i] == 1 ? 128 : 255;
    glBindTexture(GL_TEXTURE_2D, tex);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, kMaskWidth, static_cast<GLsizei>(rows), 0, GL_RED, GL_UNSIGNED_BYTE,
                 padded.data());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    return tex;
}

void colorBytes(std::uint32_t rgba, std::uint8_t out[4]) {
    out[0] = static_cast<std::uint8_t>(rgba >> 24);
    out[1] = static_cast<std::uint8_t>(rgba >> 16);
    out[2] = static_cast<std::uint8_t>(rgba >> 8);
    out[3] = static_cast<std::uint8_t>(rgba);
}

void setColor(ShaderProgram& p, const char* name, const Rgba& c) {
    glUniform4f(p.uniform(name), c[0], c[1], c[2], c[3]);
}

}  // namespace

// ===========================================================================
// [SECTION] GPU resources and buffers
// ===========================================================================

struct MapRenderer::Impl {
    ShaderProgram surface, arc, arcPick, marker, markerPick;
    std::array<WorldGpu, 3> levels;
    GLuint gridVao = 0, gridVbo = 0, gridIbo = 0;
    GLsizei gridIndexCount = 0;
    GLuint graticuleVao = 0, graticuleVbo = 0;
    GLsizei graticuleVertexCount = 0;
    GLuint arcVao = 0, arcTemplateVbo = 0, arcInstanceVbo = 0;
    GLsizei arcTemplateVertices = 0;
    GLsizei arcStripVertices = 0;  // the strip; the arrowhead's 3 vertices follow it
    GLsizei arcInstances = 0, arcCrossingFirst = 0;
    GLuint markerVao = 0, markerCornerVbo = 0, markerInstanceVbo = 0;
    GLsizei markerInstances = 0;
    GLuint eventMask = 0;
    std::vector<ArcInstance> arcScratch;  // reused: large datasets upload items every frame
    std::vector<MarkerInstance> markerScratch;
    GLuint pickFbo = 0, pickColor = 0;

    void bindArcInstances(GLsizei first) {
        glBindVertexArray(arcVao);
        glBindBuffer(GL_ARRAY_BUFFER, arcInstanceVbo);
        const std::size_t base = static_cast<std::size_t>(first) * sizeof(ArcInstance);
        auto at = [&](std::size_t offset) { return reinterpret_cast<void*>(base + offset); };
        glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, sizeof(ArcInstance), at(offsetof(ArcInstance, ends)));
        glVertexAttribPointer(2, 4, GL_FLOAT, GL_FALSE, sizeof(ArcInstance), at(offsetof(ArcInstance, route)));
        glVertexAttribPointer(3, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ArcInstance), at(offsetof(ArcInstance, color)));
        glVertexAttribPointer(4, 4, GL_FLOAT, GL_FALSE, sizeof(ArcInstance), at(offsetof(ArcInstance, meta)));
        glVertexAttribPointer(5, 2, GL_FLOAT, GL_FALSE, sizeof(ArcInstance), at(offsetof(ArcInstance, fixed)));
    }
};

MapRenderer::MapRenderer() : m(std::make_unique<Impl>()) {}

MapRenderer::~MapRenderer() {
    for (WorldGpu& w : m->levels) {
        glDeleteVertexArrays(1, &w.vao);
        glDeleteBuffers(1, &w.vbo);
        glDeleteBuffers(1, &w.ibo);
        glDeleteVertexArrays(1, &w.borderVao);
        glDeleteBuffers(1, &w.borderVbo);
    }
    GLuint vaos[] = {m->gridVao, m->graticuleVao, m->arcVao, m->markerVao};
    glDeleteVertexArrays(4, vaos);
    GLuint buffers[] = {m->gridVbo,        m->gridIbo,         m->graticuleVbo,     m->arcTemplateVbo,
                        m->arcInstanceVbo, m->markerCornerVbo, m->markerInstanceVbo};
    glDeleteBuffers(7, buffers);
    GLuint textures[] = {m->eventMask, m_basemapTexture};
    glDeleteTextures(2, textures);
    glDeleteFramebuffers(1, &m->pickFbo);
    glDeleteRenderbuffers(1, &m->pickColor);
}

bool MapRenderer::init(std::string* error) {
    const std::string vertexHeader = std::string("#version 330 core\n") + kProjectionGlsl;
    const std::string eventHeader = vertexHeader + kEventTimingGlsl;
    const std::string fragmentHeader = "#version 330 core\n";
    if (!m->surface.build("surface", vertexHeader + kSurfaceVertex, fragmentHeader + kSurfaceFragment, error))
        return false;
    if (!m->arc.build("arc", eventHeader + kArcVertex, fragmentHeader + kArcFragment, error)) return false;
    if (!m->marker.build("marker", eventHeader + kMarkerVertex, fragmentHeader + kMarkerFragment, error)) return false;
    // The pick programs only when pick() is first asked (hover picks on the CPU).

    // The ocean / basemap grid: 2-degree cells, projected like everything else,
    // so the sea takes each projection's outline (and the globe's disc).
    std::vector<SurfaceVertex> grid;
    std::vector<std::uint32_t> gridIdx;
    const int nx = 180, ny = 90;
    for (int j = 0; j <= ny; ++j)
        for (int i = 0; i <= nx; ++i)
            grid.push_back({-180.0f + 360.0f * i / nx, 90.0f - 180.0f * j / ny, static_cast<float>(i) / nx,
                            static_cast<float>(j) / ny});
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            const std::uint32_t a = static_cast<std::uint32_t>(j * (nx + 1) + i), b = a + 1, c = a + nx + 1, d = c + 1;
            gridIdx.insert(gridIdx.end(), {a, c, b, b, c, d});
        }
    glGenVertexArrays(1, &m->gridVao);
    glBindVertexArray(m->gridVao);
    glGenBuffers(1, &m->gridVbo);
    glBindBuffer(GL_ARRAY_BUFFER, m->gridVbo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(grid.size() * sizeof(SurfaceVertex)), grid.data(),
                 GL_STATIC_DRAW);
    glGenBuffers(1, &m->gridIbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m->gridIbo);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(gridIdx.size() * 4), gridIdx.data(), GL_STATIC_DRAW);
    surfaceAttributes();
    m->gridIndexCount = static_cast<GLsizei>(gridIdx.size());

    // Graticule: every 30 degrees, densified to 2 degrees so it bends with the projection.
    std::vector<SurfaceVertex> lines;
    for (int lon = -180; lon <= 180; lon += 30)
        for (int lat = -90; lat < 90; lat += 2) {
            lines.push_back({static_cast<float>(lon), static_cast<float>(lat), 0, 0});
            lines.push_back({static_cast<float>(lon), static_cast<float>(lat + 2), 0, 0});
        }
    for (int lat = -60; lat <= 60; lat += 30)
        for (int lon = -180; lon < 180; lon += 2) {
            lines.push_back({static_cast<float>(lon), static_cast<float>(lat), 0, 0});
            lines.push_back({static_cast<float>(lon + 2), static_cast<float>(lat), 0, 0});
        }
    glGenVertexArrays(1, &m->graticuleVao);
    glBindVertexArray(m->graticuleVao);
    glGenBuffers(1, &m->graticuleVbo);
    glBindBuffer(GL_ARRAY_BUFFER, m->graticuleVbo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(lines.size() * sizeof(SurfaceVertex)), lines.data(),
                 GL_STATIC_DRAW);
    surfaceAttributes();
    m->graticuleVertexCount = static_cast<GLsizei>(lines.size());

    // Arc template: one triangle strip along t (two vertices per step: each
    // instance is its own strip), then the arrowhead's triangle drawn apart.
    // A strip shades 2(K+1) vertices per arc, a third of separate quads.
    std::vector<float> tmpl;
    for (int k = 0; k <= kArcSegments; ++k) {
        const float t = static_cast<float>(k) / kArcSegments;
        tmpl.insert(tmpl.end(), {t, -1.0f, 0.0f, t, 1.0f, 0.0f});
    }
    m->arcStripVertices = static_cast<GLsizei>(tmpl.size() / 3);
    tmpl.insert(tmpl.end(), {1, -1, 1, 1, 0, 1, 1, 1, 1});
    m->arcTemplateVertices = static_cast<GLsizei>(tmpl.size() / 3);
    glGenVertexArrays(1, &m->arcVao);
    glBindVertexArray(m->arcVao);
    glGenBuffers(1, &m->arcTemplateVbo);
    glBindBuffer(GL_ARRAY_BUFFER, m->arcTemplateVbo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(tmpl.size() * 4), tmpl.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 12, nullptr);
    glGenBuffers(1, &m->arcInstanceVbo);
    glBindBuffer(GL_ARRAY_BUFFER, m->arcInstanceVbo);
    for (GLuint a = 1; a <= 5; ++a) {
        glEnableVertexAttribArray(a);
        glVertexAttribDivisor(a, 1);
    }
    m->bindArcInstances(0);

    // Marker quad.
    const float corners[6][2] = {{-1, -1}, {1, -1}, {1, 1}, {-1, -1}, {1, 1}, {-1, 1}};
    glGenVertexArrays(1, &m->markerVao);
    glBindVertexArray(m->markerVao);
    glGenBuffers(1, &m->markerCornerVbo);
    glBindBuffer(GL_ARRAY_BUFFER, m->markerCornerVbo);
    glBufferData(GL_ARRAY_BUFFER, sizeof corners, corners, GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 8, nullptr);
    glGenBuffers(1, &m->markerInstanceVbo);
    glBindBuffer(GL_ARRAY_BUFFER, m->markerInstanceVbo);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(MarkerInstance),
                          reinterpret_cast<void*>(offsetof(MarkerInstance, lonLat)));
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(MarkerInstance),
                          reinterpret_cast<void*>(offsetof(MarkerInstance, color)));
    glEnableVertexAttribArray(4);
    glVertexAttribPointer(4, 4, GL_FLOAT, GL_FALSE, sizeof(MarkerInstance),
                          reinterpret_cast<void*>(offsetof(MarkerInstance, meta)));
    glEnableVertexAttribArray(5);
    glVertexAttribPointer(5, 2, GL_FLOAT, GL_FALSE, sizeof(MarkerInstance),
                          reinterpret_cast<void*>(offsetof(MarkerInstance, fixed)));
    for (GLuint a : {1u, 3u, 4u, 5u}) glVertexAttribDivisor(a, 1);
    glBindVertexArray(0);

    m->eventMask = uploadMask(0, std::vector<std::uint8_t>(1, 1));
    return true;
}

// ===========================================================================
// [SECTION] World levels, basemap, events
// ===========================================================================

void MapRenderer::setWorldLevel(int level, const geo::WorldMesh& fills, const geo::BorderLines& borders,
                                std::size_t countryCount) {
    if (level < 0 || level >= static_cast<int>(m->levels.size())) return;
    WorldGpu& w = m->levels[static_cast<std::size_t>(level)];
    if (!w.vao) {
        glGenVertexArrays(1, &w.vao);
        glGenBuffers(1, &w.vbo);
        glGenBuffers(1, &w.ibo);
        glGenVertexArrays(1, &w.borderVao);
        glGenBuffers(1, &w.borderVbo);
    }
    // The meshes' own vertices (two floats, no texture coordinate: the world
    // is never textured), uploaded as they are: the 1:10m world is 1.6 million
    // of them, 13 MB less on the GPU (a software renderer's is the process's
    // own memory) than with the grid's four floats, and no copy on the way.
    glBindVertexArray(w.vao);
    glBindBuffer(GL_ARRAY_BUFFER, w.vbo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(fills.mesh.vertices.size() * sizeof(geo::MeshVertex)),
                 fills.mesh.vertices.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, w.ibo);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(fills.mesh.indices.size() * 4),
                 fills.mesh.indices.data(), GL_STATIC_DRAW);
    worldAttributes();
    w.indexCount = static_cast<GLsizei>(fills.mesh.indices.size());

    glBindVertexArray(w.borderVao);
    glBindBuffer(GL_ARRAY_BUFFER, w.borderVbo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(borders.vertices.size() * sizeof(geo::MeshVertex)),
                 borders.vertices.data(), GL_STATIC_DRAW);
    worldAttributes();
    w.borderVertexCount = static_cast<GLsizei>(borders.vertices.size());
    glBindVertexArray(0);
    w.countryTriangles = fills.countryTriangles;
    w.countryTriangles.resize(countryCount);
    w.highlightCounts.clear();
    w.highlightOffsets.clear();
    ++m_worldVersion;
}

void MapRenderer::dropWorldLevel(int level) {
    if (!hasWorldLevel(level)) return;
    WorldGpu& w = m->levels[static_cast<std::size_t>(level)];
    glDeleteVertexArrays(1, &w.vao);
    glDeleteBuffers(1, &w.vbo);
    glDeleteBuffers(1, &w.ibo);
    glDeleteVertexArrays(1, &w.borderVao);
    glDeleteBuffers(1, &w.borderVbo);
    w = WorldGpu{};
    ++m_worldVersion;
}

bool MapRenderer::hasWorldLevel(int level) const {
    return level >= 0 && level < static_cast<int>(m->levels.size()) &&
           m->levels[static_cast<std::size_t>(level)].vao != 0;
}

void MapRenderer::setCountryHighlight(int level, const std::vector<std::uint8_t>& flags) {
    if (!hasWorldLevel(level)) return;
    WorldGpu& w = m->levels[static_cast<std::size_t>(level)];
    w.highlightCounts.clear();
    w.highlightOffsets.clear();
    for (std::size_t c = 0; c < flags.size() && c < w.countryTriangles.size(); ++c) {
        const geo::IndexRange r = w.countryTriangles[c];
        if (!flags[c] || r.count == 0) continue;
        w.highlightCounts.push_back(static_cast<GLsizei>(r.count));
        w.highlightOffsets.push_back(reinterpret_cast<const void*>(static_cast<std::uintptr_t>(r.first) * 4));
    }
    ++m_highlightVersion;
}

void MapRenderer::setBasemap(const io::ImageRgba& image) {
    deleteTexture(m_basemapTexture);
    m_basemapTexture = uploadTexture(image);
    // Longitude wraps: sampling across the seam must not smear the edge.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_REPEAT);
    ++m_worldVersion;
}

void layoutItems(const Dataset& ds, const geo::MapLayout& layout, std::vector<ArcItem>& arcs,
                 std::vector<MarkerItem>& markers) {
    arcs.clear();
    markers.clear();
    arcs.reserve(layout.legs.size());
    for (const geo::ArcLeg& leg : layout.legs) arcs.push_back(geo::timedArc(ds, leg));
    // Markers: arc end dots first, place events on top.
    markers.reserve(layout.markers.size());
    for (int pass = 0; pass < 2; ++pass)
        for (const geo::PlaceMarker& pm : layout.markers)
            if (pm.endpoint == (pass == 0)) markers.push_back(geo::timedMarker(ds, pm));
}

void MapRenderer::setEvents(const Dataset& ds, const geo::MapLayout& layout) {
    std::vector<ArcItem> arcs;
    std::vector<MarkerItem> markers;
    layoutItems(ds, layout, arcs, markers);
    setItems(arcs, markers);
    setEventMask(std::vector<std::uint8_t>(ds.events.size(), 1));
}

void MapRenderer::setItems(const std::vector<ArcItem>& items, const std::vector<MarkerItem>& markerItems) {
    // Arcs: those that cross the antimeridian go last, so flat maps can draw
    // just that range again shifted by +-360 degrees.
    std::vector<ArcInstance>& arcs = m->arcScratch;
    arcs.clear();
    arcs.reserve(items.size());
    for (int pass = 0; pass < 2; ++pass)
        for (const ArcItem& it : items) {
            if (it.crossesAntimeridian != (pass == 1)) continue;
            ArcInstance a{};
            a.ends[0] = static_cast<float>(it.from.lonDeg);
            a.ends[1] = static_cast<float>(it.from.latDeg);
            a.ends[2] = static_cast<float>(it.to.lonDeg);
            a.ends[3] = static_cast<float>(it.to.latDeg);
            a.route[0] = it.routeStart;
            a.route[1] = it.routeSpan;
            a.route[2] = it.routeAngleRad;
            a.route[3] = it.bundleOffset;
            colorBytes(it.rgba, a.color);
            a.meta[0] = static_cast<float>(it.days.first);
            a.meta[1] = static_cast<float>(it.days.last);
            a.meta[2] = static_cast<float>(it.event);
            a.meta[3] =
                static_cast<float>(static_cast<int>(it.confidence) + (it.lastLeg ? 8 : 0) + (it.fixed ? 16 : 0));
            a.fixed[0] = it.widthScale;
            a.fixed[1] = it.strength;
            arcs.push_back(a);
        }
    m->arcCrossingFirst = static_cast<GLsizei>(
        std::count_if(items.begin(), items.end(), [](const ArcItem& a) { return !a.crossesAntimeridian; }));
    m->arcInstances = static_cast<GLsizei>(arcs.size());
    glBindBuffer(GL_ARRAY_BUFFER, m->arcInstanceVbo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(arcs.size() * sizeof(ArcInstance)), arcs.data(),
                 GL_DYNAMIC_DRAW);

    std::vector<MarkerInstance>& markers = m->markerScratch;
    markers.clear();
    markers.reserve(markerItems.size());
    for (const MarkerItem& it : markerItems) {
        MarkerInstance mk{};
        mk.lonLat[0] = static_cast<float>(it.position.lonDeg);
        mk.lonLat[1] = static_cast<float>(it.position.latDeg);
        colorBytes(it.rgba, mk.color);
        mk.meta[0] = static_cast<float>(it.days.first);
        mk.meta[1] = static_cast<float>(it.days.last);
        mk.meta[2] = static_cast<float>(it.event);
        mk.meta[3] = static_cast<float>(static_cast<int>(it.confidence) + (it.endpoint ? 8 : 0) + (it.fixed ? 16 : 0));
        mk.fixed[0] = it.sizeScale;
        mk.fixed[1] = it.strength;
        markers.push_back(mk);
    }
    m->markerInstances = static_cast<GLsizei>(markers.size());
    glBindBuffer(GL_ARRAY_BUFFER, m->markerInstanceVbo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(markers.size() * sizeof(MarkerInstance)), markers.data(),
                 GL_DYNAMIC_DRAW);
    ++m_eventsVersion;
}

void MapRenderer::setEventMask(const std::vector<std::uint8_t>& mask) {
    m->eventMask = uploadMask(m->eventMask, mask);
    m_hasHighlight = std::any_of(mask.begin(), mask.end(), [](std::uint8_t b) { return b >= 2; });
    ++m_eventsVersion;
}

// ===========================================================================
// [SECTION] Drawing
// ===========================================================================

namespace {

void setProjectionUniforms(ShaderProgram& p, const geo::CameraState& camera, const geo::ViewTransform& vt) {
    glUniform1i(p.uniform(kProjectionUniform), static_cast<int>(camera.projection));
    glUniform2f(p.uniform(kGlobeCenterUniform), static_cast<float>(geo::degToRad(vt.globe.centerLonDeg)),
                static_cast<float>(geo::degToRad(vt.globe.centerLatDeg)));
    const auto m = vt.planeToClipColumnMajor();
    glUniformMatrix3fv(p.uniform(kPlaneToClipUniform), 1, GL_FALSE, m.data());
}

void setEventUniforms(ShaderProgram& p, const MapTime& t, const geo::Viewport& vp, const MapStyle& style, GLuint mask,
                      bool hasHighlight) {
    glUniform1f(p.uniform("u_playhead"), static_cast<float>(t.playheadDay));
    glUniform1f(p.uniform("u_trailDays"), static_cast<float>(t.trailDays));
    glUniform1i(p.uniform("u_allUpToNow"), t.allUpToNow ? 1 : 0);
    glUniform1i(p.uniform("u_useWindow"), t.window ? 1 : 0);
    glUniform2f(p.uniform("u_window"), t.window ? static_cast<float>(t.window->first) : 0.0f,
                t.window ? static_cast<float>(t.window->last) : 0.0f);
    glUniform1f(p.uniform("u_growDays"), static_cast<float>(t.growDays));
    glUniform1i(p.uniform("u_selected"), t.selected == kNoIndex ? -1 : static_cast<int>(t.selected));
    glUniform1i(p.uniform("u_hovered"), t.hovered == kNoIndex ? -1 : static_cast<int>(t.hovered));
    glUniform1i(p.uniform("u_hasHighlight"), hasHighlight ? 1 : 0);
    glUniform2f(p.uniform("u_viewportPx"), static_cast<float>(vp.widthPx), static_cast<float>(vp.heightPx));
    glUniform1f(p.uniform("u_markerPx"), style.markerPx);
    glUniform1f(p.uniform("u_timeSec"), static_cast<float>(std::fmod(t.animationSec, 1000.0)));
    glUniform1f(p.uniform("u_stillSec"), static_cast<float>(std::fmod(t.stillSec, 1000.0)));
    glUniform1i(p.uniform("u_animateAll"), t.animateAll ? 1 : 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, mask);
    glUniform1i(p.uniform("u_eventMask"), 0);
}

}  // namespace

void MapRenderer::beginMapState() {
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glEnable(GL_CLIP_DISTANCE0);
}

void MapRenderer::endMapState() {
    glBindVertexArray(0);
    glDisable(GL_CLIP_DISTANCE0);
}

void MapRenderer::render(const geo::CameraState& camera, const geo::Viewport& viewport, const MapTime& time,
                         const MapStyle& style, int worldLevel) {
    m_drawCalls = 0;
    beginMapState();
    renderGround(camera, viewport, style, worldLevel);
    renderOverlay(camera, viewport, style, worldLevel);
    drawEvents(camera, viewport, time, style, false);
    endMapState();
}

bool MapRenderer::sameGround(const DrawInputs& a, const DrawInputs& b) {
    const MapStyle &s = a.style, &t = b.style;
    return a.camera == b.camera && a.widthPx == b.widthPx && a.heightPx == b.heightPx && a.worldLevel == b.worldLevel &&
           a.worldVersion == b.worldVersion && s.background == t.background && s.ocean == t.ocean && s.land == t.land &&
           s.basemap == t.basemap;
}

bool MapRenderer::sameWorld(const DrawInputs& a, const DrawInputs& b) {
    const MapStyle &s = a.style, &t = b.style;
    return sameGround(a, b) && a.highlightVersion == b.highlightVersion && s.landActive == t.landActive &&
           s.border == t.border && s.graticuleColor == t.graticuleColor && s.showGraticule == t.showGraticule;
}

GLuint MapRenderer::draw(const geo::CameraState& camera, const geo::Viewport& viewport, const MapTime& time,
                         const MapStyle& style, int worldLevel) {
    const int w = static_cast<int>(viewport.widthPx), h = static_cast<int>(viewport.heightPx);
    const DrawInputs in{camera, w, h, time, style, worldLevel, m_worldVersion, m_highlightVersion, m_eventsVersion};
    const bool msaa = style.msaaSamples > 1;
    Framebuffer& target = msaa ? m_targetMsaa : m_target;
    if (m_drawn && *m_drawn == in && target.width() == w && target.height() == h) {
        m_lastRedraw = MapRedraw::None;
        m_lastFbo = target.fbo();
        return target.texture();
    }
    m_drawn.reset();
    if (!target.ensure(w, h, msaa ? style.msaaSamples : 1)) return 0;
    GLint previous = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
    glDisable(GL_SCISSOR_TEST);
    m_drawCalls = 0;
    beginMapState();
    auto copy = [&](const Framebuffer& from, const Framebuffer& to) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, from.fbo());
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, to.fbo());
        glBlitFramebuffer(0, 0, w, h, 0, 0, w, h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    };
    const bool layered = !msaa && static_cast<double>(w) * h <= kLargeMapPixels;
    if (!layered) {
        // The layers are not kept at this size (see kLargeMapPixels).
        m_ground.release();
        m_world.release();
        m_groundDrawn.reset();
        m_worldDrawn.reset();
    }
    if (layered && m_ground.ensure(w, h, 1) && m_world.ensure(w, h, 1)) {
        // Layers drawn once and copied under the next: the ground (ocean,
        // land) changes with the camera, the world (highlighted countries,
        // graticule, borders) when the countries taking part change, the
        // events every time. The same pixels as drawing it all at once.
        m_lastRedraw = MapRedraw::Events;
        if (!m_groundDrawn || !sameGround(*m_groundDrawn, in)) {
            m_ground.bind();
            renderGround(camera, viewport, style, worldLevel);
            m_groundDrawn = in;
            m_worldDrawn.reset();
            m_lastRedraw = MapRedraw::All;
        }
        if (!m_worldDrawn || !sameWorld(*m_worldDrawn, in)) {
            copy(m_ground, m_world);
            m_world.bind();
            renderOverlay(camera, viewport, style, worldLevel);
            m_worldDrawn = in;
            if (m_lastRedraw == MapRedraw::Events) m_lastRedraw = MapRedraw::World;
        }
        copy(m_world, target);
        target.bind();
        drawEvents(camera, viewport, time, style, false);
    } else {
        target.bind();
        renderGround(camera, viewport, style, worldLevel);
        renderOverlay(camera, viewport, style, worldLevel);
        drawEvents(camera, viewport, time, style, false);
        target.resolve();
        m_lastRedraw = MapRedraw::All;
    }
    endMapState();
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
    m_drawn = in;
    noteTextureContentChanged(target.texture());
    m_lastFbo = target.fbo();
    return target.texture();
}

long long MapRenderer::pixelsDifferingFromDirectRender() {
    if (!m_drawn) return -1;
    const DrawInputs in = *m_drawn;
    const Framebuffer& target = in.style.msaaSamples > 1 ? m_targetMsaa : m_target;
    Framebuffer scratch;
    if (!scratch.ensure(in.widthPx, in.heightPx, std::max(1, in.style.msaaSamples))) return -1;
    GLint previous = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
    glDisable(GL_SCISSOR_TEST);
    scratch.bind();
    render(in.camera, geo::Viewport{static_cast<double>(in.widthPx), static_cast<double>(in.heightPx)}, in.time,
           in.style, in.worldLevel);
    scratch.resolve();
    const std::vector<std::uint8_t> direct = scratch.readRgba(), drawn = target.readRgba();
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
    long long differing = 0;
    for (std::size_t i = 0; i + 3 < direct.size() && i + 3 < drawn.size(); i += 4)
        differing += std::memcmp(&direct[i], &drawn[i], 4) != 0;
    return differing;
}

void MapRenderer::renderGround(const geo::CameraState& camera, const geo::Viewport& viewport, const MapStyle& style,
                               int worldLevel) {
    const geo::ViewTransform vt = geo::viewTransform(camera, viewport);
    glClearColor(style.background[0], style.background[1], style.background[2], 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);

    ShaderProgram& s = m->surface;
    s.use();
    setProjectionUniforms(s, camera, vt);

    // Ocean, or the basemap image.
    const bool basemap = style.basemap && m_basemapTexture;
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, m_basemapTexture);
    glUniform1i(s.uniform("u_texture"), 0);
    glUniform1i(s.uniform("u_useTexture"), basemap ? 1 : 0);
    setColor(s, "u_color", basemap ? Rgba{1, 1, 1, 1} : style.ocean);
    glBindVertexArray(m->gridVao);
    glDrawElements(GL_TRIANGLES, m->gridIndexCount, GL_UNSIGNED_INT, nullptr);
    ++m_drawCalls;
    glUniform1i(s.uniform("u_useTexture"), 0);

    // Land (clear over a basemap: nothing to draw then).
    if (hasWorldLevel(worldLevel) && !basemap) {
        WorldGpu& w = m->levels[static_cast<std::size_t>(worldLevel)];
        setColor(s, "u_color", style.land);
        glBindVertexArray(w.vao);
        glDrawElements(GL_TRIANGLES, w.indexCount, GL_UNSIGNED_INT, nullptr);
        ++m_drawCalls;
    }
}

void MapRenderer::renderOverlay(const geo::CameraState& camera, const geo::Viewport& viewport, const MapStyle& style,
                                int worldLevel) {
    if (!hasWorldLevel(worldLevel)) return;
    const geo::ViewTransform vt = geo::viewTransform(camera, viewport);
    ShaderProgram& s = m->surface;
    s.use();
    setProjectionUniforms(s, camera, vt);
    glUniform1i(s.uniform("u_useTexture"), 0);
    const bool basemap = style.basemap && m_basemapTexture;
    WorldGpu& w = m->levels[static_cast<std::size_t>(worldLevel)];
    // The countries where the events shown take place, tinted (translucent over a basemap).
    if (!w.highlightCounts.empty()) {
        Rgba active = style.landActive;
        if (basemap) active[3] = 0.35f;
        setColor(s, "u_color", active);
        glBindVertexArray(w.vao);
#ifdef __EMSCRIPTEN__  // WebGL2 has no glMultiDrawElements: one call per country
        for (std::size_t i = 0; i < w.highlightCounts.size(); ++i)
            glDrawElements(GL_TRIANGLES, w.highlightCounts[i], GL_UNSIGNED_INT, w.highlightOffsets[i]);
#else
        glMultiDrawElements(GL_TRIANGLES, w.highlightCounts.data(), GL_UNSIGNED_INT, w.highlightOffsets.data(),
                            static_cast<GLsizei>(w.highlightCounts.size()));
#endif
        ++m_drawCalls;
    }
    if (style.showGraticule) {
        setColor(s, "u_color", style.graticuleColor);
        glBindVertexArray(m->graticuleVao);
        glDrawArrays(GL_LINES, 0, m->graticuleVertexCount);
        ++m_drawCalls;
    }
    Rgba border = style.border;
    if (basemap) border = {1, 1, 1, 0.55f};
    setColor(s, "u_color", border);
    glBindVertexArray(w.borderVao);
    glDrawArrays(GL_LINES, 0, w.borderVertexCount);
    ++m_drawCalls;
}

void MapRenderer::drawEvents(const geo::CameraState& camera, const geo::Viewport& viewport, const MapTime& time,
                             const MapStyle& style, bool pick) {
    const geo::ViewTransform vt = geo::viewTransform(camera, viewport);
    const float widen = pick ? 8.0f : 0.0f;
    if (m->arcInstances > 0) {
        ShaderProgram& p = pick ? m->arcPick : m->arc;
        p.use();
        setProjectionUniforms(p, camera, vt);
        setEventUniforms(p, time, viewport, style, m->eventMask, m_hasHighlight);
        glUniform1f(p.uniform("u_widthPx"), style.arcWidthPx);
        glUniform1f(p.uniform("u_bundleSpacingPx"), style.bundleSpacingPx);
        glUniform1f(p.uniform("u_pxPerRadian"), static_cast<float>(vt.scalePxPerUnit));
        glUniform1f(p.uniform("u_pickWidenPx"), widen);
        setColor(p, "u_haloColor", style.halo);
        if (!pick) glUniform1f(p.uniform("u_inkDarken"), style.inkDarken);
        // Two passes when drawing: an outline under the arcs keeps them readable
        // on land, sea and the satellite image alike.
        auto drawArcs = [&](GLsizei instances) {
            glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, m->arcStripVertices, instances);
            glDrawArraysInstanced(GL_TRIANGLES, m->arcStripVertices, 3, instances);
            m_drawCalls += 2;
        };
        const float halos[2] = {2.5f * style.arcWidthPx / 3.2f, 0.0f};
        // The outline pass doubles the arcs' cost; past ~20k arcs they cover
        // each other anyway, so it is skipped there.
        const bool outline = !pick && m->arcInstances <= 20000;
        for (int pass = outline ? 0 : 1; pass < 2; ++pass) {
            const float halo = halos[pass];
            glUniform1f(p.uniform("u_haloPx"), halo);
            glUniform1f(p.uniform("u_lonShiftDeg"), 0.0f);
            m->bindArcInstances(0);
            drawArcs(m->arcInstances);
            const GLsizei crossing = m->arcInstances - m->arcCrossingFirst;
            if (geo::isFlat(camera.projection) && crossing > 0) {
                // The part of a seam-crossing arc beyond +-180 reappears on the other edge.
                m->bindArcInstances(m->arcCrossingFirst);
                for (float shift : {360.0f, -360.0f}) {
                    glUniform1f(p.uniform("u_lonShiftDeg"), shift);
                    drawArcs(crossing);
                }
                m->bindArcInstances(0);
            }
        }
    }
    if (m->markerInstances > 0) {
        ShaderProgram& p = pick ? m->markerPick : m->marker;
        p.use();
        setProjectionUniforms(p, camera, vt);
        setEventUniforms(p, time, viewport, style, m->eventMask, m_hasHighlight);
        glUniform1f(p.uniform("u_pickWidenPx"), widen);
        setColor(p, "u_haloColor", style.halo);
        if (!pick) glUniform1f(p.uniform("u_inkDarken"), style.inkDarken);
        glBindVertexArray(m->markerVao);
        glDrawArraysInstanced(GL_TRIANGLES, 0, 6, m->markerInstances);
        ++m_drawCalls;
    }
}

// ===========================================================================
// [SECTION] Picking
// ===========================================================================

Index MapRenderer::pick(const geo::CameraState& camera, const geo::Viewport& viewport, const MapTime& time,
                        const MapStyle& style, int xPx, int yPx) {
    const int w = static_cast<int>(viewport.widthPx), h = static_cast<int>(viewport.heightPx);
    if (xPx < 0 || yPx < 0 || xPx >= w || yPx >= h) return kNoIndex;
    if (!m->arcPick.id()) {
        const std::string eventHeader = std::string("#version 330 core\n") + kProjectionGlsl + kEventTimingGlsl;
        const std::string pickHeader = "#version 330 core\n#define PICK 1\n";
        std::string error;
        if (!m->arcPick.build("arc pick", eventHeader + kArcVertex, pickHeader + kArcFragment, &error) ||
            !m->markerPick.build("marker pick", eventHeader + kMarkerVertex, pickHeader + kMarkerFragment, &error)) {
            std::fprintf(stderr, "meridian: %s\n", error.c_str());
            return kNoIndex;
        }
    }
    // One pixel: the viewport is shifted so that the asked pixel lands on it.
    if (!m->pickFbo) {
        glGenFramebuffers(1, &m->pickFbo);
        glGenRenderbuffers(1, &m->pickColor);
        glBindRenderbuffer(GL_RENDERBUFFER, m->pickColor);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_R32UI, 1, 1);
        glBindFramebuffer(GL_FRAMEBUFFER, m->pickFbo);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m->pickColor);
    }
    GLint previous = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
    glBindFramebuffer(GL_FRAMEBUFFER, m->pickFbo);
    const int glY = h - 1 - yPx;
    glViewport(-xPx, -glY, w, h);
    const GLuint zero[4] = {0, 0, 0, 0};
    glClearBufferuiv(GL_COLOR, 0, zero);
    glDisable(GL_BLEND);
    glEnable(GL_CLIP_DISTANCE0);
    drawEvents(camera, viewport, time, style, true);
    glDisable(GL_CLIP_DISTANCE0);
    GLuint id = 0;
    glReadPixels(0, 0, 1, 1, GL_RED_INTEGER, GL_UNSIGNED_INT, &id);
    glEnable(GL_BLEND);
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
    glBindVertexArray(0);
    return id == 0 ? kNoIndex : static_cast<Index>(id - 1);
}

}  // namespace meridian::render

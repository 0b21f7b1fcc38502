// The map, drawn with OpenGL: ocean or basemap, country fills and borders,
// graticule, great-circle arcs and place markers. Geometry lives in GPU
// buffers built once (per world level of detail, per dataset); a frame only
// sets uniforms and issues a handful of draw calls. Time, filters and
// selection act in the shaders, so scrubbing uploads nothing.
//
// draw() keeps the map in a texture of its own and redraws only what changed:
// nothing when no input did (a frame where only a panel changed). On a
// single-sampled target (software renderers) it keeps the layers too: the
// ground (ocean or basemap, land) is drawn again only when the camera moves,
// the world over it (the tint of the countries taking part, graticule,
// borders) when those countries change, and scrubbing the time, hovering or
// filtering redraws only the arcs and markers over a copy of it.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "geo/arc_layout.h"
#include "geo/camera.h"
#include "geo/map_items.h"
#include "geo/tessellate.h"
#include "io/image_file.h"
#include "render/framebuffer.h"
#include "render/shader_program.h"

namespace meridian::render {

using Rgba = std::array<float, 4>;

struct MapStyle {
    Rgba background{0.10f, 0.11f, 0.13f, 1}, ocean{0.09f, 0.15f, 0.22f, 1}, land{0.25f, 0.27f, 0.30f, 1},
        landActive{0.40f, 0.37f, 0.27f, 1}, border{0.52f, 0.55f, 0.60f, 1}, graticuleColor{1, 1, 1, 0.07f},
        halo{0.05f, 0.05f, 0.06f, 0.9f};
    bool basemap = false;
    bool showGraticule = true;
    float arcWidthPx = 3.0f;
    float markerPx = 15.0f;
    float bundleSpacingPx = 9.0f;
    int msaaSamples = 4;  // 1: no MSAA (the shaders smooth the arcs' and markers' edges)
    float inkDarken = 0;  // 1: light category colours darkened (the projector theme's white map)
    friend bool operator==(const MapStyle&, const MapStyle&) = default;
};

// Past this many pixels (4K; an 8K export, a poster) the map is drawn without
// multisampling and without its cached layers: each would cost another 130 MB
// at 8K.
constexpr double kLargeMapPixels = 9.0e6;

struct MapTime {
    double playheadDay = 0;
    double trailDays = 365.0 * 5;
    bool allUpToNow = false;
    std::optional<DaySpan> window;
    double growDays = 60;  // playhead days an arc takes to draw itself
    // The flowing patterns: arcs that move (all of them when animateAll, else
    // the selected and the hovered one) take their phase from animationSec,
    // the others rest at stillSec.
    double animationSec = 0;
    double stillSec = 0;
    bool animateAll = true;
    Index selected = kNoIndex;
    Index hovered = kNoIndex;
    friend bool operator==(const MapTime&, const MapTime&) = default;
};

using ArcItem = geo::ArcItem;
using MarkerItem = geo::MarkerItem;

// Every leg and marker of a layout, timed (what setEvents draws).
void layoutItems(const Dataset& dataset, const geo::MapLayout& layout, std::vector<ArcItem>& arcs,
                 std::vector<MarkerItem>& markers);

// What the last MapRenderer::draw() redrew: nothing, the events over the
// cached world, the world's tint/graticule/borders and the events, everything.
enum class MapRedraw { None, Events, World, All };

class MapRenderer {
public:
    MapRenderer();
    ~MapRenderer();
    MapRenderer(const MapRenderer&) = delete;
    MapRenderer& operator=(const MapRenderer&) = delete;

    bool init(std::string* error);

    // One level of detail of the world (0 = coarsest). Replaces that level.
    void setWorldLevel(int level, const geo::WorldMesh& fills, const geo::BorderLines& borders,
                       std::size_t countryCount);
    bool hasWorldLevel(int level) const;
    // Frees a level's buffers (a fine level the camera no longer needs).
    void dropWorldLevel(int level);
    // Highlighted countries of a level (one byte per country, 1 = highlight).
    void setCountryHighlight(int level, const std::vector<std::uint8_t>& flags);
    void setBasemap(const io::ImageRgba& image);
    bool hasBasemap() const { return m_basemapTexture != 0; }

    // Every leg and marker of the dataset's layout (uploaded once; the shaders time them).
    void setEvents(const Dataset& dataset, const geo::MapLayout& layout);
    // The arcs and markers to draw, in drawing order (later on top). A large
    // dataset hands only what shows now, or its groups (see geo/map_items.h).
    void setItems(const std::vector<ArcItem>& arcs, const std::vector<MarkerItem>& markers);
    // One byte per event: 0 = hidden by the filters, 1 = shown, 2 = highlighted
    // (a story step's events: the others are dimmed).
    void setEventMask(const std::vector<std::uint8_t>& mask);

    // The map in the renderer's own texture (viewport-sized, bottom row first),
    // redrawn as far as needed (see above). 0 when the target cannot be made.
    GLuint draw(const geo::CameraState& camera, const geo::Viewport& viewport, const MapTime& time,
                const MapStyle& style, int worldLevel);
    MapRedraw lastRedraw() const { return m_lastRedraw; }
    // The framebuffer holding the texture the last draw() returned.
    GLuint lastFramebuffer() const { return m_lastFbo; }
    // Self-check (benchmark, tests): draws the last draw()'s map again in one
    // go, without the cached layers, and counts the pixels that differ from
    // what draw() returned (-1 when there is nothing to compare).
    long long pixelsDifferingFromDirectRender();
    // Draws everything into the currently bound framebuffer's viewport region (0,0,w,h).
    void render(const geo::CameraState& camera, const geo::Viewport& viewport, const MapTime& time,
                const MapStyle& style, int worldLevel);
    // The event under a pixel (y down), or kNoIndex: renders arcs and markers
    // with ids into a small integer target, widened by a few pixels.
    Index pick(const geo::CameraState& camera, const geo::Viewport& viewport, const MapTime& time,
               const MapStyle& style, int xPx, int yPx);

    // Draw calls issued by the last render() (for the benchmark and tests).
    int lastDrawCalls() const { return m_drawCalls; }

private:
    // Everything a drawn map depends on: equal inputs, equal pixels.
    struct DrawInputs {
        geo::CameraState camera;
        int widthPx = 0, heightPx = 0;
        MapTime time;
        MapStyle style;
        int worldLevel = 0;
        std::uint64_t worldVersion = 0, highlightVersion = 0, eventsVersion = 0;
        friend bool operator==(const DrawInputs&, const DrawInputs&) = default;
    };
    static bool sameGround(const DrawInputs& a, const DrawInputs& b);
    static bool sameWorld(const DrawInputs& a, const DrawInputs& b);

    struct Impl;
    std::unique_ptr<Impl> m;
    GLuint m_basemapTexture = 0;
    int m_drawCalls = 0;
    bool m_hasHighlight = false;
    // draw(): the map's texture (one per sample count: the window's and the
    // exports' may differ), the layers it starts from, what they show.
    Framebuffer m_target, m_targetMsaa, m_ground, m_world;
    std::optional<DrawInputs> m_drawn, m_groundDrawn, m_worldDrawn;
    std::uint64_t m_worldVersion = 1, m_highlightVersion = 1, m_eventsVersion = 1;
    MapRedraw m_lastRedraw = MapRedraw::None;
    GLuint m_lastFbo = 0;

    void beginMapState();
    void endMapState();
    void renderGround(const geo::CameraState& camera, const geo::Viewport& viewport, const MapStyle& style,
                      int worldLevel);
    void renderOverlay(const geo::CameraState& camera, const geo::Viewport& viewport, const MapStyle& style,
                       int worldLevel);
    void drawEvents(const geo::CameraState& camera, const geo::Viewport& viewport, const MapTime& time,
                    const MapStyle& style, bool pick);
};

}  // namespace meridian::render

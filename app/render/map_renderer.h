// The map, drawn with OpenGL: ocean or basemap, country fills and borders,
// graticule, great-circle arcs and place markers. Geometry lives in GPU
// buffers built once (per world level of detail, per dataset); a frame only
// sets uniforms and issues a handful of draw calls. Time, filters and
// selection act in the shaders, so scrubbing uploads nothing.
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
    int msaaSamples = 4;
    float inkDarken = 0;  // 1: light category colours darkened (the projector theme's white map)
};

struct MapTime {
    double playheadDay = 0;
    double trailDays = 365.0 * 5;
    bool allUpToNow = false;
    std::optional<DaySpan> window;
    double growDays = 60;     // playhead days an arc takes to draw itself
    double animationSec = 0;  // wall clock for the flowing patterns
    Index selected = kNoIndex;
    Index hovered = kNoIndex;
};

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
    // Highlighted countries of a level (one byte per country, 1 = highlight).
    void setCountryHighlight(int level, const std::vector<std::uint8_t>& flags);
    void setBasemap(const io::ImageRgba& image);
    bool hasBasemap() const { return m_basemapTexture != 0; }

    void setEvents(const Dataset& dataset, const geo::MapLayout& layout);
    // One byte per event: 0 = hidden by the filters, 1 = shown, 2 = highlighted
    // (a story step's events: the others are dimmed).
    void setEventMask(const std::vector<std::uint8_t>& mask);

    // Draws into the currently bound framebuffer's viewport region (0,0,w,h).
    void render(const geo::CameraState& camera, const geo::Viewport& viewport, const MapTime& time,
                const MapStyle& style, int worldLevel);
    // The event under a pixel (y down), or kNoIndex: renders arcs and markers
    // with ids into a small integer target, widened by a few pixels.
    Index pick(const geo::CameraState& camera, const geo::Viewport& viewport, const MapTime& time,
               const MapStyle& style, int xPx, int yPx);

    // Draw calls issued by the last render() (for the benchmark and tests).
    int lastDrawCalls() const { return m_drawCalls; }

private:
    struct Impl;
    std::unique_ptr<Impl> m;
    GLuint m_basemapTexture = 0;
    int m_drawCalls = 0;
    bool m_hasHighlight = false;
    void drawEvents(const geo::CameraState& camera, const geo::Viewport& viewport, const MapTime& time,
                    const MapStyle& style, bool pick);
};

}  // namespace meridian::render

// The map panel: the world, the basemap, arcs and markers (drawn by
// render::MapRenderer into the panel's own framebuffer), labels, legend,
// toolbar, date stamp and the caption of exported images. It owns its GPU
// state; every cache is keyed on the document's revision and the session's
// filter stamp, never on addresses or sizes.
#pragma once

#include <array>
#include <future>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "geo/label_placement.h"
#include "io/world_data.h"
#include "render/framebuffer.h"
#include "render/map_renderer.h"
#include "ui/context.h"

struct ImVec2;

namespace meridian::ui {

class MapPanel {
public:
    // Loads the world levels and the basemap and builds the shaders (needs a GL
    // context). On failure, ok() is false and error() says why; the panel then
    // draws a message instead of the map.
    MapPanel();
    ~MapPanel();
    MapPanel(const MapPanel&) = delete;
    MapPanel& operator=(const MapPanel&) = delete;

    bool ok() const { return m_ok; }
    const std::string& error() const { return m_error; }
    // Blocks until the finest world level is loaded (headless renders want it).
    void waitForDetail();
    // Background work finished that needs a frame to show (the 1:10m world).
    bool hasPendingUpload();

    // Draws into the current ImGui window's remaining area.
    void draw(Context& c);

private:
    void uploadLevel(int level, const io::WorldLevel& w);
    void pollFineLevel();
    void syncData(Context& c);
    void updateCountryHighlight(Context& c);
    void handleInput(Context& c, const geo::Viewport& vp, ImVec2 origin, bool hovered, bool active);
    void drawLabels(Context& c, const geo::Viewport& vp, ImVec2 origin, const std::vector<geo::LabelRect>& reserved);
    ImVec2 drawLegend(Context& c, ImVec2 origin, ImVec2 size, bool topLeft);
    void drawToolbar(Context& c);
    // leftLimitPx: where the legend or the toolbar ends (the stamp stays right of it).
    void drawDateStamp(Context& c, ImVec2 origin, ImVec2 size, float leftLimitPx);
    void drawAttribution(Context& c, ImVec2 origin, ImVec2 size);
    render::MapStyle style(const Context& c) const;
    render::MapTime time(const Context& c) const;

    bool m_ok = false;
    std::string m_error;
    render::MapRenderer m_renderer;
    render::Framebuffer m_target;
    // Per world level: ISO alpha-3 code of each country, to tint the countries taking part.
    std::array<std::vector<std::string>, 3> m_countryAlpha3;
    std::future<io::WorldLevelResult> m_pendingFine;  // the 1:10m level loads in the background
    int m_level = 0;
    float m_legendRight = 0;
    float m_toolbarRight =
        0;  // where the toolbar's last button ends (map px)  // this frame's legend box right edge (map px)

    // Caches, keyed on what they were built from.
    std::uint64_t m_layoutRevision = 0;
    std::uint64_t m_maskStamp = 0, m_maskHighlightVersion = ~0ull, m_maskRevision = 0;
    std::vector<std::uint8_t> m_mask;
    std::array<std::int64_t, 7> m_highlightInputs{};  // what the country tint was computed from
    std::uint64_t m_highlightKey = 0;
    // Hover picking: only when the mouse moved (or the data did).
    float m_lastMouseX = -1, m_lastMouseY = -1;
    Index m_lastPick = kNoIndex;
    std::uint64_t m_pickRevision = 0;
    // Reused every frame: no allocation while idle.
    std::vector<geo::LabelRequest> m_labelRequests;
    std::vector<Index> m_labelPlaces;
    std::vector<float> m_placeWeight;
    std::vector<Index> m_placeTopEvent;
    std::vector<std::string> m_activeCountries;
};

}  // namespace meridian::ui

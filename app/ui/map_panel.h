// The map panel: the world, the basemap, arcs and markers (drawn by
// render::MapRenderer into the panel's own framebuffer), labels, legend,
// toolbar, date stamp and the caption of exported images. It owns its GPU
// state; every cache is keyed on the document's revision and the session's
// filter stamp, never on addresses or sizes.
#pragma once

#include <array>
#include <chrono>
#include <future>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "geo/arc_layout.h"
#include "geo/label_placement.h"
#include "geo/map_items.h"
#include "geo/map_pick.h"
#include "io/image_file.h"
#include "io/world_data.h"
#include "render/framebuffer.h"
#include "render/map_renderer.h"
#include "ui/blit_image.h"
#include "ui/context.h"
#include "ui/map_editing.h"

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
    // Files the map could not read since the last call (a world level, the basemap).
    std::vector<std::string> takeProblems() { return std::exchange(m_problems, {}); }
    // Blocks until the finer world levels are loaded (headless renders want them).
    void waitForDetail();
    // Blocks until what is being loaded (world levels, basemap) is loaded and uploaded.
    void waitForLoads();
    // Background work finished that needs a frame to show (a finer world, the basemap).
    bool hasPendingUpload();

    // Draws into the current ImGui window's remaining area.
    void draw(Context& c);
    // When the map next needs a frame by itself (its arcs' pattern flowing): a
    // time on the session's clock, or +infinity when it rests.
    double nextFrameDueSec() const;
    // What the last draw() redrew of the map (benchmarks and tests).
    render::MapRedraw lastRedraw() const { return m_renderer.lastRedraw(); }
    // The map's layers against drawing it in one go (see MapRenderer).
    long long checkLayers() { return m_renderer.pixelsDifferingFromDirectRender(); }
    // Self-check of hover picking (benchmark): each pick is also asked of the
    // GPU (the items rendered with their ids), and disagreements counted.
    struct PickCheck {
        bool enabled = false;
        int picks = 0, disagreements = 0;
        // Of the disagreements, those where the pixel's centre lies within
        // kPickEdgeTolerancePx of an edge (the CPU's answer with the lines that
        // much wider or narrower is the GPU's): the GPU computes in single
        // precision (and llvmpipe's sin, acos and atan are approximations).
        int atAnEdge = 0;
    };
    static constexpr double kPickEdgeTolerancePx = 0.05;
    PickCheck& pickCheck() { return m_pickCheck; }

private:
    void uploadLevel(int level, const io::WorldLevel& w);
    void requestLevel(int level);
    void requestBasemap();
    void uploadReady(bool wait);
    void dropUnusedDetail(int wanted);
    void syncData(Context& c);
    void gatherItems(Context& c);
    void updateCountryHighlight(Context& c);
    // widenDeltaPx: the lines and markers that much wider (the self-check's edge tolerance).
    geo::MapPick pickAt(const Context& c, const geo::Viewport& vp, geo::ScreenPoint pointer,
                        double widenDeltaPx = 0) const;
    std::string groupHint(const Context& c) const;
    void handleInput(Context& c, const geo::Viewport& vp, ImVec2 origin, bool hovered, bool active);
    void summariseShown(const Context& c);
    void drawLabels(Context& c, const geo::Viewport& vp, ImVec2 origin, const std::vector<geo::LabelRect>& reserved);
    ImVec2 drawLegend(Context& c, ImVec2 origin, ImVec2 size, bool topLeft);
    void drawToolbar(Context& c);
    // leftLimitPx: where the legend or the toolbar ends (the stamp stays right of it).
    void drawDateStamp(Context& c, ImVec2 origin, ImVec2 size, float leftLimitPx);
    void drawAttribution(Context& c, ImVec2 origin, ImVec2 size);
    render::MapStyle style(const Context& c) const;
    render::MapTime time(const Context& c) const;
    void advanceAnimation(const Context& c);

    // The pattern flowing along the arcs moves while the timeline plays (or
    // always, if the user asked: every arc), on the hovered arc, and for a few
    // seconds on a newly selected one; else it rests and a still map costs no frames.
    struct ArcAnimation {
        double movingSec = 0, stillSec = 0;  // the phases of moving and resting arcs
        bool all = false;                    // every arc moves
        bool active = false;                 // something moves: the panel wants frames
        double lastClockSec = 0;
        Index selected = kNoIndex;
        double selectedAtSec = 0;
    };
    static constexpr double kSelectedFlowSec = 6.0;
    static constexpr double kAnimationFrameSec = 1.0 / 30.0;

    bool m_ok = false;
    std::string m_error;
    std::vector<std::string> m_problems;  // see takeProblems()
    ArcAnimation m_animation;
    MapEditing m_editing;  // places added, moved and picked in editing mode (ui/map_editing)
    render::MapRenderer m_renderer;
    BlitImage m_image;  // this frame's map, copied into the frame when ImGui renders
    // Per world level: ISO alpha-3 code of each country, to tint the countries taking part.
    std::array<std::vector<std::string>, 3> m_countryAlpha3;
    // Loaded off the main thread when first needed: the 1:50m and 1:10m worlds, the basemap.
    std::shared_ptr<const io::IsoTable> m_iso;
    std::array<std::future<io::WorldLevelResult>, 3> m_pendingLevels;
    std::array<bool, 3> m_levelFailed{};
    std::future<io::ImageResult> m_pendingBasemap;
    bool m_basemapFailed = false;
    int m_level = 0;
    std::optional<std::chrono::steady_clock::time_point> m_coarseSince;  // the camera at world scale since
    float m_legendRight = 0;
    float m_toolbarRight =
        0;  // where the toolbar's last button ends (map px)  // this frame's legend box right edge (map px)

    // The events as map geometry; what shows now (or its groups) goes to the
    // GPU each time that changes (geo/map_items.h), timed by the shaders.
    geo::MapLayout m_layout;
    geo::MapItemIndex m_itemIndex;
    std::size_t m_extraShown = 0;
    geo::MapItems m_items;
    std::vector<std::pair<Index, float>> m_shown;
    std::vector<render::ArcItem> m_arcItems;
    std::vector<render::MarkerItem> m_markerItems;
    struct ItemsKey {
        double playheadDay, trailDays;
        bool allUpToNow;
        std::optional<DaySpan> window;
        std::uint64_t filterStamp, revision;
        Index selected, hovered;
        std::uint64_t highlightVersion;
        friend bool operator==(const ItemsKey&, const ItemsKey&) = default;
    };
    std::optional<ItemsKey> m_itemsKey;
    ItemsKey itemsKey(const Context& c) const;
    std::optional<ItemsKey> m_shownSummaryKey;  // what m_placeWeight and m_shownCategories were made for

    // Caches, keyed on what they were built from.
    std::uint64_t m_layoutRevision = 0;
    std::uint64_t m_maskStamp = 0, m_maskHighlightVersion = ~0ull, m_maskRevision = 0;
    std::vector<std::uint8_t> m_mask;
    bool m_maskHasHighlight = false;                  // a story step's events are highlighted (mask 2)
    std::array<std::int64_t, 7> m_highlightInputs{};  // what the country tint was computed from
    std::uint64_t m_highlightKey = 0;
    // Hover picking: only when the mouse moved (or the data did).
    float m_lastMouseX = -1, m_lastMouseY = -1;
    Index m_lastPick = kNoIndex;
    geo::MapPick m_pick;          // the item under the pointer (an arc group's tooltip says what it gathers)
    bool m_itemsChanged = false;  // the drawn items changed: pick again
    PickCheck m_pickCheck;
    std::uint64_t m_pickRevision = 0;
    // Reused every frame: no allocation while idle.
    std::vector<geo::LabelRequest> m_labelRequests;
    std::vector<Index> m_labelPlaces;
    std::vector<float> m_placeWeight;
    std::vector<Index> m_placeTopEvent;
    std::vector<std::uint8_t> m_shownCategories;  // per category: some event of it is shown now (the legend)
    bool m_shownUnrated = false;
    std::vector<std::string> m_activeCountries;
};

}  // namespace meridian::ui

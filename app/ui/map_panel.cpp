// [SECTION] GPU state and world loading
// [SECTION] Keeping the GPU in step with the data
// [SECTION] Interaction (pan, zoom, pick, keys)
// [SECTION] Overlays (labels, legend, toolbar, date, attribution)
// [SECTION] draw
#include "ui/map_panel.h"

#include <imgui.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "geo/arc_layout.h"
#include "geo/great_circle.h"
#include "geo/map_pick.h"
#include "geo/projection.h"
#include "io/asset_paths.h"
#include "io/image_file.h"
#include "platform/startup_trace.h"
#include "render/gl_caps.h"
#include "session/shown_events.h"
#include "session/tick.h"
#include "ui/blit_image.h"
#include "ui/keys.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#ifdef __EMSCRIPTEN__
#include "browser/world_loader.h"
#endif

namespace meridian::ui {

// ===========================================================================
// [SECTION] GPU state and world loading
// ===========================================================================

namespace {

constexpr const char* kWorldFiles[3] = {"world/countries-110m.json", "world/countries-50m.json",
                                        "world/countries-10m.json"};

// Loader threads yield to the UI thread (and to the software rasteriser's).
void lowerThisThreadsPriority() {
#if defined(__linux__)
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
#endif
}

// Freed memory back to the system (glibc keeps it in its arenas otherwise).
void trimHeap() {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

template <typename T>
bool isReady(const std::future<T>& f) {
    return f.valid() && f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

}  // namespace

MapPanel::MapPanel() {
    if (!m_renderer.init(&m_error)) return;
    platform::markStartup("map shaders");
    m_ok = true;
    const auto isoResult = io::loadIsoTable(io::assetPath("world/iso3166.csv"));
    m_iso = std::make_shared<io::IsoTable>(isoResult.ok() ? *isoResult.table : io::IsoTable{});
    // The coarse world now (the first frame shows it); the finer ones, and the
    // basemap, are loaded off the main thread when the map needs them.
    const io::WorldLevelResult r = io::loadWorldLevel(io::assetPath(kWorldFiles[0]), m_iso.get());
    if (r.ok())
        uploadLevel(0, r.level);
    else
        m_problems.push_back(r.error + " (the map shows no countries at this detail)");
    platform::markStartup("world 1:110m");
}

MapPanel::~MapPanel() {
    // The loader threads must not outlive the panel.
    for (auto& f : m_pendingLevels)
        if (f.valid()) f.wait();
    if (m_pendingBasemap.valid()) m_pendingBasemap.wait();
}

void MapPanel::uploadLevel(int level, const io::WorldLevel& w) {
    m_renderer.setWorldLevel(level, w.fills, w.borders, w.shapes.countries.size());
    auto& codes = m_countryAlpha3[static_cast<std::size_t>(level)];
    codes.clear();
    for (const io::CountryShape& c : w.shapes.countries) codes.push_back(c.alpha3);
    m_highlightKey = 0;  // re-upload the tint for the new level
    m_highlightInputs = {};
}

void MapPanel::requestLevel(int level) {
    auto& pending = m_pendingLevels[static_cast<std::size_t>(level)];
    if (level <= 0 || m_renderer.hasWorldLevel(level) || pending.valid() ||
        m_levelFailed[static_cast<std::size_t>(level)])
        return;
#ifdef __EMSCRIPTEN__
    // The browser build has one thread: the finest level is fetched from next to the
    // page and triangulated in a Web Worker; the 1:50m level is read here.
    if (level == 2) {
        pending = web::loadWorldLevelInWorker("assets/world/countries-10m.json", m_iso);
        return;
    }
    const io::WorldLevelResult r = io::loadWorldLevel(io::assetPath(kWorldFiles[level]), m_iso.get());
    if (r.ok()) {
        uploadLevel(level, r.level);
    } else {
        m_levelFailed[static_cast<std::size_t>(level)] = true;
        m_problems.push_back(r.error + " (the map shows no countries at this detail)");
    }
    return;
#endif
    pending = std::async(std::launch::async, [iso = m_iso, file = io::assetPath(kWorldFiles[level])] {
        lowerThisThreadsPriority();
        return io::loadWorldLevel(file, iso.get());
    });
}

void MapPanel::requestBasemap() {
    if (m_renderer.hasBasemap() || m_pendingBasemap.valid() || m_basemapFailed) return;
#ifdef __EMSCRIPTEN__
    // One thread in the browser: read now.
    const io::ImageResult basemap = io::loadImageRgba(io::assetPath("basemap/earth.jpg"));
    if (basemap.ok())
        m_renderer.setBasemap(basemap.image);
    else
        m_basemapFailed = true, m_problems.push_back("Basemap: " + basemap.error);
    return;
#endif
    m_pendingBasemap = std::async(std::launch::async, [file = io::assetPath("basemap/earth.jpg")] {
        lowerThisThreadsPriority();
        return io::loadImageRgba(file);
    });
}

void MapPanel::uploadReady(bool wait) {
    bool uploaded = false;
    for (int level = 1; level < 3; ++level) {
        auto& pending = m_pendingLevels[static_cast<std::size_t>(level)];
        if (!pending.valid() || (!wait && !isReady(pending))) continue;
        const io::WorldLevelResult r = pending.get();
        uploaded = true;
        if (r.ok()) {
            uploadLevel(level, r.level);
        } else {
            m_levelFailed[static_cast<std::size_t>(level)] = true;
            m_problems.push_back(r.error + " (the map shows no countries at this detail)");
        }
    }
    if (m_pendingBasemap.valid() && (wait || isReady(m_pendingBasemap))) {
        const io::ImageResult basemap = m_pendingBasemap.get();
        uploaded = true;
        if (basemap.ok()) {
            m_renderer.setBasemap(basemap.image);
        } else {
            m_basemapFailed = true;
            m_problems.push_back("Basemap: " + basemap.error);
        }
    }
    // Loading a level or the basemap freed tens of megabytes (the parsed file,
    // the shapes, the decoded image) in the loader thread's arena: glibc keeps
    // them mapped unless asked.
    if (uploaded) trimHeap();
}

// The 1:10m world takes 25 MB (on a software renderer, of the process's own
// memory): dropped once the camera has been back at world scale (two levels
// coarser) for a few seconds, loaded again in the background if it zooms in.
void MapPanel::dropUnusedDetail(int wanted) {
    const auto now = std::chrono::steady_clock::now();
    if (wanted >= 1 || !m_renderer.hasWorldLevel(2)) {
        m_coarseSince.reset();
        return;
    }
    if (!m_coarseSince) m_coarseSince = now;
    if (now - *m_coarseSince < std::chrono::seconds(3)) return;
    m_renderer.dropWorldLevel(2);
    m_countryAlpha3[2].clear();
    m_countryAlpha3[2].shrink_to_fit();
    m_coarseSince.reset();
    trimHeap();
}

void MapPanel::waitForDetail() {
    requestLevel(1);
    requestLevel(2);
    uploadReady(true);
}

void MapPanel::waitForLoads() {
    uploadReady(true);
}

bool MapPanel::hasPendingUpload() {
    return std::any_of(m_pendingLevels.begin(), m_pendingLevels.end(), [](const auto& f) { return isReady(f); }) ||
           isReady(m_pendingBasemap);
}

render::MapStyle MapPanel::style(const Context& c) const {
    render::MapStyle st;
    auto rgba = [](ImU32 col) {
        const ImVec4 v = ImGui::ColorConvertU32ToFloat4(col);
        return render::Rgba{v.x, v.y, v.z, v.w};
    };
    const Palette& p = palette(c.look.theme);
    const MapLayers& layers = c.session.layers;
    st.background = rgba(p.panelBg);
    st.ocean = rgba(p.mapOcean);
    st.land = rgba(p.mapLand);
    st.landActive = rgba(p.mapLandActive);
    st.border = rgba(p.mapBorder);
    st.graticuleColor = rgba(p.mapGraticule);
    st.halo = c.look.theme == Theme::Dark || layers.basemap ? render::Rgba{0.04f, 0.04f, 0.05f, 0.85f}
                                                            : render::Rgba{1, 1, 1, 0.9f};
    st.basemap = layers.basemap;
    st.showGraticule = layers.graticule;
    const float s = c.scale();
    const bool projector = c.look.theme == Theme::Projector;
    st.arcWidthPx = (projector ? 5.0f : 4.0f) * s;
    st.markerPx = (projector ? 20.0f : 16.0f) * s;
    st.bundleSpacingPx = 10.0f * s;
    // A software renderer shades every sample on the CPU: the window's map
    // goes without MSAA (the arcs' and markers' shaders smooth their edges);
    // screenshots and exports keep it (quality first, time matters less).
    st.msaaSamples = c.session.offscreen || !render::glCaps().software ? 4 : 1;
    st.inkDarken = projector && !layers.basemap ? 1.0f : 0.0f;
    return st;
}

render::MapTime MapPanel::time(const Context& c) const {
    const ViewState& v = c.session.view;
    render::MapTime t;
    t.playheadDay = v.playheadDay;
    t.trailDays = v.trailDays;
    t.allUpToNow = v.allUpToNow;
    t.window = v.window;
    t.growDays = v.growDays;
    if (c.session.offscreen) {
        // Exports and screenshots: every arc flows with the export's own clock.
        t.animationSec = t.stillSec = c.session.clockSec;
        t.animateAll = true;
    } else {
        t.animationSec = m_animation.movingSec;
        t.stillSec = m_animation.stillSec;
        t.animateAll = m_animation.all;
    }
    t.selected = v.selected;
    t.hovered = v.hovered;
    return t;
}

void MapPanel::advanceAnimation(const Context& c) {
    const Session& s = c.session;
    if (s.offscreen) return;  // exports run their own clock (see time())
    ArcAnimation& a = m_animation;
    const double dt = std::clamp(s.clockSec - a.lastClockSec, 0.0, 0.25);
    a.lastClockSec = s.clockSec;
    const ViewState& v = s.view;
    const Dataset& ds = c.data();
    auto isArc = [&](Index e) { return e < ds.events.size() && ds.events[e].isConnection() && s.isShown(e); };
    if (v.selected != a.selected) a.selected = v.selected, a.selectedAtSec = s.clockSec;
    const bool storyMoving = s.story && s.story->glideStartSec >= 0;
    a.all = v.playing || storyMoving || s.layers.alwaysAnimateArcs;
    const bool focus = isArc(v.hovered) || (isArc(v.selected) && s.clockSec - a.selectedAtSec < kSelectedFlowSec);
    a.active = a.all || focus;
    if (a.active) a.movingSec += dt;
    // Resting arcs keep the phase they stopped at; the next arc to move starts from it.
    if (a.all) a.stillSec = a.movingSec;
    if (!a.active) a.movingSec = a.stillSec;
}

double MapPanel::nextFrameDueSec() const {
    return m_animation.active ? m_animation.lastClockSec + kAnimationFrameSec : kNever;
}

namespace {

// Coarse world at world scale, finer as the user zooms in.
int wantedLevel(double zoom) {
    return zoom < 2.5 ? 0 : zoom < 10 ? 1 : 2;
}

}  // namespace

// ===========================================================================
// [SECTION] Keeping the GPU in step with the data
// ===========================================================================

void MapPanel::syncData(Context& c) {
    const Dataset& ds = c.data();
    const std::uint64_t rev = c.doc.revision();
    if (m_layoutRevision != rev) {
        // Only what the map draws: the events, their places and categories.
        const ChangeMask changed = m_layoutRevision == 0 ? kChangedEverything : c.doc.changesSince(m_layoutRevision);
        if (changed & (kChangedEvents | kChangedPlaces | kChangedCategories)) {
            m_layout = geo::buildMapLayout(ds);
            m_itemIndex.build(ds, m_layout);
            m_itemsKey.reset();
            m_maskStamp = 0;
            m_highlightKey = 0;
            m_highlightInputs = {};
        }
        m_layoutRevision = rev;
    }
    const Session& s = c.session;
    if (m_maskStamp != s.filterStamp || m_maskHighlightVersion != s.view.highlightVersion || m_maskRevision != rev) {
        m_mask = s.filtered.mask;
        m_mask.resize(ds.events.size(), 1);
        for (Index e : s.view.highlighted)
            if (e < m_mask.size() && m_mask[e]) m_mask[e] = 2;
        m_renderer.setEventMask(m_mask);
        m_maskHasHighlight = std::any_of(m_mask.begin(), m_mask.end(), [](std::uint8_t b) { return b >= 2; });
        m_maskStamp = s.filterStamp;
        m_maskHighlightVersion = s.view.highlightVersion;
        m_maskRevision = rev;
    }
    gatherItems(c);
}

// The legs and markers of the events shown now, or their groups per pair of
// places and per place (geo/map_items.h), handed to the renderer whenever
// what is shown changes: the GPU never shades what does not show.
MapPanel::ItemsKey MapPanel::itemsKey(const Context& c) const {
    const ViewState& v = c.session.view;
    return {v.playheadDay,    v.trailDays, v.allUpToNow, v.window,          c.session.filterStamp,
            c.doc.revision(), v.selected,  v.hovered,    v.highlightVersion};
}

void MapPanel::gatherItems(Context& c) {
    const Dataset& ds = c.data();
    const Session& s = c.session;
    const ViewState& v = s.view;
    const ItemsKey key = itemsKey(c);
    if (m_itemsKey && *m_itemsKey == key) return;
    m_itemsKey = key;
    m_shown.clear();
    forEachShownEvent(ds, s, [&](Index i, float a) { m_shown.emplace_back(i, a); });
    // The shaders also show the selected event whatever the time (faintly
    // when it is not shown now), and the hovered and a story step's events
    // once the playhead has reached them, faded out or not.
    auto addExtra = [&](Index e, bool anyTime) {
        if (e >= ds.events.size() || !s.isShown(e) || eventOpacityAt(ds.events[e], v) > 0.0f) return;
        if (!anyTime && (v.window || v.playheadDay < static_cast<double>(ds.events[e].span().first))) return;
        if (std::none_of(m_shown.end() - static_cast<std::ptrdiff_t>(m_extraShown), m_shown.end(),
                         [&](const auto& p) { return p.first == e; }))
            m_shown.emplace_back(e, 1.0f), ++m_extraShown;
    };
    m_extraShown = 0;
    addExtra(v.selected, true);
    addExtra(v.hovered, false);
    for (const Index e : v.highlighted) addExtra(e, false);
    geo::MapItemsOptions o;
    o.maxArcGroups = render::glCaps().software ? 1500 : 20000;
    m_itemIndex.gather(ds, m_layout, m_shown, o, m_items);

    geo::itemsToDraw(ds, m_layout, m_items, m_arcItems, m_markerItems);
    m_renderer.setItems(m_arcItems, m_markerItems);
    m_itemsChanged = true;
}

// Countries where the events shown now take place (their places' countries).
void MapPanel::updateCountryHighlight(Context& c) {
    const Dataset& ds = c.data();
    const Session& s = c.session;
    // Only when what is shown changed (not every idle frame).
    const DaySpan span = shownSpan(s.view);
    const std::array<std::int64_t, 7> inputs{span.first,
                                             span.last,
                                             static_cast<std::int64_t>(s.filterStamp),
                                             static_cast<std::int64_t>(c.doc.revision()),
                                             m_level,
                                             s.layers.highlightCountries,
                                             static_cast<std::int64_t>(m_highlightKey)};
    if (inputs == m_highlightInputs) return;
    m_activeCountries.clear();
    if (s.layers.highlightCountries) {
        // The countries an arc links: a statement made in Washington does not tint
        // the whole United States.
        forEachShownEvent(ds, s, [&](Index i, float) {
            const Event& e = ds.events[i];
            if (!e.isConnection()) return;
            for (Index p : {e.from, e.to})
                if (!ds.places[p].country.empty()) m_activeCountries.push_back(ds.places[p].country);
        });
    }
    std::sort(m_activeCountries.begin(), m_activeCountries.end());
    m_activeCountries.erase(std::unique(m_activeCountries.begin(), m_activeCountries.end()), m_activeCountries.end());
    std::uint64_t key = 1469598103934665603ull + static_cast<std::uint64_t>(m_level);
    for (const std::string& code : m_activeCountries)
        for (char ch : code) key = (key ^ static_cast<unsigned char>(ch)) * 1099511628211ull;
    m_highlightInputs = inputs;
    m_highlightInputs[6] = static_cast<std::int64_t>(key);
    if (key == m_highlightKey) return;
    m_highlightKey = key;
    const auto& codes = m_countryAlpha3[static_cast<std::size_t>(m_level)];
    std::vector<std::uint8_t> flags(codes.size(), 0);
    for (std::size_t i = 0; i < codes.size(); ++i)
        flags[i] =
            !codes[i].empty() && std::binary_search(m_activeCountries.begin(), m_activeCountries.end(), codes[i]);
    m_renderer.setCountryHighlight(m_level, flags);
}

// ===========================================================================
// [SECTION] Interaction
// ===========================================================================

// The item under the pointer (geo/map_pick.h), shown as the shaders show it.
geo::MapPick MapPanel::pickAt(const Context& c, const geo::Viewport& vp, geo::ScreenPoint pointer,
                              double widenDeltaPx) const {
    const ViewState& v = c.session.view;
    const render::MapStyle st = style(c);
    geo::PickStyle ps;
    ps.arcWidthPx = st.arcWidthPx;
    ps.markerPx = st.markerPx;
    ps.bundleSpacingPx = st.bundleSpacingPx;
    ps.selected = v.selected;
    ps.hovered = v.hovered;
    ps.widenPx += widenDeltaPx;
    // How each item shows, as the shaders compute it (geo/map_pick.h), from the time they are given.
    const render::MapTime drawn = time(c);
    const geo::ShadedTime t{.playheadDay = drawn.playheadDay,
                            .trailDays = drawn.trailDays,
                            .growDays = drawn.growDays,
                            .allUpToNow = drawn.allUpToNow,
                            .window = drawn.window,
                            .selected = drawn.selected,
                            .hovered = drawn.hovered,
                            .hasHighlight = m_maskHasHighlight};
    auto maskOf = [&](Index e) -> std::uint8_t { return e < m_mask.size() ? m_mask[e] : 1; };
    auto arcShown = [&](const geo::ArcItem& a) { return geo::arcShownAt(a, maskOf(a.event), t); };
    auto markerShown = [&](const geo::MarkerItem& m) { return geo::markerShownAt(m, maskOf(m.event), t); };
    return geo::pickMapItem(m_arcItems, m_markerItems, arcShown, markerShown, c.session.camera, vp, ps, pointer);
}

// The tooltip's hint: a group of events (a large dataset's map) says how
// many it gathers; the event shown is the latest of them.
std::string MapPanel::groupHint(const Context& c) const {
    const Dataset& ds = c.data();
    const char* const click = "Click for details and sources";
    auto placeName = [&](Index p) { return p < ds.places.size() ? ds.places[p].name : std::string("?"); };
    char buf[512];
    if (m_pick.kind == geo::MapPick::Kind::Arc && m_pick.item < m_arcItems.size()) {
        const geo::ArcItem& a = m_arcItems[m_pick.item];
        if (!a.fixed || a.count < 2) return click;
        std::snprintf(buf, sizeof buf, "%u events from %s to %s shown now (this is the latest). %s", a.count,
                      placeName(a.fromPlace).c_str(), placeName(a.toPlace).c_str(), click);
        return buf;
    }
    if (m_pick.kind == geo::MapPick::Kind::Marker && m_pick.item < m_markerItems.size()) {
        const geo::MarkerItem& m = m_markerItems[m_pick.item];
        if (!m.fixed || m.count < 2) return click;
        std::snprintf(buf, sizeof buf, "%u events at %s shown now (this is the latest). %s", m.count,
                      placeName(m.place).c_str(), click);
        return buf;
    }
    return click;
}

void MapPanel::handleInput(Context& c, const geo::Viewport& vp, ImVec2 origin, bool hovered, bool active) {
    Session& s = c.session;
    ImGuiIO& io = ImGui::GetIO();
    const geo::ScreenPoint mouse{io.MousePos.x - origin.x, io.MousePos.y - origin.y};
    if (hovered && io.MouseWheel != 0) {
        s.flight.reset();
        s.camera = geo::zoomAt(s.camera, vp, mouse, std::pow(1.2, io.MouseWheel));
    }
    if (active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
        s.flight.reset();
        const geo::ScreenPoint from{mouse.xPx - io.MouseDelta.x, mouse.yPx - io.MouseDelta.y};
        s.camera = geo::panByPixels(s.camera, vp, from, mouse);
    }
    // Hover: which event is under the cursor (picked on the CPU as the GPU
    // draws it), only when the mouse (or the data) moved.
    if (hovered && !active) {
        const bool moved = io.MousePos.x != m_lastMouseX || io.MousePos.y != m_lastMouseY;
        if (moved || m_pickRevision != c.doc.revision() || s.view.playing || s.flight || m_itemsChanged) {
            m_pick = pickAt(c, vp, mouse);
            m_lastPick = m_pick.kind == geo::MapPick::Kind::Arc      ? m_arcItems[m_pick.item].event
                         : m_pick.kind == geo::MapPick::Kind::Marker ? m_markerItems[m_pick.item].event
                                                                     : kNoIndex;
            if (m_pickCheck.enabled) {
                // Self-check: the GPU's answer (the items rendered with ids) for the same pixel.
                const Index gpu = m_renderer.pick(s.camera, vp, time(c), style(c), static_cast<int>(mouse.xPx),
                                                  static_cast<int>(mouse.yPx));
                ++m_pickCheck.picks;
                if (gpu != m_lastPick) {
                    ++m_pickCheck.disagreements;
                    auto eventOf = [&](const geo::MapPick& p) {
                        return p.kind == geo::MapPick::Kind::Arc      ? m_arcItems[p.item].event
                               : p.kind == geo::MapPick::Kind::Marker ? m_markerItems[p.item].event
                                                                      : kNoIndex;
                    };
                    // (Wider by twice the tolerance: each edge moves by it.)
                    for (const double delta : {2 * kPickEdgeTolerancePx, -2 * kPickEdgeTolerancePx})
                        if (eventOf(pickAt(c, vp, mouse, delta)) == gpu) {
                            ++m_pickCheck.atAnEdge;
                            break;
                        }
                }
            }
            m_lastMouseX = io.MousePos.x;
            m_lastMouseY = io.MousePos.y;
            m_pickRevision = c.doc.revision();
        }
        if (m_lastPick < c.data().events.size()) s.view.hovered = m_lastPick;
    } else {
        m_lastMouseX = m_lastMouseY = -1;
        m_pick = {};
    }
    m_itemsChanged = false;
    if (hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < 4.0f) {
        if (s.view.hovered != kNoIndex) s.view.select(s.view.hovered);
    }
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left))
        flyTo(s, geo::zoomAt(s.camera, vp, mouse, 2.0), 0.4);
    // Keys (when the map window is focused and no text field wants them).
    if (ImGui::IsWindowFocused() && !io.WantTextInput) {
        const geo::ScreenPoint centre{vp.widthPx / 2, vp.heightPx / 2};
        if (keyPressed(Key::Equals) || keyPressed(Key::KeypadPlus))
            flyTo(s, geo::zoomAt(s.camera, vp, centre, 1.5), 0.25);
        if (keyPressed(Key::Minus) || keyPressed(Key::KeypadMinus))
            flyTo(s, geo::zoomAt(s.camera, vp, centre, 1 / 1.5), 0.25);
        const double step = 60.0 * c.scale();
        auto pan = [&](double dx, double dy) {
            s.camera = geo::panByPixels(s.camera, vp, centre, {centre.xPx + dx, centre.yPx + dy});
        };
        if (keyPressed(Key::W)) pan(0, step);
        if (keyPressed(Key::S)) pan(0, -step);
        if (keyPressed(Key::A)) pan(step, 0);
        if (keyPressed(Key::D)) pan(-step, 0);
        if (keyPressed(Key::F, false)) fitMapToShownEvents(s, c.data(), 60.0 * c.scale(), true);
    }
}

// ===========================================================================
// [SECTION] Overlays
// ===========================================================================

// One pass over the events shown now, only when what is shown, selected or
// hovered changed (never on a frame where nothing did: 1M events took 15-30
// ms): each place's weight for the labels, the categories and whether some
// event is unrated for the legend.
void MapPanel::summariseShown(const Context& c) {
    const ItemsKey key = itemsKey(c);
    if (m_shownSummaryKey && *m_shownSummaryKey == key) return;
    m_shownSummaryKey = key;
    const Dataset& ds = c.data();
    const Session& s = c.session;
    m_placeWeight.assign(ds.places.size(), 0.0f);
    m_placeTopEvent.assign(ds.places.size(), kNoIndex);
    m_shownCategories.assign(ds.categories.size(), 0);
    m_shownUnrated = false;
    forEachShownEvent(ds, s, [&](Index i, float a) {
        const Event& e = ds.events[i];
        if (e.category < m_shownCategories.size()) m_shownCategories[e.category] = 1;
        m_shownUnrated |= e.confidence == Confidence::Unrated;
        const float boost = (i == s.view.selected ? 100.0f : 0.0f) + (i == s.view.hovered ? 50.0f : 0.0f);
        forEachPlaceOf(e, [&](Index p) {
            const bool routePoint = std::find(e.via.begin(), e.via.end(), p) != e.via.end();
            const float w = (routePoint ? 0.5f * a : a) + boost;
            if (w > m_placeWeight[p]) m_placeTopEvent[p] = i;
            m_placeWeight[p] += w;
        });
    });
    // The selection's places are named whatever the time (it is drawn whatever the time).
    if (s.view.selected < ds.events.size())
        forEachPlaceOf(ds.events[s.view.selected], [&](Index p) {
            m_placeWeight[p] += 100.0f;
            m_placeTopEvent[p] = s.view.selected;
        });
}

void MapPanel::drawLabels(Context& c, const geo::Viewport& vp, ImVec2 origin,
                          const std::vector<geo::LabelRect>& reserved) {
    const Dataset& ds = c.data();
    const Session& s = c.session;
    summariseShown(c);  // each place's weight: the events shown there now
    ImFont* font = c.fonts.bold;
    const float fontSize = font->FontSize;
    m_labelRequests.clear();
    m_labelPlaces.clear();
    for (Index p = 0; p < ds.places.size(); ++p) {
        if (m_placeWeight[p] <= 0.02f) continue;
        const auto sp = geo::worldToScreen(s.camera, vp, {ds.places[p].lonDeg, ds.places[p].latDeg});
        if (!sp) continue;
        const ImVec2 size = font->CalcTextSizeA(fontSize, FLT_MAX, 0, ds.places[p].mapLabel().c_str());
        m_labelRequests.push_back({static_cast<float>(sp->xPx), static_cast<float>(sp->yPx), size.x + 8, size.y + 2,
                                   9.0f * c.scale(), m_placeWeight[p]});
        m_labelPlaces.push_back(p);
    }
    const auto placed =
        geo::placeLabels(m_labelRequests, {0, 0, static_cast<float>(vp.widthPx), static_cast<float>(vp.heightPx)},
                         reserved, fontSize * 1.1f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const bool darkText = c.look.theme != Theme::Dark && !s.layers.basemap;
    const ImU32 text = darkText ? IM_COL32(15, 15, 15, 255) : IM_COL32(250, 250, 250, 255);
    const ImU32 halo = darkText ? IM_COL32(255, 255, 255, 210) : IM_COL32(0, 0, 0, 170);
    for (const geo::PlacedLabel& pl : placed) {
        const Index p = m_labelPlaces[pl.request];
        const ImVec2 at(origin.x + pl.rect.x0 + 4, origin.y + pl.rect.y0 + 1);
        dl->AddRectFilled(ImVec2(origin.x + pl.rect.x0, origin.y + pl.rect.y0),
                          ImVec2(origin.x + pl.rect.x1, origin.y + pl.rect.y1), withAlpha(halo, ((halo >> 24) / 2)),
                          3.0f);
        dl->AddText(font, fontSize, at, text, ds.places[p].mapLabel().c_str());
    }
}

// Confidence line styles and category colours, bottom-left (top-left when presenting).
ImVec2 MapPanel::drawLegend(Context& c, ImVec2 origin, ImVec2 size, bool topLeft) {
    const Dataset& ds = c.data();
    const float s = c.scale();
    const float lineH = ImGui::GetTextLineHeightWithSpacing();
    // Only the categories on the map now: a short legend covers less of it.
    summariseShown(c);
    std::vector<std::uint8_t> shown = m_shownCategories;
    shown.resize(ds.categories.size(), 0);
    const bool unrated = m_shownUnrated;  // the "unrated" row only when the map shows such events (imported files)
    const int levels = unrated ? kConfidenceCount : kConfidenceCount - 1;
    int shownCount = static_cast<int>(std::count(shown.begin(), shown.end(), 1));
    // At large UI scales on a small map the categories would cover it: keep the
    // confidence styles (the categories' colours are on the timeline's lanes).
    const bool withCategories = lineH * static_cast<float>(levels + shownCount + 1) < size.y * 0.55f;
    if (!withCategories) std::fill(shown.begin(), shown.end(), 0), shownCount = 0;
    const int rows = levels + std::min(shownCount, 12) + (withCategories ? 1 : 0);
    float widest = 0;
    for (std::size_t i = 0; i < ds.categories.size(); ++i)
        if (shown[i]) widest = std::max(widest, ImGui::CalcTextSize(ds.categories[i].label.c_str()).x);
    // What each level means, at a glance (when the legend can be that wide).
    float widestMeaning = 0;
    for (int i = 0; i < levels; ++i) {
        const auto conf = static_cast<Confidence>(i);
        widestMeaning =
            std::max(widestMeaning, ImGui::CalcTextSize(confidenceLabel(conf)).x + ImGui::CalcTextSize(" \u00B7 ").x +
                                        ImGui::CalcTextSize(confidenceShortMeaning(conf)).x);
    }
    const float meaningsW = 34 * s + 8 * s + widestMeaning + 20 * s;
    const bool meanings = meaningsW < size.x * 0.42f;
    // Below the toolbar (when not presenting) and above the map's bottom edge. On a
    // very short map (a small screen at a large UI scale) the levels go in two
    // columns, without meanings or categories, so the legend never covers the toolbar.
    const float top = topLeft ? 10 * s : 10 * s + ImGui::GetFontSize() + 8 * s + 8 * s;
    const float room = size.y - top - 10 * s;
    const bool twoColumns = lineH * static_cast<float>(rows) + 14 * s > room;
    float widestLevel = 0;
    for (int i = 0; i < levels; ++i)
        widestLevel = std::max(widestLevel, ImGui::CalcTextSize(confidenceLabel(static_cast<Confidence>(i))).x);
    const float columnW = 34 * s + 8 * s + widestLevel + 16 * s;
    const int rowsShown = twoColumns ? (levels + 1) / 2 : rows;
    const ImVec2 box = twoColumns ? ImVec2(2 * columnW + 10 * s, lineH * static_cast<float>(rowsShown) + 14 * s)
                                  : ImVec2(std::max({150 * s, widest + 40 * s, meanings ? meaningsW : 0.0f}),
                                           lineH * static_cast<float>(rows) + 14 * s);
    const float y0 = topLeft ? origin.y + top : std::max(origin.y + top, origin.y + size.y - box.y - 10 * s);
    const ImVec2 p0(origin.x + 10 * s, y0);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Palette& pal = palette(c.look.theme);
    dl->AddRectFilled(p0, ImVec2(p0.x + box.x, p0.y + box.y), withAlpha(pal.panelBg, 0xE0), 6 * s);
    float y = p0.y + 7 * s;
    const float x0 = p0.x + 10 * s;
    for (int i = 0; i < levels; ++i) {
        const auto conf = static_cast<Confidence>(i);
        const ImU32 col = pal.text;
        const int column = twoColumns ? i / rowsShown : 0;
        if (twoColumns && i % rowsShown == 0) y = p0.y + 7 * s;
        const float x = x0 + static_cast<float>(column) * columnW;
        const float ly = y + lineH * 0.45f, w = 34 * s, th = 3 * s;
        switch (conf) {
            case Confidence::Confirmed:
                dl->AddLine(ImVec2(x, ly), ImVec2(x + w, ly), col, th);
                break;
            case Confidence::Reported:
                for (float d = 0; d < w; d += 12 * s)
                    dl->AddLine(ImVec2(x + d, ly), ImVec2(x + std::min(w, d + 8 * s), ly), col, th);
                break;
            case Confidence::Alleged:
                for (float d = 0; d < w; d += 7 * s)
                    dl->AddLine(ImVec2(x + d, ly), ImVec2(x + std::min(w, d + 3.5f * s), ly), col, th);
                break;
            case Confidence::Disputed:
                for (float d = 0; d <= w; d += 9 * s) dl->AddCircleFilled(ImVec2(x + d, ly), th * 0.6f, col);
                break;
            case Confidence::Unrated:
                dl->AddLine(ImVec2(x, ly), ImVec2(x + w, ly), withAlpha(pal.textMuted, 0xB0), th * 0.6f);
                break;
        }
        dl->AddText(ImVec2(x + w + 8 * s, y), pal.text, confidenceLabel(conf));
        if (meanings && !twoColumns) {
            const float after = x + w + 8 * s + ImGui::CalcTextSize(confidenceLabel(conf)).x;
            const std::string meaning = std::string(" \u00B7 ") + confidenceShortMeaning(conf);
            dl->AddText(ImVec2(after, y), pal.textMuted, meaning.c_str());
        }
        y += lineH;
    }
    if (twoColumns) return box;
    const float x = x0;
    y += 4 * s;
    int drawn = 0;
    for (std::size_t i = 0; i < ds.categories.size() && drawn < 12; ++i) {
        if (!shown[i]) continue;
        ++drawn;
        dl->AddRectFilled(ImVec2(x, y + lineH * 0.2f), ImVec2(x + 14 * s, y + lineH * 0.7f),
                          imColor(ds.categoryColor(static_cast<Index>(i))), 2 * s);
        dl->AddText(ImVec2(x + 22 * s, y), pal.text, ds.categories[i].label.c_str());
        y += lineH;
    }
    return box;
}

void MapPanel::drawToolbar(Context& c) {
    Session& s = c.session;
    const float sc = c.scale();
    ImGui::SetCursorPos(ImVec2(10 * sc, 10 * sc));
    StyleVars vars;
    vars.push(ImGuiStyleVar_FramePadding, ImVec2(6 * sc, 4 * sc));
    ImGui::SetNextItemWidth(150 * sc);
    const std::string current(geo::projectionLabel(s.camera.projection));
    if (ImGui::BeginCombo("##projection", current.c_str())) {
        for (geo::Projection p : geo::kAllProjections) {
            const std::string label(geo::projectionLabel(p));
            const bool picked = ImGui::Selectable(label.c_str(), p == s.camera.projection);
            c.reportControl(("map.projection." + std::string(geo::projectionName(p))).c_str());
            if (picked) {
                s.camera.projection = p;
                s.flight.reset();
                fitMapToShownEvents(s, c.data(), 60.0 * sc, false);
            }
        }
        ImGui::EndCombo();
    }
    c.reportControl("map.projection");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Map projection");
    ImGui::SameLine();
    if (ImGui::Button("Fit")) fitMapToShownEvents(s, c.data(), 60.0 * sc, true);
    c.reportControl("map.fit");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Frame the places of the events shown now (F)");
    ImGui::SameLine();
    if (ImGui::Button("World"))
        flyTo(
            s,
            geo::CameraState{s.camera.projection,
                             s.camera.projection == geo::Projection::Orthographic ? s.camera.centerLonDeg : 0.0, 0, 1},
            0.8);
    ImGui::SameLine();
    if (ImGui::Button("Layers")) ImGui::OpenPopup("layers");
    c.reportControl("map.layers");
    m_toolbarRight = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
    if (ImGui::BeginPopup("layers")) {
        MapLayers& layers = s.layers;
        ImGui::Checkbox("Satellite basemap (NASA Blue Marble)", &layers.basemap);
        c.reportControl("map.layers.basemap");
        ImGui::Checkbox("Place names", &layers.labels);
        ImGui::Checkbox("Graticule", &layers.graticule);
        ImGui::Checkbox("Tint the countries the arcs link", &layers.highlightCountries);
        ImGui::Checkbox("Legend", &layers.legend);
        ImGui::Checkbox("Animate arcs always", &layers.alwaysAnimateArcs);
        ImGui::Separator();
        ImGui::Checkbox("Show all events up to the playhead", &s.view.allUpToNow);
        auto years = static_cast<float>(s.view.trailDays / 365.25);
        ImGui::BeginDisabled(s.view.allUpToNow);
        if (ImGui::SliderFloat("Trail (years)", &years, 0.1f, 20.0f, "%.1f", ImGuiSliderFlags_Logarithmic))
            s.view.trailDays = years * 365.25;
        ImGui::EndDisabled();
        ImGui::EndPopup();
    }
}

void MapPanel::drawDateStamp(Context& c, ImVec2 origin, ImVec2 size, float leftLimitPx) {
    const ViewState& v = c.session.view;
    std::string text;
    if (v.window) {
        text = describeSpan(*v.window);
    } else {
        const CivilDate cd = civilFromDays(static_cast<DayNumber>(std::floor(v.playheadDay)));
        text = std::string(monthShortName(cd.month)) + " " + std::to_string(cd.year);
    }
    // Large when presenting, smaller where it would run into the legend or the toolbar.
    const float pad = 10 * c.scale();
    ImFont* f = c.fonts.title;
    for (ImFont* candidate : {c.session.presenting() ? c.fonts.large : c.fonts.title, c.fonts.title, c.fonts.bold}) {
        f = candidate;
        if (candidate->CalcTextSizeA(candidate->FontSize, FLT_MAX, 0, text.c_str()).x + 3 * pad < size.x - leftLimitPx)
            break;
    }
    const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text.c_str());
    const ImVec2 p(origin.x + size.x - ts.x - 2 * pad, origin.y + pad);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Palette& pal = palette(c.look.theme);
    dl->AddRectFilled(ImVec2(p.x - pad * 0.6f, p.y - pad * 0.3f),
                      ImVec2(p.x + ts.x + pad * 0.6f, p.y + ts.y + pad * 0.3f), withAlpha(pal.panelBg, 0xD0), 5);
    dl->AddText(f, f->FontSize, p, pal.text, text.c_str());
    // A large dataset's map gathers connections per pair of places: say so,
    // and how many pairs are left out when only the busiest are drawn.
    if (!m_items.arcsGrouped) return;
    char note[160];
    if (m_items.arcs.size() < m_items.arcGroupsTotal)
        std::snprintf(note, sizeof note, "%zu connections as the %zu busiest of %zu place pairs", m_items.legsShown,
                      m_items.arcs.size(), m_items.arcGroupsTotal);
    else
        std::snprintf(note, sizeof note, "%zu connections as %zu place pairs", m_items.legsShown,
                      m_items.arcGroupsTotal);
    const ImVec2 ns = ImGui::CalcTextSize(note);
    const ImVec2 q(origin.x + size.x - ns.x - 2 * pad, p.y + ts.y + pad);
    dl->AddRectFilled(ImVec2(q.x - pad * 0.6f, q.y - pad * 0.3f),
                      ImVec2(q.x + ns.x + pad * 0.6f, q.y + ns.y + pad * 0.3f), withAlpha(pal.panelBg, 0xD0), 5);
    dl->AddText(q, pal.textMuted, note);
}

// Exported images carry a caption and who made the data and the map.
void MapPanel::drawAttribution(Context& c, ImVec2 origin, ImVec2 size) {
    const Dataset& ds = c.data();
    const Palette& pal = palette(c.look.theme);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 8 * c.scale();
    std::string data = "Data: " + ds.title;
    if (!ds.authors.empty()) data += ", " + ds.authors.front();
    if (!ds.license.empty()) data += " (" + ds.license + ")";
    std::string map = "Map: Natural Earth";
    if (c.session.layers.basemap) map += ", NASA Visible Earth";
    map += ". Meridian.";
    // One line when it fits; else the data credit shortened to its licence.
    std::string credit = data + ". " + map;
    if (ImGui::CalcTextSize(credit.c_str()).x > size.x - 4 * pad)
        credit = "Data: " + (ds.license.empty() ? std::string("see the data file") : ds.license) + ". " + map;
    const ImVec2 ts = ImGui::CalcTextSize(credit.c_str());
    const ImVec2 p(origin.x + size.x - ts.x - pad * 2, origin.y + size.y - ts.y - pad * 1.5f);
    dl->AddRectFilled(ImVec2(p.x - pad, p.y - pad * 0.4f), ImVec2(origin.x + size.x, origin.y + size.y),
                      withAlpha(pal.panelBg, 0xC0));
    dl->AddText(p, pal.textMuted, credit.c_str());
    const std::string& caption = c.session.caption;
    if (!caption.empty()) {
        ImFont* f = c.fonts.title;
        const ImVec2 cs = f->CalcTextSizeA(f->FontSize, size.x - 4 * pad, size.x - 4 * pad, caption.c_str());
        const ImVec2 at(origin.x + 2 * pad, origin.y + 2 * pad);
        dl->AddRectFilled(ImVec2(at.x - pad, at.y - pad * 0.5f), ImVec2(at.x + cs.x + pad, at.y + cs.y + pad * 0.5f),
                          withAlpha(pal.panelBg, 0xD8), 5);
        dl->AddText(f, f->FontSize, at, pal.text, caption.c_str(), nullptr, size.x - 4 * pad);
    }
}

// ===========================================================================
// [SECTION] draw
// ===========================================================================

void MapPanel::draw(Context& c) {
    Session& s = c.session;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 size = ImGui::GetContentRegionAvail();
    if (!m_ok || size.x < 8 || size.y < 8) {
        if (!m_ok) ImGui::TextDisabled("The map is not available (%s).", m_error.c_str());
        return;
    }
    // Whole pixels: the map's texture has them, and the shaders scale to the
    // viewport given; a fractional one stretched the drawn map by up to half a
    // pixel against the labels and the hover pick, which use it as given.
    const geo::Viewport vp{std::floor(size.x), std::floor(size.y)};
    uploadReady(false);
    s.mapViewport = vp;
    s.mapViewportKnown = true;
    const bool hasData = c.doc.hasData();
    if (hasData) syncData(c);
    if (s.fitRequested && hasData) {
        // A file opens on all its places, with room for their names at the edges.
        fitMapToAllPlaces(s, c.data(), 90.0 * c.scale());
        s.fitRequested = false;
    }
    // A selection made elsewhere: bring its places into view if they are not.
    if (s.view.revealSelected && s.view.selected < c.data().events.size()) {
        const std::vector<geo::LonLat> pts = placesOfEvents(c.data(), {s.view.selected});
        bool inside = true;
        for (const geo::LonLat& p : pts) {
            const auto sp = geo::worldToScreen(s.camera, vp, p);
            inside =
                inside && sp && sp->xPx > 20 && sp->yPx > 20 && sp->xPx < vp.widthPx - 20 && sp->yPx < vp.heightPx - 20;
        }
        if (!inside && !pts.empty()) {
            geo::CameraState target = geo::fitToBounds(s.camera.projection, pts, vp, 120.0 * c.scale());
            target.zoom = std::min(target.zoom, std::max(s.camera.zoom, 1.0));  // move over, do not dive in
            flyTo(s, target, 0.8);
        }
    }

    ImGui::InvisibleButton("##map", size, ImGuiButtonFlags_MouseButtonLeft);
    // The toolbar and overlays are submitted after the map: let them take the mouse.
    ImGui::SetItemAllowOverlap();
    const bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    // Editing mode takes the mouse first (dragging a place, picking one).
    const bool editingTookMouse = hasData && m_editing.handleInput(c, vp, origin, hovered);
    if (hasData && !editingTookMouse) handleInput(c, vp, origin, hovered, active);

    // The detail for the zoom: loaded a little before it is needed, and drawn
    // with the coarser level until it arrives (offscreen renders wait for it).
    const int want = wantedLevel(s.camera.zoom);
    if (s.camera.zoom > 2.0) requestLevel(1);
    if (s.camera.zoom > 8.0) requestLevel(2);
    if (s.layers.basemap) requestBasemap();
    if (s.offscreen) uploadReady(true);
    m_level = want;
    while (m_level > 0 && !m_renderer.hasWorldLevel(m_level)) --m_level;
    if (!s.offscreen) dropUnusedDetail(want);
    if (hasData) updateCountryHighlight(c);

    // The map in its own texture (redrawn only as far as something changed), shown as an image.
    if (hasData) advanceAnimation(c);
    render::MapStyle st = style(c);
    // Multisampling smooths the arcs; past 4K (an 8K export, a poster) the
    // pixels are small enough without it, and it would take a gigabyte.
    if (static_cast<double>(size.x) * size.y > render::kLargeMapPixels) st.msaaSamples = 1;
    if (const GLuint texture = m_renderer.draw(s.camera, vp, time(c), st, m_level)) {
        // Copied into the frame, not shaded as a textured quad (see blit_image.h).
        m_image = {m_renderer.lastFramebuffer(),
                   texture,
                   static_cast<int>(size.x),
                   static_cast<int>(size.y),
                   origin,
                   ImVec2(origin.x + static_cast<float>(static_cast<int>(size.x)),
                          origin.y + static_cast<float>(static_cast<int>(size.y)))};
        addBlitImage(ImGui::GetWindowDrawList(), &m_image);
    }

    const float sc = c.scale();
    std::vector<geo::LabelRect> reserved;
    const bool presenting = s.presenting();
    m_legendRight = 0;
    if (hasData && s.layers.legend) {
        // In presenter mode the narration takes the bottom left: the legend goes top left.
        const ImVec2 box = drawLegend(c, origin, size, presenting);
        m_legendRight = box.x + 10 * sc;
        if (presenting)
            reserved.push_back({0, 0, box.x + 20 * sc, box.y + 20 * sc});
        else
            reserved.push_back({0, size.y - box.y - 20 * sc, box.x + 20 * sc, size.y});
    }
    reserved.push_back({0, 0, 420 * sc, 50 * sc});                // toolbar
    reserved.push_back({size.x - 200 * sc, 0, size.x, 60 * sc});  // date
    if (presenting && s.narrationTopPx > 0)                       // the narration card (as drawn last frame)
        reserved.push_back({0, s.narrationTopPx - 6, s.narrationRightPx + 6, size.y});
    if (hasData && s.layers.labels) drawLabels(c, vp, origin, reserved);
    float toolbarRight = 0;
    if (s.mapOnly || presenting) {
        drawAttribution(c, origin, size);
    } else {
        drawToolbar(c);
        toolbarRight = m_toolbarRight;
    }
    if (hasData) drawDateStamp(c, origin, size, presenting ? m_legendRight : toolbarRight);
    if (hasData && !s.mapOnly && !presenting) m_editing.draw(c, vp, origin, hovered);
    if (hovered && s.view.hovered != kNoIndex && !ImGui::IsMouseDragging(ImGuiMouseButton_Left))
        eventTooltip(c, s.view.hovered, groupHint(c).c_str());
}

}  // namespace meridian::ui

// [SECTION] GPU state and world loading
// [SECTION] Per-frame model queries (visible places, highlighted countries)
// [SECTION] Interaction (pan, zoom, pick, keys)
// [SECTION] Overlays (labels, tooltip, toolbar, legend, date)
// [SECTION] drawMapView
#include "ui/map_view.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <future>
#include <unordered_map>

#include "geo/arc_layout.h"
#include "geo/label_placement.h"
#include "io/asset_paths.h"
#include "io/image_file.h"
#include "io/world_data.h"
#include "render/framebuffer.h"
#include "render/map_renderer.h"
#include "ui/keys.h"
#include "ui/panels.h"
#include "ui/story_player.h"
#include "ui/theme.h"
#include "ui/views.h"

namespace meridian::ui {

// ===========================================================================
// [SECTION] GPU state and world loading
// ===========================================================================

struct MapViewState {
    render::MapRenderer renderer;
    render::Framebuffer target;
    std::string error;
    // Per world level: ISO alpha-3 code of each country, to highlight actors' countries.
    std::array<std::vector<std::string>, 3> countryAlpha3;
    std::future<io::WorldLevelResult> pendingFine;  // the 10m level loads in the background
    const Dataset* layoutFor = nullptr;
    std::size_t layoutEvents = 0;
    std::uint64_t maskVersion = ~0ull, maskHighlightVersion = ~0ull;
    std::vector<std::uint8_t> mask;
    DayNumber highlightDay = std::numeric_limits<DayNumber>::min();
    std::uint64_t highlightKey = 0;
    std::array<std::int64_t, 6> highlightInputs{};  // what the highlight was computed from
    ImVec2 lastMouse{-1, -1};
    std::vector<geo::LabelRequest> labelRequests;  // reused every frame
    std::vector<Index> labelPlaces;
    std::vector<float> placeWeight;
    std::vector<Index> placeTopEvent;
    int level = 0;
};

namespace {

void uploadLevel(MapViewState& s, int level, const io::WorldLevel& w) {
    s.renderer.setWorldLevel(level, w.fills, w.borders, w.shapes.countries.size());
    auto& codes = s.countryAlpha3[static_cast<std::size_t>(level)];
    codes.clear();
    for (const io::CountryShape& c : w.shapes.countries) codes.push_back(c.alpha3);
    s.highlightKey = 0;  // re-upload highlights for the new level
}

}  // namespace

std::shared_ptr<MapViewState> createMapView(std::string* error) {
    auto s = std::make_shared<MapViewState>();
    if (!s->renderer.init(error)) return nullptr;
    const auto isoResult = io::loadIsoTable(io::assetPath("world/iso3166.csv"));
    const io::IsoTable* iso = isoResult.ok() ? &*isoResult.table : nullptr;
    const char* files[] = {"world/countries-110m.json", "world/countries-50m.json"};
    for (int level = 0; level < 2; ++level) {
        const io::WorldLevelResult r = io::loadWorldLevel(io::assetPath(files[level]), iso);
        if (r.ok())
            uploadLevel(*s, level, r.level);
        else
            std::fprintf(stderr, "meridian: %s (the map shows no countries at this detail)\n", r.error.c_str());
    }
    // The finest level (1:10m) takes a second or more to triangulate: do it off
    // the main thread and upload it when it is ready.
    auto isoCopy = std::make_shared<io::IsoTable>(isoResult.ok() ? *isoResult.table : io::IsoTable{});
    s->pendingFine = std::async(std::launch::async, [isoCopy] {
        return io::loadWorldLevel(io::assetPath("world/countries-10m.json"), isoCopy.get());
    });
    io::ImageResult basemap = io::loadImageRgba(io::assetPath("basemap/earth.jpg"));
    if (basemap.ok())
        s->renderer.setBasemap(basemap.image);
    else
        std::fprintf(stderr, "meridian: basemap: %s\n", basemap.error.c_str());
    return s;
}

void waitForMapDetail(MapViewState& s) {
    if (s.pendingFine.valid()) {
        io::WorldLevelResult r = s.pendingFine.get();
        if (r.ok()) uploadLevel(s, 2, r.level);
    }
}

namespace {

void pollFineLevel(MapViewState& s) {
    if (!s.pendingFine.valid()) return;
    if (s.pendingFine.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    io::WorldLevelResult r = s.pendingFine.get();
    if (r.ok())
        uploadLevel(s, 2, r.level);
    else
        std::fprintf(stderr, "meridian: %s\n", r.error.c_str());
}

// Coarse world at world scale, finer as the user zooms in.
int chooseLevel(const MapViewState& s, double zoom) {
    int want = zoom < 2.5 ? 0 : zoom < 10 ? 1 : 2;
    while (want > 0 && !s.renderer.hasWorldLevel(want)) --want;
    return want;
}

render::MapStyle styleFor(const AppContext& ctx) {
    render::MapStyle st;
    auto rgba = [](ImU32 c) {
        const ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
        return render::Rgba{v.x, v.y, v.z, v.w};
    };
    const Palette& p = palette(ctx.theme);
    st.background = rgba(p.panelBg);
    st.ocean = rgba(p.mapOcean);
    st.land = rgba(p.mapLand);
    st.landActive = rgba(p.mapLandActive);
    st.border = rgba(p.mapBorder);
    st.graticuleColor = rgba(p.mapGraticule);
    st.halo = ctx.theme == Theme::Dark || ctx.map.basemap ? render::Rgba{0.04f, 0.04f, 0.05f, 0.85f}
                                                          : render::Rgba{1, 1, 1, 0.9f};
    st.basemap = ctx.map.basemap;
    st.showGraticule = ctx.map.graticule;
    const float s = ctx.scale();
    st.arcWidthPx = (ctx.theme == Theme::Projector ? 5.0f : 4.0f) * s;
    st.markerPx = (ctx.theme == Theme::Projector ? 20.0f : 16.0f) * s;
    st.bundleSpacingPx = 10.0f * s;
    return st;
}

render::MapTime timeFor(const AppContext& ctx) {
    render::MapTime t;
    t.playheadDay = ctx.view.playheadDay;
    t.trailDays = ctx.view.trailDays;
    t.allUpToNow = ctx.view.allUpToNow;
    t.window = ctx.view.window;
    t.growDays = ctx.view.growDays;
    t.animationSec = ctx.timeSec;
    t.selected = ctx.view.selected;
    t.hovered = ctx.view.hovered;
    return t;
}

// ===========================================================================
// [SECTION] Per-frame model queries
// ===========================================================================

// The span of days whose events the map shows now.
DaySpan shownSpan(const ViewState& v) {
    if (v.window) return *v.window;
    const auto t = static_cast<DayNumber>(std::floor(v.playheadDay));
    const DayNumber back = v.allUpToNow ? 1000000 : static_cast<DayNumber>(v.trailDays) + 1;
    return {t - back, t + 1};
}

void forEachShownEvent(const AppContext& ctx, const std::function<void(Index, float)>& fn) {
    const Dataset& ds = ctx.dataset;
    ds.forEachEventOverlapping(shownSpan(ctx.view), [&](Index i) {
        if (!ctx.isShown(i)) return;
        const float a = eventOpacityAt(ds.events[i], ctx.view);
        if (a > 0.0f) fn(i, a);
    });
}

// Countries where the events shown now take place (their places' countries).
void updateCountryHighlight(AppContext& ctx, MapViewState& s) {
    const Dataset& ds = ctx.dataset;
    // Only when what is shown changed (not every idle frame): the day, the
    // trail or window, the filters, the level of detail, the switch.
    const DaySpan span = shownSpan(ctx.view);
    const std::array<std::int64_t, 6> inputs{span.first,
                                             span.last,
                                             static_cast<std::int64_t>(ctx.filterVersion),
                                             s.level,
                                             ctx.map.highlightCountries,
                                             static_cast<std::int64_t>(s.highlightKey)};
    if (inputs == s.highlightInputs) return;
    std::vector<std::string> active;
    if (ctx.map.highlightCountries) {
        forEachShownEvent(ctx, [&](Index i, float) {
            const Event& e = ds.events[i];
            for (Index p : {e.place, e.from, e.to})
                if (p != kNoIndex && !ds.places[p].country.empty()) active.push_back(ds.places[p].country);
        });
    }
    std::sort(active.begin(), active.end());
    active.erase(std::unique(active.begin(), active.end()), active.end());
    std::uint64_t key = 1469598103934665603ull + static_cast<std::uint64_t>(s.level);
    for (const std::string& c : active)
        for (char ch : c) key = (key ^ static_cast<unsigned char>(ch)) * 1099511628211ull;
    s.highlightInputs = {span.first,
                         span.last,
                         static_cast<std::int64_t>(ctx.filterVersion),
                         s.level,
                         ctx.map.highlightCountries,
                         static_cast<std::int64_t>(key)};
    if (key == s.highlightKey) return;
    s.highlightKey = key;
    s.highlightInputs[5] = static_cast<std::int64_t>(key);
    const auto& codes = s.countryAlpha3[static_cast<std::size_t>(s.level)];
    std::vector<std::uint8_t> flags(codes.size(), 0);
    for (std::size_t c = 0; c < codes.size(); ++c)
        flags[c] = !codes[c].empty() && std::binary_search(active.begin(), active.end(), codes[c]);
    s.renderer.setCountryHighlight(s.level, flags);
}

std::vector<geo::LonLat> shownPlaces(const AppContext& ctx) {
    const Dataset& ds = ctx.dataset;
    std::vector<geo::LonLat> pts;
    auto add = [&](Index p) {
        if (p != kNoIndex) pts.push_back({ds.places[p].lonDeg, ds.places[p].latDeg});
    };
    forEachShownEvent(ctx, [&](Index i, float) {
        const Event& e = ds.events[i];
        add(e.place), add(e.from), add(e.to);
        for (Index v : e.via) add(v);
    });
    if (pts.empty())
        for (const Place& p : ds.places) pts.push_back({p.lonDeg, p.latDeg});
    return pts;
}

}  // namespace

void fitMapToShownEvents(AppContext& ctx, const geo::Viewport& viewport, bool animate) {
    const geo::CameraState target =
        geo::fitToBounds(ctx.camera.projection, shownPlaces(ctx), viewport, 60.0 * ctx.scale());
    if (animate)
        ctx.flight = CameraFlight{ctx.camera, target, ctx.timeSec, 0.8};
    else
        ctx.camera = target, ctx.flight.reset();
}

namespace {

// ===========================================================================
// [SECTION] Interaction
// ===========================================================================

void handleInput(AppContext& ctx, MapViewState& s, const geo::Viewport& vp, ImVec2 origin, bool hovered, bool active) {
    ImGuiIO& io = ImGui::GetIO();
    const geo::ScreenPoint mouse{io.MousePos.x - origin.x, io.MousePos.y - origin.y};
    if (hovered && io.MouseWheel != 0) {
        ctx.flight.reset();
        ctx.camera = geo::zoomAt(ctx.camera, vp, mouse, std::pow(1.2, io.MouseWheel));
    }
    if (active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
        ctx.flight.reset();
        const geo::ScreenPoint from{mouse.xPx - io.MouseDelta.x, mouse.yPx - io.MouseDelta.y};
        ctx.camera = geo::panByPixels(ctx.camera, vp, from, mouse);
    }
    // Hover: ask the GPU which event is under the cursor, only when it moved.
    if (hovered && !active) {
        const bool moved = io.MousePos.x != s.lastMouse.x || io.MousePos.y != s.lastMouse.y;
        static Index lastPick = kNoIndex;
        if (moved || ctx.timeSec < 0.5) {
            lastPick = s.renderer.pick(ctx.camera, vp, timeFor(ctx), styleFor(ctx), static_cast<int>(mouse.xPx),
                                       static_cast<int>(mouse.yPx));
            s.lastMouse = io.MousePos;
        }
        if (lastPick != kNoIndex) ctx.view.hovered = lastPick;
    }
    if (hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < 4.0f) {
        if (ctx.view.hovered != kNoIndex) ctx.view.select(ctx.view.hovered);
    }
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left))
        ctx.flight = CameraFlight{ctx.camera, geo::zoomAt(ctx.camera, vp, mouse, 2.0), ctx.timeSec, 0.4};
    // Keys (when the map window is focused and no text field wants them).
    if (ImGui::IsWindowFocused() && !io.WantTextInput) {
        const geo::ScreenPoint centre{vp.widthPx / 2, vp.heightPx / 2};
        if (keyPressed(Key::Equals) || keyPressed(Key::KeypadPlus))
            ctx.flight = CameraFlight{ctx.camera, geo::zoomAt(ctx.camera, vp, centre, 1.5), ctx.timeSec, 0.25};
        if (keyPressed(Key::Minus) || keyPressed(Key::KeypadMinus))
            ctx.flight = CameraFlight{ctx.camera, geo::zoomAt(ctx.camera, vp, centre, 1 / 1.5), ctx.timeSec, 0.25};
        const double step = 60.0 * ctx.scale();
        auto pan = [&](double dx, double dy) {
            ctx.camera = geo::panByPixels(ctx.camera, vp, centre, {centre.xPx + dx, centre.yPx + dy});
        };
        if (keyPressed(Key::W)) pan(0, step);
        if (keyPressed(Key::S)) pan(0, -step);
        if (keyPressed(Key::A)) pan(step, 0);
        if (keyPressed(Key::D)) pan(-step, 0);
    }
}

// ===========================================================================
// [SECTION] Overlays
// ===========================================================================

void drawLabels(AppContext& ctx, MapViewState& s, const geo::Viewport& vp, ImVec2 origin,
                const std::vector<geo::LabelRect>& reserved) {
    const Dataset& ds = ctx.dataset;
    s.placeWeight.assign(ds.places.size(), 0.0f);
    s.placeTopEvent.assign(ds.places.size(), kNoIndex);
    auto weigh = [&](Index p, Index e, float w) {
        if (p == kNoIndex) return;
        if (w > s.placeWeight[p]) s.placeTopEvent[p] = e;
        s.placeWeight[p] += w;
    };
    forEachShownEvent(ctx, [&](Index i, float a) {
        const Event& e = ds.events[i];
        const float boost = (i == ctx.view.selected ? 100.0f : 0.0f) + (i == ctx.view.hovered ? 50.0f : 0.0f);
        weigh(e.place, i, a + boost);
        weigh(e.from, i, a + boost);
        weigh(e.to, i, a + boost);
        for (Index v : e.via) weigh(v, i, 0.5f * a + boost);
    });
    ImFont* font = ctx.fonts.bold;
    const float fontSize = font->FontSize;
    s.labelRequests.clear();
    s.labelPlaces.clear();
    for (Index p = 0; p < ds.places.size(); ++p) {
        if (s.placeWeight[p] <= 0.02f) continue;
        const auto sp = geo::worldToScreen(ctx.camera, vp, {ds.places[p].lonDeg, ds.places[p].latDeg});
        if (!sp) continue;
        const ImVec2 size = font->CalcTextSizeA(fontSize, FLT_MAX, 0, ds.places[p].mapLabel().c_str());
        s.labelRequests.push_back({static_cast<float>(sp->xPx), static_cast<float>(sp->yPx), size.x + 8, size.y + 2,
                                   9.0f * ctx.scale(), s.placeWeight[p]});
        s.labelPlaces.push_back(p);
    }
    const auto placed = geo::placeLabels(
        s.labelRequests, {0, 0, static_cast<float>(vp.widthPx), static_cast<float>(vp.heightPx)}, reserved);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Palette& pal = palette(ctx.theme);
    const bool darkText = ctx.theme != Theme::Dark && !ctx.map.basemap;
    const ImU32 text = darkText ? IM_COL32(15, 15, 15, 255) : IM_COL32(250, 250, 250, 255);
    const ImU32 halo = darkText ? IM_COL32(255, 255, 255, 210) : IM_COL32(0, 0, 0, 170);
    (void)pal;
    for (const geo::PlacedLabel& pl : placed) {
        const Index p = s.labelPlaces[pl.request];
        const ImVec2 at(origin.x + pl.rect.x0 + 4, origin.y + pl.rect.y0 + 1);
        dl->AddRectFilled(ImVec2(origin.x + pl.rect.x0, origin.y + pl.rect.y0),
                          ImVec2(origin.x + pl.rect.x1, origin.y + pl.rect.y1),
                          (halo & IM_COL32(255, 255, 255, 0)) | (((halo >> 24) / 2) << 24), 3.0f);
        dl->AddText(font, fontSize, at, text, ds.places[p].mapLabel().c_str());
    }
}

void drawTooltip(const AppContext& ctx) {
    const Dataset& ds = ctx.dataset;
    const Event& e = ds.events[ctx.view.hovered];
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(e.title.c_str());
    ImGui::PopFont();
    ImGui::TextUnformatted(describeWhen(e).c_str());
    confidenceBadge(e.confidence);
    if (ds.restsOnAdvocacy(e)) ImGui::TextDisabled("Rests partly on an interested party's claim");
    ImGui::TextDisabled("Click for details and sources");
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// Confidence line styles and category colours, bottom-left.
ImVec2 drawLegend(AppContext& ctx, ImVec2 origin, ImVec2 size, bool topLeft) {
    const Dataset& ds = ctx.dataset;
    const float s = ctx.scale();
    const float lineH = ImGui::GetTextLineHeightWithSpacing();
    // Only the categories on the map now: a short legend covers less of it.
    std::vector<std::uint8_t> shown(ds.categories.size(), 0);
    forEachShownEvent(ctx, [&](Index i, float) {
        if (ds.events[i].category < shown.size()) shown[ds.events[i].category] = 1;
    });
    int shownCount = static_cast<int>(std::count(shown.begin(), shown.end(), 1));
    // At large UI scales on a small map the categories would cover it: keep the
    // confidence styles (the categories' colours are on the timeline's lanes).
    const bool withCategories = lineH * static_cast<float>(kConfidenceCount + shownCount + 1) < size.y * 0.55f;
    if (!withCategories) std::fill(shown.begin(), shown.end(), 0), shownCount = 0;
    const int rows = kConfidenceCount + std::min(shownCount, 12) + (withCategories ? 1 : 0);
    float widest = 0;
    for (std::size_t c = 0; c < ds.categories.size(); ++c)
        if (shown[c]) widest = std::max(widest, ImGui::CalcTextSize(ds.categories[c].label.c_str()).x);
    const ImVec2 box(std::max(150 * s, widest + 40 * s), lineH * static_cast<float>(rows) + 14 * s);
    const ImVec2 p0(origin.x + 10 * s, topLeft ? origin.y + 10 * s : origin.y + size.y - box.y - 10 * s);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Palette& pal = palette(ctx.theme);
    dl->AddRectFilled(p0, ImVec2(p0.x + box.x, p0.y + box.y), (pal.panelBg & 0x00FFFFFF) | 0xE0000000, 6 * s);
    float y = p0.y + 7 * s;
    const float x = p0.x + 10 * s;
    for (int c = 0; c < kConfidenceCount; ++c) {
        const auto conf = static_cast<Confidence>(c);
        const ImU32 col = pal.text;
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
        }
        dl->AddText(ImVec2(x + w + 8 * s, y), pal.text, confidenceLabel(conf));
        y += lineH;
    }
    y += 4 * s;
    int drawn = 0;
    for (std::size_t c = 0; c < ds.categories.size() && drawn < 12; ++c) {
        if (!shown[c]) continue;
        ++drawn;
        dl->AddRectFilled(ImVec2(x, y + lineH * 0.2f), ImVec2(x + 14 * s, y + lineH * 0.7f),
                          imColor(ds.categoryColor(static_cast<Index>(c))), 2 * s);
        dl->AddText(ImVec2(x + 22 * s, y), pal.text, ds.categories[c].label.c_str());
        y += lineH;
    }
    return box;
}

void drawToolbar(AppContext& ctx, const geo::Viewport& vp) {
    const float s = ctx.scale();
    ImGui::SetCursorPos(ImVec2(10 * s, 10 * s));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(6 * s, 4 * s));
    ImGui::SetNextItemWidth(150 * s);
    const std::string current(geo::projectionLabel(ctx.camera.projection));
    if (ImGui::BeginCombo("##projection", current.c_str())) {
        for (geo::Projection p : geo::kAllProjections) {
            const std::string label(geo::projectionLabel(p));
            if (ImGui::Selectable(label.c_str(), p == ctx.camera.projection)) {
                ctx.camera.projection = p;
                ctx.flight.reset();
                fitMapToShownEvents(ctx, vp, false);
            }
        }
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Map projection");
    ImGui::SameLine();
    if (ImGui::Button("Fit")) fitMapToShownEvents(ctx, vp, true);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Frame the places of the events shown now (F)");
    ImGui::SameLine();
    if (ImGui::Button("World"))
        ctx.flight = CameraFlight{
            ctx.camera,
            geo::CameraState{ctx.camera.projection,
                             ctx.camera.projection == geo::Projection::Orthographic ? ctx.camera.centerLonDeg : 0.0, 0,
                             1},
            ctx.timeSec, 0.8};
    ImGui::SameLine();
    if (ImGui::Button("Layers")) ImGui::OpenPopup("layers");
    if (ImGui::BeginPopup("layers")) {
        ImGui::Checkbox("Satellite basemap (NASA Blue Marble)", &ctx.map.basemap);
        ImGui::Checkbox("Place names", &ctx.map.labels);
        ImGui::Checkbox("Graticule", &ctx.map.graticule);
        ImGui::Checkbox("Highlight countries taking part", &ctx.map.highlightCountries);
        ImGui::Checkbox("Legend", &ctx.map.legend);
        ImGui::Separator();
        ImGui::Checkbox("Show all events up to the playhead", &ctx.view.allUpToNow);
        float years = static_cast<float>(ctx.view.trailDays / 365.25);
        ImGui::BeginDisabled(ctx.view.allUpToNow);
        if (ImGui::SliderFloat("Trail (years)", &years, 0.1f, 20.0f, "%.1f", ImGuiSliderFlags_Logarithmic))
            ctx.view.trailDays = years * 365.25;
        ImGui::EndDisabled();
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar();
}

void drawDateStamp(AppContext& ctx, ImVec2 origin, ImVec2 size) {
    const ViewState& v = ctx.view;
    std::string text;
    if (v.window)
        text = formatDayNumber(v.window->first) + " \u2013 " + formatDayNumber(v.window->last - 1);
    else {
        const CivilDate c = civilFromDays(static_cast<DayNumber>(std::floor(v.playheadDay)));
        text = std::string(monthShortName(c.month)) + " " + std::to_string(c.year);
    }
    ImFont* f = ctx.story && ctx.story->presenting ? ctx.fonts.large : ctx.fonts.title;
    const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text.c_str());
    const float pad = 10 * ctx.scale();
    const ImVec2 p(origin.x + size.x - ts.x - 2 * pad, origin.y + pad);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Palette& pal = palette(ctx.theme);
    dl->AddRectFilled(ImVec2(p.x - pad * 0.6f, p.y - pad * 0.3f),
                      ImVec2(p.x + ts.x + pad * 0.6f, p.y + ts.y + pad * 0.3f), (pal.panelBg & 0x00FFFFFF) | 0xD0000000,
                      5);
    dl->AddText(f, f->FontSize, p, pal.text, text.c_str());
}

// Exported images carry a caption and who made the data and the map.
void drawAttribution(AppContext& ctx, ImVec2 origin, ImVec2 size) {
    const Palette& pal = palette(ctx.theme);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = 8 * ctx.scale();
    std::string data = "Data: " + ctx.dataset.title;
    if (!ctx.dataset.authors.empty()) data += ", " + ctx.dataset.authors.front();
    if (!ctx.dataset.license.empty()) data += " (" + ctx.dataset.license + ")";
    std::string map = "Map: Natural Earth";
    if (ctx.map.basemap) map += ", NASA Visible Earth";
    map += ". Meridian.";
    // One line when it fits; else the data credit shortened to its licence.
    std::string credit = data + ". " + map;
    if (ImGui::CalcTextSize(credit.c_str()).x > size.x - 4 * pad)
        credit = "Data: " + (ctx.dataset.license.empty() ? std::string("see the data file") : ctx.dataset.license) +
                 ". " + map;
    const ImVec2 ts = ImGui::CalcTextSize(credit.c_str());
    const ImVec2 p(origin.x + size.x - ts.x - pad * 2, origin.y + size.y - ts.y - pad * 1.5f);
    dl->AddRectFilled(ImVec2(p.x - pad, p.y - pad * 0.4f), ImVec2(origin.x + size.x, origin.y + size.y),
                      (pal.panelBg & 0x00FFFFFF) | 0xC0000000);
    dl->AddText(p, pal.textMuted, credit.c_str());
    if (!ctx.caption.empty()) {
        ImFont* f = ctx.fonts.title;
        const ImVec2 cs = f->CalcTextSizeA(f->FontSize, size.x - 4 * pad, size.x - 4 * pad, ctx.caption.c_str());
        const ImVec2 c(origin.x + 2 * pad, origin.y + 2 * pad);
        dl->AddRectFilled(ImVec2(c.x - pad, c.y - pad * 0.5f), ImVec2(c.x + cs.x + pad, c.y + cs.y + pad * 0.5f),
                          (pal.panelBg & 0x00FFFFFF) | 0xD8000000, 5);
        dl->AddText(f, f->FontSize, c, pal.text, ctx.caption.c_str(), nullptr, size.x - 4 * pad);
    }
}

}  // namespace

// ===========================================================================
// [SECTION] drawMapView
// ===========================================================================

void drawMapView(AppContext& ctx) {
    MapViewState* s = ctx.mapState.get();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 size = ImGui::GetContentRegionAvail();
    if (!s || size.x < 8 || size.y < 8) {
        ImGui::TextDisabled("The map is not available%s", s ? "." : " (OpenGL setup failed).");
        return;
    }
    const geo::Viewport vp{size.x, size.y};
    pollFineLevel(*s);
    ctx.lastMapViewport = vp;
    if (ctx.pendingStory && ctx.hasDataset) {
        const AppContext::PendingStory p = *ctx.pendingStory;
        ctx.pendingStory.reset();
        startStory(ctx, p.story, p.step, p.present, p.instant);
    }
    updateStory(ctx, vp);
    if (ctx.hasDataset && (s->layoutFor != &ctx.dataset || s->layoutEvents != ctx.dataset.events.size())) {
        s->renderer.setEvents(ctx.dataset, geo::buildMapLayout(ctx.dataset));
        s->layoutFor = &ctx.dataset;
        s->layoutEvents = ctx.dataset.events.size();
        s->maskVersion = ~0ull;
    }
    if (ctx.hasDataset &&
        (s->maskVersion != ctx.filterVersion || s->maskHighlightVersion != ctx.view.highlightVersion)) {
        s->mask = ctx.filtered.mask;
        for (Index e : ctx.view.highlighted)
            if (e < s->mask.size() && s->mask[e]) s->mask[e] = 2;
        s->renderer.setEventMask(s->mask);
        s->maskVersion = ctx.filterVersion;
        s->maskHighlightVersion = ctx.view.highlightVersion;
        s->highlightKey = 0;
    }
    if (ctx.fitRequested && ctx.hasDataset) {
        fitMapToShownEvents(ctx, vp, false);
        ctx.fitRequested = false;
    }
    // A selection made elsewhere: bring its places into view if they are not.
    if (ctx.view.revealSelected && ctx.view.selected < ctx.dataset.events.size()) {
        const Event& e = ctx.dataset.events[ctx.view.selected];
        std::vector<geo::LonLat> pts;
        for (Index p : {e.place, e.from, e.to})
            if (p != kNoIndex) pts.push_back({ctx.dataset.places[p].lonDeg, ctx.dataset.places[p].latDeg});
        bool inside = true;
        for (const geo::LonLat& p : pts) {
            const auto sp = geo::worldToScreen(ctx.camera, vp, p);
            inside =
                inside && sp && sp->xPx > 20 && sp->yPx > 20 && sp->xPx < vp.widthPx - 20 && sp->yPx < vp.heightPx - 20;
        }
        if (!inside && !pts.empty()) {
            geo::CameraState target = geo::fitToBounds(ctx.camera.projection, pts, vp, 120.0 * ctx.scale());
            target.zoom = std::min(target.zoom, std::max(ctx.camera.zoom, 1.0));  // move over, do not dive in
            ctx.flight = CameraFlight{ctx.camera, target, ctx.timeSec, 0.8};
        }
    }
    if (ctx.flight) {
        const double t = (ctx.timeSec - ctx.flight->startSec) / std::max(1e-3, ctx.flight->durationSec);
        ctx.camera = geo::interpolate(ctx.flight->from, ctx.flight->to, geo::easeSmoothstep(t));
        if (t >= 1.0) ctx.flight.reset();
    }

    ImGui::InvisibleButton("##map", size, ImGuiButtonFlags_MouseButtonLeft);
    const bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    if (ctx.hasDataset) handleInput(ctx, *s, vp, origin, hovered, active);
    if (ImGui::IsWindowFocused() && !ImGui::GetIO().WantTextInput && keyPressed(Key::F, false))
        fitMapToShownEvents(ctx, vp, true);

    s->level = chooseLevel(*s, ctx.camera.zoom);
    if (ctx.hasDataset) updateCountryHighlight(ctx, *s);

    // Render into the map's own multisampled framebuffer, then show it.
    const int w = static_cast<int>(size.x), h = static_cast<int>(size.y);
    if (s->target.ensure(w, h, 4)) {
        GLint previous = 0;
        glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
        s->target.bind();
        s->renderer.render(ctx.camera, vp, timeFor(ctx), styleFor(ctx), s->level);
        s->target.resolve();
        glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
        ImGui::GetWindowDrawList()->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(s->target.texture())),
                                             origin, ImVec2(origin.x + size.x, origin.y + size.y), ImVec2(0, 1),
                                             ImVec2(1, 0));
    }

    std::vector<geo::LabelRect> reserved;
    const bool presentingNow = ctx.story && ctx.story->presenting;
    if (ctx.hasDataset && ctx.map.legend) {
        // In presenter mode the narration takes the bottom left: the legend goes top left.
        const ImVec2 box = drawLegend(ctx, origin, size, presentingNow);
        if (presentingNow)
            reserved.push_back({0, 0, box.x + 20 * ctx.scale(), box.y + 20 * ctx.scale()});
        else
            reserved.push_back({0, size.y - box.y - 20 * ctx.scale(), box.x + 20 * ctx.scale(), size.y});
    }
    reserved.push_back({0, 0, 420 * ctx.scale(), 50 * ctx.scale()});                // toolbar
    reserved.push_back({size.x - 200 * ctx.scale(), 0, size.x, 60 * ctx.scale()});  // date
    const bool presenting = ctx.story && ctx.story->presenting;
    if (presenting && ctx.narrationTopPx > 0)  // the narration card (as drawn last frame)
        reserved.push_back({0, ctx.narrationTopPx - 6, ctx.narrationRightPx + 6, size.y});
    if (ctx.hasDataset && ctx.map.labels) drawLabels(ctx, *s, vp, origin, reserved);
    if (ctx.hasDataset) drawDateStamp(ctx, origin, size);
    if (ctx.mapOnly || presenting)
        drawAttribution(ctx, origin, size);
    else
        drawToolbar(ctx, vp);
    if (hovered && ctx.view.hovered != kNoIndex && !ImGui::IsMouseDragging(ImGuiMouseButton_Left)) drawTooltip(ctx);
}

}  // namespace meridian::ui

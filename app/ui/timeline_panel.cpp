// The scrubbable timeline: a header (play, speed, the date in large type),
// the axis, a density strip, era bands and one lane per category. Drawing
// only emits the records of the pre-pass (timeline/prepass.h), so a frame
// costs what is on screen, not the size of the dataset.
//
// [SECTION] State and rebuilds
// [SECTION] Playback and keys
// [SECTION] Header
// [SECTION] Axis, density, eras
// [SECTION] Lanes
// [SECTION] draw
#include "ui/timeline_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>

#include "session/shown_events.h"
#include "timeline/axis_ticks.h"
#include "timeline/lanes.h"
#include "timeline/prepass.h"
#include "timeline/timeline_index.h"
#include "timeline/timeline_view.h"
#include "ui/keys.h"
#include "ui/theme.h"
#include "ui/timeline_editing.h"
#include "ui/widgets.h"

namespace meridian::ui {

// ===========================================================================
// [SECTION] State and rebuilds
// ===========================================================================

struct TimelinePanel::State {
    timeline::TimelineIndex index;
    timeline::LaneLayout layout;
    timeline::TimelineFrame frame;
    timeline::AxisTicks ticks;
    std::vector<std::uint32_t> density;
    std::vector<timeline::EraRecord> eras;
    std::vector<Index> clusterMembers;  // reused: no allocation while hovering a cluster
    timeline::TimeAxisView view;
    // What the index and the lanes were built from.
    std::uint64_t builtRevision = 0, builtStamp = 0;
    std::vector<std::string> layoutCategoryIds;  // the categories the lanes were built for
    std::filesystem::path builtPath;
    bool needsFit = true;
    // Interaction
    enum class Drag { None, Pan, Scrub, Brush, EditEvent } drag = Drag::None;
    TimelineEventDrag eventDrag;  // editing mode: an event or a span's end being dragged
    double brushStartDay = 0;
    float scrollY = 0;  // lanes scrolled up by this many px when they do not fit
    // Geometry of the last frame, for tests and headless layout reports.
    ImVec2 lanesOrigin{0, 0};
    int lanesVisible = 0, lanesBelow = 0;
};
using TimelineState = TimelinePanel::State;

TimelinePanel::TimelinePanel() : m_state(std::make_unique<State>()) {}
TimelinePanel::~TimelinePanel() = default;

namespace {

float kMinBarPx(float scale) {
    return 3.0f * scale;
}

constexpr double kSpeeds[] = {1, 7, 30.4375, 91.3125, 365.2425, 730.485, 1826.2125};
constexpr const char* kSpeedLabels[] = {"1 day / s",  "1 week / s",  "1 month / s", "3 months / s",
                                        "1 year / s", "2 years / s", "5 years / s"};

void rebuildIfNeeded(Context& c, TimelineState& t) {
    const Dataset& ds = c.data();
    const std::uint64_t rev = c.doc.revision();
    if (t.builtRevision == rev && t.builtStamp == c.session.filterStamp) return;
    t.index.build(ds, c.session.filtered.mask);
    const ChangeMask changed = t.builtRevision == 0 ? kChangedEverything : c.doc.changesSince(t.builtRevision);
    if (changed & (kChangedCategories | kChangedEvents)) {
        // The lanes follow the categories; the user's order (by category id) survives reloads and edits.
        std::vector<std::string> orderIds;
        for (Index cat : t.layout.order())
            orderIds.push_back(cat < t.layoutCategoryIds.size() ? t.layoutCategoryIds[cat] : "");
        t.layout = timeline::LaneLayout::fromDataset(ds);
        std::vector<Index> order;
        for (const std::string& id : orderIds)
            for (Index i = 0; i < ds.categories.size(); ++i)
                if (ds.categories[i].id == id) order.push_back(i);
        // The user's own order (the lanes reordered here) survives; the dataset's order
        // (changed in the category list) is followed.
        if (!order.empty() && orderIds != t.layoutCategoryIds) t.layout.setOrder(order);
        t.layoutCategoryIds.clear();
        for (const Category& cat : ds.categories) t.layoutCategoryIds.push_back(cat.id);
        t.needsFit = t.needsFit || t.builtRevision == 0;
    }
    if (t.builtPath != c.doc.path()) t.needsFit = true;  // another file: show its whole history
    t.builtPath = c.doc.path();
    t.builtRevision = rev;
    t.builtStamp = c.session.filterStamp;
}

DaySpan dataSpan(const Dataset& ds) {
    return ds.extent;
}

void keepDayVisible(TimelineState& t, double day, double marginFraction) {
    const double margin = t.view.visibleDays() * marginFraction;
    if (day < t.view.firstDay + margin)
        t.view.firstDay = day - margin;
    else if (day > t.view.lastDay() - margin)
        t.view.firstDay = day + margin - t.view.visibleDays();
}

// ===========================================================================
// [SECTION] Playback and keys
// ===========================================================================

void jumpToEvent(Context& c, TimelineState& t, Index e) {
    if (e == kNoIndex) return;
    const Event& ev = c.data().events[e];
    // Stand just inside the event's first day so the map shows it.
    c.session.view.playheadDay = static_cast<double>(ev.span().first) + 0.5;
    c.session.view.select(e);
    c.session.view.playing = false;
    keepDayVisible(t, c.session.view.playheadDay, 0.1);
}

void togglePlay(Context& c) {
    ViewState& v = c.session.view;
    v.playing = !v.playing;
    if (v.playing && v.playheadDay >= static_cast<double>(dataSpan(c.data()).last) - 1)
        v.playheadDay = static_cast<double>(dataSpan(c.data()).first);  // play again from the start
    v.window.reset();
}

// The next (+1) or previous (-1) visible event. Standing on the selected
// event's day, step through the events of that same day in order too.
void stepEvent(Context& c, TimelineState& t, int direction) {
    const Index cur = c.session.view.selected;
    const double day = std::floor(c.session.view.playheadDay);
    const bool onSelected =
        cur != kNoIndex && c.session.isShown(cur) && day == static_cast<double>(c.data().events[cur].span().first);
    const Index target = direction > 0 ? (onSelected ? t.index.nextEvent(cur) : t.index.nextEventAfter(day))
                                       : (onSelected ? t.index.previousEvent(cur) : t.index.previousEventBefore(day));
    jumpToEvent(c, t, target);
}

void handleKeys(Context& c, TimelineState& t) {
    if (!playbackKeysAllowed() || ctrlDown()) return;
    if (keyPressed(Key::Space, false)) togglePlay(c);
    if (keyPressed(Key::Right)) stepEvent(c, t, +1);
    if (keyPressed(Key::Left)) stepEvent(c, t, -1);
    if (keyPressed(Key::Home, false)) {
        c.session.view.playheadDay = static_cast<double>(dataSpan(c.data()).first);
        keepDayVisible(t, c.session.view.playheadDay, 0.05);
    }
    if (keyPressed(Key::End, false)) {
        c.session.view.playheadDay = static_cast<double>(dataSpan(c.data()).last);
        keepDayVisible(t, c.session.view.playheadDay, 0.05);
    }
    if (keyPressed(Key::Escape, false) && c.session.view.window) c.session.view.window.reset();
}

// ===========================================================================
// [SECTION] Header
// ===========================================================================

void drawSpeedCombo(Context& c, float widthPx) {
    ViewState& v = c.session.view;
    int speed = 0;
    for (int i = 0; i < 7; ++i)
        if (std::abs(kSpeeds[i] - v.playSpeedDaysPerSec) < std::abs(kSpeeds[speed] - v.playSpeedDaysPerSec)) speed = i;
    ImGui::SetNextItemWidth(widthPx);
    if (ImGui::Combo("##speed", &speed, kSpeedLabels, 7)) v.playSpeedDaysPerSec = kSpeeds[speed];
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Playback speed");
}

// The header: the date in large type, then the controls. When the panel is
// narrow (a projector at 200 %), the date shrinks to the title size and the
// controls that do not fit go into a "More" menu, so nothing is ever cut.
void drawHeader(Context& c, TimelineState& t, float widthPx) {
    ViewState& v = c.session.view;
    const float s = c.scale();
    const CivilDate cd = civilFromDays(static_cast<DayNumber>(std::floor(v.playheadDay)));
    char date[64];
    if (v.window) {
        std::snprintf(date, sizeof date, "%s \u2013 %s", formatDayNumber(v.window->first).c_str(),
                      formatDayNumber(v.window->last - 1).c_str());
    } else if (t.view.visibleDays() > 365 * 30) {
        std::snprintf(date, sizeof date, "%s %lld", monthShortName(cd.month), static_cast<long long>(cd.year));
    } else {
        std::snprintf(date, sizeof date, "%d %s %lld", cd.day, monthShortName(cd.month),
                      static_cast<long long>(cd.year));
    }
    // The widest date the header shows, so the controls do not move as the playhead does.
    const bool roomy = widthPx > 900 * s && ImGui::GetContentRegionAvail().y > 240 * s;
    ImFont* dateFont = roomy ? c.fonts.large : c.fonts.title;
    const float dateW = dateFont->CalcTextSizeA(dateFont->FontSize, FLT_MAX, 0, "30 Sep 2000").x;
    const ImGuiStyle& st = ImGui::GetStyle();
    auto buttonW = [&](const char* label) { return ImGui::CalcTextSize(label).x + st.FramePadding.x * 2; };
    const float fullControlsW = 70 * s + 130 * s + ImGui::GetFrameHeight() + ImGui::CalcTextSize("Loop").x +
                                buttonW("Fit all") + buttonW("\u2190 Prev") + buttonW("Next \u2192") +
                                6 * st.ItemSpacing.x + (v.window ? buttonW("Clear window") : 0.0f);
    const bool allControls = dateW + 24 * s + fullControlsW < widthPx;

    {
        FontScope font(dateFont);
        ImGui::TextUnformatted(date);
    }
    ImGui::SameLine(0, 0);
    ImGui::Dummy(ImVec2(std::max(0.0f, dateW - ImGui::GetItemRectSize().x), 1));
    ImGui::SameLine(0, 24 * s);
    const float buttonY = ImGui::GetCursorPosY() + (dateFont->FontSize - ImGui::GetFrameHeight()) * 0.5f;
    auto next = [&](bool sameLine = true) {
        if (sameLine) ImGui::SameLine();
        ImGui::SetCursorPosY(buttonY);
    };
    next(false);
    if (ImGui::Button(v.playing ? "Pause" : "Play", ImVec2(70 * s, 0))) togglePlay(c);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play or pause (Space)");
    if (allControls) {
        next();
        drawSpeedCombo(c, 130 * s);
        next();
        ImGui::Checkbox("Loop", &c.session.loopPlayback);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Start over at the end: for a kiosk or a lobby screen");
        next();
        if (ImGui::Button("Fit all")) t.view = timeline::fitSpan(dataSpan(c.data()), t.view.widthPx, 20 * s);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show the whole history");
        next();
        if (ImGui::Button("\u2190 Prev")) stepEvent(c, t, -1);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous event (\u2190)");
        next();
        if (ImGui::Button("Next \u2192")) stepEvent(c, t, +1);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next event (\u2192)");
        if (v.window) {
            next();
            if (ImGui::Button("Clear window")) v.window.reset();
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("Back to the playhead (Esc). Shift-drag on the lanes to choose a window.");
        }
        return;
    }
    // Narrow: previous and next as arrows, the rest in a menu.
    next();
    if (ImGui::Button("\u2190")) stepEvent(c, t, -1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous event (\u2190)");
    next();
    if (ImGui::Button("\u2192")) stepEvent(c, t, +1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next event (\u2192)");
    next();
    if (ImGui::Button(v.window ? "More (window)\u2026" : "More\u2026")) ImGui::OpenPopup("timeline-more");
    if (ImGui::BeginPopup("timeline-more")) {
        ImGui::TextUnformatted("Playback speed");
        drawSpeedCombo(c, 170 * s);
        ImGui::Checkbox("Loop (kiosk)", &c.session.loopPlayback);
        if (ImGui::MenuItem("Fit all: the whole history"))
            t.view = timeline::fitSpan(dataSpan(c.data()), t.view.widthPx, 20 * s);
        if (v.window && ImGui::MenuItem("Clear the time window", "Esc")) v.window.reset();
        ImGui::EndPopup();
    }
}

// ===========================================================================
// [SECTION] Axis, density, eras
// ===========================================================================

void drawAxis(Context& c, TimelineState& t, ImDrawList* dl, ImVec2 p0, float heightPx, float lanesBottom) {
    const Palette& pal = palette(c.look.theme);
    timeline::AxisTickOptions opt;
    ImFont* font = ImGui::GetFont();
    opt.labelWidthPx = [font](std::string_view text) {
        return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
    };
    timeline::computeAxisTicks(t.view, opt, t.ticks);
    const float x0 = p0.x;
    const float xMax = p0.x + static_cast<float>(t.view.widthPx);
    dl->PushClipRect(ImVec2(x0, p0.y), ImVec2(xMax, lanesBottom), true);
    const auto& ticks = t.ticks.ticks;
    for (std::size_t k = 0; k < ticks.size(); ++k) {
        const timeline::AxisTick& tick = ticks[k];
        const float x = x0 + tick.xPx;
        if (tick.isMajor) {
            dl->AddLine(ImVec2(x, p0.y + heightPx * 0.45f), ImVec2(x, lanesBottom),
                        (pal.axis & 0x00FFFFFF) | 0x38000000);
            dl->AddLine(ImVec2(x, p0.y + heightPx * 0.45f), ImVec2(x, p0.y + heightPx), pal.axis, 1.5f);
            if (tick.labelLength > 0) {
                // The label of the major left of the view is pinned to the edge
                // while it does not run into the next label.
                float lx = x + 3;
                if (lx < x0 + 2) {
                    lx = x0 + 2;
                    float nextX = 1e9f;
                    for (std::size_t n = k + 1; n < ticks.size(); ++n)
                        if (ticks[n].isMajor && ticks[n].labelLength > 0) {
                            nextX = x0 + ticks[n].xPx;
                            break;
                        }
                    if (lx + tick.labelWidthPx + 6 > nextX) continue;
                }
                // A label that would run past the right edge ("202" for 2025) is not drawn.
                if (lx + tick.labelWidthPx > xMax - 1) continue;
                dl->AddText(ImVec2(lx, p0.y), pal.text, tick.label, tick.label + tick.labelLength);
            }
        } else {
            dl->AddLine(ImVec2(x, p0.y + heightPx * 0.75f), ImVec2(x, p0.y + heightPx), pal.axis);
        }
    }
    dl->PopClipRect();
    dl->AddLine(ImVec2(x0, p0.y + heightPx), ImVec2(xMax, p0.y + heightPx), pal.axis);
}

void drawDensity(Context& c, TimelineState& t, ImDrawList* dl, ImVec2 p0, float heightPx) {
    const float bucketPx = 3.0f;
    const std::uint32_t maxCount = timeline::computeDensity(t.index, t.view, bucketPx, t.density);
    if (maxCount == 0) return;
    const Palette& pal = palette(c.look.theme);
    const ImU32 col = (pal.textMuted & 0x00FFFFFF) | 0xA0000000;
    for (std::size_t k = 0; k < t.density.size(); ++k) {
        if (!t.density[k]) continue;
        // Square-root scale: one lone event still shows next to a busy year.
        const float h = heightPx * std::sqrt(static_cast<float>(t.density[k]) / static_cast<float>(maxCount));
        const float x = p0.x + static_cast<float>(k) * bucketPx;
        dl->AddRectFilled(ImVec2(x, p0.y + heightPx - std::max(1.0f, h)), ImVec2(x + bucketPx - 0.5f, p0.y + heightPx),
                          col);
    }
}

void drawEras(Context& c, TimelineState& t, ImDrawList* dl, ImVec2 p0, float labelRowBottom, float bottom) {
    timeline::erasInView(c.data(), t.view, t.eras);
    const Palette& pal = palette(c.look.theme);
    float labelsEndX = -1e9f;  // overlapping eras: a label never runs into the one before it
    for (const timeline::EraRecord& era : t.eras) {
        const float x0 = p0.x + std::max(era.x0Px, -2.0f),
                    x1 = p0.x + std::min(era.x1Px, static_cast<float>(t.view.widthPx) + 2);
        dl->AddRectFilled(ImVec2(x0, p0.y), ImVec2(x1, bottom), pal.eraBand);
        dl->AddLine(ImVec2(x0, p0.y), ImVec2(x0, bottom), (pal.eraText & 0x00FFFFFF) | 0x50000000);
        dl->AddLine(ImVec2(x1, p0.y), ImVec2(x1, bottom), (pal.eraText & 0x00FFFFFF) | 0x50000000);
        const std::string& label = c.data().eras[era.eraIndex].label;
        const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
        // (An era narrower than its label: hi would be below lo, undefined for std::clamp; the
        // label is then not drawn, below.)
        const float lx = std::max(std::clamp(x0 + 4, p0.x + 2, std::max(p0.x + 2, x1 - ts.x - 4)), labelsEndX + 12);
        if (labelRowBottom - p0.y >= ts.y && lx + ts.x + 4 <= x1 &&
            lx + ts.x <= p0.x + static_cast<float>(t.view.widthPx)) {
            dl->AddText(ImVec2(lx, labelRowBottom - ts.y - 1), pal.eraText, label.c_str());
            labelsEndX = lx + ts.x;
        }
    }
}

// ===========================================================================
// [SECTION] Lanes
// ===========================================================================

void drawLaneRecords(Context& c, const timeline::LaneRecords& lane, ImDrawList* dl, float x0, float top, float h,
                     bool collapsed) {
    const Dataset& ds = c.data();
    const Palette& pal = palette(c.look.theme);
    const float mid = top + h * 0.5f;
    const float s = c.scale();
    auto color = [&](Index e, float a) { return imColor(ds.categoryColor(ds.events[e].category), a); };
    auto emphasis = [&](Index e, float ax0, float ay0, float ax1, float ay1) {
        if (e == c.session.view.selected)
            dl->AddRect(ImVec2(ax0 - 2, ay0 - 2), ImVec2(ax1 + 2, ay1 + 2), pal.selection, 3, 0, 2.0f * s);
        else if (e == c.session.view.hovered)
            dl->AddRect(ImVec2(ax0 - 2, ay0 - 2), ImVec2(ax1 + 2, ay1 + 2), pal.hover, 3, 0, 1.5f * s);
        else if (std::find(c.session.view.highlighted.begin(), c.session.view.highlighted.end(), e) !=
                 c.session.view.highlighted.end())  // a story's step, or the selected claim's answers
            dl->AddRect(ImVec2(ax0 - 3, ay0 - 3), ImVec2(ax1 + 3, ay1 + 3), withAlpha(pal.selection, 0xB0), 3, 0,
                        1.5f * s);
    };
    // Uncertain dates: a soft span fading out at both ends ("some time between").
    for (const timeline::FuzzySpan& f : lane.fuzzy) {
        const float a = x0 + f.x0Px, b = x0 + std::max(f.x1Px, f.x0Px + 2);
        const float w = b - a, fade = std::min(w * 0.3f, 18.0f * s);
        const ImU32 solid = color(f.eventIndex, 0.35f), clear = color(f.eventIndex, 0.0f);
        const float y0 = mid - h * 0.32f, y1 = mid + h * 0.32f;
        dl->AddRectFilledMultiColor(ImVec2(a, y0), ImVec2(a + fade, y1), clear, solid, solid, clear);
        dl->AddRectFilled(ImVec2(a + fade, y0), ImVec2(b - fade, y1), solid);
        dl->AddRectFilledMultiColor(ImVec2(b - fade, y0), ImVec2(b, y1), solid, clear, clear, solid);
    }
    // Spans and year- or month-only dates: a bar covering what the date means.
    for (const timeline::Bar& bar : lane.bars) {
        const Event& e = ds.events[bar.eventIndex];
        const float a = x0 + bar.x0Px, b = x0 + std::max(bar.x1Px, bar.x0Px + kMinBarPx(s));
        const float y0 = mid - h * 0.28f, y1 = mid + h * 0.28f;
        const bool imprecise = !e.end && e.date.precision() != DatePrecision::Day;
        // An imprecise date is an outline with a light fill: "some time in 1987", not "all of 1987".
        dl->AddRectFilled(ImVec2(a, y0), ImVec2(b, y1), color(bar.eventIndex, imprecise ? 0.35f : 0.9f), 2);
        if (imprecise) dl->AddRect(ImVec2(a, y0), ImVec2(b, y1), color(bar.eventIndex, 1.0f), 2, 0, 1.5f);
        if (!collapsed && b - a > 14 * s)
            drawConfidenceGlyph(dl, ImVec2(a + 7 * s, mid), std::min(h * 0.22f, 5 * s), e.confidence, pal.text, 1.5f);
        emphasis(bar.eventIndex, a, y0, b, y1);
    }
    // Clusters: several events too close to tell apart at this zoom.
    for (const timeline::Cluster& cl : lane.clusters) {
        const float a = x0 + cl.x0Px, b = x0 + cl.x1Px;
        const float y0 = mid - h * 0.36f, y1 = mid + h * 0.36f;
        dl->AddRectFilled(ImVec2(a, y0), ImVec2(b, y1), color(cl.firstEventIndex, 0.85f), 4);
        dl->AddRect(ImVec2(a, y0), ImVec2(b, y1), pal.text & 0x90FFFFFF, 4);
        if (!collapsed) {
            char label[16];
            std::snprintf(label, sizeof label, "%u", cl.count);
            const ImVec2 ts = ImGui::CalcTextSize(label);
            if (b - a > ts.x + 4)
                dl->AddText(ImVec2((a + b - ts.x) * 0.5f, mid - ts.y * 0.5f), IM_COL32(0, 0, 0, 255), label);
        }
    }
    // Single days: the confidence glyph in the category's colour.
    for (const timeline::Marker& m : lane.markers) {
        const float x = x0 + m.xPx;
        const float r = collapsed ? h * 0.45f : std::min(h * 0.34f, 7.5f * s);
        const Event& e = ds.events[m.eventIndex];
        dl->AddCircleFilled(ImVec2(x, mid), r + 1.5f * s, pal.timelineBg);
        drawConfidenceGlyph(dl, ImVec2(x, mid), r, e.confidence, color(m.eventIndex, 1.0f), 2.0f * s);
        emphasis(m.eventIndex, x - r, mid - r, x + r, mid + r);
    }
}

void drawLaneGutter(Context& c, TimelineState& t, ImVec2 p0, float gutterW) {
    const Dataset& ds = c.data();
    const float s = c.scale();
    for (std::size_t row = 0; row < t.layout.laneCount(); ++row) {
        const timeline::Lane& lane = t.layout.lane(row);
        const float top = p0.y + t.layout.rowTopPx(row);
        const float h = t.layout.rowHeightPx(row);
        ImGui::SetCursorScreenPos(ImVec2(p0.x, top));
        ImGui::PushID(static_cast<int>(row));
        const char* label =
            lane.category < ds.categories.size() ? ds.categories[lane.category].label.c_str() : "Uncategorised";
        const ImU32 col = lane.category < ds.categories.size() ? imColor(ds.categoryColor(lane.category))
                                                               : IM_COL32(150, 150, 150, 255);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(ImVec2(p0.x + 2, top + 2), ImVec2(p0.x + 6 * s, top + h - 2), col, 2);
        ImGui::SetCursorScreenPos(ImVec2(p0.x + 10 * s, top));
        ImGui::InvisibleButton("lane", ImVec2(gutterW - 12 * s, h));
        if (ImGui::IsItemClicked()) t.layout.setCollapsed(row, !lane.collapsed);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s\nClick to %s; drag to reorder", label, lane.collapsed ? "expand" : "collapse");
        if (ImGui::BeginDragDropSource()) {
            const int r = static_cast<int>(row);
            ImGui::SetDragDropPayload("MERIDIAN_LANE", &r, sizeof r);
            ImGui::TextUnformatted(label);
            ImGui::EndDragDropSource();
        }
        if (ImGui::BeginDragDropTarget()) {
            if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload("MERIDIAN_LANE"))
                t.layout.moveLane(static_cast<std::size_t>(*static_cast<const int*>(p->Data)), row);
            ImGui::EndDragDropTarget();
        }
        if (!lane.collapsed) {
            // A name too long for the gutter ends in an ellipsis (the tooltip has it whole).
            const float room = gutterW - 14 * s;
            std::string shown = label;
            if (ImGui::CalcTextSize(label).x > room) {
                const std::string ellipsis = "\u2026";
                while (!shown.empty() && ImGui::CalcTextSize((shown + ellipsis).c_str()).x > room) {
                    shown.pop_back();
                    while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80)
                        shown.pop_back();
                    if (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0xC0) shown.pop_back();
                }
                while (!shown.empty() && shown.back() == ' ') shown.pop_back();
                shown += ellipsis;
            }
            dl->AddText(ImVec2(p0.x + 10 * s, top + (h - ImGui::GetFontSize()) * 0.5f), palette(c.look.theme).text,
                        shown.c_str());
        }
        ImGui::PopID();
    }
}

void drawHoverTooltip(Context& c, TimelineState& t, const timeline::TimelineHit& hit) {
    const Dataset& ds = c.data();
    if (hit.kind != timeline::TimelineHit::Kind::Cluster) {
        eventTooltip(c, hit.eventIndex, "Click to select; the map follows");
        return;
    }
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    const timeline::LaneRecords& lane = t.frame.lanes[static_cast<std::size_t>(hit.row)];
    const timeline::Cluster& cl = lane.clusters[hit.cluster];
    ImGui::Text("%u events%s", cl.count, cl.fromLeftEdge ? " that began before this view" : "");
    std::vector<Index>& members = t.clusterMembers;
    timeline::clusterEvents(t.index, lane, cl, members, 8);
    for (Index e : members) ImGui::BulletText("%s  %s", ds.events[e].date.iso().c_str(), ds.events[e].title.c_str());
    if (cl.count > members.size())
        ImGui::TextDisabled(
            "\u2026 and %zu more. %s", static_cast<std::size_t>(cl.count - members.size()),
            cl.fromLeftEdge ? "Pan left to see where they start." : "Click or zoom in to separate them.");
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

}  // namespace

// ===========================================================================
// [SECTION] draw
// ===========================================================================

void TimelinePanel::draw(Context& c) {
    if (!c.doc.hasData()) {
        ImGui::TextDisabled("No data loaded.");
        return;
    }
    TimelineState& t = *m_state;
    ImGuiIO& io = ImGui::GetIO();
    const float s = c.scale();
    const Palette& pal = palette(c.look.theme);
    rebuildIfNeeded(c, t);

    // The lane names take at most a fifth of a narrow panel (names are shortened, full on hover).
    const float gutterW = std::clamp(ImGui::GetContentRegionAvail().x * 0.2f, 80 * s, 170 * s);
    const float fullW = ImGui::GetContentRegionAvail().x;
    const float lanesW = std::max(50.0f, fullW - gutterW);
    if (t.needsFit) {
        // An empty (new) dataset: the years around the playhead, where events will be added.
        const auto playhead = static_cast<DayNumber>(c.session.view.playheadDay);
        const DaySpan span = !c.data().events.empty() || !c.data().eras.empty()
                                 ? dataSpan(c.data())
                                 : DaySpan{playhead - 5 * 365, playhead + 365};
        t.view = timeline::fitSpan(span, lanesW, 20 * s);
        t.needsFit = false;
    } else {
        t.view = timeline::resize(t.view, lanesW);
    }

    handleKeys(c, t);
    if (c.session.view.playing) keepDayVisible(t, c.session.view.playheadDay, 0.15);
    drawHeader(c, t, fullW);

    // Geometry: axis, density strip, lanes (scrolling when they do not fit).
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float axisH = ImGui::GetFontSize() + 10 * s;
    float densityH = 16 * s;
    float eraRowH = t.eras.empty() && c.data().eras.empty() ? 0.0f : ImGui::GetFontSize() + 4 * s;
    t.layout.collapsedHeightPx = std::round(6 * s);
    const float availH = ImGui::GetContentRegionAvail().y;
    // Short of room for three lanes (a small screen at a large scale): the density
    // strip and the eras' label row give their height to the lanes (eras stay as bands).
    if (t.layout.laneCount() > 2 && availH - axisH - densityH - eraRowH - 2 * s < 4.4f * ImGui::GetFontSize() * 1.05f)
        densityH = 0, eraRowH = 0;
    const float lanesTop = origin.y + axisH + densityH + eraRowH + 2 * s;
    float lanesH = std::max(20.0f, availH - (lanesTop - origin.y) - 2);
    // Rows fit the height when they can (down to one line of text each); the rest scroll.
    {
        std::size_t expanded = 0;
        float collapsedH = 0;
        for (std::size_t row = 0; row < t.layout.laneCount(); ++row)
            t.layout.lane(row).collapsed ? collapsedH += t.layout.collapsedHeightPx : ++expanded;
        const float fit = expanded ? (lanesH - collapsedH) / static_cast<float>(expanded) : 0;
        t.layout.expandedHeightPx =
            std::round(std::clamp(fit, ImGui::GetFontSize() * 1.05f, ImGui::GetFontSize() * 1.3f));
    }
    // Still more lanes than fit: whole rows only, and a strip below them says how many
    // more there are (never drawn over a lane's name).
    float hintStripH = 0;
    if (t.layout.totalHeightPx() > lanesH && t.layout.expandedHeightPx > 0) {
        hintStripH = ImGui::GetFontSize() + 4 * s;
        const float rowH = t.layout.expandedHeightPx;
        lanesH = std::max(rowH, std::floor((lanesH - hintStripH) / rowH) * rowH);
    }
    const ImVec2 lanesP0(origin.x + gutterW, lanesTop);
    const float lanesBottom = lanesTop + lanesH;
    t.scrollY = std::clamp(t.scrollY, 0.0f, std::max(0.0f, t.layout.totalHeightPx() - lanesH));
    const float rowsTop = lanesTop - t.scrollY;  // screen y of row 0's top
    t.lanesOrigin = ImVec2(lanesP0.x, rowsTop);

    // Selection made elsewhere: scroll the timeline to it.
    if (c.session.view.revealSelected && c.session.view.selected < c.data().events.size()) {
        const DaySpan sp = c.data().events[c.session.view.selected].span();
        const double mid = static_cast<double>(sp.first + sp.last) * 0.5;
        if (mid < t.view.firstDay || mid > t.view.lastDay()) t.view.firstDay = mid - t.view.visibleDays() * 0.5;
    }

    dl->AddRectFilled(ImVec2(origin.x, origin.y), ImVec2(origin.x + fullW, lanesBottom + hintStripH), pal.timelineBg);
    // Lane backgrounds, alternating.
    dl->PushClipRect(ImVec2(origin.x, lanesTop), ImVec2(origin.x + fullW, lanesBottom), true);
    for (std::size_t row = 0; row < t.layout.laneCount(); ++row) {
        const float top = rowsTop + t.layout.rowTopPx(row);
        if (top > lanesBottom) break;
        dl->AddRectFilled(ImVec2(origin.x, top), ImVec2(origin.x + fullW, top + t.layout.rowHeightPx(row)),
                          row % 2 ? pal.laneBg : pal.laneBgAlt);
    }
    dl->PopClipRect();
    drawEras(c, t, dl, ImVec2(lanesP0.x, origin.y + axisH + densityH), lanesTop - 1, lanesBottom);
    drawAxis(c, t, dl, ImVec2(lanesP0.x, origin.y), axisH, lanesBottom);
    if (densityH > 0) drawDensity(c, t, dl, ImVec2(lanesP0.x, origin.y + axisH + 1), densityH);

    // The pre-pass for the visible rows, then drawing its records.
    timeline::PrepassOptions opt;
    opt.minVisSizePx = timeline::kMinVisSizePx * s;
    opt.maxClusterWidthPx = 60 * s;  // zoomed out, a busy lane shows counted blocks, not one bar
    opt.firstRow = std::max(0, t.layout.rowAtY(t.scrollY));
    opt.lastRow = t.layout.rowAtY(t.scrollY + lanesH - 1) < 0 ? static_cast<int>(t.layout.laneCount()) - 1
                                                              : t.layout.rowAtY(t.scrollY + lanesH - 1);
    timeline::runPrepass(t.index, t.layout, t.view, opt, t.frame);
    t.lanesVisible = std::max(0, opt.lastRow - opt.firstRow + 1);
    t.lanesBelow = std::max(0, static_cast<int>(t.layout.laneCount()) - 1 - opt.lastRow);
    dl->PushClipRect(ImVec2(lanesP0.x, lanesTop), ImVec2(lanesP0.x + lanesW, lanesBottom), true);
    for (std::size_t row = 0; row < t.frame.lanes.size(); ++row) {
        const timeline::LaneRecords& lane = t.frame.lanes[row];
        if (lane.skipped) continue;
        drawLaneRecords(c, lane, dl, lanesP0.x, rowsTop + t.layout.rowTopPx(row), t.layout.rowHeightPx(row),
                        lane.collapsed);
    }
    dl->PopClipRect();
    ImGui::PushClipRect(ImVec2(origin.x, lanesTop), ImVec2(origin.x + gutterW, lanesBottom), true);
    drawLaneGutter(c, t, ImVec2(origin.x, rowsTop), gutterW);
    ImGui::PopClipRect();
    // More lanes than fit: a scroll bar hint, and the wheel over the lane names scrolls.
    const float overflow = t.layout.totalHeightPx() - lanesH;
    if (overflow > 0) {
        const float barH = lanesH * lanesH / t.layout.totalHeightPx();
        const float barY = lanesTop + (lanesH - barH) * (t.scrollY / overflow);
        dl->AddRectFilled(ImVec2(origin.x + fullW - 5 * s, barY), ImVec2(origin.x + fullW - 1, barY + barH),
                          pal.textMuted & 0x90FFFFFF, 2);
        if (ImGui::IsMouseHoveringRect(ImVec2(origin.x, lanesTop), ImVec2(origin.x + gutterW, lanesBottom)) &&
            io.MouseWheel != 0)
            t.scrollY -= io.MouseWheel * t.layout.expandedHeightPx * 2;
        // Say what is below (or above) the fold, where the lane names are.
        const int below = static_cast<int>(t.layout.laneCount()) - 1 - opt.lastRow;
        const int above = opt.firstRow;
        if (below > 0 || above > 0) {
            char hint[64];
            std::snprintf(hint, sizeof hint, below > 0 ? "\u25BC %d more (scroll)" : "\u25B2 %d above",
                          below > 0 ? below : above);
            const ImVec2 ts = ImGui::CalcTextSize(hint);
            const ImVec2 at(origin.x + 4 * s, lanesBottom + 2 * s);
            dl->AddRectFilled(ImVec2(at.x - 2 * s, at.y - 1), ImVec2(at.x + ts.x + 4 * s, at.y + ts.y + 1),
                              withAlpha(pal.timelineBg, 0xE8), 3 * s);
            dl->AddText(at, pal.text, hint);
            ImGui::SetCursorScreenPos(at);
            if (ImGui::InvisibleButton("##more-lanes", ts))
                t.scrollY += below > 0 ? t.layout.expandedHeightPx * static_cast<float>(below) : -t.scrollY;
        }
    }

    // Interaction over the axis and the lanes.
    ImGui::SetCursorScreenPos(ImVec2(lanesP0.x, origin.y));
    ImGui::InvisibleButton("##timeline", ImVec2(lanesW, lanesBottom - origin.y), ImGuiButtonFlags_MouseButtonLeft);
    const bool hovered = ImGui::IsItemHovered();
    const float mouseX = io.MousePos.x - lanesP0.x;
    const double mouseDay = t.view.xToDay(mouseX);
    const bool overAxis = io.MousePos.y < lanesTop;
    timeline::TimelineHit hit;
    if (hovered && !overAxis && t.drag == TimelineState::Drag::None)
        hit = timeline::hitTest(t.frame, t.layout, mouseX, io.MousePos.y - rowsTop, 5 * s);
    if (hit) {
        c.session.view.hovered = hit.eventIndex;
        drawHoverTooltip(c, t, hit);
    }
    if (hovered && io.MouseWheel != 0) {
        if (io.KeyShift)
            t.scrollY -= io.MouseWheel * t.layout.expandedHeightPx * 2;
        else
            t.view = timeline::zoomAround(t.view, mouseX, std::pow(1.25, io.MouseWheel));
    }
    const bool editing = c.app.editing.on;
    if (editing && hovered && !overAxis && !hit && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        const int row = t.layout.rowAtY(io.MousePos.y - rowsTop);
        if (row >= 0) addEventOnLane(c, mouseDay, t.layout.lane(static_cast<std::size_t>(row)).category);
    }
    if (ImGui::IsItemActivated()) {
        if (overAxis)
            t.drag = TimelineState::Drag::Scrub;
        else if (editing && hit.kind == timeline::TimelineHit::Kind::Event && hit.eventIndex < c.data().events.size())
            t.drag = TimelineState::Drag::EditEvent, beginEventDrag(t.eventDrag, c.data().events[hit.eventIndex],
                                                                    hit.eventIndex, mouseDay, t.view.pxPerDay, 6 * s);
        else if (io.KeyShift)
            t.drag = TimelineState::Drag::Brush, t.brushStartDay = mouseDay;
        else
            t.drag = TimelineState::Drag::Pan;
    }
    if (ImGui::IsItemActive()) {
        switch (t.drag) {
            case TimelineState::Drag::Scrub:
                c.session.view.playheadDay = std::clamp(mouseDay, timeline::kEarliestDay, timeline::kLatestDay);
                c.session.view.window.reset();
                c.session.view.playing = false;
                break;
            case TimelineState::Drag::Pan:
                if (io.MouseDelta.x != 0) t.view = timeline::pan(t.view, io.MouseDelta.x);
                break;
            case TimelineState::Drag::Brush: {
                const double a = std::min(t.brushStartDay, mouseDay), b = std::max(t.brushStartDay, mouseDay);
                if (b - a >= 1)
                    c.session.view.window =
                        DaySpan{static_cast<DayNumber>(std::floor(a)), static_cast<DayNumber>(std::ceil(b))};
                break;
            }
            case TimelineState::Drag::EditEvent:
                if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 4.0f))
                    continueEventDrag(c, t.eventDrag, mouseDay, io.KeyShift);
                break;
            case TimelineState::Drag::None:
                break;
        }
    }
    if (ImGui::IsItemDeactivated()) {
        // A click (no drag) on an item selects it; on a cluster, zooms to it; on the axis, jumps.
        if (t.drag == TimelineState::Drag::EditEvent && !t.eventDrag.moved)
            selectAndShow(c.session, c.data(), t.eventDrag.event);  // a click, not a drag
        t.eventDrag.event = kNoIndex;
        if (io.MouseDragMaxDistanceSqr[0] < 16.0f && t.drag == TimelineState::Drag::Pan) {
            const timeline::TimelineHit clickHit =
                timeline::hitTest(t.frame, t.layout, mouseX, io.MousePos.y - rowsTop, 5 * s);
            if (clickHit.kind == timeline::TimelineHit::Kind::Cluster &&
                t.frame.lanes[static_cast<std::size_t>(clickHit.row)].clusters[clickHit.cluster].fromLeftEdge) {
                // Events that began before the view: zooming never splits them; go back to where they start.
                t.view = timeline::pan(t.view, t.view.widthPx * 0.5);
            } else if (clickHit.kind == timeline::TimelineHit::Kind::Cluster) {
                const timeline::Cluster& c =
                    t.frame.lanes[static_cast<std::size_t>(clickHit.row)].clusters[clickHit.cluster];
                const DaySpan sp{static_cast<DayNumber>(t.view.xToDay(c.x0Px)),
                                 static_cast<DayNumber>(t.view.xToDay(c.x1Px)) + 1};
                t.view = timeline::fitSpan(sp, lanesW, 60 * s);
            } else if (clickHit) {
                selectAndShow(c.session, c.data(), clickHit.eventIndex);
            } else {
                c.session.view.selected = kNoIndex;
            }
        }
        t.drag = TimelineState::Drag::None;
    }

    // The brushed window and the playhead on top.
    if (c.session.view.window) {
        const float a =
            lanesP0.x + static_cast<float>(t.view.dayToX(static_cast<double>(c.session.view.window->first)));
        const float b = lanesP0.x + static_cast<float>(t.view.dayToX(static_cast<double>(c.session.view.window->last)));
        dl->PushClipRect(ImVec2(lanesP0.x, origin.y), ImVec2(lanesP0.x + lanesW, lanesBottom), true);
        dl->AddRectFilled(ImVec2(a, origin.y), ImVec2(b, lanesBottom), (pal.selection & 0x00FFFFFF) | 0x22000000);
        dl->AddRect(ImVec2(a, origin.y), ImVec2(b, lanesBottom), pal.selection, 0, 0, 1.5f * s);
        dl->PopClipRect();
    } else {
        const float x = lanesP0.x + static_cast<float>(t.view.dayToX(c.session.view.playheadDay));
        if (x >= lanesP0.x - 1 && x <= lanesP0.x + lanesW + 1) {
            dl->AddLine(ImVec2(x, origin.y), ImVec2(x, lanesBottom), pal.playhead, 2.5f * s);
            const float hw = 7 * s;
            dl->AddTriangleFilled(ImVec2(x - hw, origin.y), ImVec2(x + hw, origin.y), ImVec2(x, origin.y + hw * 1.4f),
                                  pal.playhead);
        }
    }
    if (hovered && overAxis) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    // Where the selected event starts on its lane (UI tests drag it from there).
    if (editing && c.session.view.selected < c.data().events.size()) {
        const Event& e = c.data().events[c.session.view.selected];
        const int row = t.layout.rowOfCategory(e.category);
        if (row >= 0) {
            const float x = lanesP0.x + static_cast<float>(t.view.dayToX(static_cast<double>(e.span().first)));
            const float top = rowsTop + t.layout.rowTopPx(static_cast<std::size_t>(row));
            c.app.controls["timeline.selected"] = {x, top, x + 1,
                                                   top + t.layout.rowHeightPx(static_cast<std::size_t>(row))};
        }
    }
}

void TimelinePanel::layoutReport(TimelineLayoutReport& out) const {
    const TimelineState& t = *m_state;
    out.lanesX = t.lanesOrigin.x;
    out.lanesY = t.lanesOrigin.y;
    out.firstDay = t.view.firstDay;
    out.pxPerDay = t.view.pxPerDay;
    out.lanesVisible = t.lanesVisible;
    out.lanesBelow = t.lanesBelow;
    out.widthPx = t.view.widthPx;
    out.rowTops.clear();
    out.rowHeights.clear();
    out.rowCategories.clear();
    for (std::size_t r = 0; r < t.layout.laneCount(); ++r) {
        out.rowTops.push_back(t.layout.rowTopPx(r));
        out.rowHeights.push_back(t.layout.rowHeightPx(r));
        out.rowCategories.push_back(t.layout.lane(r).category);
    }
}

}  // namespace meridian::ui

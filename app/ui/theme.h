// Colours and sizes for the three themes, each colour named once. The
// projector theme is high contrast (dark text on white, thick lines) for
// washed-out classroom beamers.
#pragma once

#include <cstdint>

#include "core/dataset.h"
#include "ui/context.h"

namespace meridian::ui {

// Sets ImGui's style for a theme at a scale.
void applyTheme(Theme theme, float scale);

// Colours the map, the timeline, the badges and messages share (ImGui's packed ABGR, IM_COL32).
struct Palette {
    std::uint32_t text, textMuted;
    std::uint32_t panelBg;
    std::uint32_t mapOcean, mapLand, mapLandActive, mapBorder, mapGraticule;
    std::uint32_t timelineBg, laneBg, laneBgAlt, axis, playhead, eraBand, eraText;
    std::uint32_t selection, hover;
    std::uint32_t error, warning, notice;  // messages: a problem, a caution, something hidden
};
const Palette& palette(Theme theme);

// Confidence as a colour for badges and legends (Okabe-Ito based).
std::uint32_t confidenceColor(Confidence c);
// 0xRRGGBBAA -> ImGui's packed colour.
std::uint32_t imColor(std::uint32_t rgba, float alpha = 1.0f);
// A packed colour with another alpha (0..255).
std::uint32_t withAlpha(std::uint32_t packed, unsigned alpha);

}  // namespace meridian::ui

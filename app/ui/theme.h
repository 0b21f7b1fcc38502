// Colours and sizes for the three themes. The projector theme is high
// contrast (dark text on white, thick lines) for washed-out classroom beamers.
#pragma once

#include <cstdint>

#include "core/dataset.h"
#include "ui/app_context.h"

namespace meridian::ui {

void applyTheme(Theme theme, float scale);

// Colours the map, the timeline and the badges share (ImGui packed ABGR via IM_COL32).
struct Palette {
    std::uint32_t text, textMuted, panelBg, mapOcean, mapLand, mapLandActive, mapBorder, mapGraticule;
    std::uint32_t timelineBg, laneBg, laneBgAlt, axis, playhead, eraBand, eraText, selection, hover;
};
const Palette& palette(Theme theme);

// Confidence as a colour for badges and legends (Okabe-Ito based).
std::uint32_t confidenceColor(Confidence c);
// 0xRRGGBBAA -> ImGui's packed colour.
std::uint32_t imColor(std::uint32_t rgba, float alpha = 1.0f);

}  // namespace meridian::ui

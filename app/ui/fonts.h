// Fonts: a TTF found through fontconfig (DejaVu Sans or Noto Sans), with known
// Debian paths and ImGui's built-in font as fallbacks, rasterised at the UI
// scale so text stays sharp at 200%.
#pragma once

#include <imgui.h>

#include <string>

#include "ui/context.h"

namespace meridian::ui {

std::string findFontFile(const char* family, bool bold);
// The Unicode ranges Meridian's text needs (Latin, punctuation, arrows).
const ImWchar* glyphRanges();
// (Re)builds the current ImGui context's atlas at a scale; call before
// ImGui::NewFrame, then recreate the renderer's font texture.
void buildFonts(Fonts& fonts, float scale);

}  // namespace meridian::ui

// Fonts: a TTF found through fontconfig (DejaVu Sans or Noto Sans), with known
// Debian paths and ImGui's built-in font as fallbacks, rasterised at the UI
// scale so text stays sharp at 200%.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "ui/context.h"

namespace meridian::ui {

std::string findFontFile(const char* family, bool bold);
// The Unicode ranges Meridian's text needs (Latin, punctuation, arrows).
const ImWchar* glyphRanges();
// (Re)builds the current ImGui context's atlas at a scale; call before
// ImGui::NewFrame, then recreate the renderer's font texture. MERIDIAN_FONT
// names a TrueType/OpenType file to use instead of DejaVu Sans. A font file
// that is missing or damaged (io/font_file.h) is skipped for the next one
// (ImGui's built-in font last); the returned messages say which and why.
std::vector<std::string> buildFonts(Fonts& fonts, float scale);

}  // namespace meridian::ui

#include "ui/fonts.h"

#include <fontconfig/fontconfig.h>
#include <imgui.h>

#include <cmath>
#include <filesystem>

namespace meridian::ui {

std::string findFontFile(const char* family, bool bold) {
    std::string result;
    if (FcInit()) {
        FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(family));
        FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
        FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
        FcDefaultSubstitute(pattern);
        FcResult res = FcResultNoMatch;
        if (FcPattern* match = FcFontMatch(nullptr, pattern, &res)) {
            FcChar8* file = nullptr;
            if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch && file) {
                const std::string path = reinterpret_cast<const char*>(file);
                // Only TrueType/OpenType files that stb_truetype can read.
                if (path.ends_with(".ttf") || path.ends_with(".otf")) result = path;
            }
            FcPatternDestroy(match);
        }
        FcPatternDestroy(pattern);
    }
    if (!result.empty()) return result;
    for (const char* p : {bold ? "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
                               : "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                          bold ? "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"
                               : "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"})
        if (std::filesystem::exists(p)) return p;
    return {};
}

const ImWchar* glyphRanges() {
    // Latin, Latin-1, Latin Extended-A (Süddeutsche, Rühle), general punctuation
    // (dashes, curly quotes), arrows and a few maths symbols (≈ ⇄).
    static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x0180, 0x024F, 0x2000, 0x206F, 0x20AC,
                                      0x20AC, 0x2190, 0x21FF, 0x2200, 0x22FF, 0x25A0, 0x25FF, 0};
    return kRanges;
}

void buildFonts(Fonts& fonts, float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const float s = scale;
    const std::string regular = findFontFile("DejaVu Sans", false);
    const std::string bold = findFontFile("DejaVu Sans", true);
    // The big sizes need fewer glyphs: the playhead date is digits, month names
    // and a dash; titles and narration are text without arrows or symbols.
    // Horizontal oversampling helps small text only. (At 8K, the atlas of every
    // glyph at every size with oversampling was 4096 x 16384: 270 MB, twice.)
    static const ImWchar kTextRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x0180, 0x024F, 0x2000, 0x206F, 0};
    static const ImWchar kDateRanges[] = {0x0020, 0x007E, 0x00A0, 0x00FF, 0x2013, 0x2014, 0x2026, 0x2026, 0};
    auto add = [&](const std::string& file, float px, const ImWchar* ranges) -> ImFont* {
        ImFontConfig cfg;
        cfg.OversampleH = px <= 28.0f ? 2 : 1;
        cfg.OversampleV = 1;
        if (!file.empty())
            if (ImFont* f = io.Fonts->AddFontFromFileTTF(file.c_str(), px, &cfg, ranges)) return f;
        ImFontConfig fallback;
        fallback.SizePixels = px;
        return io.Fonts->AddFontDefault(&fallback);
    };
    const std::string& heavy = bold.empty() ? regular : bold;
    fonts.regular = add(regular, std::round(17.0f * s), glyphRanges());
    fonts.bold = add(heavy, std::round(17.0f * s), glyphRanges());
    fonts.title = add(heavy, std::round(24.0f * s), kTextRanges);
    fonts.large = add(heavy, std::round(40.0f * s), kDateRanges);
    fonts.narration = add(regular, std::round(25.0f * s), kTextRanges);
    io.FontDefault = fonts.regular;
    io.Fonts->Build();
}

}  // namespace meridian::ui

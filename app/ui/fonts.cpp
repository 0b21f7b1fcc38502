#include "ui/fonts.h"

#ifndef __EMSCRIPTEN__
#include <fontconfig/fontconfig.h>
#endif
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "io/font_file.h"

namespace meridian::ui {

#ifdef __EMSCRIPTEN__
// The browser build has no fontconfig: DejaVu Sans travels in the page's data
// bundle, cut to glyphRanges() (web/CMakeLists.txt).
std::string findFontFile(const char*, bool bold) {
    return bold ? "/assets/fonts/DejaVuSans-Bold.ttf" : "/assets/fonts/DejaVuSans.ttf";
}
#else
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
#endif

const ImWchar* glyphRanges() {
    // Latin, Latin-1, Latin Extended-A (Süddeutsche, Rühle), general punctuation
    // (dashes, curly quotes), arrows, a few maths symbols (≈ ⇄), geometric shapes
    // and the warning sign (⚠, the menu bar's messages).
    static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x0180, 0x024F, 0x2000, 0x206F, 0x20AC, 0x20AC,
                                      0x2190, 0x21FF, 0x2200, 0x22FF, 0x25A0, 0x25FF, 0x26A0, 0x26A0, 0};
    return kRanges;
}

namespace {

// The first usable file of: MERIDIAN_FONT (regular only), fontconfig's or the
// bundled choice, Debian's DejaVu path; "" for ImGui's built-in font. Files
// passed over are named in problems.
std::string usableFontFile(bool bold, std::vector<std::string>& problems) {
    std::vector<std::string> candidates;
    if (const char* own = std::getenv("MERIDIAN_FONT"); own && *own && !bold) candidates.push_back(own);
    candidates.push_back(findFontFile("DejaVu Sans", bold));
    candidates.push_back(bold ? "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
                              : "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    for (const std::string& file : candidates) {
        if (file.empty()) continue;
        std::string why = io::checkFontFile(file);
        if (why.empty()) return file;
        why += " (not used for the UI's text)";
        if (std::find(problems.begin(), problems.end(), why) == problems.end()) problems.push_back(why);
    }
    if (!bold)
        problems.push_back("No usable font file: the UI's text uses ImGui's built-in font (English letters only)");
    return {};
}

}  // namespace

std::vector<std::string> buildFonts(Fonts& fonts, float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const float s = scale;
    std::vector<std::string> problems;
    const std::string regular = usableFontFile(false, problems);
    const std::string bold = usableFontFile(true, problems);
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
    return problems;
}

}  // namespace meridian::ui

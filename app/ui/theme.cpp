#include "ui/theme.h"

#include <imgui.h>

namespace meridian::ui {

const char* themeId(Theme t) {
    switch (t) {
        case Theme::Dark:
            return "dark";
        case Theme::Light:
            return "light";
        case Theme::Projector:
            return "projector";
    }
    return "dark";
}

std::optional<Theme> parseTheme(std::string_view id) {
    for (Theme t : {Theme::Dark, Theme::Light, Theme::Projector})
        if (id == themeId(t)) return t;
    return std::nullopt;
}

void applyTheme(Theme theme, float scale) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    switch (theme) {
        case Theme::Dark:
            ImGui::StyleColorsDark(&style);
            break;
        case Theme::Light:
        case Theme::Projector:
            ImGui::StyleColorsLight(&style);
            break;
    }
    style.WindowRounding = 0;
    style.FrameRounding = 3;
    style.TabRounding = 3;
    style.ScrollbarRounding = 3;
    style.WindowBorderSize = 1;
    style.FramePadding = ImVec2(6, 4);
    style.ItemSpacing = ImVec2(8, 6);
    style.CellPadding = ImVec2(6, 3);
    ImVec4* c = style.Colors;
    if (theme == Theme::Dark) {
        c[ImGuiCol_WindowBg] = ImVec4(0.10f, 0.11f, 0.13f, 1.0f);
        c[ImGuiCol_ChildBg] = ImVec4(0.10f, 0.11f, 0.13f, 1.0f);
        c[ImGuiCol_MenuBarBg] = ImVec4(0.13f, 0.14f, 0.17f, 1.0f);
        c[ImGuiCol_Header] = ImVec4(0.22f, 0.36f, 0.55f, 0.8f);
        c[ImGuiCol_TableRowBgAlt] = ImVec4(1, 1, 1, 0.035f);
    } else if (theme == Theme::Light) {
        c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.96f, 1.0f);
        c[ImGuiCol_TableRowBgAlt] = ImVec4(0, 0, 0, 0.035f);
    } else {
        // Projector: pure white, black text, strong borders and selection.
        c[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 1);
        c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
        c[ImGuiCol_Text] = ImVec4(0, 0, 0, 1);
        c[ImGuiCol_TextDisabled] = ImVec4(0.25f, 0.25f, 0.25f, 1);
        c[ImGuiCol_Border] = ImVec4(0, 0, 0, 0.8f);
        c[ImGuiCol_Header] = ImVec4(0.0f, 0.45f, 0.70f, 0.45f);
        c[ImGuiCol_HeaderHovered] = ImVec4(0.0f, 0.45f, 0.70f, 0.30f);
        c[ImGuiCol_TableRowBgAlt] = ImVec4(0, 0, 0, 0.05f);
        style.WindowBorderSize = 2;
        style.FrameBorderSize = 1;
    }
    style.ScaleAllSizes(scale);
}

const Palette& palette(Theme theme) {
    static const Palette kDark{
        .text = IM_COL32(235, 235, 235, 255),
        .textMuted = IM_COL32(160, 165, 175, 255),
        .panelBg = IM_COL32(26, 28, 33, 255),
        .mapOcean = IM_COL32(24, 37, 54, 255),
        .mapLand = IM_COL32(62, 68, 76, 255),
        .mapLandActive = IM_COL32(96, 92, 70, 255),
        .mapBorder = IM_COL32(130, 138, 150, 255),
        .mapGraticule = IM_COL32(255, 255, 255, 22),
        .timelineBg = IM_COL32(22, 24, 28, 255),
        .laneBg = IM_COL32(32, 35, 41, 255),
        .laneBgAlt = IM_COL32(37, 40, 47, 255),
        .axis = IM_COL32(170, 175, 185, 255),
        .playhead = IM_COL32(255, 80, 60, 255),
        .eraBand = IM_COL32(255, 255, 255, 16),
        .eraText = IM_COL32(200, 200, 210, 200),
        .selection = IM_COL32(255, 255, 255, 255),
        .hover = IM_COL32(255, 220, 120, 255),
        .error = IM_COL32(240, 100, 80, 255),
        .warning = IM_COL32(230, 170, 40, 255),
        .notice = IM_COL32(230, 159, 0, 255),
    };
    static const Palette kLight{
        .text = IM_COL32(20, 20, 20, 255),
        .textMuted = IM_COL32(90, 90, 95, 255),
        .panelBg = IM_COL32(247, 247, 245, 255),
        .mapOcean = IM_COL32(214, 228, 240, 255),
        .mapLand = IM_COL32(238, 234, 224, 255),
        .mapLandActive = IM_COL32(250, 226, 170, 255),
        .mapBorder = IM_COL32(140, 140, 140, 255),
        .mapGraticule = IM_COL32(0, 0, 0, 20),
        .timelineBg = IM_COL32(250, 250, 248, 255),
        .laneBg = IM_COL32(240, 240, 237, 255),
        .laneBgAlt = IM_COL32(233, 233, 229, 255),
        .axis = IM_COL32(60, 60, 65, 255),
        .playhead = IM_COL32(213, 40, 30, 255),
        .eraBand = IM_COL32(0, 0, 0, 14),
        .eraText = IM_COL32(60, 60, 60, 220),
        .selection = IM_COL32(0, 0, 0, 255),
        .hover = IM_COL32(200, 120, 0, 255),
        .error = IM_COL32(190, 30, 20, 255),
        .warning = IM_COL32(150, 90, 0, 255),
        .notice = IM_COL32(160, 90, 0, 255),
    };
    static const Palette kProjector{
        .text = IM_COL32(0, 0, 0, 255),
        .textMuted = IM_COL32(40, 40, 40, 255),
        .panelBg = IM_COL32(255, 255, 255, 255),
        .mapOcean = IM_COL32(255, 255, 255, 255),
        .mapLand = IM_COL32(225, 225, 225, 255),
        .mapLandActive = IM_COL32(255, 215, 120, 255),
        .mapBorder = IM_COL32(0, 0, 0, 255),
        .mapGraticule = IM_COL32(0, 0, 0, 30),
        .timelineBg = IM_COL32(255, 255, 255, 255),
        .laneBg = IM_COL32(245, 245, 245, 255),
        .laneBgAlt = IM_COL32(232, 232, 232, 255),
        .axis = IM_COL32(0, 0, 0, 255),
        .playhead = IM_COL32(220, 0, 0, 255),
        .eraBand = IM_COL32(0, 0, 0, 22),
        .eraText = IM_COL32(0, 0, 0, 255),
        .selection = IM_COL32(0, 0, 0, 255),
        .hover = IM_COL32(220, 110, 0, 255),
        .error = IM_COL32(180, 0, 0, 255),
        .warning = IM_COL32(120, 60, 0, 255),
        .notice = IM_COL32(140, 60, 0, 255),
    };
    switch (theme) {
        case Theme::Dark:
            return kDark;
        case Theme::Light:
            return kLight;
        case Theme::Projector:
            return kProjector;
    }
    return kDark;
}

std::uint32_t imColor(std::uint32_t rgba, float alpha) {
    const unsigned r = (rgba >> 24) & 0xFF, g = (rgba >> 16) & 0xFF, b = (rgba >> 8) & 0xFF;
    const auto a = static_cast<unsigned>(static_cast<float>(rgba & 0xFF) * alpha + 0.5f);
    return IM_COL32(r, g, b, a);
}

std::uint32_t withAlpha(std::uint32_t packed, unsigned alpha) {
    return (packed & ~IM_COL32_A_MASK) | ((alpha & 0xFFu) << IM_COL32_A_SHIFT);
}

std::uint32_t confidenceColor(Confidence c) {
    switch (c) {
        case Confidence::Confirmed:
            return IM_COL32(0, 158, 115, 255);  // bluish green
        case Confidence::Reported:
            return IM_COL32(86, 180, 233, 255);  // sky blue
        case Confidence::Alleged:
            return IM_COL32(230, 159, 0, 255);  // orange
        case Confidence::Disputed:
            return IM_COL32(213, 94, 0, 255);  // vermillion
        case Confidence::Unrated:
            return IM_COL32(140, 140, 140, 255);  // neutral grey: no claim either way
    }
    return IM_COL32(150, 150, 150, 255);
}

}  // namespace meridian::ui

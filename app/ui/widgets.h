// Small widgets every panel shares: confidence glyphs and badges, category
// chips, the event tooltip, coloured messages, and scope guards that pair
// every ImGui Push with its Pop.
#pragma once

#include <imgui.h>

#include <utility>

#include "core/dataset.h"
#include "ui/context.h"

namespace meridian::ui {

// A shape as well as a colour, so the level reads without colour vision.
void drawConfidenceGlyph(ImDrawList* dl, ImVec2 centre, float radius, Confidence c, ImU32 color, float thickness);
void confidenceBadge(Confidence c);
void categoryChip(const Dataset& ds, Index category);
void categorySwatch(const Dataset& ds, Index category);
// The tooltip of an event wherever it is hovered (map, timeline, table).
void eventTooltip(const Context& c, Index event, const char* hint);
// A message in the theme's error / warning colour, wrapped.
void errorText(const Context& c, const char* text);
void warningText(const Context& c, const char* text);

// Runs a function when the scope ends (ImHex's ON_SCOPE_EXIT).
template <typename F>
class ScopeExit {
public:
    explicit ScopeExit(F f) : m_f(std::move(f)) {}
    ~ScopeExit() { m_f(); }
    ScopeExit(const ScopeExit&) = delete;
    ScopeExit& operator=(const ScopeExit&) = delete;

private:
    F m_f;
};

// Style pushes popped at the end of the scope.
class StyleVars {
public:
    StyleVars() = default;
    ~StyleVars() { ImGui::PopStyleVar(m_count); }
    StyleVars(const StyleVars&) = delete;
    StyleVars& operator=(const StyleVars&) = delete;
    StyleVars& push(ImGuiStyleVar var, float value) {
        ImGui::PushStyleVar(var, value);
        ++m_count;
        return *this;
    }
    StyleVars& push(ImGuiStyleVar var, ImVec2 value) {
        ImGui::PushStyleVar(var, value);
        ++m_count;
        return *this;
    }

private:
    int m_count = 0;
};

class StyleColors {
public:
    StyleColors() = default;
    ~StyleColors() { ImGui::PopStyleColor(m_count); }
    StyleColors(const StyleColors&) = delete;
    StyleColors& operator=(const StyleColors&) = delete;
    StyleColors& push(ImGuiCol col, ImU32 value) {
        ImGui::PushStyleColor(col, value);
        ++m_count;
        return *this;
    }

private:
    int m_count = 0;
};

class FontScope {
public:
    explicit FontScope(ImFont* font) { ImGui::PushFont(font); }
    ~FontScope() { ImGui::PopFont(); }
    FontScope(const FontScope&) = delete;
    FontScope& operator=(const FontScope&) = delete;
};

class IdScope {
public:
    explicit IdScope(int id) { ImGui::PushID(id); }
    explicit IdScope(const char* id) { ImGui::PushID(id); }
    ~IdScope() { ImGui::PopID(); }
    IdScope(const IdScope&) = delete;
    IdScope& operator=(const IdScope&) = delete;
};

}  // namespace meridian::ui

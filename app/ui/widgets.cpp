#include "ui/widgets.h"

#include <cmath>

#include "ui/theme.h"

namespace meridian::ui {

void drawConfidenceGlyph(ImDrawList* dl, ImVec2 centre, float r, Confidence c, ImU32 col, float thickness) {
    // filled (confirmed), half (reported), ring (alleged), crossed ring (disputed).
    switch (c) {
        case Confidence::Confirmed:
            dl->AddCircleFilled(centre, r, col);
            break;
        case Confidence::Reported:
            dl->AddCircle(centre, r, col, 0, thickness);
            dl->PathArcTo(centre, r, 1.5707963f, 4.712389f);
            dl->PathFillConvex(col);
            break;
        case Confidence::Alleged:
            dl->AddCircle(centre, r, col, 0, thickness);
            break;
        case Confidence::Disputed:
            dl->AddCircle(centre, r, col, 0, thickness);
            dl->AddLine(ImVec2(centre.x - r * 0.75f, centre.y + r * 0.75f),
                        ImVec2(centre.x + r * 0.75f, centre.y - r * 0.75f), col, thickness);
            break;
        case Confidence::Unrated:
            // A ring of dots: neither claimed nor denied, just not rated by the file.
            for (int k = 0; k < 8; ++k) {
                const float a = 6.2831853f * static_cast<float>(k) / 8.0f;
                dl->AddCircleFilled(ImVec2(centre.x + r * std::cos(a), centre.y + r * std::sin(a)), thickness * 0.6f,
                                    col);
            }
            break;
    }
}

void confidenceBadge(Confidence c) {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    drawConfidenceGlyph(ImGui::GetWindowDrawList(), ImVec2(p.x + h * 0.45f, p.y + h * 0.5f), h * 0.32f, c,
                        confidenceColor(c), 2.0f);
    ImGui::Dummy(ImVec2(h * 0.95f, h));
    ImGui::SameLine(0, 2);
    ImGui::TextUnformatted(confidenceLabel(c));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s: %s", confidenceLabel(c), confidenceExplanation(c));
}

void categorySwatch(const Dataset& ds, Index category) {
    if (category >= ds.categories.size()) return;
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x + h * 0.15f, p.y + h * 0.2f),
                                              ImVec2(p.x + h * 0.75f, p.y + h * 0.8f),
                                              imColor(ds.categoryColor(category)), 2.0f);
    ImGui::Dummy(ImVec2(h * 0.9f, h));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ds.categories[category].label.c_str());
}

void categoryChip(const Dataset& ds, Index category) {
    if (category >= ds.categories.size()) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(ImVec2(p.x, p.y + h * 0.2f), ImVec2(p.x + h * 0.6f, p.y + h * 0.8f),
                      imColor(ds.categoryColor(category)), 2.0f);
    ImGui::Dummy(ImVec2(h * 0.7f, h));
    ImGui::SameLine(0, 2);
    ImGui::TextUnformatted(ds.categories[category].label.c_str());
}

void eventTooltip(const Context& c, Index event, const char* hint) {
    const Dataset& ds = c.data();
    if (event >= ds.events.size()) return;
    const Event& e = ds.events[event];
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    {
        FontScope bold(c.fonts.bold);
        ImGui::TextUnformatted(e.title.c_str());
    }
    ImGui::TextUnformatted(describeWhen(e).c_str());
    confidenceBadge(e.confidence);
    if (ds.restsOnAdvocacy(e)) ImGui::TextDisabled("Rests partly on an interested party's claim");
    if (!e.answeredBy.empty())
        ImGui::TextDisabled("Answered by %zu %s", e.answeredBy.size(), e.answeredBy.size() == 1 ? "event" : "events");
    if (hint) ImGui::TextDisabled("%s", hint);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void Context::reportControl(const char* name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    app.controls[name] = {a.x, a.y, b.x, b.y};
}

void errorText(const Context& c, const char* text) {
    StyleColors col;
    col.push(ImGuiCol_Text, palette(c.look.theme).error);
    ImGui::TextWrapped("%s", text);
}

void warningText(const Context& c, const char* text) {
    StyleColors col;
    col.push(ImGuiCol_Text, palette(c.look.theme).warning);
    ImGui::TextWrapped("%s", text);
}

}  // namespace meridian::ui

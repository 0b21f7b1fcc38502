// The sortable event table: one row per event, linked to the selection.
#include <algorithm>
#include <vector>

#include "ui/panels.h"
#include "ui/theme.h"

namespace meridian::ui {

namespace {

enum Column { kColDate, kColTitle, kColCategory, kColConfidence, kColSources };

struct TableCache {
    const Dataset* dataset = nullptr;
    std::size_t eventCount = 0;
    std::uint64_t filterVersion = ~0ull;
    std::vector<Index> rows;
};

void sortRows(const AppContext& ctx, std::vector<Index>& rows, const ImGuiTableSortSpecs* specs) {
    const Dataset& ds = ctx.dataset;
    rows.clear();
    for (Index i : ds.eventsByStart)
        if (ctx.isShown(i)) rows.push_back(i);
    if (!specs || specs->SpecsCount == 0) return;
    const ImGuiTableColumnSortSpecs& s = specs->Specs[0];
    auto key = [&](Index a, Index b) -> int {
        const Event& ea = ds.events[a];
        const Event& eb = ds.events[b];
        switch (s.ColumnIndex) {
            case kColDate:
                return ea.span().first < eb.span().first ? -1 : ea.span().first > eb.span().first;
            case kColTitle:
                return ea.title.compare(eb.title);
            case kColCategory:
                return static_cast<int>(ea.category) - static_cast<int>(eb.category);
            case kColConfidence:
                return static_cast<int>(ea.confidence) - static_cast<int>(eb.confidence);
            case kColSources:
                return static_cast<int>(ea.sources.size()) - static_cast<int>(eb.sources.size());
        }
        return 0;
    };
    std::stable_sort(rows.begin(), rows.end(), [&](Index a, Index b) {
        const int k = key(a, b);
        return s.SortDirection == ImGuiSortDirection_Descending ? k > 0 : k < 0;
    });
}

}  // namespace

void drawEventTable(AppContext& ctx) {
    static TableCache cache;
    const Dataset& ds = ctx.dataset;
    if (!ctx.hasDataset) {
        ImGui::TextDisabled("No data loaded.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable | ImGuiTableFlags_Hideable |
                                  ImGuiTableFlags_SizingStretchProp;
    drawSearchField(ctx);
    // Narrow (a large UI scale): confidence as its glyph alone, the name on hover.
    const bool compact = ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 34;
    if (!ImGui::BeginTable("events", 5, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("c. 2006-07-05").x);
    ImGui::TableSetupColumn("Event", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("Cat.", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("Cat.").x + ImGui::GetFontSize() * 0.4f);
    ImGui::TableSetupColumn(
        compact ? "Conf." : "Confidence", ImGuiTableColumnFlags_WidthFixed,
        ImGui::CalcTextSize(compact ? "Conf." : "Confidence").x + ImGui::GetFontSize() * (compact ? 0.3f : 1.2f));
    ImGui::TableSetupColumn("Src", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("Src").x + ImGui::GetFontSize() * 0.6f);
    ImGui::TableHeadersRow();

    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (cache.dataset != &ds || cache.eventCount != ds.events.size() || cache.filterVersion != ctx.filterVersion ||
        (specs && specs->SpecsDirty)) {
        cache.dataset = &ds;
        cache.eventCount = ds.events.size();
        cache.filterVersion = ctx.filterVersion;
        sortRows(ctx, cache.rows, specs);
        if (specs) specs->SpecsDirty = false;
    }

    // Reveal the selection once when another view changed it.
    int revealRow = -1;
    if (ctx.view.revealSelected && ctx.view.selected != kNoIndex) {
        const auto it = std::find(cache.rows.begin(), cache.rows.end(), ctx.view.selected);
        if (it != cache.rows.end()) revealRow = static_cast<int>(it - cache.rows.begin());
    }

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(cache.rows.size()));
    if (revealRow >= 0) clipper.ForceDisplayRangeByIndices(revealRow, revealRow + 1);
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const Index i = cache.rows[static_cast<std::size_t>(row)];
            const Event& e = ds.events[i];
            ImGui::TableNextRow();
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableSetColumnIndex(kColDate);
            const bool selected = ctx.view.selected == i;
            std::string date = (e.approx ? "c. " : "") + e.date.iso();
            if (ImGui::Selectable(date.c_str(), selected || ctx.view.hovered == i,
                                  ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
                ctx.view.select(i), ctx.view.revealSelected = true;
            if (ImGui::IsItemHovered()) ctx.view.hovered = i;
            if (row == revealRow) ImGui::SetScrollHereY(0.35f);
            ImGui::TableSetColumnIndex(kColTitle);
            ImGui::TextUnformatted(e.title.c_str());
            ImGui::TableSetColumnIndex(kColCategory);
            categorySwatch(ds, e.category);
            ImGui::TableSetColumnIndex(kColConfidence);
            if (compact) {
                const float h = ImGui::GetTextLineHeight();
                const ImVec2 p = ImGui::GetCursorScreenPos();
                drawConfidenceGlyph(ImGui::GetWindowDrawList(), ImVec2(p.x + h * 0.5f, p.y + h * 0.5f), h * 0.32f,
                                    e.confidence, confidenceColor(e.confidence), 2.0f);
                ImGui::Dummy(ImVec2(h, h));
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("%s: %s", confidenceLabel(e.confidence), confidenceExplanation(e.confidence));
            } else {
                confidenceBadge(e.confidence);
            }
            ImGui::TableSetColumnIndex(kColSources);
            ImGui::Text("%zu%s", e.sources.size(), ds.restsOnAdvocacy(e) ? "*" : "");
            if (ds.restsOnAdvocacy(e) && ImGui::IsItemHovered())
                ImGui::SetTooltip("* rests at least partly on an interested party (advocacy source)");
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void drawConfidenceGlyph(ImDrawList* dl, ImVec2 centre, float r, Confidence c, ImU32 col, float thickness) {
    // A shape as well as a colour, so the level reads without colour vision:
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

// The category's colour alone (its name on hover), for narrow columns.
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

}  // namespace meridian::ui

// The sortable event table: one row per event, linked to the selection.
#include "ui/event_table.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "session/filtering.h"
#include "session/shown_events.h"
#include "ui/keys.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace meridian::ui {

namespace {

enum Column { kColDate, kColTitle, kColCategory, kColConfidence, kColSources };

}  // namespace

void EventTable::drawSearchField(Context& c) {
    Session& s = c.session;
    if (s.filter.text != m_searchText) m_searchText = s.filter.text;
    // Ctrl+F: the field takes the keyboard. The request is repeated until the
    // field is active (ImGui ignores it on a window's first frame, which is
    // where it lands when the keys came while the app was starting), and typed
    // text waits meanwhile (the platform's input queue holds it).
    if (c.requests.focusSearch) {
        c.requests.focusSearch = false;
        c.app.textFocusPendingFrames = 10;
    }
    if (c.app.textFocusPendingFrames > 0) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 9);
    // Ctrl+F selects what is there, so typing replaces it.
    if (ImGui::InputTextWithHint("##search", "Search titles, places, sources\u2026 (Ctrl+F)", &m_searchText,
                                 ImGuiInputTextFlags_AutoSelectAll)) {
        s.filter.text = m_searchText;
        refilter(s, c.data(), c.doc.revision());
    }
    c.reportControl("search");
    if (ImGui::IsItemActive()) c.app.textFocusPendingFrames = 0;
    // Enter: the first result (in the table's order) is selected and shown.
    if (ImGui::IsItemDeactivated() && keyPressed(Key::Enter, false) && !m_rows.empty()) {
        m_enterSelects = true;
    }
    if (ImGui::IsItemActive() && keyPressed(Key::Escape)) {
        m_searchText.clear();
        s.filter.text.clear();
        refilter(s, c.data(), c.doc.revision());
        ImGui::SetWindowFocus(nullptr);
    }
    ImGui::SameLine();
    const std::size_t total = c.data().events.size();
    if (s.filter.isActive()) {
        ImGui::TextColored(ImColor(palette(c.look.theme).notice), "%zu of %zu", s.filtered.shown, total);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Filtered: %s", s.filter.describe(c.data()).c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Reset")) {
            s.filter.clear();
            m_searchText.clear();
            refilter(s, c.data(), c.doc.revision());
        }
    } else {
        ImGui::TextDisabled("%zu events", total);
    }
}

void EventTable::sortRows(const Context& c, const ImGuiTableSortSpecs* specs) {
    const Dataset& ds = c.data();
    m_rows.clear();
    for (Index i : ds.eventsByStart)
        if (c.session.isShown(i)) m_rows.push_back(i);
    if (!specs || specs->SpecsCount == 0) return;
    const ImGuiTableColumnSortSpecs& sort = specs->Specs[0];
    // The narrow table's third column is the confidence.
    const int column = m_compact && sort.ColumnIndex == 2 ? static_cast<int>(kColConfidence) : sort.ColumnIndex;
    auto key = [&](Index a, Index b) -> int {
        const Event& ea = ds.events[a];
        const Event& eb = ds.events[b];
        switch (column) {
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
    std::stable_sort(m_rows.begin(), m_rows.end(), [&](Index a, Index b) {
        const int k = key(a, b);
        return sort.SortDirection == ImGuiSortDirection_Descending ? k > 0 : k < 0;
    });
}

void EventTable::draw(Context& c) {
    const Dataset& ds = c.data();
    Session& s = c.session;
    if (!c.doc.hasData()) {
        ImGui::TextDisabled("No data loaded.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable | ImGuiTableFlags_Hideable |
                                  ImGuiTableFlags_SizingStretchProp;
    drawSearchField(c);
    // Narrow (a narrow side panel, a large UI scale): three columns, the event's
    // category and confidence as a swatch and a glyph (names on hover), so the
    // title keeps its room.
    const bool compact = ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 34;
    m_compact = compact;
    if (!ImGui::BeginTable(compact ? "events-narrow" : "events", compact ? 3 : 5, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    // Fixed columns are as wide as their header and its sort arrow: never "C\u2026".
    const float arrow = ImGui::GetFontSize() * 1.1f + ImGui::GetStyle().CellPadding.x * 2;
    auto fixedWidth = [&](const char* header, float content) {
        return std::max(ImGui::CalcTextSize(header).x + arrow, content);
    };
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_WidthFixed,
                            fixedWidth("Date", ImGui::CalcTextSize("c. 2006-07-05").x));
    ImGui::TableSetupColumn("Event", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    if (compact) {
        ImGui::TableSetupColumn("Conf", ImGuiTableColumnFlags_WidthFixed,
                                fixedWidth("Conf", ImGui::GetFontSize() * 2.2f));
    } else {
        ImGui::TableSetupColumn("Cat", ImGuiTableColumnFlags_WidthFixed, fixedWidth("Cat", ImGui::GetFontSize()));
        ImGui::TableSetupColumn(
            "Confidence", ImGuiTableColumnFlags_WidthFixed,
            fixedWidth("Confidence", ImGui::CalcTextSize("Disputed").x + ImGui::GetFontSize() * 1.3f));
        ImGui::TableSetupColumn("Src", ImGuiTableColumnFlags_WidthFixed,
                                fixedWidth("Src", ImGui::CalcTextSize("10*").x));
    }
    ImGui::TableHeadersRow();

    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (m_rowsRevision != c.doc.revision() || m_rowsStamp != s.filterStamp || (specs && specs->SpecsDirty) ||
        m_rowsCompact != compact) {
        m_rowsCompact = compact;
        sortRows(c, specs);
        m_rowsRevision = c.doc.revision();
        m_rowsStamp = s.filterStamp;
        if (specs) specs->SpecsDirty = false;
    }

    if (m_enterSelects) {
        m_enterSelects = false;
        if (!m_rows.empty()) selectAndShow(s, ds, m_rows.front());
    }
    // Reveal the selection once when another view changed it.
    int revealRow = -1;
    if (s.view.revealSelected && s.view.selected != kNoIndex) {
        const auto it = std::find(m_rows.begin(), m_rows.end(), s.view.selected);
        if (it != m_rows.end()) revealRow = static_cast<int>(it - m_rows.begin());
    }

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_rows.size()));
    if (revealRow >= 0) clipper.ForceDisplayRangeByIndices(revealRow, revealRow + 1);
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const Index i = m_rows[static_cast<std::size_t>(row)];
            const Event& e = ds.events[i];
            ImGui::TableNextRow();
            IdScope id(static_cast<int>(i));
            ImGui::TableSetColumnIndex(kColDate);
            const bool selected = s.view.selected == i;
            const std::string date = (e.approx ? "c. " : "") + e.date.iso();
            if (ImGui::Selectable(date.c_str(), selected || s.view.hovered == i,
                                  ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
                selectAndShow(s, ds, i);
            if (ImGui::IsItemHovered()) s.view.hovered = i;
            if (row == revealRow) ImGui::SetScrollHereY(0.35f);
            ImGui::TableSetColumnIndex(kColTitle);
            ImGui::TextUnformatted(e.title.c_str());
            if (compact) {
                ImGui::TableSetColumnIndex(2);
                categorySwatch(ds, e.category);
                ImGui::SameLine(0, 2);
                const float h = ImGui::GetTextLineHeight();
                const ImVec2 p = ImGui::GetCursorScreenPos();
                drawConfidenceGlyph(ImGui::GetWindowDrawList(), ImVec2(p.x + h * 0.5f, p.y + h * 0.5f), h * 0.32f,
                                    e.confidence, confidenceColor(e.confidence), 2.0f);
                ImGui::Dummy(ImVec2(h, h));
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("%s: %s", confidenceLabel(e.confidence), confidenceExplanation(e.confidence));
                continue;
            }
            ImGui::TableSetColumnIndex(kColCategory);
            categorySwatch(ds, e.category);
            ImGui::TableSetColumnIndex(kColConfidence);
            confidenceBadge(e.confidence);
            ImGui::TableSetColumnIndex(kColSources);
            const bool advocacy = ds.restsOnAdvocacy(e);
            ImGui::Text("%zu%s", e.sources.size(), advocacy ? "*" : "");
            if (advocacy && ImGui::IsItemHovered())
                ImGui::SetTooltip("* rests at least partly on an interested party (advocacy source)");
        }
    }
    ImGui::EndTable();
}

}  // namespace meridian::ui

// Filters and search: narrow the history down by category, confidence,
// source kind, actor, country, tag, dates and text. Every change applies to
// the table, the timeline and the map at once.
#include <algorithm>
#include <set>

#include "ui/keys.h"
#include "ui/panels.h"
#include "ui/theme.h"

namespace meridian::ui {

namespace {

bool toggleIndex(std::vector<Index>& set, Index i, bool on) {
    const auto it = std::find(set.begin(), set.end(), i);
    if (on && it == set.end())
        set.push_back(i);
    else if (!on && it != set.end())
        set.erase(it);
    else
        return false;
    return true;
}

bool dateField(const char* label, std::optional<Date>& value, char* buffer, std::size_t size) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    if (!ImGui::InputTextWithHint(label, "YYYY[-MM[-DD]]", buffer, size)) return false;
    if (buffer[0] == 0) {
        value.reset();
        return true;
    }
    const DateParseResult r = parseIsoDate(buffer);
    if (!r.date) return false;  // keep the old value until the text is a date
    value = r.date;
    return true;
}

}  // namespace

// The search field: always visible above the event table.
void drawSearchField(AppContext& ctx) {
    static char text[256] = "";
    if (ctx.filter.text != text) {
        std::snprintf(text, sizeof text, "%s", ctx.filter.text.c_str());
    }
    if (ctx.focusSearch) {
        ImGui::SetKeyboardFocusHere();
        ctx.focusSearch = false;
    }
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 9);
    if (ImGui::InputTextWithHint("##search", "Search titles, places, sources\u2026 (Ctrl+F)", text, sizeof text)) {
        ctx.filter.text = text;
        ctx.refilter();
    }
    if (ImGui::IsItemActive() && keyPressed(Key::Escape)) {
        text[0] = 0;
        ctx.filter.text.clear();
        ctx.refilter();
        ImGui::SetWindowFocus(nullptr);
    }
    ImGui::SameLine();
    const std::size_t total = ctx.dataset.events.size();
    if (ctx.filter.isActive()) {
        ImGui::TextColored(ImColor(confidenceColor(Confidence::Alleged)), "%zu of %zu", ctx.filtered.shown, total);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Filtered: %s", ctx.filter.describe(ctx.dataset).c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Reset")) {
            ctx.filter.clear();
            text[0] = 0;
            ctx.refilter();
        }
    } else {
        ImGui::TextDisabled("%zu events", total);
    }
}

void drawFilterPanel(AppContext& ctx) {
    const Dataset& ds = ctx.dataset;
    if (!ctx.hasDataset) return;
    bool changed = false;
    const bool active = ctx.filter.isActive();
    ImGui::Text("%zu of %zu events shown", ctx.filtered.shown, ds.events.size());
    ImGui::SameLine();
    ImGui::BeginDisabled(!active);
    if (ImGui::Button("Reset all filters")) ctx.filter.clear(), changed = true;
    ImGui::EndDisabled();

    // Confidence first: how much of the story rests on allegations?
    const std::uint8_t confirmedOnly = 1u << static_cast<int>(Confidence::Confirmed);
    bool onlyConfirmed = ctx.filter.confidenceMask == confirmedOnly;
    if (ImGui::Checkbox("Confirmed only", &onlyConfirmed)) {
        ctx.filter.confidenceMask = onlyConfirmed ? confirmedOnly : 0x0F;
        changed = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Shows how much of the story rests on reports and allegations");
    if (ImGui::CollapsingHeader("Confidence", ImGuiTreeNodeFlags_DefaultOpen)) {
        for (int c = 0; c < kConfidenceCount; ++c) {
            bool on = ctx.filter.confidenceMask & (1u << c);
            ImGui::PushID(c);
            if (ImGui::Checkbox("##conf", &on)) {
                ctx.filter.confidenceMask = static_cast<std::uint8_t>(on ? ctx.filter.confidenceMask | (1u << c)
                                                                         : ctx.filter.confidenceMask & ~(1u << c));
                changed = true;
            }
            ImGui::SameLine();
            confidenceBadge(static_cast<Confidence>(c));
            ImGui::SameLine();
            ImGui::TextDisabled("(%zu)", static_cast<std::size_t>(std::count_if(
                                             ds.events.begin(), ds.events.end(),
                                             [c](const Event& e) { return static_cast<int>(e.confidence) == c; })));
            ImGui::PopID();
        }
    }
    if (ImGui::CollapsingHeader("Categories", ImGuiTreeNodeFlags_DefaultOpen)) {
        for (Index c = 0; c < ds.categories.size(); ++c) {
            bool on =
                ctx.filter.categories.empty() ||
                std::find(ctx.filter.categories.begin(), ctx.filter.categories.end(), c) != ctx.filter.categories.end();
            ImGui::PushID(static_cast<int>(c));
            if (ImGui::Checkbox("##cat", &on)) {
                if (ctx.filter.categories.empty() && !on) {
                    // From "all": keep every category but this one.
                    for (Index k = 0; k < ds.categories.size(); ++k)
                        if (k != c) ctx.filter.categories.push_back(k);
                } else {
                    toggleIndex(ctx.filter.categories, c, on);
                    if (ctx.filter.categories.size() == ds.categories.size()) ctx.filter.categories.clear();
                }
                changed = true;
            }
            ImGui::SameLine();
            categoryChip(ds, c);
            ImGui::SameLine();
            if (ImGui::SmallButton("only")) ctx.filter.categories = {c}, changed = true;
            ImGui::PopID();
        }
    }
    if (ImGui::CollapsingHeader("Source kinds")) {
        for (int k = 0; k < kSourceKindCount; ++k) {
            bool on = ctx.filter.sourceKindMask & (1u << k);
            if (ImGui::Checkbox(sourceKindLabel(static_cast<SourceKind>(k)), &on)) {
                ctx.filter.sourceKindMask = static_cast<std::uint8_t>(on ? ctx.filter.sourceKindMask | (1u << k)
                                                                         : ctx.filter.sourceKindMask & ~(1u << k));
                changed = true;
            }
        }
        ImGui::TextDisabled("An event stays if any of its sources is of a ticked kind.");
    }
    if (ImGui::CollapsingHeader("Actors")) {
        for (Index a = 0; a < ds.actors.size(); ++a) {
            bool on = std::find(ctx.filter.actors.begin(), ctx.filter.actors.end(), a) != ctx.filter.actors.end();
            ImGui::PushID(static_cast<int>(a));
            if (ImGui::Checkbox(ds.actors[a].name.c_str(), &on)) changed |= toggleIndex(ctx.filter.actors, a, on);
            ImGui::PopID();
        }
        ImGui::TextDisabled("None ticked: all actors.");
    }
    if (ImGui::CollapsingHeader("Countries")) {
        std::set<std::string> countries;
        for (const Place& p : ds.places)
            if (!p.country.empty()) countries.insert(p.country);
        for (const Actor& a : ds.actors)
            if (!a.country.empty()) countries.insert(a.country);
        for (const std::string& c : countries) {
            auto& list = ctx.filter.countries;
            bool on = std::find(list.begin(), list.end(), c) != list.end();
            if (ImGui::Checkbox(c.c_str(), &on)) {
                if (on)
                    list.push_back(c);
                else
                    list.erase(std::remove(list.begin(), list.end(), c), list.end());
                changed = true;
            }
        }
    }
    if (ImGui::CollapsingHeader("Tags")) {
        std::set<std::string> tags;
        for (const Event& e : ds.events) tags.insert(e.tags.begin(), e.tags.end());
        for (const std::string& t : tags) {
            auto& list = ctx.filter.tags;
            bool on = std::find(list.begin(), list.end(), t) != list.end();
            if (ImGui::Checkbox(("#" + t).c_str(), &on)) {
                if (on)
                    list.push_back(t);
                else
                    list.erase(std::remove(list.begin(), list.end(), t), list.end());
                changed = true;
            }
        }
    }
    if (ImGui::CollapsingHeader("Dates", ImGuiTreeNodeFlags_DefaultOpen)) {
        static char from[16] = "", to[16] = "";
        if (!ctx.filter.from) from[0] = 0;
        if (!ctx.filter.to) to[0] = 0;
        changed |= dateField("from", ctx.filter.from, from, sizeof from);
        ImGui::SameLine();
        changed |= dateField("to", ctx.filter.to, to, sizeof to);
    }
    if (changed) ctx.refilter();
}

}  // namespace meridian::ui

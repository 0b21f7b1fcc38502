// Filters and search: narrow the history down by category, confidence,
// source kind, actor, country, tag, dates and text. Every change applies to
// the table, the timeline and the map at once.
#include "ui/filter_panel.h"

#include <imgui.h>

#include <algorithm>
#include <set>

#include "session/filtering.h"
#include "ui/keys.h"
#include "ui/theme.h"
#include "ui/widgets.h"

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

void FilterPanel::draw(Context& c) {
    const Dataset& ds = c.data();
    if (!c.doc.hasData()) return;
    bool changed = false;
    const bool active = c.session.filter.isActive();
    ImGui::Text("%zu of %zu events shown", c.session.filtered.shown, ds.events.size());
    ImGui::SameLine();
    ImGui::BeginDisabled(!active);
    if (ImGui::Button("Reset all filters")) c.session.filter.clear(), changed = true;
    ImGui::EndDisabled();

    // Confidence first: how much of the story rests on allegations?
    const std::uint8_t confirmedOnly = 1u << static_cast<int>(Confidence::Confirmed);
    bool onlyConfirmed = c.session.filter.confidenceMask == confirmedOnly;
    if (ImGui::Checkbox("Confirmed only", &onlyConfirmed)) {
        c.session.filter.confidenceMask = onlyConfirmed ? confirmedOnly : kAllConfidenceMask;
        changed = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Shows how much of the story rests on reports and allegations");
    if (ImGui::CollapsingHeader("Confidence", ImGuiTreeNodeFlags_DefaultOpen)) {
        for (int level = 0; level < kConfidenceCount; ++level) {
            EventFilter& f = c.session.filter;
            bool on = f.confidenceMask & (1u << level);
            IdScope id(level);
            if (ImGui::Checkbox("##conf", &on)) {
                f.confidenceMask = static_cast<std::uint8_t>(on ? f.confidenceMask | (1u << level)
                                                                : f.confidenceMask & ~(1u << level));
                changed = true;
            }
            ImGui::SameLine();
            confidenceBadge(static_cast<Confidence>(level));
            ImGui::SameLine();
            ImGui::TextDisabled("(%zu)", static_cast<std::size_t>(
                                             std::count_if(ds.events.begin(), ds.events.end(), [level](const Event& e) {
                                                 return static_cast<int>(e.confidence) == level;
                                             })));
        }
    }
    if (ImGui::CollapsingHeader("Categories", ImGuiTreeNodeFlags_DefaultOpen)) {
        for (Index cat = 0; cat < ds.categories.size(); ++cat) {
            bool on = c.session.filter.categories.empty() ||
                      std::find(c.session.filter.categories.begin(), c.session.filter.categories.end(), cat) !=
                          c.session.filter.categories.end();
            ImGui::PushID(static_cast<int>(cat));
            if (ImGui::Checkbox("##cat", &on)) {
                if (c.session.filter.categories.empty() && !on) {
                    // From "all": keep every category but this one.
                    for (Index k = 0; k < ds.categories.size(); ++k)
                        if (k != cat) c.session.filter.categories.push_back(k);
                } else {
                    toggleIndex(c.session.filter.categories, cat, on);
                    if (c.session.filter.categories.size() == ds.categories.size()) c.session.filter.categories.clear();
                }
                changed = true;
            }
            ImGui::SameLine();
            categoryChip(ds, cat);
            ImGui::SameLine();
            if (ImGui::SmallButton("only")) c.session.filter.categories = {cat}, changed = true;
            ImGui::PopID();
        }
    }
    if (ImGui::CollapsingHeader("Source kinds")) {
        for (int k = 0; k < kSourceKindCount; ++k) {
            bool on = c.session.filter.sourceKindMask & (1u << k);
            if (ImGui::Checkbox(sourceKindLabel(static_cast<SourceKind>(k)), &on)) {
                c.session.filter.sourceKindMask = static_cast<std::uint8_t>(
                    on ? c.session.filter.sourceKindMask | (1u << k) : c.session.filter.sourceKindMask & ~(1u << k));
                changed = true;
            }
        }
        ImGui::TextDisabled("An event stays if any of its sources is of a ticked kind.");
    }
    if (ImGui::CollapsingHeader("Actors")) {
        for (Index a = 0; a < ds.actors.size(); ++a) {
            bool on = std::find(c.session.filter.actors.begin(), c.session.filter.actors.end(), a) !=
                      c.session.filter.actors.end();
            ImGui::PushID(static_cast<int>(a));
            if (ImGui::Checkbox(ds.actors[a].name.c_str(), &on)) changed |= toggleIndex(c.session.filter.actors, a, on);
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
        for (const std::string& country : countries) {
            auto& list = c.session.filter.countries;
            bool on = std::find(list.begin(), list.end(), country) != list.end();
            if (ImGui::Checkbox(country.c_str(), &on)) {
                if (on)
                    list.push_back(country);
                else
                    list.erase(std::remove(list.begin(), list.end(), country), list.end());
                changed = true;
            }
        }
    }
    if (ImGui::CollapsingHeader("Tags")) {
        std::set<std::string> tags;
        for (const Event& e : ds.events) tags.insert(e.tags.begin(), e.tags.end());
        for (const std::string& t : tags) {
            auto& list = c.session.filter.tags;
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
        if (!c.session.filter.from) m_from[0] = 0;
        if (!c.session.filter.to) m_to[0] = 0;
        changed |= dateField("from", c.session.filter.from, m_from, sizeof m_from);
        ImGui::SameLine();
        changed |= dateField("to", c.session.filter.to, m_to, sizeof m_to);
    }
    if (changed) refilter(c.session, c.data(), c.doc.revision());
}

}  // namespace meridian::ui

// The selected event: what, when, where, who, and who says so.
#include "ui/details_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/references.h"
#include "io/web_link.h"
#include "session/shown_events.h"
#include "ui/keys.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace meridian::ui {

namespace {

void sectionLabel(const Context& c, const char* label) {
    ImGui::Spacing();
    FontScope bold(c.fonts.bold);
    ImGui::TextDisabled("%s", label);
}

std::string placeName(const Dataset& ds, Index p) {
    if (p >= ds.places.size()) return "?";
    const Place& pl = ds.places[p];
    return pl.name + (pl.approx ? " (approximate location)" : "");
}

}  // namespace

void DetailsPanel::drawSources(Context& c, const Event& e) {
    const Dataset& ds = c.data();
    sectionLabel(c, e.sources.size() == 1 ? "SOURCE" : "SOURCES");
    for (std::size_t k = 0; k < e.sources.size(); ++k) {
        const SourceRef& ref = e.sources[k];
        if (ref.source >= ds.sources.size()) continue;
        const Source& s = ds.sources[ref.source];
        IdScope id(static_cast<int>(k));
        ImGui::Bullet();
        ImGui::TextWrapped("%s", s.citation().c_str());
        ImGui::Indent();
        if (s.kind == SourceKind::Advocacy)
            ImGui::TextColored(ImColor(palette(c.look.theme).notice),
                               "Interested party (advocacy): its claims are its own");
        else
            ImGui::TextDisabled("%s%s%s", sourceKindLabel(s.kind), s.via.empty() ? "" : ", citing ", s.via.c_str());
        if (!ref.note.empty()) ImGui::TextWrapped("\u201C%s\u201D", ref.note.c_str());
        if (!s.note.empty()) {
            StyleColors col;
            col.push(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", s.note.c_str());
        }
        if (ImGui::SmallButton("Copy citation")) ImGui::SetClipboardText(s.citation().c_str());
        if (io::isOpenableWebUrl(s.url)) {
            ImGui::SameLine();
            if (ImGui::SmallButton("Open in browser\u2026")) {
                m_pendingUrl = s.url;
                m_openError.clear();
                ImGui::OpenPopup("Open web page?");
            }
        }
        if (ImGui::BeginPopupModal("Open web page?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
            ImGui::TextUnformatted("Meridian will ask your browser to open:");
            {
                FontScope bold(c.fonts.bold);
                ImGui::TextUnformatted(m_pendingUrl.c_str());
            }
            ImGui::TextDisabled("This needs a network connection.");
            if (!m_openError.empty()) errorText(c, m_openError.c_str());
            if (ImGui::Button("Open")) {
                if (io::openInBrowser(m_pendingUrl, &m_openError)) ImGui::CloseCurrentPopup();
            }
            ImGui::SameLine();
            if (ImGui::Button("Cancel") || keyPressed(Key::Escape)) ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
        ImGui::Unindent();
    }
}

// A claim and its answers: "Answered by: Iran's reply to the UN panel, 21 Dec 2020".
void DetailsPanel::drawLinks(Context& c, const Event& e) {
    const Dataset& ds = c.data();
    auto list = [&](const char* label, const CompactList<Index>& events, int idBase) {
        if (events.empty()) return;
        sectionLabel(c, label);
        for (std::size_t k = 0; k < events.size(); ++k) {
            const Index other = events[k];
            if (other >= ds.events.size()) continue;
            const Event& o = ds.events[other];
            IdScope id(idBase + static_cast<int>(k));
            const std::string text = o.title + ", " + o.date.display();
            ImGui::Bullet();
            if (ImGui::Selectable(text.c_str(), false, ImGuiSelectableFlags_DontClosePopups))
                c.session.view.select(other);
            if (ImGui::IsItemHovered()) {
                c.session.view.hovered = other;
                ImGui::SetTooltip("%s (%s). Click to go to it.", confidenceLabel(o.confidence),
                                  confidenceExplanation(o.confidence));
            }
        }
    };
    list("ANSWERED BY", e.answeredBy, 10000);
    list("ANSWERS", e.answers, 20000);
}

// Editing mode: the selected event as a form (ui/event_editor).
void DetailsPanel::drawEditing(Context& c) {
    const Index selected = c.session.view.selected;
    if (selected < c.data().events.size()) {
        m_editor.draw(c, selected);
        return;
    }
    if (ImGui::Button("Done editing")) c.app.editing.on = false;
    c.reportControl("edit.done");
    ImGui::TextWrapped(
        "Select an event to edit it, or add one: at the playhead, or by double-clicking an empty spot of a "
        "timeline lane. Click on the map to add a place.");
    if (ImGui::Button("Add an event at the playhead")) {
        const auto day = static_cast<DayNumber>(std::floor(c.session.view.playheadDay));
        if (c.doc.apply(addEventEdit(c.doc, day, kNoIndex)))
            c.session.view.select(static_cast<Index>(c.data().events.size() - 1));
    }
    c.reportControl("edit.addEvent");
}

void DetailsPanel::draw(Context& c) {
    const Dataset& ds = c.data();
    const Index selected = c.session.view.selected;
    if (c.doc.hasData() && c.app.editing.on) {
        drawEditing(c);
        return;
    }
    if (!c.doc.hasData() || selected >= ds.events.size()) {
        ImGui::TextDisabled("Select an event in the table, on the map or on the timeline.");
        return;
    }
    const Event& e = ds.events[selected];
    // Into editing mode, at the top right.
    {
        const float w = ImGui::CalcTextSize("Edit").x + ImGui::GetStyle().FramePadding.x * 2;
        const float x = ImGui::GetCursorPosX();
        ImGui::SetCursorPosX(x + std::max(0.0f, ImGui::GetContentRegionAvail().x - w));
        if (ImGui::SmallButton("Edit")) c.app.editing.on = true;
        c.reportControl("details.edit");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Edit this event (Edit > Edit the data)");
        ImGui::SetCursorPosX(x);
    }
    {
        FontScope title(c.fonts.title);
        ImGui::TextWrapped("%s", e.title.c_str());
    }
    ImGui::TextUnformatted(describeWhen(e).c_str());
    if (e.date.precision() != DatePrecision::Day && !e.earliest && !e.latest) {
        ImGui::SameLine();
        ImGui::TextDisabled(e.date.precision() == DatePrecision::Year ? "(year only)" : "(month only)");
    }
    if (e.claimed) ImGui::TextDisabled("Claimed %s", e.claimed->display().c_str());
    categoryChip(ds, e.category);
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    confidenceBadge(e.confidence);
    if (ds.allSourcesAdvocacy(e))
        ImGui::TextColored(ImColor(palette(c.look.theme).notice), "Claimed only by an interested party.");

    if (e.isConnection()) {
        std::string route;
        forEachPlaceOf(e, [&](Index p) { route += (route.empty() ? "" : " \u2192 ") + placeName(ds, p); });
        sectionLabel(c, "ROUTE");
        ImGui::TextWrapped("%s", route.c_str());
    } else if (e.place != kNoIndex) {
        sectionLabel(c, "PLACE");
        ImGui::TextWrapped("%s", placeName(ds, e.place).c_str());
    }
    if (!e.actors.empty()) {
        std::string actors;
        for (Index a : e.actors) actors += (actors.empty() ? "" : ", ") + ds.actors[a].name;
        sectionLabel(c, "ACTORS");
        ImGui::TextWrapped("%s", actors.c_str());
    }
    if (!e.summary.empty()) {
        sectionLabel(c, "WHAT HAPPENED");
        ImGui::TextWrapped("%s", e.summary.c_str());
    }
    if (!e.media.empty()) {
        sectionLabel(c, "MEDIA");
        m_media.draw(c, e);
    }
    if (!e.note.empty()) {
        sectionLabel(c, "ABOUT THE EVIDENCE");
        ImGui::TextWrapped("%s", e.note.c_str());
    }
    drawLinks(c, e);
    drawSources(c, e);
    if (!e.tags.empty()) {
        std::string tags;
        for (const std::string& t : e.tags) tags += (tags.empty() ? "#" : "  #") + t;
        ImGui::Spacing();
        ImGui::TextDisabled("%s", tags.c_str());
    }
}

void DiagnosticsWindow::draw(Context& c, const std::string& file, const std::vector<Diagnostic>& diagnostics,
                             bool loaded) {
    if (!m_visible || diagnostics.empty()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.4f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x * 0.7f, vp->WorkSize.y * 0.5f), ImGuiCond_Appearing);
    const std::size_t errors = countErrors(diagnostics);
    std::string title = errors ? std::to_string(errors) + (errors == 1 ? " problem" : " problems") + " in the data file"
                               : std::to_string(diagnostics.size()) + " warnings in the data file";
    title += "###diagnostics";
    // In front of the other windows when it appears: the problems must be seen.
    if (m_focus) ImGui::SetNextWindowFocus(), m_focus = false;
    if (ImGui::Begin(title.c_str(), &m_visible, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::TextWrapped("%s", file.c_str());
        if (errors && !loaded)
            ImGui::TextWrapped("The file could not be loaded. %s", c.doc.hasData()
                                                                       ? "Meridian keeps showing the data it had."
                                                                       : "Fix these problems and open it again.");
        ImGui::Separator();
        ImGui::BeginChild("list");
        // A hostile file can have a problem per line: list the first 500 (all are on stderr).
        constexpr std::size_t kShown = 500;
        const Palette& pal = palette(c.look.theme);
        for (std::size_t i = 0; i < diagnostics.size() && i < kShown; ++i) {
            const Diagnostic& d = diagnostics[i];
            StyleColors col;
            col.push(ImGuiCol_Text, d.severity == Severity::Error ? pal.error : pal.warning);
            // One text item must stay under ImGui's 64k vertices (16k glyphs).
            std::string text = d.format();
            if (text.size() > 2000) text = text.substr(0, 2000) + "\u2026";
            ImGui::TextWrapped("%s", text.c_str());
        }
        if (diagnostics.size() > kShown)
            ImGui::TextDisabled("\u2026 and %zu more (meridian --validate FILE lists them all).",
                                diagnostics.size() - kShown);
        ImGui::EndChild();
    }
    ImGui::End();
}

}  // namespace meridian::ui

// The selected event: what, when, where, who, and who says so.
#include <string>

#include "io/web_link.h"
#include "ui/keys.h"
#include "ui/panels.h"
#include "ui/theme.h"

namespace meridian::ui {

namespace {

void sectionLabel(AppContext& ctx, const char* label) {
    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextDisabled("%s", label);
    ImGui::PopFont();
}

std::string placeName(const Dataset& ds, Index p) {
    if (p >= ds.places.size()) return "?";
    const Place& pl = ds.places[p];
    return pl.name + (pl.approx ? " (approximate location)" : "");
}

void drawSources(AppContext& ctx, const Event& e) {
    static std::string pendingUrl;
    static std::string openError;
    const Dataset& ds = ctx.dataset;
    sectionLabel(ctx, e.sources.size() == 1 ? "SOURCE" : "SOURCES");
    for (std::size_t k = 0; k < e.sources.size(); ++k) {
        const SourceRef& ref = e.sources[k];
        if (ref.source >= ds.sources.size()) continue;
        const Source& s = ds.sources[ref.source];
        ImGui::PushID(static_cast<int>(k));
        ImGui::Bullet();
        ImGui::TextWrapped("%s", s.citation().c_str());
        ImGui::Indent();
        const bool advocacy = s.kind == SourceKind::Advocacy;
        if (advocacy)
            ImGui::TextColored(ImColor(confidenceColor(Confidence::Alleged)),
                               "Interested party (advocacy): its claims are its own");
        else
            ImGui::TextDisabled("%s", sourceKindLabel(s.kind));
        if (!ref.note.empty()) ImGui::TextWrapped("\u201C%s\u201D", ref.note.c_str());
        if (!s.note.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", s.note.c_str());
            ImGui::PopStyleColor();
        }
        if (ImGui::SmallButton("Copy citation")) ImGui::SetClipboardText(s.citation().c_str());
        if (io::isOpenableWebUrl(s.url)) {
            ImGui::SameLine();
            if (ImGui::SmallButton("Open in browser\u2026")) {
                pendingUrl = s.url;
                openError.clear();
                ImGui::OpenPopup("Open web page?");
            }
        }
        if (ImGui::BeginPopupModal("Open web page?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
            ImGui::TextUnformatted("Meridian will ask your browser to open:");
            ImGui::PushFont(ctx.fonts.bold);
            ImGui::TextUnformatted(pendingUrl.c_str());
            ImGui::PopFont();
            ImGui::TextDisabled("This needs a network connection.");
            if (!openError.empty()) ImGui::TextColored(ImVec4(0.9f, 0.3f, 0.2f, 1), "%s", openError.c_str());
            if (ImGui::Button("Open")) {
                if (io::openInBrowser(pendingUrl, &openError)) ImGui::CloseCurrentPopup();
            }
            ImGui::SameLine();
            if (ImGui::Button("Cancel") || keyPressed(Key::Escape)) ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
        ImGui::Unindent();
        ImGui::PopID();
    }
}

}  // namespace

void drawDetailsPanel(AppContext& ctx) {
    const Dataset& ds = ctx.dataset;
    if (!ctx.hasDataset || ctx.view.selected >= ds.events.size()) {
        ImGui::TextDisabled("Select an event in the table, on the map or on the timeline.");
        return;
    }
    const Event& e = ds.events[ctx.view.selected];
    ImGui::PushFont(ctx.fonts.title);
    ImGui::TextWrapped("%s", e.title.c_str());
    ImGui::PopFont();
    ImGui::TextUnformatted(describeWhen(e).c_str());
    if (e.date.precision() != DatePrecision::Day && !e.earliest && !e.latest) {
        ImGui::SameLine();
        ImGui::TextDisabled(e.date.precision() == DatePrecision::Year ? "(year only)" : "(month only)");
    }
    categoryChip(ds, e.category);
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    confidenceBadge(e.confidence);
    if (ds.allSourcesAdvocacy(e)) {
        ImGui::TextColored(ImColor(confidenceColor(Confidence::Alleged)), "Claimed only by an interested party.");
    }

    if (e.isConnection()) {
        std::string route = placeName(ds, e.from);
        for (Index v : e.via) route += " \u2192 " + placeName(ds, v);
        route += " \u2192 " + placeName(ds, e.to);
        sectionLabel(ctx, "ROUTE");
        ImGui::TextWrapped("%s", route.c_str());
    } else if (e.place != kNoIndex) {
        sectionLabel(ctx, "PLACE");
        ImGui::TextWrapped("%s", placeName(ds, e.place).c_str());
    }
    if (!e.actors.empty()) {
        std::string actors;
        for (Index a : e.actors) actors += (actors.empty() ? "" : ", ") + ds.actors[a].name;
        sectionLabel(ctx, "ACTORS");
        ImGui::TextWrapped("%s", actors.c_str());
    }
    if (!e.summary.empty()) {
        sectionLabel(ctx, "WHAT HAPPENED");
        ImGui::TextWrapped("%s", e.summary.c_str());
    }
    if (!e.media.empty()) {
        sectionLabel(ctx, "MEDIA");
        drawMediaThumbnails(ctx, e);
    }
    if (!e.note.empty()) {
        sectionLabel(ctx, "ABOUT THE EVIDENCE");
        ImGui::TextWrapped("%s", e.note.c_str());
    }
    drawSources(ctx, e);
    if (!e.tags.empty()) {
        std::string tags;
        for (const std::string& t : e.tags) tags += (tags.empty() ? "#" : "  #") + t;
        ImGui::Spacing();
        ImGui::TextDisabled("%s", tags.c_str());
    }
}

void drawDiagnosticsWindow(AppContext& ctx) {
    if (!ctx.showDiagnostics || ctx.diagnostics.empty()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.4f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x * 0.7f, vp->WorkSize.y * 0.5f), ImGuiCond_Appearing);
    const std::size_t errors = io::countErrors(ctx.diagnostics);
    std::string title = errors ? std::to_string(errors) + (errors == 1 ? " problem" : " problems") + " in the data file"
                               : std::to_string(ctx.diagnostics.size()) + " warnings in the data file";
    title += "###diagnostics";
    if (ImGui::Begin(title.c_str(), &ctx.showDiagnostics)) {
        if (errors)
            ImGui::TextWrapped("The file could not be loaded. %s", ctx.hasDataset
                                                                       ? "Meridian keeps showing the data it had."
                                                                       : "Fix these problems and open it again.");
        ImGui::Separator();
        ImGui::BeginChild("list");
        // A hostile file can have a problem per line: list the first 500 (all are on stderr).
        constexpr std::size_t kShown = 500;
        for (std::size_t i = 0; i < ctx.diagnostics.size() && i < kShown; ++i) {
            const io::Diagnostic& d = ctx.diagnostics[i];
            const bool isError = d.severity == io::Severity::Error;
            ImGui::PushStyleColor(ImGuiCol_Text,
                                  isError ? ImVec4(0.90f, 0.35f, 0.25f, 1) : ImVec4(0.85f, 0.65f, 0.1f, 1));
            // One text item must stay under ImGui's 64k vertices (16k glyphs).
            std::string text = d.format();
            if (text.size() > 2000) text = text.substr(0, 2000) + "\u2026";
            ImGui::TextWrapped("%s", text.c_str());
            ImGui::PopStyleColor();
        }
        if (ctx.diagnostics.size() > kShown)
            ImGui::TextDisabled("\u2026 and %zu more (meridian --validate FILE lists them all).",
                                ctx.diagnostics.size() - kShown);
        ImGui::EndChild();
    }
    ImGui::End();
}

}  // namespace meridian::ui

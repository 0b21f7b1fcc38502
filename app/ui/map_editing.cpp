#include "ui/map_editing.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cmath>
#include <cstdio>

#include "core/references.h"
#include "io/import/gazetteer.h"
#include "session/editing.h"
#include "ui/keys.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace meridian::ui {

namespace {

const char* roleText(PlacePickRole r) {
    switch (r) {
        case PlacePickRole::Place:
            return "the place";
        case PlacePickRole::From:
            return "where it starts (from)";
        case PlacePickRole::To:
            return "where it ends (to)";
        case PlacePickRole::Via:
            return "a stop on the way (via)";
        case PlacePickRole::None:
            break;
    }
    return "";
}

}  // namespace

Index MapEditing::placeAt(const Context& c, const geo::Viewport& vp, double xPx, double yPx) const {
    const Dataset& ds = c.data();
    const double radius = 10.0 * c.scale();
    Index best = kNoIndex;
    double bestD2 = radius * radius;
    for (Index p = 0; p < ds.places.size(); ++p) {
        const auto sp = geo::worldToScreen(c.session.camera, vp, {ds.places[p].lonDeg, ds.places[p].latDeg});
        if (!sp) continue;
        const double dx = sp->xPx - xPx, dy = sp->yPx - yPx, d2 = dx * dx + dy * dy;
        if (d2 <= bestD2) best = p, bestD2 = d2;
    }
    return best;
}

void MapEditing::pickAt(Context& c, const geo::Viewport& vp, double xPx, double yPx) {
    EditingState& ed = c.app.editing;
    const Index at = c.doc.findEvent(ed.pickEventId);
    const PlacePickRole role = ed.pick;
    ed.pick = PlacePickRole::None;
    if (at == kNoIndex) return;
    const Dataset& ds = c.data();
    const Event before = ds.events[at];
    Index place = placeAt(c, vp, xPx, yPx);
    Edit edit;
    std::string placeName;
    if (place == kNoIndex) {
        // A new place where the click was, named after the nearest known place when it is close.
        const auto ll = geo::screenToWorld(c.session.camera, vp, {xPx, yPx});
        if (!ll) return;
        std::string name, country;
        if (const io::Gazetteer* gaz = ed.gazetteer ? ed.gazetteer() : nullptr) {
            double km = 0;
            if (const auto g = gaz->nearest(ll->latDeg, ll->lonDeg, &km); g && km < 25)
                name = g->name, country = g->country;
        }
        if (name.empty()) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "Place at %.2f, %.2f", ll->latDeg, ll->lonDeg);
            name = buf;
        }
        place = static_cast<Index>(ds.places.size());
        edit = Edit::append(ds, newPlace(c.doc, name, ll->latDeg, ll->lonDeg, country));
        placeName = name;
    } else {
        placeName = ds.places[place].name;
    }
    Event after = before;
    switch (role) {
        case PlacePickRole::Place:
            after = withPlace(after, place);
            break;
        case PlacePickRole::From:
            after = withConnection(after, place, after.to, after.via);
            break;
        case PlacePickRole::To:
            after = withConnection(after, after.from, place, after.via);
            break;
        case PlacePickRole::Via:
            after.via.push_back(place);
            break;
        case PlacePickRole::None:
            return;
    }
    RecordStep step;
    step.op = RecordStep::Op::Replace;
    step.kind = RecordKind::Event;
    step.at = at;
    step.before = before;
    step.after = std::move(after);
    edit.steps.emplace_back(std::move(step));
    edit.name = "set " + std::string(roleText(role)) + " of " + recordLabel(before) + " to " + placeName;
    std::string error;
    if (!c.doc.apply(std::move(edit), &error)) c.status("Not changed: " + error, 10);
}

bool MapEditing::handleInput(Context& c, const geo::Viewport& vp, ImVec2 origin, bool hovered) {
    c.reportControl("map.area");  // the map's own button: UI tests click on the map through it
    EditingState& ed = c.app.editing;
    if (!ed.on) {
        m_dragPlace = kNoIndex;
        return false;
    }
    ImGuiIO& io = ImGui::GetIO();
    const double mx = io.MousePos.x - origin.x, my = io.MousePos.y - origin.y;
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        m_tookPress = false;
        if (ed.pick != PlacePickRole::None) {
            m_tookPress = true;  // the release sets the place
        } else if (const Index p = placeAt(c, vp, mx, my); p != kNoIndex) {
            m_dragPlace = p;
            m_dragMoved = false;
            ++m_dragSerial;
            m_tookPress = true;
        }
    }
    if (!m_tookPress) return false;
    if (m_dragPlace != kNoIndex && ImGui::IsMouseDown(ImGuiMouseButton_Left) &&
        ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f) && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) {
        if (const auto ll = geo::screenToWorld(c.session.camera, vp, {mx, my});
            ll && m_dragPlace < c.data().places.size()) {
            m_dragMoved = true;
            const Place& p = c.data().places[m_dragPlace];
            c.doc.apply(movePlaceEdit(c.doc, m_dragPlace, ll->latDeg, ll->lonDeg), nullptr,
                        placeDragKey(p, m_dragSerial));
        }
    }
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        m_tookPress = false;
        const bool picking = ed.pick != PlacePickRole::None;
        if (picking && io.MouseDragMaxDistanceSqr[0] < 16.0f) pickAt(c, vp, mx, my);
        const bool moved = m_dragMoved;
        m_dragPlace = kNoIndex;
        m_dragMoved = false;
        // A click on a place's square that moved nothing selects like any click on the map.
        return picking || moved;
    }
    return true;
}

void MapEditing::openNewPlace(Context& c, double latDeg, double lonDeg) {
    m_latDeg = latDeg;
    m_lonDeg = lonDeg;
    m_name.clear();
    m_country.clear();
    m_near.clear();
    m_error.clear();
    const EditingState& ed = c.app.editing;
    if (const io::Gazetteer* gaz = ed.gazetteer ? ed.gazetteer() : nullptr) {
        double km = 0;
        if (const auto g = gaz->nearest(latDeg, lonDeg, &km)) {
            char buf[200];
            std::snprintf(buf, sizeof buf, "Nearest known place: %s%s%s, %.0f km away", g->name.c_str(),
                          g->country.empty() ? "" : ", ", g->country.c_str(), km);
            m_near = buf;
            if (km < 25) m_name = g->name, m_country = g->country;
        }
    } else {
        m_near = "(the world gazetteer is not available: no place names)";
    }
    m_openPopup = true;
}

void MapEditing::drawNewPlacePopup(Context& c) {
    if (m_openPopup) {
        ImGui::OpenPopup("New place");
        m_openPopup = false;
    }
    // The map's window has no padding: the popup gets the usual one back.
    bool open = false;
    {
        StyleVars vars;
        vars.push(ImGuiStyleVar_WindowPadding, ImVec2(12 * c.scale(), 10 * c.scale()));
        open = ImGui::BeginPopup("New place");
    }
    if (!open) return;
    {
        FontScope bold(c.fonts.bold);
        ImGui::TextUnformatted("A new place here");
    }
    ImGui::Text("%.4f\u00B0%s, %.4f\u00B0%s", std::abs(m_latDeg), m_latDeg >= 0 ? "N" : "S", std::abs(m_lonDeg),
                m_lonDeg >= 0 ? "E" : "W");
    ImGui::TextDisabled("%s", m_near.c_str());
    const Dataset& ds = c.data();
    double km = 0;
    if (const Index near = nearestPlace(ds, m_latDeg, m_lonDeg, &km); near != kNoIndex)
        ImGui::TextDisabled("Nearest place of this dataset: %s, %.0f km away", ds.places[near].name.c_str(), km);
    ImGui::TextUnformatted("Name");
    ImGui::SetNextItemWidth(18 * ImGui::GetFontSize());
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool enter = ImGui::InputText("##name", &m_name, ImGuiInputTextFlags_EnterReturnsTrue);
    c.reportControl("map.newPlace.name");
    ImGui::TextUnformatted("Country (ISO 3166 alpha-3, optional)");
    ImGui::SetNextItemWidth(6 * ImGui::GetFontSize());
    ImGui::InputText("##country", &m_country);
    if (!m_error.empty()) errorText(c, m_error.c_str());
    if (ImGui::Button("Add place") || enter) {
        if (m_name.empty()) {
            m_error = "A place needs a name.";
        } else {
            std::string error;
            if (c.doc.apply(Edit::append(ds, newPlace(c.doc, m_name, m_latDeg, m_lonDeg, m_country)), &error)) {
                c.status("Added the place " + m_name + " (Edit > Undo takes it away)");
                ImGui::CloseCurrentPopup();
            } else {
                m_error = error;
            }
        }
    }
    c.reportControl("map.newPlace.add");
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || keyPressed(Key::Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void MapEditing::draw(Context& c, const geo::Viewport& vp, ImVec2 origin, bool hovered) {
    EditingState& ed = c.app.editing;
    if (!ed.on) {
        ed.pick = PlacePickRole::None;
        return;
    }
    const Dataset& ds = c.data();
    ImGuiIO& io = ImGui::GetIO();
    const double mx = io.MousePos.x - origin.x, my = io.MousePos.y - origin.y;
    // A click on an empty spot (no event, no place handle under it): a new place there.
    if (hovered && ed.pick == PlacePickRole::None && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
        io.MouseDragMaxDistanceSqr[0] < 16.0f && c.session.view.hovered == kNoIndex &&
        placeAt(c, vp, mx, my) == kNoIndex) {
        if (const auto ll = geo::screenToWorld(c.session.camera, vp, {mx, my})) openNewPlace(c, ll->latDeg, ll->lonDeg);
    }
    if (ed.pick != PlacePickRole::None && keyPressed(Key::Escape, false)) ed.pick = PlacePickRole::None;

    // Places no event uses yet get their names beside their handles.
    if (m_usedRevision != c.doc.revision()) {
        m_used.assign(ds.places.size(), 0);
        for (const Event& e : ds.events) forEachPlaceOf(e, [&](Index p) { m_used[p] = 1; });
        m_usedRevision = c.doc.revision();
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Palette& pal = palette(c.look.theme);
    const float s = c.scale(), r = 5.0f * s;
    const Index under = hovered ? placeAt(c, vp, mx, my) : kNoIndex;
    for (Index p = 0; p < ds.places.size(); ++p) {
        const auto sp = geo::worldToScreen(c.session.camera, vp, {ds.places[p].lonDeg, ds.places[p].latDeg});
        if (!sp) continue;
        const ImVec2 at(origin.x + static_cast<float>(sp->xPx), origin.y + static_cast<float>(sp->yPx));
        const bool hot = p == under || p == m_dragPlace;
        dl->AddRectFilled(ImVec2(at.x - r, at.y - r), ImVec2(at.x + r, at.y + r),
                          hot ? pal.selection : withAlpha(pal.panelBg, 0xD0));
        dl->AddRect(ImVec2(at.x - r, at.y - r), ImVec2(at.x + r, at.y + r), pal.text, 0, 0, 1.5f * s);
        if (p < m_used.size() && !m_used[p]) {
            const char* name = ds.places[p].mapLabel().c_str();
            const ImVec2 ts = ImGui::CalcTextSize(name);
            const ImVec2 tp(at.x + r + 4 * s, at.y - ts.y * 0.5f);
            dl->AddRectFilled(ImVec2(tp.x - 2 * s, tp.y), ImVec2(tp.x + ts.x + 2 * s, tp.y + ts.y),
                              withAlpha(pal.panelBg, 0xC0), 3 * s);
            dl->AddText(tp, pal.text, name);
        }
    }
    if (under != kNoIndex && m_dragPlace == kNoIndex) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        if (ed.pick == PlacePickRole::None) ImGui::SetTooltip("%s: drag to move it", ds.places[under].name.c_str());
    }
    // What a click does now: under the toolbar, centred, shortened on a narrow map.
    const bool picking = ed.pick != PlacePickRole::None;
    std::string banner = picking
                             ? std::string("Click on the map to set ") + roleText(ed.pick) + ". Esc cancels."
                             : std::string("Editing: click an empty spot to add a place; drag a square to move one.");
    if (ImGui::CalcTextSize(banner.c_str()).x > static_cast<float>(vp.widthPx) - 40 * s)
        banner = picking ? "Click: set the place. Esc cancels." : "Click: new place. Drag a square: move it.";
    const ImVec2 ts = ImGui::CalcTextSize(banner.c_str());
    const ImVec2 bp(origin.x + (static_cast<float>(vp.widthPx) - ts.x) * 0.5f,
                    origin.y + ImGui::GetFrameHeight() + 22 * s);
    dl->AddRectFilled(ImVec2(bp.x - 8 * s, bp.y - 4 * s), ImVec2(bp.x + ts.x + 8 * s, bp.y + ts.y + 4 * s),
                      withAlpha(pal.panelBg, 0xE8), 5 * s);
    dl->AddText(bp, picking ? pal.notice : pal.text, banner.c_str());
    drawNewPlacePopup(c);
}

}  // namespace meridian::ui

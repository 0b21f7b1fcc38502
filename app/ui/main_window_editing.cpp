// The main window's part of the editor: the Edit menu (undo and redo with the
// change's name, editing mode, add / duplicate / delete an event, the lists),
// its shortcuts, and the live validation run after each change.
#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "session/editing.h"
#include "ui/keys.h"
#include "ui/main_window.h"
#include "ui/theme.h"

namespace meridian::ui {

namespace {

// Above this many events the check (writing and reading the whole data) is
// left to Save, which runs it anyway: an edit must stay instant.
constexpr std::size_t kLiveValidationMaxEvents = 20000;

void addEventAtPlayhead(Context& c) {
    const auto day = static_cast<DayNumber>(std::floor(c.session.view.playheadDay));
    const Index selected = c.session.view.selected;
    // In the selected event's lane, else the first.
    const Index category = selected < c.data().events.size() ? c.data().events[selected].category : kNoIndex;
    if (c.doc.apply(addEventEdit(c.doc, day, category))) {
        c.session.view.select(static_cast<Index>(c.data().events.size() - 1));
        c.app.editing.on = true;
    }
}

void deleteSelected(Context& c) {
    const Index e = c.session.view.selected;
    if (e >= c.data().events.size()) return;
    const std::string title = c.data().events[e].title;
    std::string error;
    if (c.doc.apply(deleteEventEdit(c.doc, e), &error)) {
        c.session.view.selected = kNoIndex;
        c.status("Deleted \u201C" + title + "\u201D (Ctrl+Z brings it back)");
    } else {
        c.status("Not deleted: " + error, 10);
    }
}

void duplicateSelected(Context& c) {
    const Index e = c.session.view.selected;
    if (e >= c.data().events.size()) return;
    if (c.doc.apply(duplicateEventEdit(c.doc, e))) c.session.view.select(e + 1);
}

}  // namespace

void MainWindow::drawEditMenu(Context& c) {
    if (!ImGui::BeginMenu("Edit")) return;
    EditingState& ed = c.app.editing;
    const std::string undo = c.doc.canUndo() ? "Undo: " + c.doc.undoName() : std::string("Undo");
    const std::string redo = c.doc.canRedo() ? "Redo: " + c.doc.redoName() : std::string("Redo");
    if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, c.doc.canUndo())) c.doc.undo();
    c.reportControl("menu.edit.undo");
    if (ImGui::MenuItem(redo.c_str(), "Ctrl+Shift+Z", false, c.doc.canRedo())) c.doc.redo();
    c.reportControl("menu.edit.redo");
    ImGui::Separator();
    const bool hasData = c.doc.hasData();
    if (ImGui::MenuItem("Edit the data", "Ctrl+Shift+E", ed.on, hasData)) ed.on = !ed.on;
    c.reportControl("menu.edit.mode");
    const bool selected = c.session.view.selected < c.data().events.size();
    if (ImGui::MenuItem("Add an event at the playhead", nullptr, false, hasData)) addEventAtPlayhead(c);
    c.reportControl("menu.edit.addEvent");
    if (ImGui::MenuItem("Duplicate the event", "Ctrl+D", false, selected)) duplicateSelected(c);
    if (ImGui::MenuItem("Delete the event", "Del", false, selected && ed.on)) deleteSelected(c);
    ImGui::Separator();
    if (ImGui::MenuItem("Description, places, sources, categories, actors\u2026", nullptr, ed.showLists, hasData))
        ed.showLists = !ed.showLists;
    c.reportControl("menu.edit.lists");
    if (ed.on && ed.problems.revision == c.doc.revision() && ed.problems.errors > 0) {
        ImGui::Separator();
        char text[96];
        std::snprintf(text, sizeof text, "%zu %s: the data cannot be saved until fixed", ed.problems.errors,
                      ed.problems.errors == 1 ? "problem" : "problems");
        ImGui::TextColored(ImColor(palette(c.look.theme).error), "%s", text);
    }
    ImGui::EndMenu();
}

void MainWindow::handleEditShortcuts(Context& c) {
    EditingState& ed = c.app.editing;
    if (ctrlDown() && keyPressed(Key::N, false) && !shiftDown()) ed.showNewDataset = true;
    if (!c.doc.hasData() || !shortcutsAllowed()) return;
    if (ctrlDown() && shiftDown() && keyPressed(Key::E, false)) ed.on = !ed.on;
    if (ctrlDown() && !shiftDown() && keyPressed(Key::D, false)) duplicateSelected(c);
    if (ed.on && !ctrlDown() && keyPressed(Key::Delete, false) &&
        !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId))
        deleteSelected(c);
}

void MainWindow::refreshValidation(Context& c) {
    EditingState& ed = c.app.editing;
    if (!c.doc.hasData() || !ed.on || c.session.offscreen) return;
    const std::uint64_t rev = c.doc.revision();
    if (ed.problems.revision == rev || c.data().events.size() > kLiveValidationMaxEvents) return;
    // Not during a drag (a change every frame; the check takes ~7 ms for the curated data): once released.
    if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) return;
    ed.problems = findFieldProblems(c.data(), c.doc.path(), rev);
}

}  // namespace meridian::ui

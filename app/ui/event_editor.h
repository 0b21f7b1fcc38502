// The details panel in editing mode: every field of the selected event as a
// form (when, what, category, confidence with each level's meaning, where,
// sources, actors, tags, media), each change one named, undoable edit; the
// live validation's problems shown under the field they concern.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "io/import/gazetteer.h"
#include "session/editing.h"
#include "ui/context.h"
#include "ui/edit_fields.h"
#include "ui/file_chooser.h"

namespace meridian::ui {

class EventEditor {
public:
    void draw(Context& c, Index event);
    // After the frame: a text field left by selecting another event still commits.
    void endFrame() { m_fields.endFrame(); }

private:
    void drawHeader(Context& c, Index at, const Event& e);
    void drawWhen(Context& c, Index at, const Event& e);
    void drawText(Context& c, Index at, const Event& e);
    void drawCategoryAndConfidence(Context& c, Index at, const Event& e);
    void drawWhere(Context& c, Index at, const Event& e);
    // A place for one role of the event's where: the dataset's places, a pick
    // on the map, or a search by name (the dataset's places, then the gazetteer).
    void placePicker(Context& c, const char* label, PlacePickRole role, Index current, const Event& e,
                     std::function<Event(Event, Index)> set);
    void drawSources(Context& c, Index at, const Event& e);
    void drawActorsAndTags(Context& c, Index at, const Event& e);
    void drawMedia(Context& c, Index at, const Event& e);

    // Applies a change to the event now.
    void change(Context& c, Index at, EventField field, Event after);
    // A change applied later (a text field's commit): finds the event by id then.
    TextCommit commitLater(Context& c, const Event& e, EventField field,
                           std::function<void(Event&, const std::string&)> set);
    std::vector<const FieldProblem*> problems(const Context& c, Index at, const char* field) const;

    TextFields m_fields;
    std::string m_error;                        // the last refused change
    std::pair<std::string, int> m_whereChoice;  // event id, 1 place / 2 connection chosen before any place is set
    // Searching a place by name.
    PlacePickRole m_searchRole = PlacePickRole::None;
    std::string m_placeQuery, m_searchedFor;
    std::vector<io::GazetteerEntry> m_gazetteerResults;
    // A new source typed in place.
    bool m_newSource = false;
    std::string m_srcPublisher, m_srcTitle, m_srcDate, m_srcUrl, m_srcError;
    SourceKind m_srcKind = SourceKind::Press;
    std::string m_newActor;
    // Picking an image for the media.
    FileChooser m_mediaChooser;
    std::string m_mediaError;
};

}  // namespace meridian::ui

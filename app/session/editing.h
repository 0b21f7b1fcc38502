// Building the editor's changes: every change a person makes in the window
// (a new event, a field edited in the details panel, a drag on the timeline
// or the map, a new place or source) becomes one named, undoable Edit for the
// Document ("Undo: change the date of Khojir"). Pure logic: the UI collects
// values and applies what these return.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/edit.h"

namespace meridian {

// ---------------------------------------------------------------------------
// A new dataset (File > New)
// ---------------------------------------------------------------------------

// An empty dataset with its description and one category ("General"), so
// that the first event has a lane.
Dataset newDataset(const DatasetInfo& info);
// "Ann Smith, Bo Li" -> {"Ann Smith", "Bo Li"} (blanks dropped); and back.
std::vector<std::string> splitList(std::string_view text);
std::string joinList(const std::vector<std::string>& items);

// ---------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------

// The parts of an event the editor changes, each named in the Edit menu.
enum class EventField : std::uint8_t {
    Date,
    End,
    Approx,
    Earliest,
    Latest,
    Claimed,
    Title,
    Summary,
    Note,
    Category,
    Confidence,
    Where,
    Sources,
    Actors,
    Tags,
    Media
};
const char* eventFieldName(EventField f);  // "date", "end", "title", ...

// A new event on a day (of a category; kNoIndex: the first), titled "New
// event", with a fresh id: "add an event".
Event newEvent(const Document& doc, DayNumber day, Index category);
Edit addEventEdit(const Document& doc, DayNumber day, Index category);
// A copy just after it, with a fresh id and "(copy)" in its title.
Edit duplicateEventEdit(const Document& doc, Index event);
// Deletes an event; the stories that highlight it and the events that answer
// it are changed first (in the same edit, so one undo brings all back).
Edit deleteEventEdit(const Document& doc, Index event);
// One field of an event changed: "change the date of Khojir".
Edit editEventEdit(const Document& doc, Index event, Event after, EventField field);
// Typing in one field of one event merges into one history entry.
std::string eventFieldKey(const Event& e, EventField field);

// Dragging an event on the timeline: its date moved so that it starts near
// targetDay, snapped to its own precision (a year-only date moves by whole
// years); keepDay (Shift) moves a day date by whole months, keeping its day
// of the month. The end and the uncertainty bounds move with it.
Event movedEvent(const Event& e, double targetDay, bool keepDay);
// Dragging the end of a span: `end` at the day dropped on, snapped to the
// end's precision (the date's when it had none), never before the date.
Event withEndAt(const Event& e, double day);

// Where: a single place, a connection, or nowhere.
Event withPlace(Event e, Index place);
Event withConnection(Event e, Index from, Index to, CompactList<Index> via);
Event withoutLocation(Event e);

// ---------------------------------------------------------------------------
// Places, sources, actors, categories
// ---------------------------------------------------------------------------

// A new place with a fresh id from its name (coordinates clamped to the map).
Place newPlace(const Document& doc, std::string name, double latDeg, double lonDeg, std::string country = {});
// The dataset's place nearest a point (great circle); kNoIndex when it has none.
Index nearestPlace(const Dataset& ds, double latDeg, double lonDeg, double* distanceKm = nullptr);
// A place with this name at (about) this point already in the dataset (within 1 km).
Index findSamePlace(const Dataset& ds, std::string_view name, double latDeg, double lonDeg);
// A place dragged on the map: "move Tehran" (one per drag: see placeDragKey).
Edit movePlaceEdit(const Document& doc, Index place, double latDeg, double lonDeg);
std::string placeDragKey(const Place& p, std::uint64_t dragSerial);

Source newSource(const Document& doc, std::string publisher, std::string title, std::optional<Date> date,
                 std::string url, SourceKind kind);
// A new source added to the dataset and cited by an event, as one edit:
// "add the source Reuters to Khojir".
Edit addSourceToEventEdit(const Document& doc, Index event, Source source);
Actor newActor(const Document& doc, std::string name, std::string country = {});
Category newCategory(const Document& doc, std::string label);
// Any record edited in a list: "edit the place Tehran".
Edit editRecordEdit(const Document& doc, Index at, Record after);
// "Used by 2 events: Sunan → Tehran; Khojir test" (stories too); empty when
// nothing uses the record and it can be deleted.
std::string usedByText(const Document& doc, RecordKind kind, Index at);
// Deleting a record of a list: the stories that name it are fixed in the
// same edit; nullopt (with *why from usedByText) while events still use it.
std::optional<Edit> deleteRecordEdit(const Document& doc, RecordKind kind, Index at, std::string* why = nullptr);

}  // namespace meridian

// What the editor shares between panels (held in AppState): editing on or
// off, a place being picked on the map for an event's "where", and the live
// validation's problems (keyed on the document's revision).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "session/field_problems.h"

namespace meridian::io {
class Gazetteer;
}

namespace meridian::ui {

// Which end of an event's "where" the next click on the map sets.
enum class PlacePickRole : std::uint8_t { None, Place, From, To, Via };

struct EditingState {
    bool on = false;  // Edit > Edit the data: the details panel edits, the map and timeline take drags
    PlacePickRole pick = PlacePickRole::None;
    std::string pickEventId;   // the event whose place is being picked
    FieldProblems problems;    // live validation (problems.revision: the document revision checked)
    double changedAtSec = -1;  // when the document last changed (validation waits for a pause)
    std::uint64_t seenRevision = 0;
    bool showLists = false;  // the window with the places, sources, categories and actors
    bool showNewDataset = false;
    // The offline gazetteer, loaded on first use (set by the App; may return nullptr).
    std::function<const io::Gazetteer*()> gazetteer;
};

}  // namespace meridian::ui

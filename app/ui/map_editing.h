// The map in editing mode: every place of the dataset drawn as a handle that
// can be dragged to move it (one undoable "move Tehran" per drag); a click on
// an empty spot offers a new place there (its coordinate and the nearest
// known place's name); while the event editor picks a place for an event, a
// click sets it (the dataset's place under the click, or a new one).
// Interaction only: the map panel's drawing is not touched.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "geo/camera.h"
#include "ui/context.h"

struct ImVec2;

namespace meridian::ui {

class MapEditing {
public:
    // Before the map's own input: true when editing took the mouse (a marker
    // being dragged, a pick): the map then neither pans nor selects.
    bool handleInput(Context& c, const geo::Viewport& vp, ImVec2 origin, bool hovered);
    // After the map's own input (which found the event under the mouse): a
    // click on an empty spot opens the new-place popup. Then draws the handles,
    // the pick banner and the popup.
    void draw(Context& c, const geo::Viewport& vp, ImVec2 origin, bool hovered);

private:
    // The place whose handle is under a screen point (map px), or kNoIndex.
    Index placeAt(const Context& c, const geo::Viewport& vp, double xPx, double yPx) const;
    void pickAt(Context& c, const geo::Viewport& vp, double xPx, double yPx);
    void openNewPlace(Context& c, double latDeg, double lonDeg);
    void drawNewPlacePopup(Context& c);

    Index m_dragPlace = kNoIndex;
    bool m_dragMoved = false;
    std::uint64_t m_dragSerial = 0;
    bool m_tookPress = false;  // this press belongs to editing (until released)
    // The new place offered after a click.
    bool m_openPopup = false;
    double m_latDeg = 0, m_lonDeg = 0;
    std::string m_name, m_country, m_near, m_error;
    // Places used by no event (their names are drawn by the handles), keyed on the revision.
    std::uint64_t m_usedRevision = 0;
    std::vector<std::uint8_t> m_used;
};

}  // namespace meridian::ui

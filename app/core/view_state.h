// What the user is looking at, shared by every view (map, timeline, table,
// details): selection, hover and the playhead. Views read it and post changes
// to it; they never call each other.
#pragma once

#include <optional>
#include <vector>

#include "core/dataset.h"

namespace meridian {

// Defaults, in one place (the settings file starts from them too).
inline constexpr double kDefaultTrailDays = 365.25 * 8;
inline constexpr double kDefaultPlaySpeedDaysPerSec = 365.0;

// The map's layers (what the Layers menu switches).
struct MapLayers {
    bool basemap = false;
    bool labels = true;
    bool graticule = true;
    bool highlightCountries = true;
    bool legend = true;
    // The pattern flowing along arcs animates while the timeline plays or an
    // arc is hovered or selected; this keeps it moving always (it costs frames).
    bool alwaysAnimateArcs = false;
    friend bool operator==(const MapLayers&, const MapLayers&) = default;
};

struct ViewState {
    Index selected = kNoIndex;    // index into Dataset::events
    Index hovered = kNoIndex;     // this frame's hover (cleared at the start of a frame)
    bool revealSelected = false;  // set when selection changed elsewhere: views scroll to it once

    // The playhead, in days since 1970-01-01 (fractional during playback).
    double playheadDay = 0;
    // The map shows events up to the playhead within this trail, older ones fading;
    // allUpToNow keeps every past event at full strength.
    double trailDays = kDefaultTrailDays;
    bool allUpToNow = false;
    // A brushed window (shift-drag on the timeline, or --from/--to): when set the
    // map shows exactly the events overlapping it.
    std::optional<DaySpan> window;
    // Playhead days an arc takes to draw itself when the playhead reaches it
    // (the timeline sets it from the playback speed; ~1 when paused).
    double growDays = 1.0;
    bool playing = false;
    double playSpeedDaysPerSec = kDefaultPlaySpeedDaysPerSec;

    // Events a story step emphasises (the rest are dimmed on the map).
    std::vector<Index> highlighted;
    std::uint64_t highlightVersion = 0;
    void setHighlighted(std::vector<Index> events) {
        highlighted = std::move(events);
        ++highlightVersion;
    }

    void select(Index event) {
        if (selected != event) revealSelected = true;
        selected = event;
    }
};

// How strongly an event shows on the map at the playhead: 0 (not yet, or faded
// out) to 1 (current). An event appears at its first day, stays at full strength
// while it lasts, then fades linearly over the trail.
float eventOpacityAt(const Event& event, const ViewState& view);

}  // namespace meridian

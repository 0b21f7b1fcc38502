// Creating the map's GPU state, and map actions other panels use.
#pragma once

#include <memory>
#include <string>

#include "ui/app_context.h"

namespace meridian::ui {

// Loads the world levels and the basemap and builds the shaders. Needs a GL context.
std::shared_ptr<MapViewState> createMapView(std::string* error);
// Blocks until the finest world level is loaded (headless renders want it).
void waitForMapDetail(MapViewState& state);
// Frames the places of the events shown at the playhead.
void fitMapToShownEvents(AppContext& ctx, const geo::Viewport& viewport, bool animate);

}  // namespace meridian::ui

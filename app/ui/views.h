// The two big views. They draw into the current ImGui window.
#pragma once

#include "ui/app_context.h"

namespace meridian::ui {

void drawMapView(AppContext& ctx);
void drawTimelineView(AppContext& ctx);

}  // namespace meridian::ui

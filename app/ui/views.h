// The two big views. They draw into the current ImGui window.
#pragma once

#include "ui/app_context.h"

namespace meridian::ui {

void drawMapView(AppContext& ctx);
void drawTimelineView(AppContext& ctx);
// Presenter mode; returns false (drawing nothing) when no story is being presented.
bool drawPresenter(AppContext& ctx);
// The story tab: stories, steps, present, autoplay, record and edit steps, save.
void drawStoryPanel(AppContext& ctx);

}  // namespace meridian::ui

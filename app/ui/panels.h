// One function per panel; each draws inside the rectangle it is given.
#pragma once

#include <imgui.h>

#include "ui/app_context.h"

namespace meridian::ui {

void drawEventTable(AppContext& ctx);
void drawDetailsPanel(AppContext& ctx);
void drawDiagnosticsWindow(AppContext& ctx);
void drawFilterPanel(AppContext& ctx);
void drawSearchField(AppContext& ctx);
void drawOpenDialog(AppContext& ctx);
void drawMediaThumbnails(AppContext& ctx, const Event& e);
void drawExportDialog(AppContext& ctx);
void drawExportProgress(AppContext& ctx);
// The whole window: menu bar, map, timeline, side panels.
void drawMainWindow(AppContext& ctx);

// Small shared widgets.
void confidenceBadge(Confidence c);
void drawConfidenceGlyph(ImDrawList* dl, ImVec2 centre, float radius, Confidence c, ImU32 color, float thickness);
void categoryChip(const Dataset& ds, Index category);
void categorySwatch(const Dataset& ds, Index category);

}  // namespace meridian::ui

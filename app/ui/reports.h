// Reports for tests: where the timeline drew things (render tests check that
// a date's marker and the playhead are where they must be), and the view
// state when the app quits (keyboard-driven UI tests read it).
#pragma once

#include <string>

#include "ui/app.h"

namespace meridian::ui {

void writeLayoutReport(const App& app, const std::string& path);
void writeStateReport(App& app, const std::string& path);

}  // namespace meridian::ui

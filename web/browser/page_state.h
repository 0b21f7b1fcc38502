// What the page exposes of the app, for its checks (web/check-page.mjs) and
// anyone curious in the browser's console:
//   window.meridianState        the app's state after each drawn frame
//                               (file, title, selection, story step, presenting, ...)
//   Module._meridianWebMapProbe()
//                               where the map draws each arc's middle and each
//                               marker now, in CSS pixels of the page, from the
//                               model's own geometry (geo::buildMapLayout, the
//                               session's camera): the check reads the pixels there.
#pragma once

#include <string>

#include "ui/app.h"

namespace meridian::web {

std::string appStateJson(ui::App& app, double devicePixelRatio);

// The app the probe looks at (the page's one app).
void setProbedApp(ui::App* app);

}  // namespace meridian::web

// The progress of a background job, drawn the same way wherever one runs (the
// import dialog, opening a big file): what is done to which file, a bar with
// the percentage and the seconds, and Cancel (disabled once pressed).
#pragma once

#include <string>
#include <vector>

#include "ui/context.h"

namespace meridian::ui {

struct JobProgressView {
    std::string what;  // "Importing", "Opening"
    std::string fileName;
    double fraction = 0;  // 0..1 (0: not known yet)
    double elapsedSec = 0;
    std::vector<std::string> notes;  // lines under the bar ("The data shown stays ...")
    bool cancelling = false;
    const char* cancelControl = "";  // its name in the state report
};

// Returns true when Cancel was pressed this frame.
bool drawJobProgress(Context& c, const JobProgressView& view);

}  // namespace meridian::ui

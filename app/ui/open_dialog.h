// File > Open: the built-in file browser in a window. It asks the app to open
// the chosen file and closes; problems, if any, are shown by the app's
// problems window.
#pragma once

#include "ui/context.h"
#include "ui/file_chooser.h"

namespace meridian::ui {

class OpenDialog {
public:
    void draw(Context& c);

private:
    FileChooser m_chooser;
};

}  // namespace meridian::ui

// File > Save as: a format (Meridian JSON, CSV, TSV, TimelineJS JSON, GeoJSON),
// a folder and a name; before saving it says what the chosen format cannot keep
// of this data (session/save_as_choices.h). Saving as Meridian JSON makes the
// new file the document's; the other formats are copies (App::saveAs).
#pragma once

#include <string>
#include <vector>

#include "ui/context.h"
#include "ui/file_chooser.h"

namespace meridian::ui {

class SaveAsDialog {
public:
    void draw(Context& c);

private:
    int m_format = 0;  // index into the formats offered
    std::string m_folder, m_name, m_error;
    std::vector<std::string> m_losses;
    int m_lossesFor = -1;
    std::uint64_t m_lossesRevision = ~std::uint64_t{0};
    FileChooser m_chooser;
};

}  // namespace meridian::ui

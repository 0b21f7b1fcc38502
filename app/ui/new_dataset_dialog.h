// File > New dataset: its title, description, licence and authors, and
// (optionally) the file it will be saved into. Posts Requests::newDataset;
// the app makes the empty document after the frame.
#pragma once

#include <string>

#include "ui/context.h"

namespace meridian::ui {

class NewDatasetDialog {
public:
    void draw(Context& c);

private:
    std::string m_title, m_description, m_license, m_authors, m_path, m_error;
};

}  // namespace meridian::ui

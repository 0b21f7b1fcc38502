// File > Export: the current view as a PNG (up to 8K, with caption and
// attribution), or an animation of a time range or a story (PNG frames, MP4,
// GIF); and the progress window with Cancel while an export runs.
#pragma once

#include <string>

#include "ui/context.h"
#include "ui/file_chooser.h"

namespace meridian::ui {

class ExportDialog {
public:
    void draw(Context& c);
    void drawProgress(Context& c);

private:
    // The output file name for the kind of export, in the chosen folder.
    void suggestOutput(const Context& c);
    int m_kind = 0;  // 0 image, 1 time range, 2 story
    int m_lastKind = -1;
    int m_sizePreset = 1;
    std::string m_folder, m_name, m_caption, m_from, m_to;
    FileChooser m_chooser;
    float m_fps = 30, m_seconds = 0;
    int m_story = 0;
    std::string m_error;
    bool m_userChoseFolder = false;
};

}  // namespace meridian::ui

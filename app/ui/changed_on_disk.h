// Another program changed the data file while there are unsaved changes in
// the window: both versions are kept until the user chooses — reload the file
// (after confirming that the changes here are lost), save the changes here as
// another file, or keep them and overwrite the file (explicitly). Never
// overwritten silently.
#pragma once

#include <string>

#include "ui/context.h"

namespace meridian::ui {

enum class DiskChangeChoice { None, Reload, SaveAs, KeepMine, Later };

class ChangedOnDiskPrompt {
public:
    // file: the data file's name; saveAs: a proposed path for "save as another file".
    void ask(std::string file, std::string saveAs);
    bool isOpen() const { return m_open; }
    DiskChangeChoice draw(Context& c);
    const std::string& saveAsPath() const { return m_saveAs; }

private:
    bool m_open = false, m_confirmReload = false;
    std::string m_file, m_saveAs;
};

}  // namespace meridian::ui

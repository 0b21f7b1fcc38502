// A small built-in file browser for opening data files (no desktop portal
// needed, works the same offline and in a classroom's locked-down session).
// It asks the app to open the chosen file and closes; problems, if any, are
// shown by the app's problems window.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "ui/context.h"

namespace meridian::ui {

class OpenDialog {
public:
    void draw(Context& c);

private:
    struct Entry {
        std::string name;
        bool directory = false;
    };
    std::filesystem::path m_dir;
    std::vector<Entry> m_entries;
    std::string m_pathText;
    bool m_needsListing = true;
};

}  // namespace meridian::ui

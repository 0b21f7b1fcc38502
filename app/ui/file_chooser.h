// A small built-in file and folder browser (no desktop portal needed: works
// the same offline and in a classroom's locked-down session). Used by File >
// Open and by the export dialog's Browse button.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "ui/context.h"

namespace meridian::ui {

class FileChooser {
public:
    enum class Mode { OpenFile, ChooseFolder };
    // Opens (or re-lists) at a folder; extensions: which files are listed
    // (".json", ...; empty: all). Folders are always listed.
    void reset(const std::filesystem::path& folder, Mode mode, std::vector<std::string> extensions);
    // Draws the browser inside the current window/popup; returns the chosen
    // path (a file, or a folder) once the user confirms, and nullopt otherwise.
    // heightPx: the height of the list.
    std::optional<std::filesystem::path> draw(Context& c, float heightPx);
    const std::filesystem::path& folder() const { return m_dir; }

private:
    struct Entry {
        std::string name;
        bool directory = false;
    };
    void list();
    Mode m_mode = Mode::OpenFile;
    std::vector<std::string> m_extensions;
    std::filesystem::path m_dir;
    std::vector<Entry> m_entries;
    std::string m_pathText;
    bool m_needsListing = true;
};

}  // namespace meridian::ui

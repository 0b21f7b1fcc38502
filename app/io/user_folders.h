// Where the user keeps pictures and videos (freedesktop.org's user-dirs:
// $XDG_CONFIG_HOME/user-dirs.dirs, e.g. XDG_PICTURES_DIR="$HOME/Pictures"),
// so exports land somewhere sensible instead of the process's working folder.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace meridian::io {

enum class UserFolder { Pictures, Videos, Documents };

// Reads one entry from the text of a user-dirs.dirs file ("$HOME" expanded);
// empty when the file does not name it.
std::filesystem::path userFolderFromDirsFile(std::string_view text, UserFolder folder, const std::string& home);
// The folder for a kind of export: the user-dirs entry if it exists on disk,
// else ~/Pictures or ~/Videos if they exist, else `fallback` (the data file's
// folder), else the home folder.
std::filesystem::path exportFolder(UserFolder folder, const std::filesystem::path& fallback);

}  // namespace meridian::io

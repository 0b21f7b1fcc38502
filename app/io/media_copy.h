// An image chosen for an event's media goes into the data file's folder
// (media must live there: data/FORMAT.md). A file already inside the folder
// is used where it is; another is copied into its "media" subfolder, under a
// name that does not overwrite a different file.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace meridian::io {

// The path to write in the event's media (relative to dataFolder, with '/'),
// or nullopt with *error saying why the file could not be used.
std::optional<std::string> bringMediaIntoFolder(const std::filesystem::path& image,
                                                const std::filesystem::path& dataFolder, std::string* error);

}  // namespace meridian::io

// Saving a dataset into a Meridian data file without ever losing work:
//
// 1. the text is made in the layout of the file it came from (io/dataset_layout:
//    unchanged records byte for byte, unknown keys kept), or the canonical one;
// 2. it must load (a file Meridian itself would reject is never written);
// 3. the version on disk is kept as FILE.bak (written atomically too);
// 4. the new text goes to a temporary file in the same folder, is flushed to
//    disk (fsync), and renamed over FILE (io/text_file): a crash or a full disk
//    at any moment leaves either the old or the new file, never half of one.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/dataset.h"

namespace meridian::io {

// layoutFrom: the text of the file the data was read from ("" for the canonical layout).
bool saveDatasetFile(const std::filesystem::path& path, const Dataset& dataset, std::string_view layoutFrom,
                     std::string* error);

// "FILE.bak" beside FILE.
std::filesystem::path backupPathFor(const std::filesystem::path& path);

}  // namespace meridian::io

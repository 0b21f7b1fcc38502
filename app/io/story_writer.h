// Saving stories back into the data file. Only on an explicit save; the rest
// of the file is kept (its keys, order and values; white space is normalised
// to two-space indentation), the result is re-validated before it replaces
// the file, and the write is atomic.
#pragma once

#include <filesystem>
#include <string>

#include "core/dataset.h"

namespace meridian::io {

// The "stories" array as JSON text (two-space indentation).
std::string storiesToJson(const Dataset& dataset);
// Replaces "stories" in the JSON text of a data file; nullopt-like empty result with *error on failure.
std::string replaceStoriesInText(std::string_view fileText, const Dataset& dataset, std::string* error);
bool saveStories(const std::filesystem::path& file, const Dataset& dataset, std::string* error);

}  // namespace meridian::io

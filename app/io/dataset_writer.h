// Writing a Dataset as a Meridian data file (data/FORMAT.md), in one canonical,
// diff-friendly layout:
//
// - keys in a fixed order (FORMAT.md's), two-space indentation, one key per
//   line, short lists of ids or strings on one line;
// - records in the dataset's order, each record's text depending only on that
//   record (and the ids it names): editing one event changes only that event's
//   lines, so version control shows the edit and nothing else;
// - numbers in their shortest exact form (39.03, not 39.030000000000001);
// - stories as io/story_writer writes them.
//
// load(save(x)) == x for every field the format has (an event's answeredBy is
// not written: the loader derives it from the answers, as it was derived).
#pragma once

#include <filesystem>
#include <string>

#include "core/dataset.h"

namespace meridian::io {

std::string datasetToJson(const Dataset& dataset);

// Writes atomically, after checking that the text loads (a file Meridian
// itself would reject is never written). False with *error on failure.
bool saveDataset(const std::filesystem::path& path, const Dataset& dataset, std::string* error);

}  // namespace meridian::io

// Loading and validating a Meridian data file (format: data/FORMAT.md).
//
// Every problem is collected (not just the first), each with file, line,
// column, JSON path and what was expected. A file with errors yields no
// dataset; warnings (unknown keys) do not stop loading.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "io/diagnostic.h"
#include "io/import/import_progress.h"

namespace meridian::io {

struct DatasetLoadResult {
    std::optional<Dataset> dataset;  // present when there were no errors
    std::vector<Diagnostic> diagnostics;
    bool cancelled = false;  // stopped by progress.cancel: no data, one error "cancelled"
    bool ok() const { return dataset.has_value(); }
};

inline constexpr int kFormatVersion = 1;

// fileName is used in messages and to resolve media paths (relative to its folder).
// baseDir: the data file's folder; when given, media paths are also checked
// after resolving links (they must stay inside it).
//
// The events are read one at a time as the JSON parser reaches them (the whole
// file's JSON tree never exists at once), and the file's text is given back as
// it is read: a 1M-event file peaks at about the size of its model. progress
// reports the fraction of the text read and stops the loading when cancelled.
DatasetLoadResult parseDataset(std::string_view text, const std::string& fileName,
                               const std::filesystem::path& baseDir = {}, const ImportProgress& progress = {});
DatasetLoadResult loadDataset(const std::filesystem::path& path, const ImportProgress& progress = {});
// The same result from the file's whole JSON tree, read first: how a file whose
// lists come after its events is read (and what tests compare the streaming with).
DatasetLoadResult parseDatasetWhole(std::string_view text, const std::string& fileName,
                                    const std::filesystem::path& baseDir = {});

// "1,234 events, 56 places, 78 sources; 1983 to 2024"
std::string summarizeDataset(const Dataset& dataset);

}  // namespace meridian::io

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

namespace meridian::io {

struct DatasetLoadResult {
    std::optional<Dataset> dataset;  // present when there were no errors
    std::vector<Diagnostic> diagnostics;
    bool ok() const { return dataset.has_value(); }
};

inline constexpr int kFormatVersion = 1;

// fileName is used in messages and to resolve media paths (relative to its folder).
// baseDir: the data file's folder; when given, media paths are also checked
// after resolving links (they must stay inside it).
DatasetLoadResult parseDataset(std::string_view text, const std::string& fileName,
                               const std::filesystem::path& baseDir = {});
DatasetLoadResult loadDataset(const std::filesystem::path& path);

// "1,234 events, 56 places, 78 sources; 1983 to 2024"
std::string summarizeDataset(const Dataset& dataset);

}  // namespace meridian::io

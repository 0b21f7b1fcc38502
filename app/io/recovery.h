// Crash recovery: while a document has unsaved changes, a copy of it is
// written every few seconds to a recovery file in the user's state folder
// ($XDG_STATE_HOME/meridian/recovery, else ~/.local/state/meridian/recovery),
// one file per data file. A save or a clean quit deletes it; after a crash or a
// `kill -9`, the next time that data file is opened the app offers to restore it.
//
// A recovery file is a Meridian data file (canonical layout) with one more key
// first, "recoveryOf": the absolute path of the data file it belongs to (the
// file name is a hash of that path, so the key guards against a collision).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/dataset.h"

namespace meridian::io {

// The folder from the environment's values (either may be null or empty).
std::filesystem::path recoveryFolderFrom(const char* xdgStateHome, const char* home);
// The folder for this user (from $XDG_STATE_HOME and $HOME).
std::filesystem::path recoveryFolder();
// "<data file's stem>-<16 hex digits of a hash of its absolute path>.json"; "untitled.json" for no file.
std::filesystem::path recoveryFileFor(const std::filesystem::path& folder, const std::filesystem::path& dataFile);

// The recovery file's text for a dataset of a data file.
std::string recoveryText(const Dataset& dataset, const std::filesystem::path& dataFile);
// Writes it atomically (creating the folder); false with a reason.
bool writeRecoveryFile(const std::filesystem::path& recoveryFile, const Dataset& dataset,
                       const std::filesystem::path& dataFile, std::string* error);

struct RecoveredData {
    Dataset dataset;
    std::filesystem::path dataFile;  // what "recoveryOf" names
};
// Reads a recovery file; nullopt with a reason when it is missing, damaged or not a recovery file.
std::optional<RecoveredData> readRecoveryFile(const std::filesystem::path& recoveryFile, std::string* error);

// Offer to restore when a recovery file exists and is newer than the data file
// (or the data file is gone): an older one predates a save made since.
bool shouldOfferRecovery(std::optional<std::filesystem::file_time_type> recoveryTime,
                         std::optional<std::filesystem::file_time_type> dataFileTime);

// When to write the recovery file: while the document is dirty, at most every
// intervalSec, and only when the revision changed since the last write.
struct RecoveryClock {
    std::uint64_t writtenRevision = 0;  // 0: nothing written (revisions start at 1)
    double writtenAtSec = -1e300;
};
bool recoveryDue(const RecoveryClock& clock, bool dirty, std::uint64_t revision, double nowSec,
                 double intervalSec = 3.0);

}  // namespace meridian::io

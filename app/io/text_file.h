// Reading and atomically writing whole text files.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace meridian::io {

// Reads a whole file in binary. On failure returns nullopt and a reason
// ("no such file", "is a directory", "larger than 1024 MiB", the OS's message).
std::optional<std::string> readWholeFile(const std::filesystem::path& path, std::string* error,
                                         std::size_t maxBytes = std::size_t(1) << 30);

// Writes to a temporary file beside the target, flushes it to disk, then
// renames it over the target: a crash or a full disk never leaves a half-written
// file where the user's file was: on any failure (full disk, read-only folder, a file
// size limit) the old file stays as it was and no temporary file is left.
bool writeFileAtomically(const std::filesystem::path& path, std::string_view contents, std::string* error);

}  // namespace meridian::io

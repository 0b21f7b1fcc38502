#include "io/recovery_writer.h"

#include <chrono>

#include "io/recovery.h"

namespace meridian::io {

bool RecoveryWriter::start(std::filesystem::path recoveryFile, Dataset copy, std::filesystem::path dataFile) {
    if (busy()) return false;
    wait();  // collects the previous result
    auto write = [file = std::move(recoveryFile), data = std::move(copy), source = std::move(dataFile)] {
        std::string error;
        return writeRecoveryFile(file, data, source, &error) ? std::string() : (error.empty() ? "failed" : error);
    };
#ifdef __EMSCRIPTEN__
    // The browser build has one thread (std::async would never start): written now.
    std::promise<std::string> done;
    done.set_value(write());
    m_write = done.get_future();
#else
    m_write = std::async(std::launch::async, std::move(write));
#endif
    return true;
}

bool RecoveryWriter::busy() const {
    return m_write.valid() && m_write.wait_for(std::chrono::seconds(0)) != std::future_status::ready;
}

void RecoveryWriter::wait() {
    if (m_write.valid()) m_result = m_write.get();
}

std::optional<std::string> RecoveryWriter::takeResult() {
    if (m_write.valid() && !busy()) wait();
    std::optional<std::string> r = std::move(m_result);
    m_result.reset();
    return r;
}

}  // namespace meridian::io

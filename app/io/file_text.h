// A file's whole text in memory, for a parser that reads it once from start to
// end: the part already read can be given back (releaseBefore), so a 229 MB
// data file does not stay resident beside the model being built from it.
//
// Read with read(2) into private memory (not a mapping of the file: a file
// truncated by another program while it is parsed must not crash the app).
// Where there is no virtual memory to give back (the browser build), it is a
// plain string and releaseBefore does nothing.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace meridian::io {

class FileText {
public:
    // Reads the file; on failure nullopt and a reason, as readWholeFile (io/text_file.h)
    // says it ("no such file", "is a directory, not a file", "larger than 1024 MiB", ...).
    // Stops (nullopt, reason "cancelled") when *cancel is set between two reads.
    static std::optional<FileText> read(const std::filesystem::path& path, std::string* error,
                                        std::size_t maxBytes = std::size_t(1) << 30,
                                        const std::atomic<bool>* cancel = nullptr);

    FileText() = default;
    FileText(FileText&& other) noexcept;
    FileText& operator=(FileText&& other) noexcept;
    FileText(const FileText&) = delete;
    FileText& operator=(const FileText&) = delete;
    ~FileText();

    // Valid while this lives; the bytes before a released offset read as zeros.
    std::string_view text() const { return m_mapped ? std::string_view(m_mapped, m_size) : std::string_view(m_string); }
    // Gives the memory of the text before offset back to the system (whole pages).
    void releaseBefore(std::size_t offset);
    // Bytes given back so far.
    std::size_t releasedBytes() const { return m_released; }

private:
    char* m_mapped = nullptr;  // null: the text is m_string
    std::size_t m_size = 0;    // of m_mapped's text
    std::size_t m_mappedBytes = 0;
    std::size_t m_released = 0;
    std::string m_string;
};

}  // namespace meridian::io

#include "io/file_text.h"

#include <fcntl.h>
#include <unistd.h>
#ifndef __EMSCRIPTEN__
#include <sys/mman.h>
#endif

#include <cerrno>
#include <cstring>
#include <utility>

#include "io/text_file.h"

namespace meridian::io {

namespace fs = std::filesystem;

FileText::FileText(FileText&& o) noexcept
    : m_mapped(std::exchange(o.m_mapped, nullptr)),
      m_size(std::exchange(o.m_size, 0)),
      m_mappedBytes(std::exchange(o.m_mappedBytes, 0)),
      m_released(std::exchange(o.m_released, 0)),
      m_string(std::move(o.m_string)) {}

FileText& FileText::operator=(FileText&& o) noexcept {
    if (this != &o) {
        FileText old(std::move(*this));  // freed at the end of this scope
        m_mapped = std::exchange(o.m_mapped, nullptr);
        m_size = std::exchange(o.m_size, 0);
        m_mappedBytes = std::exchange(o.m_mappedBytes, 0);
        m_released = std::exchange(o.m_released, 0);
        m_string = std::move(o.m_string);
    }
    return *this;
}

FileText::~FileText() {
#ifndef __EMSCRIPTEN__
    if (m_mapped) ::munmap(m_mapped, m_mappedBytes);
#endif
}

std::optional<FileText> FileText::read(const fs::path& path, std::string* error, std::size_t maxBytes,
                                       const std::atomic<bool>* cancel) {
    auto fail = [&](std::string why) -> std::optional<FileText> {
        if (error) *error = std::move(why);
        return std::nullopt;
    };
#ifdef __EMSCRIPTEN__
    (void)cancel;
    auto whole = readWholeFile(path, error, maxBytes);
    if (!whole) return std::nullopt;
    FileText t;
    t.m_string = std::move(*whole);
    return t;
#else
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) return fail("no such file");
    if (fs::is_directory(status)) return fail("is a directory, not a file");
    if (!fs::is_regular_file(status)) return fail("is not a regular file");
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail(std::strerror(errno));
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    const auto size = fs::file_size(path, ec);
    if (ec) return fail(ec.message());
    if (size > maxBytes) return fail("larger than " + std::to_string(maxBytes >> 20) + " MiB");
    FileText t;
    if (size == 0) return t;
    void* p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return fail(std::strerror(errno));
    t.m_mapped = static_cast<char*>(p);
    t.m_mappedBytes = size;
    // In pieces of 4 MiB: the file comes from the page cache at ~2 GB/s, so a
    // Cancel is seen within a few milliseconds.
    std::size_t done = 0;
    while (done < size) {
        if (cancel && cancel->load(std::memory_order_relaxed)) return fail("cancelled");
        const ssize_t n = ::read(fd, t.m_mapped + done, std::min<std::size_t>(size - done, std::size_t(4) << 20));
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail("read error");
        }
        if (n == 0) break;  // the file got shorter since it was measured: what is there
        done += static_cast<std::size_t>(n);
    }
    t.m_size = done;
    return t;
#endif
}

void FileText::releaseBefore(std::size_t offset) {
#ifndef __EMSCRIPTEN__
    if (!m_mapped) return;
    const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t end = std::min(offset, m_size) / page * page;
    if (end <= m_released) return;
    ::madvise(m_mapped + m_released, end - m_released, MADV_DONTNEED);
    m_released = end;
#else
    (void)offset;
#endif
}

}  // namespace meridian::io

#include "io/text_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace meridian::io {

namespace fs = std::filesystem;

std::optional<std::string> readWholeFile(const fs::path& path, std::string* error, std::size_t maxBytes) {
    auto fail = [&](std::string why) -> std::optional<std::string> {
        if (error) *error = std::move(why);
        return std::nullopt;
    };
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) return fail("no such file");
    if (fs::is_directory(status)) return fail("is a directory, not a file");
    // A FIFO or a device would block or never end: data files are regular files.
    if (!fs::is_regular_file(status)) return fail("is not a regular file");
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return fail(std::strerror(errno));
    std::string data;
    char buffer[1 << 16];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) {
        if (data.size() + n > maxBytes) {
            std::fclose(f);
            return fail("larger than " + std::to_string(maxBytes >> 20) + " MiB");
        }
        data.append(buffer, n);
    }
    const bool readError = std::ferror(f);
    std::fclose(f);
    if (readError) return fail("read error");
    return data;
}

bool writeFileAtomically(const fs::path& target, std::string_view contents, std::string* error) {
    auto fail = [&](std::string why) {
        if (error) *error = std::move(why);
        return false;
    };
    // Through a symbolic link, the file it points to is replaced (not the link by a file).
    fs::path path = target;
    std::error_code linkError;
    if (fs::is_symlink(target, linkError)) {
        const fs::path resolved = fs::weakly_canonical(target, linkError);
        if (!linkError) path = resolved;
    }
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::string tmpl = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) return fail("cannot create a temporary file in " + dir.string() + ": " + std::strerror(errno));
    std::size_t written = 0;
    while (written < contents.size()) {
        const ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            const std::string why = std::strerror(errno);
            ::close(fd);
            ::unlink(tmpl.c_str());
            return fail("cannot write " + tmpl + ": " + why);
        }
        written += static_cast<std::size_t>(n);
    }
    // Keep the original file's permissions when replacing it.
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0)
        ::fchmod(fd, st.st_mode & 07777);
    else
        ::fchmod(fd, 0644);
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(tmpl.c_str());
        return fail("cannot flush " + tmpl + ": " + why);
    }
    if (std::rename(tmpl.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(tmpl.c_str());
        return fail("cannot replace " + path.string() + ": " + why);
    }
    // The rename itself reaches the disk with the folder's entry.
    if (const int dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return true;
}

}  // namespace meridian::io

#include "io/user_folders.h"

#include <cstdlib>

#include "io/text_file.h"

namespace meridian::io {

namespace {

const char* keyOf(UserFolder f) {
    switch (f) {
        case UserFolder::Pictures:
            return "XDG_PICTURES_DIR";
        case UserFolder::Videos:
            return "XDG_VIDEOS_DIR";
        case UserFolder::Documents:
            return "XDG_DOCUMENTS_DIR";
    }
    return "";
}

const char* defaultNameOf(UserFolder f) {
    switch (f) {
        case UserFolder::Pictures:
            return "Pictures";
        case UserFolder::Videos:
            return "Videos";
        case UserFolder::Documents:
            return "Documents";
    }
    return "";
}

std::string homeFolder() {
    const char* home = std::getenv("HOME");
    return home && *home ? home : "/";
}

}  // namespace

std::filesystem::path userFolderFromDirsFile(std::string_view text, UserFolder folder, const std::string& home) {
    const std::string key = keyOf(folder);
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        if (line.empty() || line.front() == '#' || line.substr(0, key.size()) != key) continue;
        line.remove_prefix(key.size());
        if (line.empty() || line.front() != '=') continue;
        line.remove_prefix(1);
        if (line.size() >= 2 && line.front() == '"' && line.back() == '"') line = line.substr(1, line.size() - 2);
        std::string value(line);
        if (value.rfind("$HOME", 0) == 0) value = home + value.substr(5);
        if (value.empty() || value.front() != '/') return {};  // only absolute paths, as the spec says
        return value;
    }
    return {};
}

std::filesystem::path exportFolder(UserFolder folder, const std::filesystem::path& fallback) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const std::string home = homeFolder();
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    const fs::path config = xdg && *xdg == '/' ? fs::path(xdg) : fs::path(home) / ".config";
    std::string error;
    if (const auto dirs = readWholeFile(config / "user-dirs.dirs", &error, 1 << 20)) {
        const fs::path p = userFolderFromDirsFile(*dirs, folder, home);
        if (!p.empty() && fs::is_directory(p, ec)) return p;
    }
    if (const fs::path p = fs::path(home) / defaultNameOf(folder); fs::is_directory(p, ec)) return p;
    if (!fallback.empty() && fs::is_directory(fallback, ec)) return fallback;
    return home;
}

}  // namespace meridian::io

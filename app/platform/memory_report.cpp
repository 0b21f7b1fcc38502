#include "platform/memory_report.h"

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <vector>

namespace meridian::platform {

namespace {

long statusKiB(const std::string& status, const char* key) {
    const auto at = status.find(key);
    return at == std::string::npos ? -1 : std::strtol(status.c_str() + at + std::string(key).size(), nullptr, 10);
}

// Resident KiB per mapping name in /proc/self/smaps (anonymous ones as "[anon]").
std::vector<std::pair<long, std::string>> residentByMapping() {
    std::ifstream f("/proc/self/smaps");
    std::map<std::string, long> kib;
    std::string line, name;
    while (std::getline(f, line)) {
        if (line.empty()) continue;
        const bool header = line.find('-') < line.find(' ') && line.find(':') > line.find(' ');
        if (header) {
            // address perms offset dev inode [path]
            std::size_t pos = 0;
            for (int field = 0; field < 5 && pos != std::string::npos; ++field) pos = line.find_first_of(' ', pos + 1);
            pos = pos == std::string::npos ? std::string::npos : line.find_first_not_of(' ', pos);
            name = pos == std::string::npos ? "[anon]" : line.substr(pos);
            if (const auto slash = name.rfind('/'); slash != std::string::npos && name[0] == '/')
                name = name.substr(slash + 1);
        } else if (line.rfind("Rss:", 0) == 0) {
            kib[name] += std::strtol(line.c_str() + 4, nullptr, 10);
        }
    }
    std::vector<std::pair<long, std::string>> out;
    for (const auto& [n, k] : kib) out.emplace_back(k, n);
    std::sort(out.rbegin(), out.rend());
    return out;
}

}  // namespace

std::string formatMemoryReport(int topMappings) {
    std::ifstream f("/proc/self/status");
    const std::string status((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    char buf[400];
    std::string out;
    std::snprintf(buf, sizeof buf, "  resident %ld MiB (peak %ld): anonymous %ld, files %ld, shared %ld; %ld threads\n",
                  statusKiB(status, "VmRSS:") / 1024, statusKiB(status, "VmHWM:") / 1024,
                  statusKiB(status, "RssAnon:") / 1024, statusKiB(status, "RssFile:") / 1024,
                  statusKiB(status, "RssShmem:") / 1024, statusKiB(status, "Threads:"));
    out += buf;
#if defined(__GLIBC__)
    const struct mallinfo2 mi = mallinfo2();
    std::snprintf(buf, sizeof buf,
                  "  malloc: %.1f MiB in use, %.1f MiB free but kept (heap and arenas %.1f MiB, mapped blocks %.1f "
                  "MiB)\n",
                  static_cast<double>(mi.uordblks + mi.hblkhd) / 1048576.0,
                  static_cast<double>(mi.fordblks) / 1048576.0, static_cast<double>(mi.arena) / 1048576.0,
                  static_cast<double>(mi.hblkhd) / 1048576.0);
    out += buf;
#endif
    if (topMappings > 0) {
        out += "  resident by mapping (MiB):";
        const auto mappings = residentByMapping();
        for (std::size_t i = 0; i < mappings.size() && i < static_cast<std::size_t>(topMappings); ++i) {
            std::snprintf(buf, sizeof buf, "%s %.1f %s", i ? "," : "", static_cast<double>(mappings[i].first) / 1024.0,
                          mappings[i].second.c_str());
            out += buf;
        }
        out += "\n";
    }
    return out;
}

}  // namespace meridian::platform

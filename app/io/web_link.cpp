#include "io/web_link.h"

#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstring>
#include <thread>

extern char** environ;

namespace meridian::io {

bool isOpenableWebUrl(std::string_view url) {
    std::string_view rest;
    if (url.substr(0, 8) == "https://")
        rest = url.substr(8);
    else if (url.substr(0, 7) == "http://")
        rest = url.substr(7);
    else
        return false;
    if (rest.empty() || rest[0] == '/' || rest[0] == '-') return false;
    for (char c : url) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F || c == '"' || c == '\'' || c == '`' || c == '\\' || c == '<' || c == '>')
            return false;
    }
    return true;
}

bool openInBrowser(const std::string& url, std::string* error) {
    if (!isOpenableWebUrl(url)) {
        if (error) *error = "not an http(s) address: refused";
        return false;
    }
    pid_t pid = 0;
    char* argv[] = {const_cast<char*>("xdg-open"), const_cast<char*>(url.c_str()), nullptr};
    const int rc = posix_spawnp(&pid, "xdg-open", nullptr, nullptr, argv, environ);
    if (rc != 0) {
        if (error) *error = std::string("cannot start xdg-open: ") + std::strerror(rc);
        return false;
    }
    // xdg-open returns quickly after handing the URL over; reap it off the UI
    // thread so that no zombie stays.
    std::thread([pid] {
        int status = 0;
        waitpid(pid, &status, 0);
    }).detach();
    return true;
}

}  // namespace meridian::io

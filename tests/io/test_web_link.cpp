// Opening a source's address: only http(s), never through a shell, the URL as
// one argument. A stand-in xdg-open on PATH records what it was given.
#include <doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "io/web_link.h"

using namespace meridian::io;

TEST_CASE("only plain http(s) addresses may be opened") {
    CHECK(isOpenableWebUrl("https://www.un.org/securitycouncil/sanctions/1718"));
    CHECK(isOpenableWebUrl("http://example.org/a?b=c&d=e#f"));
    CHECK_FALSE(isOpenableWebUrl("file:///etc/passwd"));
    CHECK_FALSE(isOpenableWebUrl("javascript:alert(1)"));
    CHECK_FALSE(isOpenableWebUrl("https://"));
    CHECK_FALSE(isOpenableWebUrl("https:///etc"));
    CHECK_FALSE(isOpenableWebUrl("https://-oProxyCommand=evil"));
    CHECK_FALSE(isOpenableWebUrl("https://example.org/a b"));
    CHECK_FALSE(isOpenableWebUrl("https://example.org/$(rm -rf ~)"));  // a space
    CHECK_FALSE(isOpenableWebUrl("https://example.org/`id`"));
    CHECK_FALSE(isOpenableWebUrl("https://example.org/\"x"));
    CHECK_FALSE(isOpenableWebUrl("https://example.org/\n"));
    CHECK_FALSE(isOpenableWebUrl("HTTPS://EXAMPLE.ORG"));  // as written in data files: lower case
}

TEST_CASE("openInBrowser hands the URL to xdg-open as one argument, without a shell") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("meridian-web-link-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path record = dir / "args.txt";
    {
        std::ofstream script(dir / "xdg-open");
        script << "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$1\" > '" << record.string() << "'\n";
    }
    ::chmod((dir / "xdg-open").c_str(), 0755);
    const std::string oldPath = std::getenv("PATH") ? std::getenv("PATH") : "";
    ::setenv("PATH", (dir.string() + ":" + oldPath).c_str(), 1);

    const std::string url = "https://example.org/report?id=1&x=$HOME;echo";
    std::string error;
    REQUIRE(openInBrowser(url, &error));
    std::string content;
    for (int i = 0; i < 100 && content.empty(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        std::ifstream in(record);
        std::stringstream ss;
        ss << in.rdbuf();
        content = ss.str();
    }
    CHECK(content == "1\n" + url + "\n");  // one argument, unchanged ($HOME not expanded)

    fs::remove(record);
    CHECK_FALSE(openInBrowser("file:///etc/passwd", &error));
    CHECK(error == "not an http(s) address: refused");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK_FALSE(fs::exists(record));  // never started

    ::setenv("PATH", oldPath.c_str(), 1);
    fs::remove_all(dir);
}

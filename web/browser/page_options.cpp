#include "browser/page_options.h"

#include <cctype>

namespace meridian::web {

std::string inAddressWords(std::string text) {
    for (std::size_t at = text.find("--"); at != std::string::npos; at = text.find("--", at + 1)) {
        std::size_t end = at + 2;
        while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '-')) ++end;
        if (end == at + 2) continue;
        const std::string name = text.substr(at + 2, end - at - 2);
        text.replace(at, end - at, "?" + name);
    }
    return text;
}

io::CommandLineResult browserCommandLine(const std::vector<std::string>& args, std::vector<std::string>* notes) {
    io::CommandLineResult r = io::parseCommandLine(args);
    if (!r.error.empty()) {
        notes->push_back("The page's address: " + inAddressWords(r.error) + " (its options are ignored)");
        std::vector<std::string> fileOnly;
        if (!args.empty() && !args.front().starts_with("-")) fileOnly.push_back(args.front());
        r = io::parseCommandLine(fileOnly);
    }
    io::CommandLine& o = r.options;
    std::vector<std::string> dropped;
    auto drop = [&](bool& flag, const char* name) {
        if (flag) dropped.push_back(name), flag = false;
    };
    auto dropText = [&](std::string& value, const char* name) {
        if (!value.empty()) dropped.push_back(name), value.clear();
    };
    drop(o.validate, "?validate");
    drop(o.help, "?help");
    drop(o.version, "?version");
    drop(o.speakerNotes, "?speaker-notes (no speaker-notes window in the browser)");
    dropText(o.screenshotPath, "?screenshot");
    dropText(o.exportVideo, "?export-video (video export needs the desktop app)");
    dropText(o.layoutReport, "?layout-report");
    dropText(o.stateReport, "?state-report");
    for (const std::string& d : dropped) notes->push_back(d + ": only in the desktop app; ignored");
    return r;
}

}  // namespace meridian::web

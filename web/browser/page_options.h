// The page's address as the app's command line. web/site/pre.js turns
// ?data=FILE&story=ID&step=2&present into `/fetched/FILE --story ID --step 2
// --present` (the file fetched from next to the page); this parses that with the
// desktop's parser (io::parseCommandLine) and makes it fit the browser:
//   - a bad option never leaves a blank page: it is noted and the page opens
//     with the file alone;
//   - what only the desktop does (--validate, --screenshot, --export-video,
//     --speaker-notes, the test reports, --help, --version) is dropped, with a
//     note saying so.
// Notes are for the page's status line, in the address's wording (?story, not --story).
#pragma once

#include <string>
#include <vector>

#include "io/command_line.h"

namespace meridian::web {

io::CommandLineResult browserCommandLine(const std::vector<std::string>& args, std::vector<std::string>* notes);

// A message about options in the address's words: "--story: no story" -> "?story: no story".
std::string inAddressWords(std::string text);

}  // namespace meridian::web

// Opening a source's web address in the user's browser. Only http(s) URLs
// without control characters or spaces are ever opened; anything else
// (file:, javascript:, a shell command) is refused.
#pragma once

#include <string>
#include <string_view>

namespace meridian::io {

bool isOpenableWebUrl(std::string_view url);
// Starts `xdg-open URL` without a shell. Returns false (with a reason) when
// the URL is refused or xdg-open cannot be started.
bool openInBrowser(const std::string& url, std::string* error);

}  // namespace meridian::io

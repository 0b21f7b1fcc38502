#include "browser/gazetteer_fetch.h"

#include <emscripten.h>

#include <filesystem>
#include <system_error>

#include "io/asset_paths.h"
#include "io/import/open_any.h"

namespace meridian::web {

namespace {

constexpr const char* kUrl = "assets/gazetteer/gazetteer.tsv";  // next to the page

GazetteerFetch g_state = GazetteerFetch::None;
std::string g_message;

void onLoaded(const char*) {
    g_state = GazetteerFetch::Done;
}

void onFailed(const char*) {
    g_state = GazetteerFetch::Failed;
    g_message = std::string(kUrl) + " could not be fetched: places named in the table are not found";
}

std::filesystem::path localPath() {
    return io::assetPath("gazetteer/gazetteer.tsv");
}

}  // namespace

bool gazetteerWanted(const std::string& path) {
    std::error_code ec;
    return io::sniffFileFormat(path) == io::FileFormat::Csv && !std::filesystem::exists(localPath(), ec);
}

void fetchGazetteer() {
    if (g_state == GazetteerFetch::Pending) return;
    std::error_code ec;
    std::filesystem::create_directories(localPath().parent_path(), ec);
    g_state = GazetteerFetch::Pending;
    g_message.clear();
    emscripten_async_wget(kUrl, localPath().c_str(), onLoaded, onFailed);
}

GazetteerFetch gazetteerFetchState(std::string* message) {
    *message = g_message;
    return g_state;
}

}  // namespace meridian::web

#include "io/recovery.h"

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "io/dataset_loader.h"
#include "io/dataset_writer.h"
#include "io/import/json_text.h"
#include "io/json_spans.h"
#include "io/text_file.h"

namespace meridian::io {

namespace fs = std::filesystem;

namespace {

constexpr const char* kRecoveryKey = "recoveryOf";

std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 1469598103934665603ull;
    for (const unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

}  // namespace

fs::path recoveryFolderFrom(const char* xdgStateHome, const char* home) {
    // The XDG base directory spec: a relative $XDG_STATE_HOME is invalid and ignored.
    if (xdgStateHome && *xdgStateHome == '/') return fs::path(xdgStateHome) / "meridian" / "recovery";
    if (home && *home) return fs::path(home) / ".local" / "state" / "meridian" / "recovery";
    return fs::temp_directory_path() / "meridian-recovery";
}

fs::path recoveryFolder() {
    return recoveryFolderFrom(std::getenv("XDG_STATE_HOME"), std::getenv("HOME"));
}

fs::path recoveryFileFor(const fs::path& folder, const fs::path& dataFile) {
    if (dataFile.empty()) return folder / "untitled.json";
    std::error_code ec;
    const fs::path absolute = fs::absolute(dataFile, ec).lexically_normal();
    char hash[17];
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(fnv1a(absolute.string())));
    std::string stem = dataFile.stem().string();
    if (stem.empty()) stem = "data";
    return folder / (stem + "-" + hash + ".json");
}

std::string recoveryText(const Dataset& dataset, const fs::path& dataFile) {
    std::error_code ec;
    const fs::path absolute = dataFile.empty() ? fs::path() : fs::absolute(dataFile, ec).lexically_normal();
    const std::string body = datasetToJson(dataset);  // "{\n  \"meridian\": ..."
    std::string out = "{\n  \"";
    out += kRecoveryKey;
    out += "\": ";
    appendJsonString(out, absolute.string());
    out += ",";
    out += std::string_view(body).substr(1);
    return out;
}

bool writeRecoveryFile(const fs::path& recoveryFile, const Dataset& dataset, const fs::path& dataFile,
                       std::string* error) {
    std::error_code ec;
    fs::create_directories(recoveryFile.parent_path(), ec);
    if (ec) {
        if (error) *error = "cannot create " + recoveryFile.parent_path().string() + ": " + ec.message();
        return false;
    }
    return writeFileAtomically(recoveryFile, recoveryText(dataset, dataFile), error);
}

std::optional<RecoveredData> readRecoveryFile(const fs::path& recoveryFile, std::string* error) {
    auto fail = [&](std::string why) -> std::optional<RecoveredData> {
        if (error) *error = recoveryFile.string() + ": " + why;
        return std::nullopt;
    };
    std::string why;
    const auto text = readWholeFile(recoveryFile, &why);
    if (!text) return fail(why);
    const auto top = jsonObjectSpans(*text);
    if (!top || top->members.empty() || top->members[0].key != kRecoveryKey)
        return fail(std::string("not a recovery file (expected \"") + kRecoveryKey + "\" first)");
    const JsonSpan v = top->members[0].value;
    const nlohmann::json of = nlohmann::json::parse(text->substr(v.begin, v.end - v.begin), nullptr, false);
    if (!of.is_string()) return fail(std::string("\"") + kRecoveryKey + "\" is not a string");
    DatasetLoadResult loaded = parseDataset(*text, recoveryFile.string());
    if (!loaded.ok()) {
        for (const Diagnostic& d : loaded.diagnostics)
            if (d.severity == Severity::Error) return fail("damaged: " + d.format());
        return fail("damaged");
    }
    return RecoveredData{std::move(*loaded.dataset), fs::path(of.get<std::string>())};
}

bool shouldOfferRecovery(std::optional<fs::file_time_type> recoveryTime, std::optional<fs::file_time_type> dataTime) {
    if (!recoveryTime) return false;
    if (!dataTime) return true;
    return *recoveryTime > *dataTime;
}

bool recoveryDue(const RecoveryClock& clock, bool dirty, std::uint64_t revision, double nowSec, double intervalSec) {
    return dirty && revision != clock.writtenRevision && nowSec - clock.writtenAtSec >= intervalSec;
}

}  // namespace meridian::io

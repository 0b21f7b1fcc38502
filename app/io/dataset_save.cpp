#include "io/dataset_save.h"

#include "io/dataset_layout.h"
#include "io/dataset_loader.h"
#include "io/text_file.h"

namespace meridian::io {

namespace fs = std::filesystem;

fs::path backupPathFor(const fs::path& path) {
    return path.string() + ".bak";
}

bool saveDatasetFile(const fs::path& path, const Dataset& dataset, std::string_view layoutFrom, std::string* error) {
    auto fail = [&](std::string why) {
        if (error) *error = std::move(why);
        return false;
    };
    const LaidOutText laidOut = layOutDataset(dataset, layoutFrom);
    const std::string& text = laidOut.text;
    if (!laidOut.checked) {  // a kept layout was read back already
        const DatasetLoadResult check = parseDataset(text, path.string());
        if (!check.ok()) {
            std::string first;
            for (const Diagnostic& d : check.diagnostics)
                if (d.severity == Severity::Error) {
                    first = d.format();
                    break;
                }
            return fail("the saved file would not load (" + first + "); not saved");
        }
    }
    std::error_code ec;
    if (fs::exists(path, ec)) {
        std::string why;
        const auto previous = readWholeFile(path, &why);
        if (!previous) return fail("cannot read the previous version of " + path.string() + ": " + why);
        if (!writeFileAtomically(backupPathFor(path), *previous, &why))
            return fail("cannot keep the previous version as " + backupPathFor(path).string() + ": " + why);
    }
    return writeFileAtomically(path, text, error);
}

}  // namespace meridian::io

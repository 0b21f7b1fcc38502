// Opening a file into the document: on success the data is replaced (a reload
// of the same file keeps the playhead, the selection and the filters); on
// errors the document keeps the data it had, and the report says why.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"
#include "io/import/open_any.h"
#include "session/session.h"

namespace meridian {

struct LoadReport {
    std::string path;
    std::vector<Diagnostic> diagnostics;
    bool ok = false;
    bool reload = false;  // the same file as before
    io::FileFormat format = io::FileFormat::Unknown;
    std::string summary;  // "85 events, 16 places ..." or "412 rows: 405 events, 7 skipped"
};

// Any file Meridian reads (Meridian JSON, or an import through the mapping
// saved beside it, else the guessed one: io/import/open_any.h).
LoadReport openFile(Document& doc, Session& s, const std::string& path, const io::OpenOptions& options = {});

// openFile in two halves, for reading a big file on a worker thread while the
// document stays usable: readFile touches no document or session (it may run
// on any thread; options.progress reports and cancels), adoptFile then does on
// the UI thread what openFile does with what was read.
struct ReadFile {
    std::string path;
    io::AnyFileResult result;
    std::filesystem::file_time_type fileTime;  // taken before reading (a change while reading is seen later)
};
ReadFile readFile(const std::string& path, const io::OpenOptions& options = {});
LoadReport adoptFile(Document& doc, Session& s, ReadFile read);
// Data already loaded (the import dialog's result) as the document, from path.
LoadReport adoptDataset(Document& doc, Session& s, Dataset data, const std::string& path,
                        std::vector<Diagnostic> diagnostics, io::FileFormat format);

}  // namespace meridian

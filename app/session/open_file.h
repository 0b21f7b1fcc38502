// Opening a file into the document: on success the data is replaced (a reload
// of the same file keeps the playhead, the selection and the filters); on
// errors the document keeps the data it had, and the report says why.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"
#include "session/session.h"

namespace meridian {

struct LoadReport {
    std::string path;
    std::vector<Diagnostic> diagnostics;
    bool ok = false;
    bool reload = false;  // the same file as before
};

LoadReport openFile(Document& doc, Session& s, const std::string& path);

}  // namespace meridian

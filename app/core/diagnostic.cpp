#include "core/diagnostic.h"

#include <algorithm>

namespace meridian {

std::string Diagnostic::format() const {
    std::string out = file;
    if (line > 0) {
        out += ':';
        out += std::to_string(line);
    }
    if (line > 0 && column > 0) {  // rows of a table have a line, no column
        out += ':';
        out += std::to_string(column);
    }
    out += ": ";
    if (severity == Severity::Warning) out += "warning: ";
    if (!path.empty()) out += path + ": ";
    out += message;
    return out;
}

std::size_t countErrors(const std::vector<Diagnostic>& diagnostics) {
    return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                                  [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

}  // namespace meridian

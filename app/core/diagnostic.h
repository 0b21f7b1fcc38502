// A problem found in a file: where it is and what was expected. Plain data
// (the model keeps a document's problems; io's readers produce them).
#pragma once

#include <string>
#include <vector>

namespace meridian {

enum class Severity { Error, Warning };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string file;     // as given by the user
    unsigned line = 0;    // 1-based; 0 when the problem is about the whole file
    unsigned column = 0;  // 1-based, in characters
    std::string path;     // JSON path, e.g. "events[12].date"; empty for syntax errors
    std::string message;  // what is wrong and what was expected

    // "data/x.json:41:17: events[3].date: "2006-02-30" is not a calendar date (...)"
    // Warnings carry a "warning: " prefix before the message.
    std::string format() const;
    friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

std::size_t countErrors(const std::vector<Diagnostic>& diagnostics);

}  // namespace meridian

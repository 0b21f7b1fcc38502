// Live validation for the editor: the document run through the same checks
// as `meridian --validate` (written as the file would be, then read back by
// the loader), and each problem tied to the record and field it concerns
// ("events[12].date" -> event 12, field "date"), so the editor shows it at
// that field. Keyed on the document's revision by the caller.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.h"
#include "core/diagnostic.h"
#include "core/edit.h"

namespace meridian {

// Where a JSON path of the data file points: a record's field, or the
// dataset's own fields (record == false: "title", "license").
struct FieldLocation {
    bool record = false;
    RecordKind kind = RecordKind::Event;
    Index at = 0;
    std::string field;  // the first key below the record: "date", "sources" ("sources[2]" -> "sources")
    friend bool operator==(const FieldLocation&, const FieldLocation&) = default;
};
// "events[12].date" -> {true, Event, 12, "date"}; "title" -> {false, .., "title"};
// nullopt for a path that names no field ("" for a syntax error).
std::optional<FieldLocation> parseFieldPath(std::string_view jsonPath);

struct FieldProblem {
    FieldLocation where;
    Severity severity = Severity::Error;
    std::string message;
};

struct FieldProblems {
    std::uint64_t revision = 0;  // the document revision they were found in
    std::vector<FieldProblem> problems;
    std::size_t errors = 0;
    // The problems of one field of a record (field empty: any field of it).
    std::vector<const FieldProblem*> at(RecordKind kind, Index record, std::string_view field = {}) const;
    std::vector<const FieldProblem*> info(std::string_view field) const;
};

// Runs the validator on the dataset as it would be saved into `file` (media
// paths are checked against its folder; empty: not checked).
FieldProblems findFieldProblems(const Dataset& ds, const std::filesystem::path& file, std::uint64_t revision);

}  // namespace meridian

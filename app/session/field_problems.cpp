#include "session/field_problems.h"

#include <charconv>

#include "io/dataset_loader.h"
#include "io/dataset_writer.h"

namespace meridian {

namespace {

std::optional<RecordKind> kindOfList(std::string_view list) {
    if (list == "places") return RecordKind::Place;
    if (list == "sources") return RecordKind::Source;
    if (list == "categories") return RecordKind::Category;
    if (list == "actors") return RecordKind::Actor;
    if (list == "eras") return RecordKind::Era;
    if (list == "events") return RecordKind::Event;
    if (list == "stories") return RecordKind::Story;
    return std::nullopt;
}

}  // namespace

std::optional<FieldLocation> parseFieldPath(std::string_view path) {
    if (path.empty()) return std::nullopt;
    const std::size_t bracket = path.find('[');
    const std::size_t dot = path.find('.');
    FieldLocation loc;
    if (bracket == std::string_view::npos || (dot != std::string_view::npos && dot < bracket)) {
        // A top-level key: "title", "authors".
        loc.field = std::string(path.substr(0, std::min(dot, path.size())));
        return loc;
    }
    const auto kind = kindOfList(path.substr(0, bracket));
    const std::size_t close = path.find(']', bracket);
    if (!kind || close == std::string_view::npos) {
        loc.field = std::string(path.substr(0, bracket));
        return loc;
    }
    std::uint64_t index = 0;
    const auto r = std::from_chars(path.data() + bracket + 1, path.data() + close, index);
    if (r.ec != std::errc() || r.ptr != path.data() + close) return std::nullopt;
    loc.record = true;
    loc.kind = *kind;
    loc.at = static_cast<Index>(index);
    std::string_view rest = path.substr(close + 1);
    if (!rest.empty() && rest.front() == '.') {
        rest.remove_prefix(1);
        loc.field = std::string(rest.substr(0, rest.find_first_of(".[")));
    }
    return loc;
}

std::vector<const FieldProblem*> FieldProblems::at(RecordKind kind, Index record, std::string_view field) const {
    std::vector<const FieldProblem*> out;
    for (const FieldProblem& p : problems)
        if (p.where.record && p.where.kind == kind && p.where.at == record && (field.empty() || p.where.field == field))
            out.push_back(&p);
    return out;
}

std::vector<const FieldProblem*> FieldProblems::info(std::string_view field) const {
    std::vector<const FieldProblem*> out;
    for (const FieldProblem& p : problems)
        if (!p.where.record && (field.empty() || p.where.field == field)) out.push_back(&p);
    return out;
}

FieldProblems findFieldProblems(const Dataset& ds, const std::filesystem::path& file, std::uint64_t revision) {
    FieldProblems out;
    out.revision = revision;
    // The writer keeps the dataset's order, so "events[12]" is events[12] here.
    const std::string text = io::datasetToJson(ds);
    const std::filesystem::path baseDir = file.empty() ? std::filesystem::path() : file.parent_path();
    const io::DatasetLoadResult r =
        io::parseDataset(text, file.empty() ? std::string("(new dataset)") : file.string(), baseDir);
    for (const Diagnostic& d : r.diagnostics) {
        FieldProblem p;
        p.where = parseFieldPath(d.path).value_or(FieldLocation{});
        p.severity = d.severity;
        p.message = d.message;
        if (d.severity == Severity::Error) ++out.errors;
        out.problems.push_back(std::move(p));
    }
    return out;
}

}  // namespace meridian

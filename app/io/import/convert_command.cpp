#include "io/import/convert_command.h"

#include <memory>

#include "io/dataset_loader.h"
#include "io/import/gazetteer.h"
#include "io/import/open_any.h"
#include "io/import/save_any.h"

namespace meridian::io {

namespace {

struct ConvertArgs {
    std::string in, out;
    std::optional<ExportFormat> format;
    OpenOptions open;
    bool gazetteer = true;
    std::string saveMapping;
};

// Parses the arguments; a usage error's text, or empty.
std::string parseArgs(const std::vector<std::string>& args, ConvertArgs& a) {
    std::vector<std::string> positional;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&](std::string& into) -> std::string {
            if (i + 1 >= args.size()) return arg + " needs a value";
            into = args[++i];
            return {};
        };
        std::string v, problem;
        if (arg == "--format") {
            if (!(problem = value(v)).empty()) return problem;
            a.format = parseExportFormat(v);
            if (!a.format) return "unknown format \"" + v + "\" (expected meridian, csv, tsv, timelinejs or geojson)";
        } else if (arg == "--mapping") {
            if (!(problem = value(v)).empty()) return problem;
            a.open.mappingFile = v;
        } else if (arg == "--day-first") {
            a.open.dateOrder = DayMonthOrder::DayFirst;
        } else if (arg == "--month-first") {
            a.open.dateOrder = DayMonthOrder::MonthFirst;
        } else if (arg == "--encoding") {
            if (!(problem = value(v)).empty()) return problem;
            a.open.encoding = parseEncodingChoice(v);
            if (!a.open.encoding) return "unknown encoding \"" + v + "\" (expected auto, utf-8 or windows-1252)";
        } else if (arg == "--delimiter") {
            if (!(problem = value(v)).empty()) return problem;
            if (v == "tab" || v == "\\t" || v == "\t")
                a.open.delimiter = '\t';
            else if (v == "," || v == ";" || v == "|")
                a.open.delimiter = v[0];
            else
                return "unknown delimiter \"" + v + "\" (expected , ; | or tab)";
        } else if (arg == "--sheet") {
            if (!(problem = value(v)).empty()) return problem;
            a.open.sheet = v;
        } else if (arg == "--no-gazetteer") {
            a.gazetteer = false;
        } else if (arg == "--save-mapping") {
            if (!(problem = value(a.saveMapping)).empty()) return problem;
        } else if (arg.size() > 1 && arg[0] == '-') {
            return "unknown option " + arg;
        } else {
            positional.push_back(arg);
        }
    }
    if (positional.size() != 2) return "expected an input and an output file";
    a.in = positional[0];
    a.out = positional[1];
    if (!a.format) a.format = exportFormatForPath(a.out);
    if (!a.format)
        return "cannot tell the output format from \"" + a.out +
               "\" (name it .json, .csv, .tsv, .geojson or .timeline.json, or give --format)";
    return {};
}

std::unique_ptr<Gazetteer> loadGazetteer(std::FILE* err) {
    std::string error;
    auto g = Gazetteer::loadDefault(&error);
    if (!g)
        std::fprintf(err, "meridian: warning: no gazetteer (%s): places given by name will not be found\n",
                     error.c_str());
    return g;
}

void print(const std::vector<Diagnostic>& diagnostics, std::FILE* to) {
    for (const Diagnostic& d : diagnostics) std::fprintf(to, "%s\n", d.format().c_str());
}

}  // namespace

const char* convertUsage() {
    return "usage: meridian convert IN OUT [--format meridian|csv|tsv|timelinejs|geojson] [--mapping FILE]\n"
           "                        [--day-first | --month-first] [--encoding utf-8|windows-1252]\n"
           "                        [--delimiter ,|;|tab] [--sheet NAME] [--no-gazetteer] [--save-mapping FILE]\n"
           "  IN: Meridian JSON, CSV/TSV, TimelineJS JSON, GeoJSON, or (with GDAL) .xlsx .ods .kml .gpx .gpkg\n"
           "  OUT: .json (Meridian), .csv, .tsv, .geojson, .timeline.json (TimelineJS)\n"
           "  Exit status: 0 every row converted, 1 rows skipped or nothing converted, 2 usage error.\n";
}

int runConvertCommand(const std::vector<std::string>& args, std::FILE* out, std::FILE* err) {
    ConvertArgs a;
    if (const std::string problem = parseArgs(args, a); !problem.empty()) {
        std::fprintf(err, "meridian convert: %s\n%s", problem.c_str(), convertUsage());
        return 2;
    }
    std::unique_ptr<Gazetteer> gazetteer = a.gazetteer ? loadGazetteer(err) : nullptr;
    a.open.gazetteer = gazetteer.get();
    const AnyFileResult r = loadAnyFile(a.in, a.open);
    print(r.diagnostics, err);
    if (!r.ok()) {
        std::fprintf(err, "%s: not converted\n", a.in.c_str());
        return 1;
    }
    if (!a.saveMapping.empty() && r.mapping) {
        std::string error;
        if (!saveMapping(a.saveMapping, *r.mapping, &error))
            std::fprintf(err, "meridian convert: cannot save the mapping: %s\n", error.c_str());
    }
    std::string error;
    if (!saveDatasetAs(a.out, *r.dataset, *a.format, &error)) {
        std::fprintf(err, "%s: not written: %s\n", a.out.c_str(), error.c_str());
        return 1;
    }
    std::fprintf(out, "%s -> %s (%s): %s\n", a.in.c_str(), a.out.c_str(), exportFormatLabel(*a.format),
                 r.summary().c_str());
    return r.report && r.report->skipped > 0 ? 1 : 0;
}

int runValidateAnyFile(const std::string& path, std::FILE* out, std::FILE* err) {
    OpenOptions options;
    if (sniffFileFormat(path) == FileFormat::MeridianJson) {
        // Meridian's own files: exactly what --validate always printed.
        const AnyFileResult r = loadAnyFile(path, options);
        print(r.diagnostics, r.ok() ? out : err);
        if (!r.ok()) {
            const std::size_t n = countErrors(r.diagnostics);
            std::fprintf(err, "%s: %zu %s; not loaded\n", path.c_str(), n, n == 1 ? "error" : "errors");
            return 1;
        }
        std::fprintf(out, "%s: OK: %s\n", path.c_str(), summarizeDataset(*r.dataset).c_str());
        return 0;
    }
    // A foreign file, with the gazetteer so that place names are checked too.
    const std::unique_ptr<Gazetteer> gazetteer = loadGazetteer(err);
    options.gazetteer = gazetteer.get();
    const AnyFileResult r = loadAnyFile(path, options);
    const bool clean = r.ok() && r.report && r.report->skipped == 0;
    print(r.diagnostics, clean ? out : err);
    if (!r.ok()) {
        std::fprintf(err, "%s: not loaded\n", path.c_str());
        return 1;
    }
    std::fprintf(clean ? out : err, "%s: %s%s (%s)\n", path.c_str(), clean ? "OK: " : "", r.summary().c_str(),
                 fileFormatName(r.format));
    return clean ? 0 : 1;
}

}  // namespace meridian::io

// Opening any file. Index:
//   [SECTION] Formats
//   [SECTION] Workbooks and geodata (the GDAL hook)
//   [SECTION] Import sources: read, guess, saved mappings
//   [SECTION] Preview and import (streaming for big CSV files)
//   [SECTION] loadAnyFile
#include "io/import/open_any.h"

#include <algorithm>
#include <cstdio>
#include <system_error>

#include "io/dataset_loader.h"
#include "io/import/geojson.h"
#include "io/import/timelinejs.h"
#include "io/json_document.h"
#include "io/text_file.h"

// The workbook/geodata reader (GDAL) lives in io/import/gdal_table.*; a build
// without it (no such header) says so for those files. With the header but
// MERIDIAN_WITH_GDAL=OFF (the browser), gdal_table's own stub says so.
#if __has_include("io/import/gdal_table.h")
#include "io/import/gdal_table.h"
#define MERIDIAN_GDAL_READER 1
#else
#define MERIDIAN_GDAL_READER 0
#endif

namespace meridian::io {

// ===========================================================================
// [SECTION] Formats
// ===========================================================================

const char* fileFormatName(FileFormat f) {
    switch (f) {
        case FileFormat::Unknown:
            return "unknown";
        case FileFormat::MeridianJson:
            return "Meridian JSON";
        case FileFormat::TimelineJsJson:
            return "TimelineJS JSON";
        case FileFormat::GeoJson:
            return "GeoJSON";
        case FileFormat::Csv:
            return "CSV";
        case FileFormat::Workbook:
            return "workbook";
        case FileFormat::GeoData:
            return "geodata";
    }
    return "?";
}

namespace {

std::string lowerExtension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    for (char& c : ext) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    return ext;
}

// Skips a UTF-8 byte order mark and white space.
std::string_view contentStart(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    while (!bytes.empty() && (bytes[0] == ' ' || bytes[0] == '\t' || bytes[0] == '\r' || bytes[0] == '\n'))
        bytes.remove_prefix(1);
    return bytes;
}

}  // namespace

FileFormat formatOfExtension(const std::filesystem::path& path) {
    const std::string ext = lowerExtension(path);
    for (const char* e : {".xlsx", ".xlsm", ".ods", ".xls"})
        if (ext == e) return FileFormat::Workbook;
    for (const char* e : {".kml", ".kmz", ".gpx", ".gpkg", ".shp", ".fgb", ".tab", ".mif"})
        if (ext == e) return FileFormat::GeoData;
    if (ext == ".geojson") return FileFormat::GeoJson;
    if (ext == ".csv" || ext == ".tsv" || ext == ".tab" || ext == ".txt") return FileFormat::Csv;
    return FileFormat::Unknown;
}

FileFormat detectFileFormat(const std::filesystem::path& path, std::string_view firstBytes) {
    const FileFormat byExtension = formatOfExtension(path);
    if (byExtension == FileFormat::Workbook || byExtension == FileFormat::GeoData) return byExtension;
    const std::string_view s = contentStart(firstBytes);
    if (s.substr(0, 4) == "PK\x03\x04") return FileFormat::Workbook;        // a zip: .xlsx, .ods
    if (s.substr(0, 4) == "\xD0\xCF\x11\xE0") return FileFormat::Workbook;  // .xls
    if (s.substr(0, 15) == "SQLite format 3") return FileFormat::GeoData;   // .gpkg
    if (s.substr(0, 5) == "<?xml" || s.substr(0, 4) == "<kml" || s.substr(0, 4) == "<gpx") return FileFormat::GeoData;
    if (!s.empty() && (s[0] == '{' || s[0] == '[')) {
        // JSON: Meridian's files say "meridian": <version> (a file Meridian exported to
        // TimelineJS has "meridian": {...} members instead); the readers check the rest.
        for (std::size_t at = s.find("\"meridian\""); at != std::string_view::npos;
             at = s.find("\"meridian\"", at + 1)) {
            std::size_t i = at + 10;
            while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
            if (i < s.size() && s[i] == ':') ++i;
            while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
            if (i < s.size() && s[i] >= '0' && s[i] <= '9') return FileFormat::MeridianJson;
        }
        if (s.find("\"FeatureCollection\"") != std::string_view::npos ||
            s.find("\"Feature\"") != std::string_view::npos)
            return FileFormat::GeoJson;
        return FileFormat::TimelineJsJson;
    }
    return FileFormat::Csv;
}

FileFormat sniffFileFormat(const std::filesystem::path& path) {
    const FileFormat byExtension = formatOfExtension(path);
    if (byExtension == FileFormat::Workbook || byExtension == FileFormat::GeoData) return byExtension;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return FileFormat::Unknown;
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return FileFormat::Unknown;
    std::string head(4096, '\0');
    head.resize(std::fread(head.data(), 1, head.size(), f));
    std::fclose(f);
    return detectFileFormat(path, head);
}

bool canReadWorkbooks() {
#if MERIDIAN_GDAL_READER
    return gdalAvailable();
#else
    return false;
#endif
}

// ===========================================================================
// [SECTION] Workbooks and geodata (the GDAL hook)
// ===========================================================================

namespace {

struct ExternalTable {
    std::optional<Table> table;
    std::vector<Diagnostic> diagnostics;
    std::size_t droppedRows = 0;
    bool cancelled = false;
};

ExternalTable readWorkbookOrGeodata(const std::filesystem::path& path, const std::string& sheet,
                                    const OpenOptions& options) {
    ExternalTable out;
#if MERIDIAN_GDAL_READER
    GdalOptions gdal;
    gdal.progress = options.progress.report;
    gdal.cancel = options.progress.cancel;
    GdalReadResult r = readGdalTable(path, sheet, gdal);
    out.table = std::move(r.table);
    out.diagnostics = std::move(r.diagnostics);
    out.droppedRows = r.skippedRows;
    out.cancelled = r.cancelled;
#else
    (void)sheet;
    (void)options;
    out.diagnostics.push_back({Severity::Error, path.string(), 0, 0, "",
                               "this build of Meridian does not read workbooks or geodata (it was built without GDAL); "
                               "save the sheet as CSV (UTF-8) and open that"});
#endif
    return out;
}

}  // namespace

// ===========================================================================
// [SECTION] Import sources
// ===========================================================================

namespace {

void append(std::vector<Diagnostic>& to, std::vector<Diagnostic> from) {
    for (Diagnostic& d : from) to.push_back(std::move(d));
}

// The mapping given, found in --mapping FILE, or saved beside the data file.
struct MappingChoice {
    std::optional<ColumnMapping> mapping;
    bool failed = false;  // --mapping FILE could not be read: stop
};
MappingChoice chooseSavedMapping(const std::filesystem::path& path, const OpenOptions& options,
                                 std::vector<Diagnostic>& diagnostics) {
    MappingChoice choice;
    if (options.mapping) {
        choice.mapping = options.mapping;
        return choice;
    }
    std::filesystem::path file = options.mappingFile;
    const bool explicitFile = !file.empty();
    std::error_code ec;
    if (!explicitFile && options.useSavedMapping && std::filesystem::is_regular_file(mappingPathFor(path), ec))
        file = mappingPathFor(path);
    if (file.empty()) return choice;
    MappingLoadResult loaded = loadMapping(file);
    if (!loaded.mapping) {
        append(diagnostics, std::move(loaded.diagnostics));
        if (explicitFile) {
            choice.failed = true;
        } else {
            diagnostics.push_back({Severity::Warning, file.string(), 0, 0, "",
                                   "the saved mapping cannot be used (see above): the columns are guessed"});
            for (Diagnostic& d : diagnostics)
                if (d.file == file.string()) d.severity = Severity::Warning;
        }
        return choice;
    }
    append(diagnostics, std::move(loaded.diagnostics));
    choice.mapping = std::move(loaded.mapping);
    return choice;
}

// The date-order notes after more rows were seen than guessMapping's table had.
void refreshDateOrder(MappingGuess& guess) {
    guess.mapping.dateOrder = guess.dateOrder.order();
    guess.notes.erase(std::remove_if(guess.notes.begin(), guess.notes.end(),
                                     [](const std::string& n) {
                                         return n.rfind("the day/month order", 0) == 0 ||
                                                n.rfind("the dates disagree", 0) == 0;
                                     }),
                      guess.notes.end());
    if (guess.dateOrder.ambiguous())
        guess.notes.insert(guess.notes.begin(),
                           "the day/month order of the dates is ambiguous: " + guess.dateOrder.explanation());
    else if (guess.dateOrder.conflicting())
        guess.notes.insert(guess.notes.begin(),
                           "the dates disagree on the day/month order: " + guess.dateOrder.explanation());
}

// CSV: decode, read the header and the first rows, then stream the rest once
// to count rows, collect reader problems and see every date (day/month order).
bool readCsvSource(ImportSource& src, std::string bytes, const ColumnMapping* saved, const OpenOptions& options) {
    CsvOptions csv;
    csv.encoding = options.encoding ? *options.encoding : saved ? saved->encoding : EncodingChoice::Auto;
    csv.delimiter = options.delimiter ? *options.delimiter : saved ? saved->delimiter : 0;
    if (csv.delimiter == 0 && lowerExtension(src.path) == ".tsv") csv.delimiter = '\t';
    CsvText decoded = decodeCsv(std::move(bytes), src.fileName, csv);
    append(src.diagnostics, std::move(decoded.diagnostics));
    src.dialect = decoded.dialect;
    if (!decoded.ok) return false;
    src.csvText = std::move(decoded.text);

    CsvRowReader reader(src.csvText, src.dialect.delimiter, src.fileName, csv.limits);
    src.table.fileName = src.fileName;
    if (!reader.readHeader(src.table.columns)) {
        append(src.diagnostics, std::move(reader.diagnostics()));
        if (countErrors(src.diagnostics) == 0)
            src.diagnostics.push_back(
                {Severity::Error, src.fileName, 0, 0, "", "the file is empty (expected a header row of column names)"});
        return false;
    }
    TableRow row;
    while (src.table.rows.size() < options.sampleRows && reader.next(row)) src.table.rows.push_back(row);
    src.guess = guessMapping(src.table);
    src.totalRows = src.table.rows.size();
    if (reader.bytesRead() < src.csvText.size() && !reader.failed()) {
        src.tableIsSample = true;
        const ColumnMapping& m = saved ? *saved : src.guess.mapping;
        std::vector<std::size_t> dateColumns;
        for (std::size_t c = 0; c < src.table.columns.size(); ++c)
            if (fieldHoldsDates(m.fieldOf(c)) || fieldHoldsDates(src.guess.mapping.fieldOf(c)))
                dateColumns.push_back(c);
        while (reader.next(row)) {
            ++src.totalRows;
            for (const std::size_t c : dateColumns)
                if (row.cells[c].kind == Cell::Kind::Text)
                    src.guess.dateOrder.observe(row.cells[c].text, row.rowNumber);
            if ((src.totalRows & 4095) == 0 && options.progress.cancelled()) {
                src.diagnostics.push_back({Severity::Error, src.fileName, 0, 0, "", "cancelled while reading"});
                return false;
            }
        }
        refreshDateOrder(src.guess);
    }
    reader.summarizeDroppedWarnings();
    src.droppedRows = reader.droppedRows();
    append(src.diagnostics, std::move(reader.diagnostics()));
    if (reader.failed()) return false;  // too many columns: a fatal, located error
    src.guess.mapping.encoding = csv.encoding;
    src.guess.mapping.delimiter = options.delimiter ? *options.delimiter : saved ? saved->delimiter : 0;
    return true;
}

bool readJsonSource(ImportSource& src, const std::string& bytes) {
    JsonError error;
    const auto doc = JsonDocument::parse(bytes, &error);
    if (!doc) {
        src.diagnostics.push_back({Severity::Error, src.fileName, error.pos.line, error.pos.column, "", error.message});
        return false;
    }
    const JsonValue root = doc->root();
    if (root.isObject() && root.find("meridian")) {
        src.format = FileFormat::MeridianJson;
        src.diagnostics.push_back(
            {Severity::Error, src.fileName, 0, 0, "", "this is a Meridian data file: open it directly (no mapping)"});
        return false;
    }
    if (isGeoJsonDocument(root)) {
        src.format = FileFormat::GeoJson;
        src.rowWord = "feature";
        GeoJsonReadResult r = readGeoJson(*doc, src.fileName);
        append(src.diagnostics, std::move(r.diagnostics));
        src.droppedRows = r.droppedRows;
        if (!r.table) return false;
        src.table = std::move(*r.table);
    } else if (isTimelineJsDocument(root)) {
        src.format = FileFormat::TimelineJsJson;
        src.rowWord = "event";
        TimelineJsReadResult r = readTimelineJs(*doc, src.fileName);
        append(src.diagnostics, std::move(r.diagnostics));
        src.droppedRows = r.droppedRows;
        if (!r.table) return false;
        src.table = std::move(*r.table);
        src.guess = guessMapping(src.table);
        if (r.meridianExport) src.guess.mapping.markup = TextMarkup::Plain;  // Meridian's own fields: plain text
        src.totalRows = src.table.rows.size();
        return true;
    } else {
        src.diagnostics.push_back(
            {Severity::Error, src.fileName, root.position().line, root.position().column, "",
             "a JSON file Meridian does not know (expected a Meridian data file with \"meridian\": 1, TimelineJS "
             "JSON with \"events\", or GeoJSON with \"type\": \"FeatureCollection\")"});
        return false;
    }
    src.guess = guessMapping(src.table);
    src.totalRows = src.table.rows.size();
    return true;
}

}  // namespace

ImportSourceResult openImportSource(const std::filesystem::path& path, const OpenOptions& options) {
    ImportSourceResult result;
    ImportSource src;
    src.path = path;
    src.fileName = path.string();
    const MappingChoice saved = chooseSavedMapping(path, options, src.diagnostics);
    if (saved.failed) {
        result.diagnostics = std::move(src.diagnostics);
        return result;
    }
    const ColumnMapping* savedMapping = saved.mapping ? &*saved.mapping : nullptr;

    bool ok = false;
    const FileFormat byExtension = formatOfExtension(path);
    if (byExtension == FileFormat::Workbook || byExtension == FileFormat::GeoData) {
        src.format = byExtension;
        const std::string sheet = options.sheet ? *options.sheet : savedMapping ? savedMapping->sheet : std::string();
        ExternalTable t = readWorkbookOrGeodata(path, sheet, options);
        append(src.diagnostics, std::move(t.diagnostics));
        src.droppedRows = t.droppedRows;
        if (t.table) {
            src.table = std::move(*t.table);
            src.table.fileName = src.fileName;
            src.guess = guessMapping(src.table);
            src.guess.mapping.sheet = sheet;
            src.totalRows = src.table.rows.size();
            src.rowWord = src.table.hasGeometry ? "feature" : "row";
            ok = true;
        }
    } else {
        std::string error;
        std::error_code ec;
        // A file over the limit is refused before a byte is read (a 2 GB file costs nothing).
        if (const auto size = std::filesystem::file_size(path, ec); !ec && size > options.maxFileBytes) {
            src.diagnostics.push_back(
                {Severity::Error, src.fileName, 0, 0, "",
                 "the file is " + std::to_string(size >> 20) + " MiB: Meridian reads files up to " +
                     std::to_string(options.maxFileBytes >> 20) + " MiB (split it, or keep the columns you need)"});
            result.diagnostics = std::move(src.diagnostics);
            result.format = formatOfExtension(path);
            return result;
        }
        auto bytes = readWholeFile(path, &error, options.maxFileBytes);
        if (!bytes) {
            src.diagnostics.push_back({Severity::Error, src.fileName, 0, 0, "", "cannot read the file: " + error});
        } else {
            src.format = detectFileFormat(path, std::string_view(*bytes).substr(0, 4096));
            if (src.format == FileFormat::Workbook || src.format == FileFormat::GeoData) {
                src.diagnostics.push_back(
                    {Severity::Error, src.fileName, 0, 0, "",
                     std::string("this looks like a ") + fileFormatName(src.format) +
                         " but its name does not say which kind (give it its extension: .xlsx, .ods, .kml, .gpx, "
                         ".gpkg)"});
            } else if (src.format == FileFormat::Csv) {
                ok = readCsvSource(src, std::move(*bytes), savedMapping, options);
            } else {
                ok = readJsonSource(src, *bytes);
            }
        }
    }
    result.format = src.format;
    if (!ok) {
        result.diagnostics = std::move(src.diagnostics);
        return result;
    }
    if (savedMapping) {
        std::vector<std::string> missing;
        src.savedMapping = options.mapping ? *options.mapping : applySavedMapping(*savedMapping, src.guess, &missing);
        for (const std::string& m : missing) src.diagnostics.push_back({Severity::Warning, src.fileName, 0, 0, "", m});
    }
    if (options.dateOrder) {
        src.guess.mapping.dateOrder = *options.dateOrder;
        if (src.savedMapping) src.savedMapping->dateOrder = *options.dateOrder;
    }
    result.source = std::move(src);
    return result;
}

// ===========================================================================
// [SECTION] Preview and import
// ===========================================================================

namespace {

ImportOptions importOptionsFor(const ImportSource& src, const OpenOptions& options) {
    ImportOptions o;
    o.fileName = src.fileName;
    o.gazetteer = options.gazetteer;
    o.rowWord = src.rowWord;
    o.progress = options.progress;
    return o;
}

void countDroppedRows(const ImportSource& src, ImportReport& report) {
    // Rows the reader could not give are rows of the file that made no event.
    report.rows += src.droppedRows;
    report.skipped += src.droppedRows;
}

}  // namespace

ImportResult previewImportSource(const ImportSource& src, const ColumnMapping& mapping, const OpenOptions& options,
                                 std::size_t rows) {
    ImportOptions o = importOptionsFor(src, options);
    o.progress = {};
    ColumnMapping m = mapping;
    if (m.dateOrder == DayMonthOrder::Unknown) m.dateOrder = src.guess.dateOrder.order();
    return previewImport(src.table, m, o, rows);
}

ImportResult runImport(const ImportSource& src, const ColumnMapping& mapping, const OpenOptions& options) {
    const ImportOptions o = importOptionsFor(src, options);
    if (!src.tableIsSample) {
        ImportResult r = tableToDataset(src.table, mapping, o);
        if (!r.report.cancelled) countDroppedRows(src, r.report);
        return r;
    }
    // A big CSV: stream the decoded text; the whole table is never in memory.
    ColumnMapping m = mapping;
    const double bytes = static_cast<double>(std::max<std::size_t>(src.csvText.size(), 1));
    if (m.dateOrder == DayMonthOrder::Unknown) {
        DayMonthOrderGuess guess;
        CsvRowReader first(src.csvText, src.dialect.delimiter, src.fileName);
        std::vector<std::string> header;
        TableRow row;
        if (first.readHeader(header)) {
            std::vector<std::size_t> dateColumns;
            for (std::size_t c = 0; c < header.size(); ++c)
                if (fieldHoldsDates(m.fieldOf(c))) dateColumns.push_back(c);
            while (first.next(row))
                for (const std::size_t c : dateColumns)
                    if (row.cells[c].kind == Cell::Kind::Text) guess.observe(row.cells[c].text, row.rowNumber);
        }
        m.dateOrder = guess.order();
    }
    CsvRowReader reader(src.csvText, src.dialect.delimiter, src.fileName);
    std::vector<std::string> header;
    reader.readHeader(header);
    TableImporter importer(header, m, o);
    TableRow row;
    std::size_t n = 0;
    while (reader.next(row)) {
        if ((n++ & 4095) == 0) {
            if (options.progress.cancelled()) {
                ImportResult cancelled;
                cancelled.report.cancelled = true;
                cancelled.report.rows = n - 1;
                return cancelled;
            }
            options.progress.at(static_cast<double>(reader.bytesRead()) / bytes);
        }
        importer.addRow(row);
    }
    options.progress.at(1.0);
    ImportResult r = importer.finish();
    countDroppedRows(src, r.report);
    return r;
}

// ===========================================================================
// [SECTION] loadAnyFile
// ===========================================================================

std::string AnyFileResult::summary() const {
    if (report) return report->summary();
    return dataset ? summarizeDataset(*dataset) : std::string();
}

AnyFileResult loadAnyFile(const std::filesystem::path& path, const OpenOptions& options) {
    AnyFileResult result;
    // Meridian's own files: the validating loader, as before.
    if (sniffFileFormat(path) == FileFormat::MeridianJson) {
        DatasetLoadResult r = loadDataset(path, options.progress);
        result.format = FileFormat::MeridianJson;
        result.dataset = std::move(r.dataset);
        result.diagnostics = std::move(r.diagnostics);
        return result;
    }
    ImportSourceResult src = openImportSource(path, options);
    result.format = src.format;
    if (!src.source) {
        result.diagnostics = std::move(src.diagnostics);
        if (src.format == FileFormat::MeridianJson) {  // told apart only by parsing: load it as one
            DatasetLoadResult r = loadDataset(path, options.progress);
            result.dataset = std::move(r.dataset);
            result.diagnostics = std::move(r.diagnostics);
        }
        return result;
    }
    const ImportSource& s = *src.source;
    ColumnMapping mapping = options.mapping ? *options.mapping : s.initialMapping();
    if (options.dateOrder) mapping.dateOrder = *options.dateOrder;
    if (mapping.dateOrder == DayMonthOrder::Unknown && !s.tableIsSample) mapping.dateOrder = s.guess.dateOrder.order();
    result.diagnostics = s.diagnostics;
    for (const std::string& p : mappingProblems(mapping))
        result.diagnostics.push_back({Severity::Warning, s.fileName, 0, 0, "", "mapping: " + p});
    ImportResult imported = runImport(s, mapping, options);
    append(result.diagnostics, imported.report.diagnostics(s.fileName, s.rowWord));
    if (imported.report.cancelled) {
        result.diagnostics.push_back({Severity::Error, s.fileName, 0, 0, "", "the import was cancelled"});
    } else if (imported.report.events == 0) {
        result.diagnostics.push_back(
            {Severity::Error, s.fileName, 0, 0, "", "no events could be read (" + imported.report.summary() + ")"});
    } else {
        result.dataset = std::move(imported.dataset);
    }
    result.report = std::move(imported.report);
    result.mapping = std::move(mapping);
    return result;
}

}  // namespace meridian::io

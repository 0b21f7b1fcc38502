// Opening any file Meridian reads, by its content (then its extension):
// Meridian JSON (the validating loader), TimelineJS JSON, GeoJSON, CSV/TSV,
// and, through GDAL when the build has it (MERIDIAN_WITH_GDAL), workbooks
// (.xlsx .ods .xls) and geodata (.kml .kmz .gpx .gpkg .shp ...).
//
// Two ways in:
//
// 1. loadAnyFile(path): one call, for `meridian FILE`, drag and drop, reload
//    on change, --validate and `meridian convert`. Foreign files use the
//    mapping given, else the one saved beside the file (FILE.meridian-mapping.json),
//    else the guessed one.
//
// 2. The import dialog:
//      ImportSourceResult src = openImportSource(path, options);   // reads, guesses
//      ... show src.source->guess (mapping, reasons, notes), let the user edit a ColumnMapping ...
//      ImportResult preview = previewImportSource(*src.source, mapping, options, 20);  // live, cheap
//      ImportResult done = runImport(*src.source, mapping, options);  // on a worker thread:
//                                                                     // options.progress reports, cancels
//      saveMapping(mappingPathFor(path), mapping, &error);            // next time: one click
//    Changing the encoding, delimiter or sheet means opening the source again
//    with those in options.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "io/csv_reader.h"
#include "io/diagnostic.h"
#include "io/import/column_mapping.h"
#include "io/import/table.h"
#include "io/import/table_import.h"

namespace meridian::io {

enum class FileFormat : std::uint8_t { Unknown, MeridianJson, TimelineJsJson, GeoJson, Csv, Workbook, GeoData };
const char* fileFormatName(FileFormat f);  // "Meridian JSON", "TimelineJS JSON", "GeoJSON", "CSV", ...

// From the first bytes and the extension (content wins for text formats).
FileFormat detectFileFormat(const std::filesystem::path& path, std::string_view firstBytes);
// The same from the file's first 4 KiB (Unknown when it cannot be read).
FileFormat sniffFileFormat(const std::filesystem::path& path);
// Extensions read through GDAL (when the build has it): .xlsx .xlsm .ods .xls are
// Workbook; .kml .kmz .gpx .gpkg .shp .fgb .tab .mif GeoData.
FileFormat formatOfExtension(const std::filesystem::path& path);
// Does this build read workbooks and geodata (GDAL)?
bool canReadWorkbooks();

struct OpenOptions {
    // The mapping to use (from the dialog); else mappingFile (--mapping FILE); else
    // the saved one beside the file when useSavedMapping; else the guess.
    std::optional<ColumnMapping> mapping;
    std::filesystem::path mappingFile;
    bool useSavedMapping = true;
    const Gazetteer* gazetteer = nullptr;
    // Reading choices; unset: the mapping's, else detected.
    std::optional<EncodingChoice> encoding;
    std::optional<char> delimiter;
    std::optional<std::string> sheet;
    std::optional<DayMonthOrder> dateOrder;
    std::size_t maxFileBytes = std::size_t{1} << 30;  // 1 GiB
    std::size_t sampleRows = 2'000;                   // big CSV files: rows kept for guessing and previews
    ImportProgress progress;
};

// A foreign file read and ready to map.
struct ImportSource {
    std::filesystem::path path;
    std::string fileName;  // as given, for messages
    FileFormat format = FileFormat::Unknown;
    std::string rowWord = "row";                // "row", "event" (TimelineJS), "feature" (GeoJSON)
    Table table;                                // every row, or (a big CSV) the first sampleRows rows
    bool tableIsSample = false;                 // the final import streams the whole text
    std::string csvText;                        // CSV: the decoded text (for the streaming import)
    CsvDialect dialect;                         // CSV: what was detected or chosen
    MappingGuess guess;                         // the guessed mapping, with reasons and notes
    std::optional<ColumnMapping> savedMapping;  // found beside the file (or given), applied to this table
    std::vector<Diagnostic> diagnostics;        // reading problems (an encoding note, dropped rows, ...)
    std::size_t droppedRows = 0;                // rows the reader could not give (each has a diagnostic)
    std::size_t totalRows = 0;                  // data rows in the whole file (CSV: counted), 0 when unknown

    // The mapping to start the dialog with: the saved one, else the guess.
    const ColumnMapping& initialMapping() const { return savedMapping ? *savedMapping : guess.mapping; }
};

struct ImportSourceResult {
    std::optional<ImportSource> source;  // absent when the file cannot be read (diagnostics say why)
    std::vector<Diagnostic> diagnostics;
    FileFormat format = FileFormat::Unknown;
};

// Reads a foreign file (not Meridian JSON: that is loadAnyFile's, and gives an error here).
ImportSourceResult openImportSource(const std::filesystem::path& path, const OpenOptions& options = {});
ImportResult previewImportSource(const ImportSource& source, const ColumnMapping& mapping, const OpenOptions& options,
                                 std::size_t rows = 20);
// The whole file; reports progress and stops on cancel (options.progress).
ImportResult runImport(const ImportSource& source, const ColumnMapping& mapping, const OpenOptions& options);

// DatasetLoadResult's shape, plus what an import adds.
struct AnyFileResult {
    std::optional<Dataset> dataset;  // present when it loaded (imports: at least one event)
    std::vector<Diagnostic> diagnostics;
    FileFormat format = FileFormat::Unknown;
    std::optional<ImportReport> report;    // imports only
    std::optional<ColumnMapping> mapping;  // imports only: the mapping used
    bool ok() const { return dataset.has_value(); }
    // "71 events, 15 places, 134 sources; 1983 to 2024" or "412 rows: 405 events, 7 skipped".
    std::string summary() const;
};

AnyFileResult loadAnyFile(const std::filesystem::path& path, const OpenOptions& options = {});

}  // namespace meridian::io

// Workbooks and geodata through GDAL/OGR: .xlsx, .ods, .xls, KML/KMZ, GPX,
// GeoPackage, Shapefile, FlatGeobuf and MapInfo files become an io::Table
// (io/import/table.h), one sheet or layer at a time.
//
// Cells keep the type the file gives them: a spreadsheet date cell arrives as
// Cell::Date (not a serial number), a date-time as Cell::DateTime, numbers as
// Number, booleans as Bool, the rest as Text. GDAL types a workbook's columns,
// not its cells: a column mixing dates and text arrives as Text, as the
// spreadsheet shows it. A workbook's first row holds the column names
// (HeaderRow::Force, GDAL's HEADERS=FORCE). Geodata rows carry their geometry
// in longitude/latitude (converted from the layer's coordinate system).
//
// Hostile files get a clear message, never a crash or a hang: the file's size,
// a zip container's unpacked size and ratio (an .xlsx zip bomb), a truncated
// or damaged zip, a file that is not what its extension says, the number of
// rows and columns. GDAL opens each file with the one driver its extension
// names (no guessing across 200 drivers, no network), and its messages are
// collected, not printed.
//
// In a build without GDAL (MERIDIAN_WITH_GDAL=OFF: the browser) the same
// functions exist and return an error saying so; gdalAvailable() tells.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/diagnostic.h"
#include "io/import/table.h"

namespace meridian::io {

bool gdalAvailable();

// Whether the file's extension is one read through GDAL (any case): .xlsx
// .xlsm .ods .xls .kml .kmz .gpx .gpkg .shp .fgb .tab .mif.
bool isGdalFormat(const std::filesystem::path& file);
// Those extensions, for a file dialog's filter (".xlsx", ...).
const std::vector<std::string>& gdalExtensions();

enum class HeaderRow : std::uint8_t {
    Force,  // the first row holds column names (the default)
    Auto,   // GDAL guesses: names when the first row is all text and the second is not
    None,   // no header: columns are named Field1, Field2, ...
};

struct GdalLimits {
    std::uint64_t maxFileBytes = std::uint64_t{512} << 20;      // 512 MiB on disk
    std::uint64_t maxUnpackedBytes = std::uint64_t{512} << 20;  // zip containers (.xlsx .ods .kmz): sum of the entries
    double maxPackRatio = 200;  // unpacked / packed, checked above 16 MiB unpacked (real workbooks pack 5-20x)
    std::size_t maxColumns = 10'000;
    std::size_t maxRows = 5'000'000;  // beyond: stop with an error (the file is not read silently in part)
};

struct GdalOptions {
    HeaderRow header = HeaderRow::Force;                             // workbooks only
    std::size_t rowLimit = std::numeric_limits<std::size_t>::max();  // rows to read (a preview reads a few)
    GdalLimits limits;
    // Called with the fraction done (0..1) every few thousand rows; may be empty.
    std::function<void(double fraction)> progress;
    // Set from any thread to stop; checked every few thousand rows. May be null.
    const std::atomic<bool>* cancel = nullptr;
};

struct GdalLayer {
    std::string name;          // the sheet's or layer's name
    std::int64_t rows = -1;    // data rows (features); -1 when GDAL cannot tell without reading
    std::string geometryType;  // "Point", "Line String", ... (GDAL's words); empty for a sheet
    bool hasGeometry() const { return !geometryType.empty(); }
};

struct GdalLayerList {
    std::vector<GdalLayer> layers;
    std::string driver;                   // GDAL's short name: "XLSX", "ODS", "LIBKML", "GPX", "GPKG", ...
    std::vector<Diagnostic> diagnostics;  // an error when the file cannot be opened
    bool ok() const { return !driver.empty(); }
};

struct GdalReadResult {
    std::optional<Table> table;  // absent when the file or the layer cannot be read
    std::vector<Diagnostic> diagnostics;
    std::string driver;
    std::size_t layerIndex = 0;   // the layer read
    std::size_t layerCount = 0;   // layers (sheets) in the file
    std::size_t skippedRows = 0;  // rows dropped (a geometry that cannot be converted...), each with a warning
    bool complete = true;         // false: stopped at rowLimit or maxRows, or cancelled
    bool cancelled = false;
    bool ok() const { return table.has_value(); }
};

// The sheets of a workbook or the layers of a geodata file, in file order.
GdalLayerList listGdalLayers(const std::filesystem::path& file, const GdalOptions& options = {});

// Reads one sheet/layer by name; an empty name reads the first that has rows
// (a GPX file with only a track reads "tracks").
GdalReadResult readGdalTable(const std::filesystem::path& file, std::string_view layerName = {},
                             const GdalOptions& options = {});
// Reads one sheet/layer by its position in listGdalLayers (0-based).
GdalReadResult readGdalTableAt(const std::filesystem::path& file, std::size_t layerIndex,
                               const GdalOptions& options = {});

// Row numbering in the Table: for a workbook, TableRow::line is the sheet's own
// row number as the spreadsheet shows it (the header is row 1, so the first
// data row is line 2) and rowNumber counts data rows from 1 (line - 1 with a
// header); an empty row in the sheet keeps the numbers in step. For geodata,
// line is 0 and rowNumber is the feature's position (1-based).

}  // namespace meridian::io

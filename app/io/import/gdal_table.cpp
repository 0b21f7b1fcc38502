// Index
//   [SECTION] Formats      extension -> GDAL driver, open options
//   [SECTION] GDAL setup   registration once, messages collected per call
//   [SECTION] Checks       size, zip container (bomb, truncation) before GDAL parses
//   [SECTION] Opening      one driver, the file's layers
//   [SECTION] Cells        OGR field -> io::Cell
//   [SECTION] Geometry     OGR geometry -> CellGeometry in longitude/latitude
//   [SECTION] Reading      a layer -> io::Table
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <memory>
#include <mutex>

#include "io/import/gdal_module.h"

namespace meridian::io {

// ---------------------------------------------------------------------------
// [SECTION] Formats
// ---------------------------------------------------------------------------

namespace {

struct Format {
    const char* extension;
    const char* drivers[3];  // tried in order, null-terminated
    const char* what;        // for messages: "an Excel workbook (.xlsx)"
    bool workbook;
    bool zip;  // a zip container: checked before GDAL unpacks it
};

constexpr Format kFormats[] = {
    {".xlsx", {"XLSX", nullptr}, "an Excel workbook (.xlsx)", true, true},
    {".xlsm", {"XLSX", nullptr}, "an Excel workbook (.xlsm)", true, true},
    {".ods", {"ODS", nullptr}, "an OpenDocument spreadsheet (.ods)", true, true},
    {".xls", {"XLS", nullptr}, "an Excel 97-2003 workbook (.xls)", true, false},
    {".kml", {"LIBKML", "KML", nullptr}, "a KML file", false, false},
    {".kmz", {"LIBKML", "KML", nullptr}, "a KMZ file (zipped KML)", false, true},
    {".gpx", {"GPX", nullptr}, "a GPX file", false, false},
    {".gpkg", {"GPKG", nullptr}, "a GeoPackage", false, false},
    {".shp", {"ESRI Shapefile", nullptr}, "a Shapefile", false, false},
    {".fgb", {"FlatGeobuf", nullptr}, "a FlatGeobuf file", false, false},
    {".tab", {"MapInfo File", nullptr}, "a MapInfo file", false, false},
    {".mif", {"MapInfo File", nullptr}, "a MapInfo file", false, false},
};

const Format* formatOf(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    for (const Format& f : kFormats)
        if (ext == f.extension) return &f;
    return nullptr;
}

std::string humanBytes(std::uint64_t bytes) {
    char buf[32];
    if (bytes >= (std::uint64_t{1} << 30))
        std::snprintf(buf, sizeof buf, "%.1f GB", static_cast<double>(bytes) / (1u << 30));
    else if (bytes >= (1u << 20))
        std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1u << 20));
    else if (bytes >= 1024)
        std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(bytes) / 1024);
    else
        std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(bytes));
    return buf;
}

Diagnostic error(const std::string& file, std::string message, unsigned line = 0) {
    Diagnostic d;
    d.severity = Severity::Error;
    d.file = file;
    d.line = line;
    d.message = std::move(message);
    return d;
}

Diagnostic warning(const std::string& file, std::string message, unsigned line = 0) {
    Diagnostic d = error(file, std::move(message), line);
    d.severity = Severity::Warning;
    return d;
}

}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] GDAL setup
// ---------------------------------------------------------------------------

namespace {

void registerGdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        // Read-only and offline: no .properties files written beside inputs,
        // no directory listing of the input's folder on open.
        CPLSetConfigOption("CPL_VSIL_GZIP_WRITE_PROPERTIES", "NO");
        CPLSetConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR");
        GDALAllRegister();
    });
}

// GDAL's messages for the current thread while it lives, instead of stderr.
class GdalMessages {
public:
    GdalMessages() { CPLPushErrorHandlerEx(&GdalMessages::collect, this); }
    ~GdalMessages() { CPLPopErrorHandler(); }
    GdalMessages(const GdalMessages&) = delete;
    GdalMessages& operator=(const GdalMessages&) = delete;

    // The last failure GDAL reported, or "".
    const std::string& lastError() const { return m_lastError; }
    std::vector<std::string> takeWarnings() { return std::move(m_warnings); }

private:
    static void CPL_STDCALL collect(CPLErr level, CPLErrorNum, const char* message) {
        auto* self = static_cast<GdalMessages*>(CPLGetErrorHandlerUserData());
        if (!self || !message) return;
        if (level >= CE_Failure)
            self->m_lastError = message;
        else if (level == CE_Warning && self->m_warnings.size() < 20)
            self->m_warnings.emplace_back(message);
    }
    std::string m_lastError;
    std::vector<std::string> m_warnings;
};

struct DatasetCloser {
    void operator()(void* ds) const { GDALClose(ds); }
};
using Dataset = std::unique_ptr<void, DatasetCloser>;

}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] Checks
// ---------------------------------------------------------------------------

namespace {

// Size on disk, then (zip containers) the unpacked size and ratio, read from
// the zip's directory through GDAL's own /vsizip/ before any entry is inflated.
std::optional<Diagnostic> checkFile(const std::filesystem::path& file, const std::string& name, const Format& format,
                                    const GdalLimits& limits) {
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (ec || !std::filesystem::exists(status)) return error(name, "no such file");
    if (!std::filesystem::is_regular_file(status)) return error(name, "not a regular file");
    const std::uint64_t size = std::filesystem::file_size(file, ec);
    if (ec) return error(name, "cannot read the file's size");
    if (size == 0) return error(name, std::string("empty file: expected ") + format.what);
    if (size > limits.maxFileBytes)
        return error(name, "the file is " + humanBytes(size) + "; files over " + humanBytes(limits.maxFileBytes) +
                               " are not read (" + format.what + ")");
    if (!format.zip) return std::nullopt;

    // A zip starts with "PK\3\4"; anything else renamed .xlsx is not a workbook.
    if (std::FILE* f = std::fopen(file.c_str(), "rb")) {
        unsigned char magic[4] = {};
        const std::size_t got = std::fread(magic, 1, 4, f);
        std::fclose(f);
        if (got < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4)
            return error(name, std::string("not ") + format.what + ": it is not a zip container (a workbook saved " +
                                   "under another name, or another kind of file?)");
    }
    const std::string root = "/vsizip/" + std::filesystem::absolute(file).string();
    char** entries = VSIReadDirRecursive(root.c_str());
    if (!entries)
        return error(name, std::string("damaged or truncated zip container: expected ") + format.what +
                               " (the file may be incomplete; save it again)");
    std::vector<std::string> files;
    std::uint64_t declared = 0;
    int count = 0;
    for (char** e = entries; *e; ++e, ++count) {
        VSIStatBufL st;
        if (VSIStatL((root + "/" + *e).c_str(), &st) == 0 && !VSI_ISDIR(st.st_mode)) {
            declared += static_cast<std::uint64_t>(st.st_size);
            files.push_back(root + "/" + *e);
        }
    }
    CSLDestroy(entries);
    if (count == 0) return error(name, std::string("damaged or truncated zip container: expected ") + format.what);
    auto bomb = [&](std::uint64_t unpacked, bool atLeast) {
        const double ratio = static_cast<double>(unpacked) / static_cast<double>(size);
        return error(
            name, std::string("unpacks to ") + (atLeast ? "more than " : "") + humanBytes(unpacked) + " from " +
                      humanBytes(size) + " (" + std::to_string(static_cast<long long>(ratio)) +
                      " times): refused as a possible zip bomb (limits: " + humanBytes(limits.maxUnpackedBytes) + ", " +
                      std::to_string(static_cast<long long>(limits.maxPackRatio)) + " times)");
    };
    auto tooBig = [&](std::uint64_t unpacked) {
        return unpacked > limits.maxUnpackedBytes ||
               (unpacked > (16u << 20) &&
                static_cast<double>(unpacked) / static_cast<double>(size) > limits.maxPackRatio);
    };
    // 1. The sizes the zip's directory declares.
    if (tooBig(declared)) return bomb(declared, false);
    // 2. What the entries really inflate to: a directory can lie (GDAL's /vsizip/
    // inflates past a declared size), so stream every entry once, stopping at the
    // limit. About 0.1 s for a workbook that unpacks to 30 MB.
    std::uint64_t unpacked = 0;
    std::vector<char> buffer(std::size_t{1} << 18);
    for (const std::string& entry : files) {
        VSILFILE* f = VSIFOpenL(entry.c_str(), "rb");
        if (!f) return error(name, std::string("damaged zip container: expected ") + format.what);
        for (;;) {
            const std::size_t got = VSIFReadL(buffer.data(), 1, buffer.size(), f);
            unpacked += got;
            if (got < buffer.size() || tooBig(unpacked)) break;
        }
        VSIFCloseL(f);
        if (tooBig(unpacked)) return bomb(unpacked, true);
    }
    return std::nullopt;
}

}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] Opening
// ---------------------------------------------------------------------------

namespace {

// The workbook drivers' header choice: thread-local configuration options that
// must hold while the dataset is read (GDAL parses a sheet on first access; the
// HEADERS open option is not honoured by GDAL 3.6's XLSX driver).
class HeaderConfig {
public:
    explicit HeaderConfig(HeaderRow header) {
        const char* value = header == HeaderRow::Force ? "FORCE" : header == HeaderRow::Auto ? "AUTO" : "DISABLE";
        for (const char* key : kKeys) {
            const char* old = CPLGetThreadLocalConfigOption(key, nullptr);
            m_old.emplace_back(old ? old : "", old != nullptr);
            CPLSetThreadLocalConfigOption(key, value);
        }
    }
    ~HeaderConfig() {
        for (std::size_t i = 0; i < std::size(kKeys); ++i)
            CPLSetThreadLocalConfigOption(kKeys[i], m_old[i].second ? m_old[i].first.c_str() : nullptr);
    }
    HeaderConfig(const HeaderConfig&) = delete;
    HeaderConfig& operator=(const HeaderConfig&) = delete;

private:
    static constexpr const char* kKeys[] = {"OGR_XLSX_HEADERS", "OGR_ODS_HEADERS", "OGR_XLS_HEADERS"};
    std::vector<std::pair<std::string, bool>> m_old;
};

struct Opened {
    std::unique_ptr<HeaderConfig> header;  // declared first: outlives the dataset
    Dataset dataset;
    std::string driver;
    const Format* format = nullptr;
    std::string openError;  // a failure GDAL reported while opening (it may parse a sheet then)
};

Opened openFile(const std::filesystem::path& file, const std::string& name, const GdalOptions& options,
                std::vector<Diagnostic>& diagnostics) {
    Opened out;
    const Format* format = formatOf(file);
    if (!format) {
        std::string known;
        for (const Format& f : kFormats) {
            if (!known.empty()) known += ' ';
            known += f.extension;
        }
        diagnostics.push_back(
            error(name, "not a workbook or geodata file read through GDAL (expected one of: " + known + ")"));
        return out;
    }
    if (auto problem = checkFile(file, name, *format, options.limits)) {
        diagnostics.push_back(*problem);
        return out;
    }
    registerGdal();
    GdalMessages messages;
    if (format->workbook) out.header = std::make_unique<HeaderConfig>(options.header);
    CPLStringList openOptions;
    if (std::string_view(format->drivers[0]) == "XLSX" || std::string_view(format->drivers[0]) == "ODS")
        openOptions.SetNameValue("FIELD_TYPES", "AUTO");  // typed columns (dates, numbers)
    out.dataset.reset(
        GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, format->drivers, openOptions.List(), nullptr));
    if (!out.dataset) {
        std::string why = messages.lastError();
        diagnostics.push_back(
            error(name, std::string("not ") + format->what + " that can be read" +
                            (why.empty() ? std::string(" (GDAL does not recognise its contents)") : ": " + why)));
        return out;
    }
    out.driver = GDALGetDriverShortName(GDALGetDatasetDriver(out.dataset.get()));
    out.format = format;
    out.openError = messages.lastError();
    for (std::string& w : messages.takeWarnings()) diagnostics.push_back(warning(name, "GDAL: " + w));
    return out;
}

GdalLayer describeLayer(OGRLayerH layer, bool workbook) {
    GdalLayer l;
    l.name = OGR_L_GetName(layer);
    const OGRwkbGeometryType type = OGR_L_GetGeomType(layer);
    if (type != wkbNone && !workbook) l.geometryType = OGRGeometryTypeToName(type);
    // A workbook is parsed into memory anyway; other drivers count without a scan or say -1.
    l.rows = OGR_L_GetFeatureCount(layer, workbook ? TRUE : FALSE);
    return l;
}

}  // namespace

GdalLayerList listGdalLayers(const std::filesystem::path& file, const GdalOptions& options) {
    GdalLayerList list;
    const std::string name = file.string();
    Opened opened = openFile(file, name, options, list.diagnostics);
    if (!opened.dataset) return list;
    GdalMessages messages;
    list.driver = opened.driver;
    const int count = GDALDatasetGetLayerCount(opened.dataset.get());
    for (int i = 0; i < count; ++i)
        if (OGRLayerH layer = GDALDatasetGetLayer(opened.dataset.get(), i))
            list.layers.push_back(describeLayer(layer, opened.format->workbook));
    return list;
}

// ---------------------------------------------------------------------------
// [SECTION] Cells
// ---------------------------------------------------------------------------

namespace {

Cell readCell(OGRFeatureH feature, int field, OGRFieldDefnH defn) {
    Cell c;
    if (!OGR_F_IsFieldSetAndNotNull(feature, field)) return c;
    const char* shown = OGR_F_GetFieldAsString(feature, field);
    c.text = shown ? shown : "";
    switch (OGR_Fld_GetType(defn)) {
        case OFTInteger:
            if (OGR_Fld_GetSubType(defn) == OFSTBoolean) {
                c.kind = Cell::Kind::Bool;
                c.number = OGR_F_GetFieldAsInteger(feature, field) != 0 ? 1 : 0;
            } else {
                c.kind = Cell::Kind::Number;
                c.number = OGR_F_GetFieldAsInteger(feature, field);
            }
            break;
        case OFTInteger64:
            c.kind = Cell::Kind::Number;
            c.number = static_cast<double>(OGR_F_GetFieldAsInteger64(feature, field));
            break;
        case OFTReal:
            c.kind = Cell::Kind::Number;
            c.number = OGR_F_GetFieldAsDouble(feature, field);
            break;
        case OFTDate:
        case OFTDateTime: {
            int y = 0, m = 0, d = 0, h = 0, min = 0, tz = 0;
            float s = 0;
            if (!OGR_F_GetFieldAsDateTimeEx(feature, field, &y, &m, &d, &h, &min, &s, &tz)) {
                c.kind = Cell::Kind::Text;
                break;
            }
            c.kind = OGR_Fld_GetType(defn) == OFTDate ? Cell::Kind::Date : Cell::Kind::DateTime;
            c.year = y;
            c.month = m;
            c.day = d;
            if (c.kind == Cell::Kind::DateTime) {
                c.hour = h;
                c.minute = min;
                c.second = static_cast<int>(std::floor(s + 0.0005f));  // 59.9996 is 59.9996, 29.99999 -> 30
                if (c.second > 59) c.second = 59;
            }
            break;
        }
        default:  // strings, times of day, lists, binary: as GDAL writes them
            c.kind = Cell::Kind::Text;
            break;
    }
    return c;
}

// ---------------------------------------------------------------------------
// [SECTION] Geometry
// ---------------------------------------------------------------------------

void appendPoints(OGRGeometryH g, std::vector<geo::LonLat>& out) {
    const int n = OGR_G_GetPointCount(g);
    out.reserve(out.size() + static_cast<std::size_t>(std::max(0, n)));
    for (int i = 0; i < n; ++i) out.push_back({OGR_G_GetX(g, i), OGR_G_GetY(g, i)});
}

// The first non-empty member of a collection, or g itself.
bool readGeometry(OGRGeometryH g, CellGeometry& out, int depth = 0) {
    if (!g || OGR_G_IsEmpty(g) || depth > 8) return false;
    switch (wkbFlatten(OGR_G_GetGeometryType(g))) {
        case wkbPoint:
            out.kind = CellGeometry::Kind::Point;
            appendPoints(g, out.points);
            return true;
        case wkbLineString:
        case wkbLinearRing:
            out.kind = CellGeometry::Kind::Line;
            appendPoints(g, out.points);
            return true;
        case wkbMultiPoint:
            out.kind = CellGeometry::Kind::MultiPoint;
            for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i) appendPoints(OGR_G_GetGeometryRef(g, i), out.points);
            return true;
        case wkbMultiLineString:  // GPX track segments, KML multi-lines: one line through all parts in order
            out.kind = CellGeometry::Kind::Line;
            for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i) appendPoints(OGR_G_GetGeometryRef(g, i), out.points);
            return true;
        case wkbPolygon:
            out.kind = CellGeometry::Kind::Polygon;
            appendPoints(OGR_G_GetGeometryRef(g, 0), out.points);  // the outer ring
            return true;
        case wkbMultiPolygon:
        case wkbGeometryCollection:
            for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i)
                if (readGeometry(OGR_G_GetGeometryRef(g, i), out, depth + 1)) return true;
            return false;
        default: {  // curves and surfaces: their straight-line approximation
            OGRGeometryH linear = OGR_G_GetLinearGeometry(g, 0, nullptr);
            if (!linear) return false;
            const bool ok = wkbFlatten(OGR_G_GetGeometryType(linear)) != wkbFlatten(OGR_G_GetGeometryType(g)) &&
                            readGeometry(linear, out, depth + 1);
            OGR_G_DestroyGeometry(linear);
            return ok;
        }
    }
}

struct SrsDeleter {
    void operator()(OGRSpatialReferenceH s) const { OSRDestroySpatialReference(s); }
};
struct TransformDeleter {
    void operator()(OGRCoordinateTransformationH t) const { OCTDestroyCoordinateTransformation(t); }
};

}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] Reading
// ---------------------------------------------------------------------------

namespace {

GdalReadResult readLayer(const std::filesystem::path& file, const GdalOptions& options, std::string_view layerName,
                         std::optional<std::size_t> layerIndex) {
    GdalReadResult result;
    const std::string name = file.string();
    Opened opened = openFile(file, name, options, result.diagnostics);
    if (!opened.dataset) return result;
    GdalMessages messages;
    result.driver = opened.driver;
    const bool workbook = opened.format->workbook;
    const char* kind = workbook ? "sheet" : "layer";
    const int count = GDALDatasetGetLayerCount(opened.dataset.get());
    result.layerCount = static_cast<std::size_t>(std::max(0, count));
    auto listNames = [&] {
        std::string s;
        for (int i = 0; i < count; ++i)
            s += (i ? ", \"" : "\"") + std::string(OGR_L_GetName(GDALDatasetGetLayer(opened.dataset.get(), i))) + "\"";
        return s.empty() ? std::string("none") : s;
    };

    // Which layer.
    int chosen = -1;
    if (layerIndex) {
        if (*layerIndex >= result.layerCount) {
            result.diagnostics.push_back(
                error(name, "has no " + std::string(kind) + " number " + std::to_string(*layerIndex + 1) + " (" +
                                std::to_string(count) + " " + kind + "s: " + listNames() + ")"));
            return result;
        }
        chosen = static_cast<int>(*layerIndex);
    } else if (!layerName.empty()) {
        for (int i = 0; i < count && chosen < 0; ++i)
            if (layerName == OGR_L_GetName(GDALDatasetGetLayer(opened.dataset.get(), i))) chosen = i;
        if (chosen < 0) {
            result.diagnostics.push_back(error(name, "has no " + std::string(kind) + " named \"" +
                                                         std::string(layerName) + "\" (" + kind + "s: " + listNames() +
                                                         ")"));
            return result;
        }
    } else {
        for (int i = 0; i < count && chosen < 0; ++i)
            if (OGR_L_GetFeatureCount(GDALDatasetGetLayer(opened.dataset.get(), i), TRUE) > 0) chosen = i;
        if (chosen < 0 && count > 0) chosen = 0;
        if (chosen < 0) {
            result.diagnostics.push_back(error(name, std::string("has no ") + kind + " to read"));
            return result;
        }
    }
    result.layerIndex = static_cast<std::size_t>(chosen);
    OGRLayerH layer = GDALDatasetGetLayer(opened.dataset.get(), chosen);

    Table table;
    table.fileName = name;
    table.name = OGR_L_GetName(layer);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const int fields = OGR_FD_GetFieldCount(defn);
    if (static_cast<std::size_t>(fields) > options.limits.maxColumns) {
        result.diagnostics.push_back(error(name, std::string(kind) + " \"" + table.name + "\" has " +
                                                     std::to_string(fields) + " columns; at most " +
                                                     std::to_string(options.limits.maxColumns) + " are read"));
        return result;
    }
    std::vector<OGRFieldDefnH> fieldDefs;
    for (int i = 0; i < fields; ++i) {
        fieldDefs.push_back(OGR_FD_GetFieldDefn(defn, i));
        table.columns.emplace_back(OGR_Fld_GetNameRef(fieldDefs.back()));
    }
    table.hasGeometry = !workbook && OGR_L_GetGeomType(layer) != wkbNone;

    // Geodata in another coordinate system is converted to longitude/latitude.
    std::unique_ptr<std::remove_pointer_t<OGRCoordinateTransformationH>, TransformDeleter> toLonLat;
    if (table.hasGeometry) {
        if (OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer)) {
            std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, SrsDeleter> wgs84(
                OSRNewSpatialReference(nullptr));
            OSRSetWellKnownGeogCS(wgs84.get(), "WGS84");
            OSRSetAxisMappingStrategy(wgs84.get(), OAMS_TRADITIONAL_GIS_ORDER);
            std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, SrsDeleter> source(OSRClone(srs));
            OSRSetAxisMappingStrategy(source.get(), OAMS_TRADITIONAL_GIS_ORDER);
            if (!OSRIsSame(source.get(), wgs84.get())) {
                toLonLat.reset(OCTNewCoordinateTransformation(source.get(), wgs84.get()));
                if (!toLonLat) {
                    const char* srsName = OSRGetName(source.get());
                    result.diagnostics.push_back(error(name, "layer \"" + table.name + "\": its coordinates (" +
                                                                 (srsName ? srsName : "unknown system") +
                                                                 ") cannot be converted to longitude/latitude"));
                    return result;
                }
            }
        }
    }

    const GIntBig total = OGR_L_GetFeatureCount(layer, workbook ? TRUE : FALSE);
    const std::size_t rowLimit = std::min(options.rowLimit, options.limits.maxRows);
    OGR_L_ResetReading(layer);
    unsigned sequence = 0;
    std::size_t geometryWarnings = 0;
    while (true) {
        if ((sequence & 1023) == 0) {
            if (options.cancel && options.cancel->load(std::memory_order_relaxed)) {
                result.cancelled = true;
                result.complete = false;
                result.diagnostics.push_back(
                    warning(name, "reading cancelled after " + std::to_string(sequence) + " rows"));
                break;
            }
            if (options.progress && total > 0) options.progress(std::min(1.0, static_cast<double>(sequence) / total));
        }
        OGRFeatureH feature = OGR_L_GetNextFeature(layer);
        if (!feature) break;
        if (table.rows.size() >= rowLimit) {
            OGR_F_Destroy(feature);
            result.complete = false;
            if (rowLimit == options.limits.maxRows && options.rowLimit > options.limits.maxRows)
                result.diagnostics.push_back(error(name, std::string(kind) + " \"" + table.name + "\" has more than " +
                                                             std::to_string(rowLimit) + " rows; only the first " +
                                                             std::to_string(rowLimit) + " were read"));
            break;
        }
        ++sequence;
        TableRow row;
        if (workbook) {
            // The XLSX and ODS drivers number features by sheet row (header = 1).
            const GIntBig fid = OGR_F_GetFID(feature);
            const bool sheetRows = opened.driver == "XLSX" || opened.driver == "ODS";
            row.line = sheetRows && fid > 0 && fid < 0x7FFFFFFF
                           ? static_cast<unsigned>(fid)
                           : sequence + (options.header == HeaderRow::None ? 0 : 1);
            row.rowNumber = options.header == HeaderRow::None ? row.line : (row.line > 1 ? row.line - 1 : sequence);
        } else {
            row.rowNumber = sequence;
        }
        row.cells.reserve(fieldDefs.size());
        for (int i = 0; i < fields; ++i)
            row.cells.push_back(readCell(feature, i, fieldDefs[static_cast<std::size_t>(i)]));
        if (table.hasGeometry) {
            OGRGeometryH g = OGR_F_GetGeometryRef(feature);
            bool ok = true;
            if (g && toLonLat && OGR_G_Transform(g, toLonLat.get()) != OGRERR_NONE) ok = false;
            if (ok && g) readGeometry(g, row.geometry);
            for (const geo::LonLat& p : row.geometry.points)
                if (!std::isfinite(p.lonDeg) || !std::isfinite(p.latDeg) || std::abs(p.latDeg) > 90 ||
                    std::abs(p.lonDeg) > 360)
                    ok = false;
            if (!ok) {
                row.geometry = {};
                if (++geometryWarnings <= 20)
                    result.diagnostics.push_back(warning(name, "feature " + std::to_string(sequence) +
                                                                   ": its geometry is not a valid longitude/latitude; "
                                                                   "kept without a place"));
            }
        }
        OGR_F_Destroy(feature);
        table.rows.push_back(std::move(row));
    }
    if (geometryWarnings > 20)
        result.diagnostics.push_back(
            warning(name, std::to_string(geometryWarnings - 20) + " more features without a valid geometry"));
    // GDAL reports some limits only as a message and then ends the sheet early
    // (its ODS reader stops after about 10 MB of cell text): never a silent cut.
    const std::string& failure = !messages.lastError().empty() ? messages.lastError() : opened.openError;
    if (!failure.empty()) {
        result.complete = false;
        result.diagnostics.push_back(error(name, std::string(kind) + " \"" + table.name + "\": GDAL stopped with \"" +
                                                     failure + "\" after " + std::to_string(table.rows.size()) +
                                                     " rows; rows after that may be missing"));
    }
    if (options.progress) options.progress(1.0);
    result.table = std::move(table);
    return result;
}

}  // namespace

GdalReadResult readGdalTable(const std::filesystem::path& file, std::string_view layerName,
                             const GdalOptions& options) {
    return readLayer(file, options, layerName, std::nullopt);
}

GdalReadResult readGdalTableAt(const std::filesystem::path& file, std::size_t layerIndex, const GdalOptions& options) {
    return readLayer(file, options, {}, layerIndex);
}

}  // namespace meridian::io

// The module's one exported function (gdal_module.h); the rest of it is hidden.
extern "C" __attribute__((visibility("default"))) const meridian::io::GdalModuleApi* meridian_gdal_module() {
    static const meridian::io::GdalModuleApi api = [] {
        meridian::io::GdalModuleApi a;
        a.listLayers = &meridian::io::listGdalLayers;
        a.readByName = &meridian::io::readGdalTable;
        a.readAt = &meridian::io::readGdalTableAt;
        return a;
    }();
    return &api;
}

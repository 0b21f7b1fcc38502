#include "io/import/save_any.h"

#include "io/dataset_writer.h"
#include "io/import/csv_writer.h"
#include "io/import/geojson_writer.h"
#include "io/import/timelinejs_writer.h"
#include "io/text_file.h"

namespace meridian::io {

namespace {
constexpr ExportFormat kFormats[] = {ExportFormat::MeridianJson, ExportFormat::Csv, ExportFormat::Tsv,
                                     ExportFormat::TimelineJs, ExportFormat::GeoJson};
}

const char* exportFormatId(ExportFormat f) {
    switch (f) {
        case ExportFormat::MeridianJson:
            return "meridian";
        case ExportFormat::Csv:
            return "csv";
        case ExportFormat::Tsv:
            return "tsv";
        case ExportFormat::TimelineJs:
            return "timelinejs";
        case ExportFormat::GeoJson:
            return "geojson";
    }
    return "?";
}

const char* exportFormatLabel(ExportFormat f) {
    switch (f) {
        case ExportFormat::MeridianJson:
            return "Meridian JSON";
        case ExportFormat::Csv:
            return "CSV";
        case ExportFormat::Tsv:
            return "TSV";
        case ExportFormat::TimelineJs:
            return "TimelineJS JSON";
        case ExportFormat::GeoJson:
            return "GeoJSON";
    }
    return "?";
}

std::optional<ExportFormat> parseExportFormat(std::string_view id) {
    for (const ExportFormat f : kFormats)
        if (id == exportFormatId(f)) return f;
    return std::nullopt;
}

std::optional<ExportFormat> exportFormatForPath(const std::filesystem::path& path) {
    std::string name = path.filename().string();
    for (char& c : name) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    auto ends = [&](std::string_view s) {
        return name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
    };
    if (ends(".csv")) return ExportFormat::Csv;
    if (ends(".tsv")) return ExportFormat::Tsv;
    if (ends(".geojson")) return ExportFormat::GeoJson;
    if (ends(".timeline.json") || ends(".timelinejs.json")) return ExportFormat::TimelineJs;
    if (ends(".json")) return ExportFormat::MeridianJson;
    return std::nullopt;
}

std::string datasetToText(const Dataset& ds, ExportFormat format) {
    switch (format) {
        case ExportFormat::MeridianJson:
            return datasetToJson(ds);
        case ExportFormat::Csv:
            return datasetToCsv(ds);
        case ExportFormat::Tsv: {
            CsvWriteOptions tsv;
            tsv.delimiter = '\t';
            return datasetToCsv(ds, tsv);
        }
        case ExportFormat::TimelineJs:
            return datasetToTimelineJs(ds);
        case ExportFormat::GeoJson:
            return datasetToGeoJson(ds);
    }
    return {};
}

bool saveDatasetAs(const std::filesystem::path& path, const Dataset& ds, ExportFormat format, std::string* error) {
    if (format == ExportFormat::MeridianJson) return saveDataset(path, ds, error);
    return writeFileAtomically(path, datasetToText(ds, format), error);
}

}  // namespace meridian::io

// Saving a Dataset in any format Meridian writes (File > Save as, `meridian
// convert`): Meridian JSON (the curated format), CSV or TSV (one row per event,
// the importer's column names), TimelineJS JSON (publish with TimelineJS's
// embed), GeoJSON (QGIS, kepler.gl). Writes atomically.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/dataset.h"

namespace meridian::io {

enum class ExportFormat : std::uint8_t { MeridianJson, Csv, Tsv, TimelineJs, GeoJson };
const char* exportFormatId(ExportFormat f);     // "meridian", "csv", "tsv", "timelinejs", "geojson"
const char* exportFormatLabel(ExportFormat f);  // "Meridian JSON", "CSV", ...
std::optional<ExportFormat> parseExportFormat(std::string_view id);
// By the name: .csv, .tsv, .geojson, .timeline.json / .timelinejs.json, .json; nullopt otherwise.
std::optional<ExportFormat> exportFormatForPath(const std::filesystem::path& path);

std::string datasetToText(const Dataset& dataset, ExportFormat format);
// Meridian JSON is checked to load before it replaces anything (io/dataset_writer.h).
bool saveDatasetAs(const std::filesystem::path& path, const Dataset& dataset, ExportFormat format, std::string* error);

}  // namespace meridian::io

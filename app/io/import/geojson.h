// GeoJSON (RFC 7946) features read into a table: each Feature is a row, its
// properties are the columns (in the order first seen), its geometry the row's
// CellGeometry. The column mapping then reads the properties like any other
// table: a Point is an event at a place; a LineString or MultiPoint a
// connection from its first to its last point with the points between as
// "via"; a Polygon an event at the mean of its outer ring. Features without a
// geometry stay on the timeline.
//
// Read with the positioned JSON reader: problems name their line and column.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/diagnostic.h"
#include "io/import/table.h"
#include "io/json_document.h"

namespace meridian::io {

struct GeoJsonReadResult {
    std::optional<Table> table;  // absent when the text is not GeoJSON
    std::vector<Diagnostic> diagnostics;
    std::size_t droppedRows = 0;  // features that could not become rows (each has an error)
};

// A FeatureCollection or a Feature?
bool isGeoJsonDocument(const JsonValue& root);

GeoJsonReadResult parseGeoJson(std::string_view text, const std::string& fileName);
GeoJsonReadResult readGeoJson(const JsonDocument& doc, const std::string& fileName);

}  // namespace meridian::io

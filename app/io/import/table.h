// A table read from a foreign file, before it becomes events: the common shape
// every importer produces (CSV/TSV, TimelineJS's sheet, workbooks through GDAL,
// GeoJSON/KML/GPX/GeoPackage features), so that one column mapping
// (io/import/column_mapping) turns any of them into a Dataset.
//
// Pure data: no I/O here. Readers fill it; the mapping reads it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "geo/lon_lat.h"

namespace meridian::io {

// One cell as the file typed it. Text files give Text (or Empty); workbooks
// give typed cells (a spreadsheet date cell is a Date, not a serial number).
struct Cell {
    enum class Kind : std::uint8_t { Empty, Text, Number, Bool, Date, DateTime };
    Kind kind = Kind::Empty;
    std::string text;   // Text: the value; other kinds: how the file showed it (may be empty)
    double number = 0;  // Number, Bool (0/1)
    // Date / DateTime: civil fields (astronomical year); time fields only for DateTime.
    std::int64_t year = 0;
    int month = 0, day = 0, hour = 0, minute = 0, second = 0;

    bool empty() const { return kind == Kind::Empty || (kind == Kind::Text && text.empty()); }
};

// A feature's geometry (geodata files): points in file order.
struct CellGeometry {
    enum class Kind : std::uint8_t { None, Point, MultiPoint, Line, Polygon };
    Kind kind = Kind::None;
    std::vector<geo::LonLat> points;  // Point: one; Line/MultiPoint: in order; Polygon: outer ring
};

struct TableRow {
    std::vector<Cell> cells;  // one per column (short rows are padded with Empty)
    unsigned line = 0;        // text files: 1-based line where the row starts; else 0
    unsigned rowNumber = 0;   // 1-based data row (after the header), as a spreadsheet user counts
    CellGeometry geometry;    // geodata only
};

struct Table {
    std::string fileName;              // as the user gave it (for messages)
    std::string name;                  // sheet or layer name; empty for a single-table file
    std::vector<std::string> columns;  // header names, as written
    std::vector<TableRow> rows;
    bool hasGeometry = false;
};

}  // namespace meridian::io

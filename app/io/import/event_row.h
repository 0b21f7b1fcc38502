// An event (and an era, and the dataset's title) as one row of the columns the
// importer reads: what the CSV, TimelineJS and GeoJSON writers write, so that
// import(export(x)) keeps every event field.
//
// Columns are fieldLabel()s (io/import/column_mapping.h): "ID", "Type", "Date",
// "Time", ..., "Claimed", ..., "Answers", "Source Publisher", ..., "Source Via",
// ..., "Media Credit". Values that hold several items: actors and tags joined
// by "; "; sources, media and via one per line, line i of each such column
// belonging together (a line break inside one item becomes a space). A via
// place is "Name (lat, lon)". Answers are the answered events' ids, one per
// line (answeredBy is derived from them on import, as the loader does).
//
// Not carried (the row has no place for them): a place's label, note and
// "approx", a connection end's country, an actor's country, a category's
// colour, the dataset's authors, licence and stories.
#pragma once

#include <string>
#include <vector>

#include "core/dataset.h"
#include "io/import/column_mapping.h"

namespace meridian::io {

struct EventRowStyle {
    // GeoJSON: coordinates live in the geometry, so the Latitude/Longitude
    // columns are left out and via places are names only.
    bool coordinatesInGeometry = false;
};

// The columns, in order.
std::vector<Field> eventRowFields(const EventRowStyle& style = {});
std::vector<std::string> eventRowHeader(const EventRowStyle& style = {});

// Values for eventRowFields(style), one per field ("" when empty).
std::vector<std::string> eventRowValues(const Dataset& ds, const Event& e, const EventRowStyle& style = {});
std::vector<std::string> eraRowValues(const Era& era, const EventRowStyle& style = {});       // Type "era"
std::vector<std::string> titleRowValues(const Dataset& ds, const EventRowStyle& style = {});  // Type "title"

}  // namespace meridian::io

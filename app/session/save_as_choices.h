// File > Save as without ImGui: the file name that goes with a format, and
// what a format cannot keep of a dataset, said before it is written: "3 stories", "the colours of 6 categories"...
// Counted on the data at hand, from what the writers carry (io/import/event_row.h: CSV, TSV, TimelineJS JSON and
// GeoJSON carry every event field, but not a place's label, note and "approximate" mark, a connection end's country, an
// actor's country, a category's colour, the dataset's authors, licence, update date and stories). Meridian JSON keeps
// everything: an empty list.
#pragma once

#include <string>
#include <vector>

#include "core/dataset.h"
#include "io/import/save_any.h"

namespace meridian {

std::vector<std::string> exportLosses(const Dataset& dataset, io::ExportFormat format);

// The extension a format is saved with: ".json", ".csv", ".tsv", ".timeline.json", ".geojson"
// (io::exportFormatForPath reads the format back from it).
const char* exportExtension(io::ExportFormat format);
// A file name given the format's extension in place of any extension it had:
// ("lesson.csv", GeoJson) -> "lesson.geojson"; ("lesson.timeline.json", Csv) -> "lesson.csv".
std::string fileNameForFormat(const std::string& name, io::ExportFormat format);

}  // namespace meridian

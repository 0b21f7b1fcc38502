// A Dataset as GeoJSON (RFC 7946) for QGIS, kepler.gl and other GIS tools: a
// FeatureCollection with a feature per event (a Point at its place, a
// LineString from, via, to for a connection, no geometry for an event that is
// only on the timeline), its fields as properties with the column names the
// importer reads (io/import/event_row.h: "Date", "End", "Title", "Category",
// "Confidence", "Source Title", ...), then the eras and the title as features
// without geometry (property "Type"). import(export(x)) keeps every event field.
#pragma once

#include <string>

#include "core/dataset.h"

namespace meridian::io {

std::string datasetToGeoJson(const Dataset& dataset);

}  // namespace meridian::io

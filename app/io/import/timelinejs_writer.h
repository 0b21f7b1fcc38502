// A Dataset as TimelineJS3 JSON, to publish a lesson with TimelineJS's web
// embed: the title slide, one slide per event (start_date/end_date with the
// precision written, headline, the summary, evidence note, place and sources as
// HTML text, the first image as media, the category as group, the id as
// unique_id), the eras. Deep-time years switch the scale to "cosmological".
//
// Each slide also carries a "meridian" member with the event's own columns
// (io/import/event_row.h); TimelineJS ignores it, and Meridian reads it back so
// that import(export(x)) keeps every event field.
#pragma once

#include <string>

#include "core/dataset.h"

namespace meridian::io {

std::string datasetToTimelineJs(const Dataset& dataset);

}  // namespace meridian::io

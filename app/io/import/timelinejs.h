// TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html) read
// into the table shape of TimelineJS's own spreadsheet template, so that one
// column mapping reads both the JSON and the sheet:
//
//   title            -> a row of Type "title" (the dataset's title and description)
//   events[i]        -> a row: start_date/end_date {year, month, day, hour, minute,
//                       display_date} -> Year, Month, Day, Time, End ..., Display Date;
//                       text {headline, text} (HTML) -> Headline, Text; media {url,
//                       caption, credit, thumbnail} -> Media...; group -> Group;
//                       unique_id -> Unique ID; background -> Background
//   eras[i]          -> a row of Type "era"
//
// Files Meridian wrote (io/import/timelinejs_writer.h) carry each event's own
// fields in a "meridian" member (TimelineJS ignores it); when every slide has
// one, the rows are read from those instead, so nothing is lost on a round trip.
//
// Positions of problems are the JSON's line and column. Nothing is downloaded:
// media URLs stay links.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/diagnostic.h"
#include "io/import/table.h"
#include "io/json_document.h"

namespace meridian::io {

// The column names of TimelineJS's spreadsheet template, in its order, then "Unique ID".
const std::vector<std::string>& timelineJsColumns();

struct TimelineJsReadResult {
    std::optional<Table> table;  // absent when the text is not TimelineJS JSON
    std::vector<Diagnostic> diagnostics;
    std::size_t droppedRows = 0;  // slides that could not become rows (each has an error)
    bool meridianExport = false;  // rows are Meridian's own fields (a file Meridian wrote)
};

// Is this document TimelineJS (an object with an "events" array and no "meridian" version)?
bool isTimelineJsDocument(const JsonValue& root);

TimelineJsReadResult parseTimelineJs(std::string_view text, const std::string& fileName);
TimelineJsReadResult readTimelineJs(const JsonDocument& doc, const std::string& fileName);

}  // namespace meridian::io

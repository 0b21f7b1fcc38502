// Saving a Meridian data file in the layout it already has.
//
// A hand-written file (or one under version control) keeps its key order, its
// spacing, its unknown keys and every record nobody changed, byte for byte;
// only what changed is rewritten:
//
// - a changed value is replaced where it stands (the key and what surrounds it
//   kept); a member that is no longer set is removed; a member set for the
//   first time goes after the nearest member that precedes it in the canonical
//   order (io/dataset_writer), in the spacing of its neighbours;
// - a new record is written in the canonical layout at the list's
//   indentation; a deleted one goes with its separator; records are matched
//   by id, so reordering a list moves their original text;
// - keys Meridian does not know (warnings when loading) stay where they are.
//
// The result is checked: it must load into the same data as the canonical
// layout (datasetToJson) would; if not (an original this code cannot follow),
// the canonical layout is returned instead. Unchanged data gives the original
// text unchanged.
#pragma once

#include <string>
#include <string_view>

#include "core/dataset.h"

namespace meridian::io {

// The text of `now` laid out like `original` (the file it was read from).
// An empty or unreadable original gives the canonical layout.
std::string datasetToJsonKeepingLayout(const Dataset& now, std::string_view original);

// The same, saying whether the text was checked to load into exactly `now`
// (true for a kept layout; the canonical fallback is not re-read here).
struct LaidOutText {
    std::string text;
    bool checked = false;
};
LaidOutText layOutDataset(const Dataset& now, std::string_view original);

}  // namespace meridian::io

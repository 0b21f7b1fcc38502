// Restoring recovered data (io/recovery) as one undoable edit: "Undo: restore
// the unsaved changes" goes back to the file's content. The edit removes the
// current records and inserts the recovered ones, in an order every step of
// which keeps the Document's invariants (no reference to a missing record, ids
// unique): stories first out and last in, answers between events cleared
// while events come and go, then set.
#pragma once

#include <cstddef>
#include <string>

#include "core/dataset.h"
#include "core/edit.h"

namespace meridian {

// Above this many records, the edit would be slow to apply (a removal checks every event):
// restore by replacing the data instead (no undo back to the file).
inline constexpr std::size_t kMaxRecordsForUndoableRestore = 5000;

std::size_t recordTotal(const Dataset& ds);

// The edit that turns `from` (the document's data) into `to`.
Edit editReplacingDataset(const Dataset& from, const Dataset& to, std::string name);

}  // namespace meridian

// The document: the dataset being shown and edited, its file, its problems,
// and its history. The data changes only through apply(edit), undo() and
// redo(), and through replaceAll() when a file is (re)loaded; each of them
// bumps revision(), so every view's cache is keyed on the revision it was
// built from — never on an address or a size.
//
// Invariants kept by apply(): every index a record holds (an event's place,
// category, sources, actors; a story step's events and categories) points at a
// record of the dataset; ids are non-empty and unique within their list; the
// derived time index (Dataset::eventsByStart, extent) matches the events. A
// step that would break one is refused with a reason, and nothing changes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/dataset.h"
#include "core/diagnostic.h"
#include "core/edit.h"

namespace meridian {

class Document {
public:
    Document();

    const Dataset& data() const { return m_data; }
    bool hasData() const { return m_hasData; }

    // Bumped by every change (apply, undo, redo, replaceAll); never repeats.
    std::uint64_t revision() const { return m_revision; }
    // What the last change touched, and everything changes touched since a
    // revision (all bits when that revision is too old to know).
    ChangeMask lastChange() const { return m_lastChange; }
    ChangeMask changesSince(std::uint64_t revision) const;
    // Unsaved changes: the data differs from what was last loaded or saved
    // (undoing back to the saved state makes the document clean again).
    bool isDirty() const { return m_stateId != m_savedStateId; }
    void markSaved() { m_savedStateId = m_stateId; }
    // Dirty until the next save (data restored after a crash: not in the file yet).
    void markUnsaved() { m_savedStateId = 0; }  // state ids start at 1

    // The file the data came from (empty for a new dataset), when it was
    // last read or written, and how it was read.
    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::file_time_type fileTime() const { return m_fileTime; }
    void setFile(std::filesystem::path path, std::filesystem::file_time_type time);
    void setFileTime(std::filesystem::file_time_type time) { m_fileTime = time; }
    // The problems of the last load (warnings when it loaded; errors when a
    // newer version of the file could not replace this data).
    const std::vector<Diagnostic>& diagnostics() const { return m_diagnostics; }
    void setDiagnostics(std::vector<Diagnostic> d) { m_diagnostics = std::move(d); }

    // Replaces everything (open, reload, new): clears the history; the result
    // counts as saved. Derived data is rebuilt (Dataset::finalize()).
    void replaceAll(Dataset data, std::filesystem::path path, std::filesystem::file_time_type time);
    void clear();

    // Applies an edit; false (and no change) with a reason when a step is
    // invalid. coalesceKey: consecutive edits with the same non-empty key
    // (a drag, typing in one field) merge into one history entry.
    bool apply(Edit edit, std::string* error = nullptr, std::string_view coalesceKey = {});
    bool canUndo() const { return m_cursor > 0; }
    bool canRedo() const { return m_cursor < m_history.size(); }
    const std::string& undoName() const;  // "" when nothing to undo
    const std::string& redoName() const;
    bool undo();
    bool redo();
    std::size_t historySize() const { return m_history.size(); }

    // O(1) lookups by id; kNoIndex when absent.
    Index find(RecordKind kind, std::string_view id) const;
    Index findEvent(std::string_view id) const { return find(RecordKind::Event, id); }
    Index findPlace(std::string_view id) const { return find(RecordKind::Place, id); }
    Index findStory(std::string_view id) const { return find(RecordKind::Story, id); }

    // The events (and story steps) that use a record: deleting it must deal
    // with them first. Empty when nothing refers to it.
    std::vector<Index> eventsUsing(RecordKind kind, Index at) const;
    std::vector<Index> storiesUsing(RecordKind kind, Index at) const;

    // A fresh id for a new record of a kind, from a base ("khojir", "khojir-2").
    std::string uniqueId(RecordKind kind, std::string_view base) const;

private:
    struct Entry {
        Edit edit;
        std::uint64_t stateBefore = 0, stateAfter = 0;
        std::string coalesceKey;
    };
    // Applies one step forward (or its inverse); false with a reason, nothing changed.
    bool applyStep(const EditStep& step, bool inverse, std::string* error);
    bool applyRecordStep(const RecordStep& step, std::string* error);
    std::string checkRecord(const Record& r, Index at, bool replacing) const;
    void rebuildIds(RecordKind kind);
    void touched(ChangeMask m);

    Dataset m_data;
    bool m_hasData = false;
    std::filesystem::path m_path;
    std::filesystem::file_time_type m_fileTime{};
    std::vector<Diagnostic> m_diagnostics;
    std::uint64_t m_revision = 1;
    ChangeMask m_lastChange = kChangedEverything;
    struct Change {
        std::uint64_t revision;
        ChangeMask mask;
    };
    std::vector<Change> m_changeLog;  // the last few changes (a ring of kChangeLogSize)
    static constexpr std::size_t kChangeLogSize = 64;
    std::vector<Entry> m_history;
    std::size_t m_cursor = 0;  // entries before the cursor are applied
    std::uint64_t m_stateId = 1, m_savedStateId = 1, m_nextStateId = 2;
    struct IdHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, Index, IdHash, std::equal_to<>> m_ids[kRecordKindCount];
};

// The inverse of a step (Insert <-> Remove, Replace swaps before/after, Move swaps from/to).
EditStep invertStep(const EditStep& step);

}  // namespace meridian

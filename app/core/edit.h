// Edits: the only way the data changes. An edit is a small value that says
// what one record was and what it becomes (insert, remove, replace or move one
// place, source, category, actor, era, event or story; or the dataset's title
// and credits), so applying it and undoing it are exact and cheap. Several
// steps can form one named edit ("Delete Khojir" = fix the story that
// highlights it, then remove the event), undone as one.
//
// Pure data; core/document applies them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/dataset.h"

namespace meridian {

// The kinds of record a dataset holds, in the order of the Record variant.
enum class RecordKind : std::uint8_t { Place, Source, Category, Actor, Era, Event, Story };
inline constexpr int kRecordKindCount = 7;
const char* recordKindName(RecordKind k);  // "place", "source", ...

using Record = std::variant<Place, Source, Category, Actor, Era, Event, Story>;
RecordKind recordKind(const Record& r);
const std::string& recordId(const Record& r);
// "Khojir missile complex", "Sunan → Tehran transfer": how the UI names a record.
std::string recordLabel(const Record& r);

// The dataset's own description (not its lists).
struct DatasetInfo {
    std::string title, description, license;
    std::vector<std::string> authors;
    std::optional<Date> updated;
    friend bool operator==(const DatasetInfo&, const DatasetInfo&) = default;
};
DatasetInfo datasetInfo(const Dataset& ds);
void setDatasetInfo(Dataset& ds, const DatasetInfo& info);

// What a change touched (views rebuild only what depends on it).
enum ChangeBits : std::uint32_t {
    kChangedPlaces = 1u << 0,
    kChangedSources = 1u << 1,
    kChangedCategories = 1u << 2,
    kChangedActors = 1u << 3,
    kChangedEras = 1u << 4,
    kChangedEvents = 1u << 5,
    kChangedStories = 1u << 6,
    kChangedInfo = 1u << 7,
    kChangedEverything = 0xFFu,
};
using ChangeMask = std::uint32_t;
ChangeMask changeBit(RecordKind k);

// One step of an edit.
struct RecordStep {
    enum class Op : std::uint8_t { Insert, Remove, Replace, Move };
    Op op = Op::Replace;
    RecordKind kind = RecordKind::Event;
    Index at = 0;                  // Insert: the new record's index; Remove/Replace: the record's; Move: from
    Index to = 0;                  // Move: the index it ends at
    std::optional<Record> before;  // Remove, Replace
    std::optional<Record> after;   // Insert, Replace
};
struct InfoStep {
    DatasetInfo before, after;
};
using EditStep = std::variant<RecordStep, InfoStep>;

struct Edit {
    std::string name;  // for the Edit menu: "move Khojir" -> "Undo: move Khojir"
    std::vector<EditStep> steps;

    bool empty() const { return steps.empty(); }
    // Appends another edit's steps (applied after these).
    Edit& then(Edit other);

    // Builders. The ones that take the dataset capture what the record was, so
    // that the edit can be undone.
    static Edit insert(Index at, Record record, std::string name = {});
    static Edit append(const Dataset& ds, Record record, std::string name = {});
    static Edit remove(const Dataset& ds, RecordKind kind, Index at, std::string name = {});
    static Edit replace(const Dataset& ds, Index at, Record after, std::string name = {});
    static Edit move(RecordKind kind, Index from, Index to, std::string name = {});
    static Edit setInfo(const Dataset& ds, DatasetInfo after, std::string name = {});
};

// The record at an index, as a Record (a copy).
Record recordAt(const Dataset& ds, RecordKind kind, Index at);
std::size_t recordCount(const Dataset& ds, RecordKind kind);

}  // namespace meridian

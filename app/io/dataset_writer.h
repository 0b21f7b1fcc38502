// Writing a Dataset as a Meridian data file (data/FORMAT.md), in one canonical,
// diff-friendly layout:
//
// - keys in a fixed order (FORMAT.md's), two-space indentation, one key per
//   line, short lists of ids or strings on one line;
// - records in the dataset's order, each record's text depending only on that
//   record (and the ids it names): editing one event changes only that event's
//   lines, so version control shows the edit and nothing else;
// - numbers in their shortest exact form (39.03, not 39.030000000000001);
// - stories as io/story_writer writes them.
//
// load(save(x)) == x for every field the format has (an event's answeredBy is
// not written: the loader derives it from the answers, as it was derived).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.h"

namespace meridian::io {

std::string datasetToJson(const Dataset& dataset);

// The pieces the canonical layout is made of, for writers that keep another
// file's layout (io/dataset_layout): a record's members in the canonical
// order, each value as JSON text.
struct JsonMember {
    const char* key;
    std::string json;
    bool operator==(const JsonMember& o) const { return std::string_view(key) == o.key && json == o.json; }
};
using JsonMembers = std::vector<JsonMember>;
enum class DatasetList { Places, Sources, Categories, Actors, Eras, Events };
inline constexpr DatasetList kDatasetLists[] = {DatasetList::Places, DatasetList::Sources, DatasetList::Categories,
                                                DatasetList::Actors, DatasetList::Eras,    DatasetList::Events};
const char* datasetListKey(DatasetList list);  // "places"
std::size_t datasetListSize(const Dataset& dataset, DatasetList list);
const std::string& datasetRecordId(const Dataset& dataset, DatasetList list, std::size_t i);
JsonMembers datasetRecordMembers(const Dataset& dataset, DatasetList list, std::size_t i);
// "meridian", "title", "description", "authors", "license", "updated" (those set).
JsonMembers datasetHeaderMembers(const Dataset& dataset);
// The "stories" array, each line after the first indented by `indent`.
std::string datasetStoriesJson(const Dataset& dataset, std::string_view indent);
// "{\n<indent>  "key": value,\n...\n<indent>}": one record in the canonical layout
// (members indented by `unit` more than the braces).
void appendRecordText(std::string& out, const JsonMembers& members, std::string_view indent,
                      std::string_view unit = "  ");

// Writes atomically, after checking that the text loads (a file Meridian
// itself would reject is never written). False with *error on failure.
bool saveDataset(const std::filesystem::path& path, const Dataset& dataset, std::string* error);

}  // namespace meridian::io

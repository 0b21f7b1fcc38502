#include "io/story_writer.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "io/dataset_loader.h"
#include "io/text_file.h"

namespace meridian::io {

using ojson = nlohmann::ordered_json;

namespace {

ojson stepJson(const Dataset& ds, const StoryStep& s) {
    ojson j;
    j["title"] = s.title;
    if (!s.text.empty()) j["text"] = s.text;
    if (s.time) j["time"] = s.time->iso();
    if (s.from && s.to) {
        j["from"] = s.from->iso();
        j["to"] = s.to->iso();
    }
    if (s.camera) {
        ojson cam;
        if (!s.camera->projection.empty()) cam["projection"] = s.camera->projection;
        cam["center"] = {std::round(s.camera->centerLonDeg * 1000) / 1000,
                         std::round(s.camera->centerLatDeg * 1000) / 1000};
        cam["zoom"] = std::round(s.camera->zoom * 1000) / 1000;
        j["camera"] = cam;
    } else if (!s.fitHighlighted) {
        j["fit"] = false;
    }
    if (!s.highlight.empty()) {
        ojson ids = ojson::array();
        for (Index e : s.highlight)
            if (e < ds.events.size()) ids.push_back(ds.events[e].id);
        j["highlight"] = ids;
    }
    if (!s.filterCategories.empty() || s.filterConfidenceMask != kAllConfidenceMask) {
        ojson f;
        if (!s.filterCategories.empty()) {
            ojson cats = ojson::array();
            for (Index c : s.filterCategories)
                if (c < ds.categories.size()) cats.push_back(ds.categories[c].id);
            f["categories"] = cats;
        }
        if (s.filterConfidenceMask != kAllConfidenceMask) {
            ojson levels = ojson::array();
            for (int c = 0; c < kConfidenceCount; ++c)
                if (s.filterConfidenceMask & (1u << c)) levels.push_back(confidenceId(static_cast<Confidence>(c)));
            f["confidence"] = levels;
        }
        j["filter"] = f;
    }
    if (s.durationSec != 8) j["duration"] = s.durationSec;
    return j;
}

ojson storiesJson(const Dataset& ds) {
    ojson arr = ojson::array();
    for (const Story& story : ds.stories) {
        ojson j;
        j["id"] = story.id;
        j["title"] = story.title;
        if (!story.description.empty()) j["description"] = story.description;
        ojson steps = ojson::array();
        for (const StoryStep& s : story.steps) steps.push_back(stepJson(ds, s));
        j["steps"] = steps;
        arr.push_back(j);
    }
    return arr;
}

}  // namespace

std::string storiesToJson(const Dataset& ds) {
    return storiesJson(ds).dump(2);
}

std::string replaceStoriesInText(std::string_view text, const Dataset& ds, std::string* error) {
    ojson doc;
    try {
        doc = ojson::parse(text);
    } catch (const ojson::exception& e) {
        if (error) *error = std::string("the file on disk is not valid JSON any more (") + e.what() + "); not saved";
        return {};
    }
    if (!doc.is_object()) {
        if (error) *error = "the file on disk is not a Meridian data file; not saved";
        return {};
    }
    doc["stories"] = storiesJson(ds);
    return doc.dump(2, ' ', false) + "\n";
}

bool saveStories(const std::filesystem::path& file, const Dataset& ds, std::string* error) {
    std::string readError;
    const auto text = readWholeFile(file, &readError);
    if (!text) {
        if (error) *error = file.string() + ": " + readError;
        return false;
    }
    const std::string updated = replaceStoriesInText(*text, ds, error);
    if (updated.empty()) return false;
    // Never replace a user's file with something Meridian itself would reject.
    const DatasetLoadResult check = parseDataset(updated, file.string());
    if (!check.ok()) {
        if (error) *error = "the saved version would not load (" + check.diagnostics.front().format() + "); not saved";
        return false;
    }
    return writeFileAtomically(file, updated, error);
}

}  // namespace meridian::io

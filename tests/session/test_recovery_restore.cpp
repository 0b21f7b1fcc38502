// Restoring recovered data as one undoable edit: apply gives the recovered
// data, undo gives the file's, redo the recovered again; dirty follows.
#include <doctest.h>

#include <string>

#include "core/document.h"
#include "io/build_paths.h"
#include "io/dataset_loader.h"
#include "io/dataset_writer.h"
#include "session/recovery_restore.h"

using namespace meridian;

namespace {

Dataset load(const std::string& path) {
    const io::DatasetLoadResult r = io::loadDataset(path);
    REQUIRE(r.ok());
    return *r.dataset;
}

void checkRestoreAndUndo(const Dataset& file, const Dataset& recovered) {
    Document doc;
    doc.replaceAll(file, "/data/x.json", {});
    const std::string fileText = io::datasetToJson(doc.data());
    const std::string recoveredText = io::datasetToJson(recovered);
    REQUIRE(fileText != recoveredText);
    std::string error;
    REQUIRE_MESSAGE(doc.apply(editReplacingDataset(doc.data(), recovered, "restore the unsaved changes"), &error),
                    error);
    CHECK(io::datasetToJson(doc.data()) == recoveredText);
    CHECK(doc.isDirty());
    CHECK(doc.undoName() == "restore the unsaved changes");
    REQUIRE(doc.undo());
    CHECK(io::datasetToJson(doc.data()) == fileText);
    CHECK_FALSE(doc.isDirty());  // back to the file's content
    REQUIRE(doc.redo());
    CHECK(io::datasetToJson(doc.data()) == recoveredText);
    CHECK(doc.isDirty());
    // The time index follows the events (the views' caches depend on it).
    Dataset finalized = recovered;
    finalized.finalize();
    CHECK(doc.data().eventsByStart == finalized.eventsByStart);
    CHECK(doc.findEvent(recovered.events.back().id) == recovered.events.size() - 1);
}

}  // namespace

TEST_CASE("restoring recovered data: one undoable edit (the curated data, with answers and a story)") {
    const Dataset file = load(std::string(meridian::io::sourceDir()) + "/data/iran-dprk.json");
    bool hasAnswers = false;
    for (const Event& e : file.events) hasAnswers = hasAnswers || !e.answers.empty();
    REQUIRE(hasAnswers);
    REQUIRE(!file.stories.empty());
    Dataset recovered = file;
    recovered.title += " (edited)";
    recovered.events[3].title = "Edited before the crash";
    Place p = recovered.places[0];
    p.id = "new-place";
    recovered.places.push_back(p);
    Event e = recovered.events[5];
    e.id = "new-event";
    e.place = static_cast<Index>(recovered.places.size() - 1);
    e.from = e.to = kNoIndex;
    e.via.clear();
    e.answers = {0};
    recovered.events.push_back(e);
    recovered.events.erase(recovered.events.begin() + 1);  // indices after it shift
    for (Event& x : recovered.events)
        for (Index& a : x.answers)
            if (a > 1) --a;
    for (Story& s : recovered.stories)
        for (StoryStep& st : s.steps) {
            std::erase(st.highlight, Index(1));
            for (Index& h : st.highlight)
                if (h > 1) --h;
        }
    recovered.stories[0].title = "A new title";
    recovered.finalize();
    REQUIRE(io::parseDataset(io::datasetToJson(recovered), "r.json").ok());
    checkRestoreAndUndo(file, recovered);
}

TEST_CASE("restoring recovered data: a story added to a file without one") {
    const Dataset file = load(std::string(meridian::io::sourceDir()) + "/tests/data/small.json");
    Dataset recovered = file;
    Story story;
    story.id = "story";
    story.title = "New story";
    StoryStep step;
    step.title = "New step";
    step.highlight = {0};
    story.steps.push_back(step);
    recovered.stories.push_back(story);
    checkRestoreAndUndo(file, recovered);
}

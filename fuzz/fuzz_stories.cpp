// libFuzzer target: stories, read by the data loader and written back by io/story_writer.
//
// Invariants checked on every input that loads:
// - saving the stories back into the file (replaceStoriesInText, what "Save stories" does before
//   its atomic write) succeeds and gives a file that loads, or (only for a number beyond a double
//   under an unknown key, which nlohmann cannot read) refuses with a message saying so;
// - load -> save -> load gives the same stories (cameras are saved to 1/1000 of a degree and of a
//   zoom step, so they may move by half of that; "fit" means nothing when a step has a camera)
//   and the same rest of the dataset;
// - saving the re-loaded stories gives the same text again.
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "io/dataset_loader.h"
#include "io/story_writer.h"

using namespace meridian;
using namespace meridian::io;

namespace {

bool near(double a, double b) {
    return std::abs(a - b) <= 0.0005 + 1e-9;
}

std::string sameStep(const StoryStep& a, const StoryStep& b) {
    if (a.title != b.title || a.text != b.text) return "title or text";
    if (a.time != b.time || a.from != b.from || a.to != b.to) return "time";
    if (a.camera.has_value() != b.camera.has_value()) return "camera present";
    if (a.camera) {
        if (a.camera->projection != b.camera->projection) return "camera projection";
        if (!near(a.camera->centerLonDeg, b.camera->centerLonDeg) ||
            !near(a.camera->centerLatDeg, b.camera->centerLatDeg) || !near(a.camera->zoom, b.camera->zoom))
            return "camera position";
    } else if (a.fitHighlighted != b.fitHighlighted) {
        return "fit";
    }
    if (a.highlight != b.highlight) return "highlight";
    if (a.filterCategories != b.filterCategories || a.filterConfidenceMask != b.filterConfidenceMask) return "filter";
    if (a.durationSec != b.durationSec) return "duration";
    return {};
}

void checkSameStories(const Dataset& a, const Dataset& b, const std::string& saved) {
    FUZZ_CHECK(a.stories.size() == b.stories.size(), std::to_string(a.stories.size()) + " stories became " +
                                                         std::to_string(b.stories.size()) + " in:\n" + saved);
    for (std::size_t i = 0; i < a.stories.size(); ++i) {
        const Story& x = a.stories[i];
        const Story& y = b.stories[i];
        FUZZ_CHECK(x.id == y.id && x.title == y.title && x.description == y.description,
                   "story " + std::to_string(i) + "'s id, title or description changed in:\n" + saved);
        FUZZ_CHECK(x.steps.size() == y.steps.size(), "story " + std::to_string(i) + " lost steps in:\n" + saved);
        for (std::size_t s = 0; s < x.steps.size(); ++s) {
            const std::string what = sameStep(x.steps[s], y.steps[s]);
            FUZZ_CHECK(what.empty(), "story " + std::to_string(i) + " step " + std::to_string(s) + ": " + what +
                                         " changed in:\n" + saved);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const DatasetLoadResult first = parseDataset(text, "stories.json");
    if (!first.ok()) return 0;

    std::string error;
    const std::string saved = replaceStoriesInText(text, *first.dataset, &error);
    // The one refusal allowed: a number beyond a double (1e400) that the loader ignored under an
    // unknown key cannot be written back, and the message says so.
    if (saved.empty() && error.find("a number too large to write back") != std::string::npos) return 0;
    FUZZ_CHECK(!saved.empty(), "a file that loads cannot take its own stories back: " + error);
    const DatasetLoadResult second = parseDataset(saved, "saved.json");
    FUZZ_CHECK(second.ok(), "the saved file does not load: " +
                                (second.diagnostics.empty() ? std::string() : second.diagnostics.front().format()) +
                                "\n" + saved);
    checkSameStories(*first.dataset, *second.dataset, saved);
    FUZZ_CHECK(summarizeDataset(*first.dataset) == summarizeDataset(*second.dataset),
               "the rest of the dataset changed: " + summarizeDataset(*second.dataset));
    FUZZ_CHECK(storiesToJson(*second.dataset) == storiesToJson(*first.dataset),
               "saving the saved stories gives another text:\n" + storiesToJson(*second.dataset));
    return 0;
}

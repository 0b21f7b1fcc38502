// The page's address as the command line (browser/page_options): a bad option
// never blanks the page, desktop-only options are dropped with a note.
#include <doctest.h>

#include "browser/page_options.h"

using namespace meridian::web;

TEST_CASE("the address's options reach the app as on the command line") {
    std::vector<std::string> notes;
    const auto r =
        browserCommandLine({"/fetched/lesson.json", "--story", "timeline", "--step", "2", "--present"}, &notes);
    CHECK(r.error.empty());
    CHECK(notes.empty());
    CHECK(r.options.dataFile == "/fetched/lesson.json");
    CHECK(r.options.story == "timeline");
    CHECK(r.options.step == 2);
    CHECK(r.options.present);
}

TEST_CASE("a bad option is noted in the address's words and the page opens with the file alone") {
    std::vector<std::string> notes;
    const auto r = browserCommandLine({"/fetched/lesson.json", "--story", "timeline", "--step", "two"}, &notes);
    CHECK(r.error.empty());
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].starts_with("The page's address: ?step needs"));
    CHECK(notes[0].find("--") == std::string::npos);
    CHECK(r.options.dataFile == "/fetched/lesson.json");
    CHECK(r.options.story.empty());  // the options are ignored, not half applied
}

TEST_CASE("a bad option without a file opens the built-in data") {
    std::vector<std::string> notes;
    const auto r = browserCommandLine({"--no-such-option"}, &notes);
    CHECK(r.error.empty());
    CHECK(notes.size() == 1);
    CHECK(r.options.dataFile.empty());
}

TEST_CASE("what only the desktop does is dropped, with a note each") {
    std::vector<std::string> notes;
    const auto r = browserCommandLine(
        {"--screenshot", "a.png", "--export-video", "a.mp4", "--speaker-notes", "--validate", "--theme", "projector"},
        &notes);
    CHECK(r.error.empty());
    CHECK(notes.size() == 4);
    CHECK(r.options.screenshotPath.empty());
    CHECK(r.options.exportVideo.empty());
    CHECK_FALSE(r.options.speakerNotes);
    CHECK_FALSE(r.options.validate);
    CHECK(r.options.theme == "projector");  // the rest stays
    for (const std::string& n : notes) CHECK(n.ends_with("only in the desktop app; ignored"));
}

TEST_CASE("messages about options read as the address writes them") {
    CHECK(inAddressWords("--story: no story with id \"x\"") == "?story: no story with id \"x\"");
    CHECK(inAddressWords("--step 9: the story has 3 steps") == "?step 9: the story has 3 steps");
    CHECK(inAddressWords("a -- b") == "a -- b");
}

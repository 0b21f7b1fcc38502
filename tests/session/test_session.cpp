// The session without a window: one clock per frame, playback, story glides
// and autoplay, camera flights, the selection kept across edits and reloads,
// opening files (a broken one changes nothing), launch options, exports.
#include <doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "core/document.h"
#include "io/build_paths.h"
#include "io/dataset_loader.h"
#include "session/export_job.h"
#include "session/filtering.h"
#include "session/launch.h"
#include "session/open_file.h"
#include "session/shown_events.h"
#include "session/story_player.h"
#include "session/tick.h"

using namespace meridian;
namespace fs = std::filesystem;

namespace {

const std::string kCurated = std::string(meridian::io::sourceDir()) + "/data/iran-dprk.json";
const std::string kArcs = std::string(meridian::io::sourceDir()) + "/tests/data/render/arcs.json";

struct Fixture {
    Document doc;
    Session s;
    explicit Fixture(const std::string& file = kCurated) {
        const LoadReport r = openFile(doc, s, file);
        REQUIRE(r.ok);
        s.mapViewportKnown = true;
        s.mapViewport = {1200, 700};
    }
};

fs::path tempCopy(const std::string& from, const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("meridian-session-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path to = dir / name;
    fs::copy_file(from, to, fs::copy_options::overwrite_existing);
    return to;
}

void replaceInFile(const fs::path& file, const std::string& from, const std::string& to) {
    std::ifstream in(file);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    std::ofstream(file) << text;
}

}  // namespace

TEST_CASE("playback advances the playhead by the frame's time, once per frame, and stops at the end") {
    Fixture f;
    f.s.view.playheadDay = static_cast<double>(daysFromCivil(2000, 1, 1));
    f.s.view.playSpeedDaysPerSec = 100;
    f.s.view.playing = true;
    tick(f.s, f.doc, 10.0, 90);  // the first frame: no time has passed for the playback
    const double start = f.s.view.playheadDay;
    tick(f.s, f.doc, 10.1, 90);
    CHECK(f.s.view.playheadDay == doctest::Approx(start + 10));
    CHECK(f.s.view.growDays == doctest::Approx(60));  // arcs draw themselves over 0.6 s of playback
    tick(f.s, f.doc, 12.0, 90);                       // a 1.9 s stall counts as 0.25 s
    CHECK(f.s.view.playheadDay == doctest::Approx(start + 35));
    f.s.view.playheadDay = static_cast<double>(f.doc.data().extent.last) - 1;
    tick(f.s, f.doc, 12.1, 90);
    CHECK_FALSE(f.s.view.playing);
    CHECK(f.s.view.playheadDay == static_cast<double>(f.doc.data().extent.last));
    CHECK(nextFrameDueSec(f.s, f.doc.data()) == kNever);  // at rest
}

TEST_CASE("looping playback starts over at the beginning") {
    Fixture f;
    f.s.loopPlayback = true;
    tick(f.s, f.doc, 1.0, 90);
    f.s.view.playing = true;
    f.s.view.playheadDay = static_cast<double>(f.doc.data().extent.last) - 0.5;
    tick(f.s, f.doc, 1.2, 90);
    CHECK(f.s.view.playing);
    CHECK(f.s.view.playheadDay == static_cast<double>(f.doc.data().extent.first));
}

TEST_CASE("a story step glides the playhead and the camera there, in tick, with no view drawn") {
    Fixture f;
    REQUIRE_FALSE(f.doc.data().stories.empty());
    f.s.clockSec = 0;
    startStory(f.s, f.doc.data(), 0, 2, true, false);
    const StoryStep& step = f.doc.data().stories[0].steps[2];
    const double target = *stepPlayheadDay(step);
    CHECK(f.s.presenting());
    CHECK(nextFrameDueSec(f.s, f.doc.data()) == 0);  // gliding: frames now
    tick(f.s, f.doc, 0.6, 90);
    CHECK(f.s.view.playheadDay != doctest::Approx(target));
    tick(f.s, f.doc, 1.3, 90);
    CHECK(f.s.view.playheadDay == doctest::Approx(target));
    CHECK_FALSE(f.s.flight);
    CHECK(f.s.view.highlighted == step.highlight);
}

TEST_CASE("a step is framed again when the narration card changes the free area, unless the map was moved") {
    Fixture f;
    f.s.windowSize = {1280, 800};
    f.s.clockSec = 0;
    // Step 11 frames its highlighted places (no camera of its own).
    const StoryStep& step = f.doc.data().stories[0].steps[10];
    REQUIRE_FALSE(step.camera);
    startStory(f.s, f.doc.data(), 0, 10, true, true);
    const geo::CameraState first = f.s.camera;
    // The card turns out taller than assumed: the free area is the top 250 px.
    f.s.presenterFreeArea = geo::ScreenRect{0, 0, 1280, 250};
    reframeStep(f.s, f.doc.data(), 90);
    const geo::CameraState second = f.s.camera;
    CHECK((second.zoom != doctest::Approx(first.zoom) || second.centerLatDeg != doctest::Approx(first.centerLatDeg)));
    for (const geo::LonLat& p : placesOfEvents(f.doc.data(), step.highlight)) {
        const auto at = geo::worldToScreen(second, f.s.windowSize, p);
        REQUIRE(at);
        CHECK(at->yPx <= 250);
    }
    // The same area again: nothing changes.
    reframeStep(f.s, f.doc.data(), 90);
    CHECK(f.s.camera.zoom == doctest::Approx(second.zoom));
    // The presenter zooms by hand, then the card changes: the map stays where they put it.
    f.s.camera.zoom *= 1.5;
    const geo::CameraState moved = f.s.camera;
    f.s.presenterFreeArea = geo::ScreenRect{0, 0, 1280, 400};
    reframeStep(f.s, f.doc.data(), 90);
    CHECK(f.s.camera.zoom == doctest::Approx(moved.zoom));
    CHECK(f.s.camera.centerLonDeg == doctest::Approx(moved.centerLonDeg));
}

TEST_CASE("selecting a claim highlights its answers, and an answer the claims it answers") {
    Fixture f;
    const Dataset& ds = f.doc.data();
    const Index answer = ds.findEvent("2007-12-rood-no-nuclear-evidence");
    const Index claim = ds.findEvent("2005-07-06-intel-report-nuclear-course");
    REQUIRE(answer != kNoIndex);
    REQUIRE(claim != kNoIndex);
    f.s.view.selected = answer;
    tick(f.s, f.doc, 1.0, 90);
    CHECK(f.s.view.highlighted.size() == 2);
    CHECK(std::count(f.s.view.highlighted.begin(), f.s.view.highlighted.end(), claim) == 1);
    f.s.view.selected = claim;
    tick(f.s, f.doc, 1.1, 90);
    CHECK(std::count(f.s.view.highlighted.begin(), f.s.view.highlighted.end(), answer) == 1);
    CHECK(std::count(f.s.view.highlighted.begin(), f.s.view.highlighted.end(), claim) == 0);
    f.s.view.selected = kNoIndex;
    tick(f.s, f.doc, 1.2, 90);
    CHECK(f.s.view.highlighted.empty());
    // A story's own highlights win while it plays.
    startStory(f.s, ds, 0, 2, false, true);
    f.s.view.selected = answer;
    tick(f.s, f.doc, 1.3, 90);
    CHECK(f.s.view.highlighted == ds.stories[0].steps[2].highlight);
}

TEST_CASE("autoplay moves to the next step after the step's duration, and says when it needs the next frame") {
    Fixture f;
    startStory(f.s, f.doc.data(), 0, 0, false, true);
    f.s.story->autoplay = true;
    f.s.story->stepStartSec = 0;
    const double due = nextFrameDueSec(f.s, f.doc.data());
    const double duration = f.doc.data().stories[0].steps[0].durationSec;
    CHECK(due == doctest::Approx(duration + StoryPlayback::kGlideSec));
    tick(f.s, f.doc, due - 0.1, 90);
    CHECK(f.s.story->step == 0);
    tick(f.s, f.doc, due + 0.01, 90);
    CHECK(f.s.story->step == 1);
}

TEST_CASE("the selection follows its event when an edit renumbers the events") {
    Fixture f;
    const Index khojir = f.doc.findEvent("2020-09-21-us-sanctions-haj-ali-movahed");
    const Index chosen = khojir != kNoIndex ? khojir : 5;
    const std::string id = f.doc.data().events[chosen].id;
    f.s.view.select(chosen);
    rememberSelection(f.s, f.doc.data());
    Event e = f.doc.data().events[chosen];
    e.id = "a-new-first-event";
    e.answers.clear();
    REQUIRE(f.doc.apply(Edit::insert(0, e)));
    tick(f.s, f.doc, 1.0, 90);
    REQUIRE(f.s.view.selected == chosen + 1);
    CHECK(f.doc.data().events[f.s.view.selected].id == id);
    CHECK(f.s.filtered.mask.size() == f.doc.data().events.size());
    CHECK(f.s.filteredRevision == f.doc.revision());
}

TEST_CASE("a reload keeps the playhead and the selection; another file starts at its end") {
    const fs::path file = tempCopy(kArcs, "reload.json");
    Document doc;
    Session s;
    REQUIRE(openFile(doc, s, file.string()).ok);
    s.view.playheadDay = static_cast<double>(daysFromCivil(2006, 8, 1));
    s.view.select(doc.findEvent("py-th"));
    rememberSelection(s, doc.data());
    const auto rev = doc.revision();
    // The event moves a year; the count stays the same (the stale-map bug of issue 9).
    replaceInFile(file, "\"2006-07-05\"", "\"2007-07-05\"");
    const LoadReport r = openFile(doc, s, file.string());
    REQUIRE(r.ok);
    CHECK(r.reload);
    CHECK(doc.revision() > rev);  // every cache keyed on the revision rebuilds
    tick(s, doc, 1, 90);
    CHECK(s.view.playheadDay == static_cast<double>(daysFromCivil(2006, 8, 1)));
    REQUIRE(s.view.selected != kNoIndex);
    CHECK(doc.data().events[s.view.selected].id == "py-th");
    // At the playhead (Aug 2006) the moved event is no longer shown.
    bool shown = false;
    forEachShownEvent(doc.data(), s, [&](Index i, float) { shown |= doc.data().events[i].id == "py-th"; });
    CHECK_FALSE(shown);

    REQUIRE(openFile(doc, s, kCurated).ok);
    CHECK(s.view.playheadDay == static_cast<double>(doc.data().extent.last));
    CHECK(s.view.selected == kNoIndex);
    CHECK(s.fitRequested);
    fs::remove(file);
}

TEST_CASE("a broken file changes nothing: the data, its file and its file time stay") {
    Fixture f;
    const auto path = f.doc.path();
    const auto time = f.doc.fileTime();
    const auto rev = f.doc.revision();
    const std::string bad = std::string(meridian::io::sourceDir()) + "/tests/data/bad/impossible-date.json";
    const LoadReport r = openFile(f.doc, f.s, bad);
    CHECK_FALSE(r.ok);
    REQUIRE_FALSE(r.diagnostics.empty());
    CHECK(r.diagnostics[0].file == bad);
    CHECK(f.doc.path() == path);
    CHECK(f.doc.fileTime() == time);  // so "changed on disk" does not fire for the old file
    CHECK(f.doc.revision() == rev);
    CHECK(f.doc.data().events.size() > 50);
}

TEST_CASE("launch options: time, window, selection, story, projection, view, and their mistakes") {
    Fixture f;
    io::CommandLine opt;
    opt.time = "2006-08";
    opt.select = "no-such-event";
    opt.projection = "globe";
    opt.view = "90,35,2";
    LaunchProblems p = applyLaunchOptions(f.s, f.doc, opt, false);
    CHECK(f.s.view.playheadDay == static_cast<double>(daysFromCivil(2006, 8, 1)));
    CHECK(f.s.camera.projection == geo::Projection::Orthographic);
    CHECK(f.s.camera.zoom == 2);
    CHECK_FALSE(f.s.fitRequested);
    REQUIRE(p.warnings.size() == 1);
    CHECK(p.warnings[0] == "--select: no event with id \"no-such-event\"");
    CHECK_FALSE(p.fatalWhenHeadless);

    io::CommandLine story;
    story.story = "lesson";
    story.step = 99;
    p = applyLaunchOptions(f.s, f.doc, story, true);
    CHECK(p.fatalWhenHeadless);
    CHECK(p.warnings.at(0).find("--step 99: the story \"lesson\" has") == 0);

    io::CommandLine window;
    window.timeFrom = "2005";
    window.timeTo = "2007-06";
    applyLaunchOptions(f.s, f.doc, window, false);
    REQUIRE(f.s.view.window);
    CHECK(f.s.view.window->first == daysFromCivil(2005, 1, 1));
    CHECK(f.s.view.window->last == daysFromCivil(2007, 7, 1));
}

TEST_CASE("an export renders from its own copy of the session: the user's view is untouched") {
    Fixture f;
    f.s.view.playheadDay = 12345;
    f.s.camera.zoom = 3;
    const fs::path dir = fs::temp_directory_path() / ("meridian-export-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    ExportRequest r;
    r.kind = ExportRequest::Kind::TimeRange;
    r.output = dir.string();
    r.fps = 10;
    r.durationSec = 2;
    r.range = DaySpan{daysFromCivil(2000, 1, 1), daysFromCivil(2010, 1, 1)};
    ExportJob job;
    std::string error;
    REQUIRE(job.begin(f.s, f.doc, r, &error));
    CHECK(job.frameCount() == 20);
    Session& first = job.prepareFrame(f.doc, 90);
    CHECK(first.view.playheadDay == static_cast<double>(r.range.first));
    CHECK(first.mapOnly);
    CHECK(first.camera.zoom == 3);  // starts from the user's camera
    CHECK(f.s.view.playheadDay == 12345);
    CHECK_FALSE(f.s.mapOnly);
    job.cancel();
    fs::remove_all(dir);

    ExportRequest empty = r;
    empty.range = DaySpan{5, 5};
    ExportJob bad;
    CHECK_FALSE(bad.begin(f.s, f.doc, empty, &error));
    CHECK(error == "the time range is empty (--to must be after --from)");
}

TEST_CASE("refilter gives a new stamp each time, unique across sessions") {
    Fixture f;
    Session other = f.s;
    const auto a = f.s.filterStamp;
    refilter(f.s, f.doc.data(), f.doc.revision());
    refilter(other, f.doc.data(), f.doc.revision());
    CHECK(f.s.filterStamp != a);
    CHECK(other.filterStamp != f.s.filterStamp);
}

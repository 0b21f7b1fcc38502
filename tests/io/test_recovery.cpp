// Crash recovery's pure parts: where recovery files go, their names, their
// contents, when one is offered and when one is written.
#include <doctest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <string>

#include "io/dataset_loader.h"
#include "io/dataset_writer.h"
#include "io/recovery.h"
#include "io/recovery_writer.h"
#include "io/text_file.h"
#include "test_paths.h"

using namespace meridian;
using namespace meridian::io;
namespace fs = std::filesystem;

namespace {

Dataset smallDataset() {
    const DatasetLoadResult r = loadDataset(fs::path(meridian::test::testDataDir()) / "small.json");
    REQUIRE(r.ok());
    return *r.dataset;
}

}  // namespace

TEST_CASE("recovery: the folder follows XDG_STATE_HOME, else ~/.local/state") {
    CHECK(recoveryFolderFrom("/x/state", "/home/ann") == fs::path("/x/state/meridian/recovery"));
    CHECK(recoveryFolderFrom(nullptr, "/home/ann") == fs::path("/home/ann/.local/state/meridian/recovery"));
    CHECK(recoveryFolderFrom("", "/home/ann") == fs::path("/home/ann/.local/state/meridian/recovery"));
    // A relative XDG_STATE_HOME is invalid (the XDG spec): ignored.
    CHECK(recoveryFolderFrom("state", "/home/ann") == fs::path("/home/ann/.local/state/meridian/recovery"));
    CHECK(recoveryFolderFrom(nullptr, nullptr).filename() == "meridian-recovery");
}

TEST_CASE("recovery: one file per data file, named after it") {
    const fs::path folder = "/s";
    const fs::path a = recoveryFileFor(folder, "/data/lesson.json");
    const fs::path b = recoveryFileFor(folder, "/other/lesson.json");
    CHECK(a.parent_path() == folder);
    CHECK(a.filename().string().rfind("lesson-", 0) == 0);
    CHECK(a.extension() == ".json");
    CHECK(a.filename().string().size() == std::string("lesson-").size() + 16 + 5);
    CHECK(a != b);                                                    // same name, another folder
    CHECK(recoveryFileFor(folder, "/data/lesson.json") == a);         // stable
    CHECK(recoveryFileFor(folder, "/data/./x/../lesson.json") == a);  // the same file
    CHECK(recoveryFileFor(folder, "") == folder / "untitled.json");   // a new dataset
    std::set<fs::path> names;
    for (int i = 0; i < 500; ++i) names.insert(recoveryFileFor(folder, "/d/f" + std::to_string(i) + ".json"));
    CHECK(names.size() == 500);
}

TEST_CASE("recovery: the file holds the data and the path it belongs to") {
    const fs::path dir = fs::temp_directory_path() / ("meridian-recovery-test-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    Dataset ds = smallDataset();
    ds.events[0].title = "Edited before the crash";
    const fs::path file = recoveryFileFor(dir / "state", "/data/small.json");
    std::string error;
    REQUIRE_MESSAGE(writeRecoveryFile(file, ds, "/data/small.json", &error), error);  // creates the folder
    const auto back = readRecoveryFile(file, &error);
    REQUIRE_MESSAGE(back, error);
    CHECK(back->dataFile == fs::path("/data/small.json"));
    CHECK(datasetToJson(back->dataset) == datasetToJson(ds));
    CHECK(back->dataset.events[0].title == "Edited before the crash");

    // Damaged or foreign files are refused with a reason, never restored.
    REQUIRE(writeFileAtomically(file, datasetToJson(ds), &error));
    CHECK_FALSE(readRecoveryFile(file, &error));
    CHECK(error.find("not a recovery file") != std::string::npos);
    const std::string text = recoveryText(ds, "/data/small.json");
    REQUIRE(writeFileAtomically(file, text.substr(0, text.size() / 2), &error));
    CHECK_FALSE(readRecoveryFile(file, &error));
    CHECK(error.find(file.string()) == 0);
    CHECK_FALSE(readRecoveryFile(dir / "missing.json", &error));
    CHECK(error.find("no such file") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("recovery: offered only when newer than the data file") {
    using namespace std::chrono_literals;
    const fs::file_time_type t = fs::file_time_type::clock::now();
    CHECK(shouldOfferRecovery(t + 1s, t));
    CHECK_FALSE(shouldOfferRecovery(t - 1s, t));  // saved since: the copy is older than the file
    CHECK_FALSE(shouldOfferRecovery(t, t));
    CHECK_FALSE(shouldOfferRecovery(std::nullopt, t));
    CHECK(shouldOfferRecovery(t, std::nullopt));  // the data file is gone: the copy is all there is
}

TEST_CASE("recovery: written while dirty, every few seconds, only when the revision changed") {
    RecoveryClock clock;
    CHECK_FALSE(recoveryDue(clock, false, 5, 100.0));  // nothing unsaved
    CHECK(recoveryDue(clock, true, 5, 100.0));
    clock = {5, 100.0};
    CHECK_FALSE(recoveryDue(clock, true, 5, 200.0));  // nothing new since the last copy
    CHECK_FALSE(recoveryDue(clock, true, 6, 101.0));  // too soon
    CHECK(recoveryDue(clock, true, 6, 103.0));
    CHECK(recoveryDue(clock, true, 6, 103.5, 3.5));
    CHECK_FALSE(recoveryDue(clock, true, 6, 103.4, 3.5));
}

TEST_CASE("recovery: the writer writes on its own thread and reports failures") {
    const fs::path dir = fs::temp_directory_path() / ("meridian-recovery-writer-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    Dataset ds = smallDataset();
    ds.title = "Copied for the writer";
    RecoveryWriter writer;
    CHECK_FALSE(writer.takeResult());  // nothing written yet
    const fs::path file = recoveryFileFor(dir, "/data/small.json");
    REQUIRE(writer.start(file, ds, "/data/small.json"));
    writer.wait();
    CHECK_FALSE(writer.busy());
    const auto result = writer.takeResult();
    REQUIRE(result);
    CHECK(result->empty());
    CHECK_FALSE(writer.takeResult());  // once
    std::string error;
    const auto back = readRecoveryFile(file, &error);
    REQUIRE_MESSAGE(back, error);
    CHECK(back->dataset.title == "Copied for the writer");

    // A folder that cannot be made (a file is in the way): the reason comes back.
    REQUIRE(writeFileAtomically(dir / "blocked", "x", &error));
    REQUIRE(writer.start(dir / "blocked" / "x.json", ds, "/data/small.json"));
    writer.wait();
    const auto failed = writer.takeResult();
    REQUIRE(failed);
    CHECK(failed->find("cannot create") != std::string::npos);
    fs::remove_all(dir);
}

// The command line: every option, and the exact message for each mistake.
#include <doctest.h>

#include "io/command_line.h"

using namespace meridian::io;

namespace {
CommandLineResult parse(std::vector<std::string> args) {
    return parseCommandLine(args);
}
}  // namespace

TEST_CASE("options and the data file") {
    const CommandLineResult r =
        parse({"data.json",  "--time",    "2006-08", "--size", "1280x800", "--ui-scale", "2",
               "--theme",    "projector", "--story", "lesson", "--step",   "3",          "--present",
               "--map-only", "--caption", "Hello",   "--fps",  "24",       "--duration", "12.5"});
    REQUIRE(r.error.empty());
    const CommandLine& o = r.options;
    CHECK(o.dataFile == "data.json");
    CHECK(o.time == "2006-08");
    CHECK(o.widthPx == 1280);
    CHECK(o.heightPx == 800);
    CHECK(*o.uiScale == 2.0);
    CHECK(o.theme == "projector");
    CHECK(o.story == "lesson");
    CHECK(*o.step == 3);
    CHECK(o.present);
    CHECK(o.mapOnly);
    CHECK(o.caption == "Hello");
    CHECK(*o.fps == 24);
    CHECK(*o.durationSec == 12.5);
    CHECK_FALSE(o.validate);
}

TEST_CASE("defaults") {
    const CommandLine o = parse({}).options;
    CHECK(o.dataFile.empty());
    CHECK(o.widthPx == 1600);
    CHECK(o.heightPx == 900);
    CHECK_FALSE(o.uiScale);
    CHECK_FALSE(o.step);
}

TEST_CASE("each mistake gets its own message") {
    CHECK(parse({"--time"}).error == "--time needs a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    CHECK(parse({"--size", "big"}).error == "--size needs WIDTHxHEIGHT, e.g. 1600x900");
    CHECK(parse({"--size", "10x10"}).error == "--size 10x10 is out of range (64x64 to 7680x4320)");
    CHECK(parse({"--size", "9000x100"}).error == "--size 9000x100 is out of range (64x64 to 7680x4320)");
    CHECK(parse({"--ui-scale", "3"}).error == "--ui-scale needs a number from 0.75 to 2.5");
    CHECK(parse({"--ui-scale", "x"}).error == "--ui-scale needs a number from 0.75 to 2.5");
    CHECK(parse({"--step", "0"}).error == "--step needs a step number (1, 2, ...)");
    CHECK(parse({"--step", "1.5"}).error == "--step needs a step number (1, 2, ...)");
    CHECK(parse({"--fps", "500"}).error == "--fps needs a number from 1 to 120");
    CHECK(parse({"--duration", "0"}).error == "--duration needs seconds, 0.5 to 3600");
    CHECK(parse({"--bench-frames", "2"}).error == "--bench-frames needs a number of frames, 4 to 100000");
    CHECK(parse({"--bench-frames", "1.5"}).error == "--bench-frames needs a number of frames, 4 to 100000");
    CHECK(parse({"--bench-frames", "120"}).options.benchFrames == 120);
    CHECK(parse({"--frobnicate"}).error == "unknown option --frobnicate (see --help)");
    CHECK(parse({"a.json", "b.json"}).error == "more than one data file given: a.json and b.json");
    CHECK(parse({"--screenshot"}).error == "--screenshot needs an output file name (e.g. out.png)");
}

TEST_CASE("the usage text names every option it parses") {
    const std::string usage = usageText();
    for (const char* option :
         {"--validate",      "--screenshot",   "--size", "--map-only", "--caption",    "--ui-scale",    "--theme",
          "--projection",    "--time",         "--from", "--view",     "--select",     "--story",       "--present",
          "--speaker-notes", "--export-video", "--fps",  "--duration", "--fullscreen", "--bench-frames"})
        CHECK_MESSAGE(usage.find(option) != std::string::npos, option);
}

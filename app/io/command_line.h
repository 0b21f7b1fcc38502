// The command line: `meridian [FILE] [options]`. Parsing is pure so it is
// unit-tested; main.cpp acts on the result.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace meridian::io {

struct CommandLine {
    std::string dataFile;   // empty: the curated dataset or the last file
    bool validate = false;  // --validate: check, print a summary or the problems, exit
    bool help = false, version = false;
    std::string screenshotPath;          // --screenshot out.png: render one frame offscreen and exit
    int widthPx = 1600, heightPx = 900;  // --size WxH
    std::optional<double> uiScale;       // --ui-scale 1.5 (0.75 to 2.5)
    std::string theme;                   // --theme dark|light|projector
    std::string projection;              // --projection NAME
    std::string time;                    // --time DATE (the playhead)
    std::string timeFrom, timeTo;        // --from DATE --to DATE (a time window)
    std::string view;                    // --view lon,lat,zoom
    std::string select;                  // --select EVENT-ID
    std::string story;                   // --story ID
    std::optional<int> step;             // --step N (1-based)
    std::string exportVideo;             // --export-video out.mp4|out.gif|frames-dir/
    std::optional<double> fps;           // --fps 30
    std::optional<double> durationSec;   // --duration SEC of a time-range video (default: 1 s per year)
    bool fullscreen = false;             // --fullscreen
    bool present = false;                // --present (with --story)
    bool speakerNotes = false;           // --speaker-notes: the speaker view even on one display
    bool mapOnly = false;                // --map-only: the screenshot is the map alone (slides, handouts)
    bool noLegend = false;               // --no-legend
    bool basemap = false;                // --basemap: the satellite image under the map
    std::string caption;                 // --caption TEXT (map-only images)
    std::string layoutReport;            // --layout-report FILE: where the timeline drew things (render tests)
    std::string stateReport;             // --state-report FILE: the view state at exit (keyboard tests)
    int benchFrames = 0;                 // --bench-frames N: time N frames of each part of a scripted session
};

struct CommandLineResult {
    CommandLine options;
    std::string error;  // non-empty: a usage error to print
};

CommandLineResult parseCommandLine(const std::vector<std::string>& args);
const char* usageText();

}  // namespace meridian::io

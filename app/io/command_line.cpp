#include "io/command_line.h"

#include <charconv>

#include "io/parse_decimal.h"

namespace meridian::io {

const char* usageText() {
    return R"(Usage: meridian [FILE] [options]

Opens FILE (a Meridian JSON data file; default: the curated Iran-DPRK dataset)
on a world map and a scrubbable timeline.

  --validate             check FILE, print a summary (exit 0) or every problem (exit 1)
  --screenshot OUT.png   render one frame offscreen to a PNG and exit
  --size WxH             window or image size in pixels (default 1600x900; up to 7680x4320)
  --map-only             the screenshot is the map alone, with the data's attribution
  --caption TEXT         a caption on a --map-only image
  --no-legend            hide the map legend
  --basemap              show the satellite basemap (NASA Visible Earth)
  --ui-scale S           UI scale, 0.75 to 2.5 (default: from the display)
  --theme NAME           dark, light or projector
  --projection NAME      equirectangular, equal-earth, natural-earth or globe
  --time DATE            put the playhead at DATE (YYYY, YYYY-MM or YYYY-MM-DD)
  --from DATE --to DATE  show exactly this time window on the map
  --view LON,LAT,ZOOM    centre and zoom of the map (zoom 1 = whole world)
  --select ID            select the event with this id
  --story ID [--step N]  open a story at step N (1-based)
  --present              presenter mode (full screen, large type) with --story
  --speaker-notes        while presenting, the speaker view (narration, next step, clock) in a
                         second window even with one display (it opens by itself on a second display)
  --export-video OUT     export the time range (--from/--to) or story as frames:
                         OUT.mp4 or OUT.gif (needs ffmpeg) or a folder for PNGs
  --fps N                frames per second for --export-video (default 30)
  --duration SEC         length of a time-range video (default: 1 s per year, 5 to 120 s)
  --fullscreen           start full screen
  --bench-frames N       time the UI's frames through a scripted session (N frames per part:
                         still, scrub, timeline zoom, map pan/zoom, hover, play), print the figures, exit
  --help, --version
)";
}

namespace {

bool parseSize(const std::string& s, int& w, int& h) {
    const auto x = s.find('x');
    if (x == std::string::npos) return false;
    const auto r1 = std::from_chars(s.data(), s.data() + x, w);
    const auto r2 = std::from_chars(s.data() + x + 1, s.data() + s.size(), h);
    return r1.ec == std::errc() && r1.ptr == s.data() + x && r2.ec == std::errc() && r2.ptr == s.data() + s.size();
}

std::optional<double> parseNumber(const std::string& s) {
    const DecimalParse r = parseDecimal(s.data(), s.data() + s.size());
    if (r.status != DecimalStatus::Ok || r.end != s.data() + s.size()) return std::nullopt;
    return r.value;
}

}  // namespace

CommandLineResult parseCommandLine(const std::vector<std::string>& args) {
    CommandLineResult result;
    CommandLine& o = result.options;
    auto fail = [&](std::string message) {
        result.error = std::move(message);
        return result;
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= args.size()) return false;
            out = args[++i];
            return true;
        };
        std::string v;
        if (a == "--help" || a == "-h")
            o.help = true;
        else if (a == "--version")
            o.version = true;
        else if (a == "--validate")
            o.validate = true;
        else if (a == "--fullscreen")
            o.fullscreen = true;
        else if (a == "--present")
            o.present = true;
        else if (a == "--speaker-notes")
            o.speakerNotes = true;
        else if (a == "--map-only")
            o.mapOnly = true;
        else if (a == "--no-legend")
            o.noLegend = true;
        else if (a == "--basemap")
            o.basemap = true;
        else if (a == "--state-report") {
            if (!value(o.stateReport)) return fail("--state-report needs a file name");
        } else if (a == "--layout-report") {
            if (!value(o.layoutReport)) return fail("--layout-report needs a file name");
        } else if (a == "--caption") {
            if (!value(o.caption)) return fail("--caption needs a text");
        } else if (a == "--screenshot") {
            if (!value(o.screenshotPath)) return fail("--screenshot needs an output file name (e.g. out.png)");
        } else if (a == "--theme") {
            if (!value(o.theme)) return fail("--theme needs a name: dark, light or projector");
        } else if (a == "--projection") {
            if (!value(o.projection))
                return fail("--projection needs a name: equirectangular, equal-earth, natural-earth or globe");
        } else if (a == "--time") {
            if (!value(o.time)) return fail("--time needs a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        } else if (a == "--from") {
            if (!value(o.timeFrom)) return fail("--from needs a date");
        } else if (a == "--to") {
            if (!value(o.timeTo)) return fail("--to needs a date");
        } else if (a == "--view") {
            if (!value(o.view)) return fail("--view needs LON,LAT,ZOOM");
        } else if (a == "--select") {
            if (!value(o.select)) return fail("--select needs an event id");
        } else if (a == "--story") {
            if (!value(o.story)) return fail("--story needs a story id");
        } else if (a == "--export-video") {
            if (!value(o.exportVideo)) return fail("--export-video needs an output (out.mp4, out.gif or a folder)");
        } else if (a == "--size") {
            if (!value(v) || !parseSize(v, o.widthPx, o.heightPx))
                return fail("--size needs WIDTHxHEIGHT, e.g. 1600x900");
            if (o.widthPx < 64 || o.heightPx < 64 || o.widthPx > 7680 || o.heightPx > 4320)
                return fail("--size " + v + " is out of range (64x64 to 7680x4320)");
        } else if (a == "--ui-scale") {
            const auto s = value(v) ? parseNumber(v) : std::nullopt;
            if (!s || *s < 0.75 || *s > 2.5) return fail("--ui-scale needs a number from 0.75 to 2.5");
            o.uiScale = s;
        } else if (a == "--step") {
            const auto s = value(v) ? parseNumber(v) : std::nullopt;
            if (!s || *s < 1 || *s != static_cast<int>(*s)) return fail("--step needs a step number (1, 2, ...)");
            o.step = static_cast<int>(*s);
        } else if (a == "--duration") {
            const auto s = value(v) ? parseNumber(v) : std::nullopt;
            if (!s || *s < 0.5 || *s > 3600) return fail("--duration needs seconds, 0.5 to 3600");
            o.durationSec = s;
        } else if (a == "--bench-frames") {
            const auto s = value(v) ? parseNumber(v) : std::nullopt;
            if (!s || *s < 4 || *s > 100000 || *s != static_cast<int>(*s))
                return fail("--bench-frames needs a number of frames, 4 to 100000");
            o.benchFrames = static_cast<int>(*s);
        } else if (a == "--fps") {
            const auto s = value(v) ? parseNumber(v) : std::nullopt;
            if (!s || *s < 1 || *s > 120) return fail("--fps needs a number from 1 to 120");
            o.fps = s;
        } else if (!a.empty() && a[0] == '-') {
            return fail("unknown option " + a + " (see --help)");
        } else if (o.dataFile.empty()) {
            o.dataFile = a;
        } else {
            return fail("more than one data file given: " + o.dataFile + " and " + a);
        }
    }
    return result;
}

}  // namespace meridian::io

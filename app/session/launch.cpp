#include "session/launch.h"

#include <algorithm>
#include <cstdio>

#include "geo/projection.h"

namespace meridian {

LaunchProblems applyLaunchOptions(Session& s, const Document& doc, const io::CommandLine& opt, bool headless) {
    LaunchProblems out;
    const Dataset& ds = doc.data();
    s.mapOnly = opt.mapOnly;
    s.caption = opt.caption;
    s.offscreen = headless;
    if (opt.noLegend) s.layers.legend = false;
    if (opt.basemap) s.layers.basemap = true;
    if (!opt.story.empty() && doc.hasData()) {
        const Index story = doc.findStory(opt.story);
        if (story == kNoIndex) {
            out.warnings.push_back("--story: no story with id \"" + opt.story + "\"");
            out.fatalWhenHeadless = true;
        } else {
            const int steps = static_cast<int>(ds.stories[story].steps.size());
            if (opt.step && (*opt.step > steps || *opt.step < 1)) {
                out.warnings.push_back("--step " + std::to_string(*opt.step) + ": the story \"" + opt.story +
                                       "\" has " + std::to_string(steps) + " steps");
                out.fatalWhenHeadless = true;
            }
            // A screenshot of a step is the slide: presenter mode.
            s.pendingStory =
                PendingStory{story, std::clamp(opt.step.value_or(1), 1, steps) - 1, opt.present || headless, headless};
        }
    }
    if (!opt.select.empty() && doc.hasData()) {
        const Index i = doc.findEvent(opt.select);
        if (i == kNoIndex) out.warnings.push_back("--select: no event with id \"" + opt.select + "\"");
        s.view.select(i);
        if (i != kNoIndex) s.selectedId = opt.select;
    }
    if (!opt.time.empty()) {
        const DateParseResult t = parseIsoDate(opt.time);
        if (t.date)
            s.view.playheadDay = static_cast<double>(t.date->firstDay());
        else
            out.warnings.push_back("--time: " + t.error);
    }
    if (!opt.timeFrom.empty() || !opt.timeTo.empty()) {
        const DateParseResult from = parseIsoDate(opt.timeFrom.empty() ? "0001" : opt.timeFrom);
        const DateParseResult to = parseIsoDate(opt.timeTo.empty() ? "9999" : opt.timeTo);
        if (!from.date)
            out.warnings.push_back("--from: " + from.error);
        else if (!to.date)
            out.warnings.push_back("--to: " + to.error);
        else if (opt.exportVideo.empty())
            s.view.window = DaySpan{from.date->span().first, to.date->span().last};
    }
    if (!opt.projection.empty()) {
        if (const auto p = geo::parseProjection(opt.projection))
            s.camera.projection = *p;
        else
            out.warnings.push_back("unknown projection \"" + opt.projection + "\" (" +
                                   std::string(geo::projectionNameList()) + ")");
    }
    if (!opt.view.empty()) {
        double lon = 0, lat = 0, zoom = 1;
        if (std::sscanf(opt.view.c_str(), "%lf,%lf,%lf", &lon, &lat, &zoom) == 3 && lon >= -180 && lon <= 180 &&
            lat >= -90 && lat <= 90 && zoom > 0) {
            s.camera.centerLonDeg = lon;
            s.camera.centerLatDeg = lat;
            s.camera.zoom = std::clamp(zoom, geo::kMinZoom, geo::kMaxZoom);
            s.fitRequested = false;
        } else {
            out.warnings.push_back("--view needs LON,LAT,ZOOM (e.g. 90,35,2), got \"" + opt.view + "\"");
        }
    }
    return out;
}

}  // namespace meridian

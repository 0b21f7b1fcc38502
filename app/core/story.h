// Stories: a presentation as a list of steps, each with narration, a time
// (playhead or window), a camera and the events to highlight. Pure data; the
// presenter (ui) plays it, the loader validates it, io/story_writer saves it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/index.h"

namespace meridian {

struct StoryCamera {
    std::string projection;  // empty: keep the current one
    double centerLonDeg = 0, centerLatDeg = 0, zoom = 1;

    friend bool operator==(const StoryCamera&, const StoryCamera&) = default;
};

struct StoryStep {
    std::string title, text;
    std::optional<Date> time;           // the playhead (the end of this date's span)
    std::optional<Date> from, to;       // or a window [from, to]
    std::optional<StoryCamera> camera;  // explicit camera, or
    bool fitHighlighted = true;         // frame the highlighted events (when no camera)
    std::vector<Index> highlight;       // events to emphasise (the first is selected)
    // Optional filter for the step: only these categories / confidence levels.
    std::vector<Index> filterCategories;
    std::uint8_t filterConfidenceMask = 0x1F;  // kAllConfidenceMask (core/dataset.h)
    double durationSec = 8;                    // autoplay: how long the step stays

    friend bool operator==(const StoryStep&, const StoryStep&) = default;
};

struct Story {
    std::string id, title, description;
    std::vector<StoryStep> steps;

    friend bool operator==(const Story&, const Story&) = default;
};

// The playhead day a step puts the map at: the last day of its time's span
// (so a year-only step shows the whole year), or the window's end.
std::optional<double> stepPlayheadDay(const StoryStep& step);
std::optional<DaySpan> stepWindow(const StoryStep& step);

}  // namespace meridian

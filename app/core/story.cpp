#include "core/story.h"

namespace meridian {

std::optional<double> stepPlayheadDay(const StoryStep& step) {
    if (step.time) return static_cast<double>(step.time->span().last) - 0.5;
    if (step.to) return static_cast<double>(step.to->span().last) - 0.5;
    return std::nullopt;
}

std::optional<DaySpan> stepWindow(const StoryStep& step) {
    if (!step.from || !step.to) return std::nullopt;
    return DaySpan{step.from->span().first, step.to->span().last};
}

}  // namespace meridian

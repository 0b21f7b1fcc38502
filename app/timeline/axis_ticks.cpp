#include "timeline/axis_ticks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace meridian::timeline {

namespace {

enum class UnitKind : std::uint8_t { Day, Month, Year };

struct UnitInfo {
    UnitKind kind;
    int step;        // N days / months / years
    double minDays;  // shortest gap between two ticks (a lower bound for years)
    const char* name;
};

// In TickUnit order, finest first.
constexpr UnitInfo kUnits[kTickUnitCount] = {
    {UnitKind::Day, 1, 1, "1 day"},
    {UnitKind::Day, 2, 2, "2 days"},
    {UnitKind::Day, 7, 7, "7 days"},
    {UnitKind::Day, 14, 14, "14 days"},
    {UnitKind::Month, 1, 28, "1 month"},
    {UnitKind::Month, 3, 90, "3 months"},   // Jan-Mar of a common year
    {UnitKind::Month, 6, 181, "6 months"},  // Jan-Jun of a common year
    {UnitKind::Year, 1, 365, "1 year"},
    {UnitKind::Year, 2, 730, "2 years"},
    {UnitKind::Year, 5, 1825, "5 years"},
    {UnitKind::Year, 10, 3650, "10 years"},
    {UnitKind::Year, 20, 7300, "20 years"},
    {UnitKind::Year, 50, 18250, "50 years"},
    {UnitKind::Year, 100, 36500, "100 years"},
    {UnitKind::Year, 200, 73000, "200 years"},
    {UnitKind::Year, 500, 182500, "500 years"},
    {UnitKind::Year, 1000, 365000, "1000 years"},
};

const UnitInfo& info(TickUnit u) {
    return kUnits[static_cast<int>(u)];
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// Largest k with 1 + k*N a day tick of this month: the tick's N-day interval must
// fit in the month, so the last gap before the next 1st is never shorter than N.
int lastDayTickIndex(int daysInThisMonth, int step) {
    return (daysInThisMonth - step) / step;
}

// A tick more than this many per pixel would be meaningless; guards the loops
// against a degenerate label width (0 px) or view.
constexpr float kMinMajorSpacingPx = 8.0f;

int formatYear(std::int64_t year, char* buf, int size) {
    // Astronomical year 0 is 1 BC (as Date::display).
    return year > 0 ? std::snprintf(buf, size, "%lld", static_cast<long long>(year))
                    : std::snprintf(buf, size, "%lld BC", static_cast<long long>(1 - year));
}

// Minor units per major, finest first: the first one at least minMinorSpacingPx
// apart is used. Each subdivides its major (every major is also a minor boundary:
// day ticks restart on every 1st, and 1/3/6 months divide a year) into 2-12 parts
// of the same calendar meaning (months within quarters, years within decades).
constexpr auto kNoUnit = static_cast<TickUnit>(kTickUnitCount);  // ends a list
constexpr TickUnit kMinorCandidates[kTickUnitCount][3] = {
    {kNoUnit, kNoUnit, kNoUnit},                                // Day1
    {TickUnit::Day1, kNoUnit, kNoUnit},                         // Day2
    {TickUnit::Day1, kNoUnit, kNoUnit},                         // Day7
    {TickUnit::Day1, TickUnit::Day7, kNoUnit},                  // Day14
    {TickUnit::Day7, TickUnit::Day14, kNoUnit},                 // Month1
    {TickUnit::Month1, kNoUnit, kNoUnit},                       // Month3
    {TickUnit::Month1, TickUnit::Month3, kNoUnit},              // Month6
    {TickUnit::Month1, TickUnit::Month3, TickUnit::Month6},     // Year1
    {TickUnit::Month3, TickUnit::Month6, TickUnit::Year1},      // Year2
    {TickUnit::Year1, kNoUnit, kNoUnit},                        // Year5
    {TickUnit::Year1, TickUnit::Year2, TickUnit::Year5},        // Year10
    {TickUnit::Year2, TickUnit::Year5, TickUnit::Year10},       // Year20
    {TickUnit::Year5, TickUnit::Year10, kNoUnit},               // Year50
    {TickUnit::Year10, TickUnit::Year20, TickUnit::Year50},     // Year100
    {TickUnit::Year20, TickUnit::Year50, TickUnit::Year100},    // Year200
    {TickUnit::Year50, TickUnit::Year100, kNoUnit},             // Year500
    {TickUnit::Year100, TickUnit::Year200, TickUnit::Year500},  // Year1000
};

}  // namespace

DayNumber tickAtOrBefore(TickUnit unit, DayNumber day) {
    const UnitInfo& u = info(unit);
    const CivilDate c = civilFromDays(day);
    switch (u.kind) {
        case UnitKind::Year:
            return daysFromCivil(floorDiv(c.year, u.step) * u.step, 1, 1);
        case UnitKind::Month: {
            const std::int64_t monthIndex = floorDiv(c.year * 12 + (c.month - 1), u.step) * u.step;
            const std::int64_t y = floorDiv(monthIndex, 12);
            return daysFromCivil(y, static_cast<int>(monthIndex - y * 12) + 1, 1);
        }
        case UnitKind::Day:
            break;
    }
    const int k = std::min((c.day - 1) / u.step, lastDayTickIndex(daysInMonth(c.year, c.month), u.step));
    return day - (c.day - 1) + static_cast<DayNumber>(k) * u.step;
}

DayNumber nextTick(TickUnit unit, DayNumber tick) {
    const UnitInfo& u = info(unit);
    const CivilDate c = civilFromDays(tick);
    switch (u.kind) {
        case UnitKind::Year:
            return daysFromCivil(c.year + u.step, 1, 1);
        case UnitKind::Month: {
            const std::int64_t monthIndex = c.year * 12 + (c.month - 1) + u.step;
            const std::int64_t y = floorDiv(monthIndex, 12);
            return daysFromCivil(y, static_cast<int>(monthIndex - y * 12) + 1, 1);
        }
        case UnitKind::Day:
            break;
    }
    const int dim = daysInMonth(c.year, c.month);
    const int k = (c.day - 1) / u.step;
    if (k + 1 <= lastDayTickIndex(dim, u.step)) return tick + u.step;
    return tick - (c.day - 1) + dim;  // the 1st of the next month
}

double minUnitDays(TickUnit unit) {
    return info(unit).minDays;
}
const char* tickUnitName(TickUnit unit) {
    return info(unit).name;
}

int formatTickLabel(TickUnit unit, DayNumber day, char* buf, int bufSize) {
    const CivilDate c = civilFromDays(day);
    char year[24];
    formatYear(c.year, year, sizeof year);
    int n = 0;
    switch (info(unit).kind) {
        case UnitKind::Year:
            n = std::snprintf(buf, bufSize, "%s", year);
            break;
        case UnitKind::Month:
            n = std::snprintf(buf, bufSize, "%s %s", monthShortName(c.month), year);
            break;
        case UnitKind::Day:
            n = std::snprintf(buf, bufSize, "%d %s %s", c.day, monthShortName(c.month), year);
            break;
    }
    return std::clamp(n, 0, bufSize - 1);
}

namespace {

struct TickBuilder {
    const TimeAxisView& view;
    const AxisTickOptions& options;
    DayNumber firstWholeDay, lastWholeDay;  // floor of the edges

    float measure(std::string_view text) const {
        return options.labelWidthPx ? options.labelWidthPx(text) : options.pxPerChar * static_cast<float>(text.size());
    }

    float estimatedLabelWidth(TickUnit unit) const {
        // The edges' labels: their year has the most digits of any in view.
        char buf[sizeof AxisTick::label];
        float w = 0;
        for (DayNumber d : {firstWholeDay, lastWholeDay}) {
            const int n = formatTickLabel(unit, tickAtOrBefore(unit, d), buf, sizeof buf);
            w = std::max(w, measure({buf, static_cast<std::size_t>(n)}));
        }
        return w;
    }

    // Majors of `unit` into out; false if two labels would overlap (unless
    // `thin`, which then drops the labels that would).
    bool emitMajors(TickUnit unit, bool thin, std::vector<AxisTick>& out) const {
        out.clear();
        const float gap = options.labelGapPx;
        const float limit = static_cast<float>(view.widthPx);
        float prevLabelEnd = -1e30f;
        for (DayNumber t = tickAtOrBefore(unit, firstWholeDay); static_cast<double>(t) < view.lastDay();
             t = nextTick(unit, t)) {
            AxisTick& tick = out.emplace_back();
            tick.day = static_cast<double>(t);
            tick.xPx = static_cast<float>(view.dayToX(tick.day));
            tick.isMajor = true;
            const int n = formatTickLabel(unit, t, tick.label, sizeof tick.label);
            tick.labelLength = static_cast<std::uint8_t>(n);
            tick.labelWidthPx = measure(tick.labelText());
            if (tick.xPx < prevLabelEnd + gap) {
                if (!thin) return false;
                tick.labelLength = 0;
                tick.label[0] = '\0';
                tick.labelWidthPx = 0;
                continue;
            }
            prevLabelEnd = tick.xPx + tick.labelWidthPx;
            if (out.size() > static_cast<std::size_t>(limit / kMinMajorSpacingPx) + 4) return thin;
        }
        return true;
    }
};

}  // namespace

void computeAxisTicks(const TimeAxisView& view, const AxisTickOptions& options, AxisTicks& out) {
    out.ticks.clear();
    out.hasMinor = false;
    if (!(view.pxPerDay > 0) || !(view.widthPx > 0) || !std::isfinite(view.firstDay)) return;
    const double first = std::clamp(view.firstDay, kEarliestDay, kLatestDay);
    const double last = std::clamp(view.lastDay(), kEarliestDay, kLatestDay);
    const TickBuilder builder{view, options, static_cast<DayNumber>(std::floor(first)),
                              static_cast<DayNumber>(std::floor(last))};

    // Major unit: the finest whose shortest gap can hold a label, confirmed by
    // laying the real labels out (month names and proportional digits differ).
    bool placed = false;
    for (int i = 0; i < kTickUnitCount && !placed; ++i) {
        const auto unit = static_cast<TickUnit>(i);
        const double gapPx = minUnitDays(unit) * view.pxPerDay;
        const float needPx = std::max(builder.estimatedLabelWidth(unit) + options.labelGapPx, kMinMajorSpacingPx);
        if (gapPx < needPx) continue;
        if (builder.emitMajors(unit, false, out.ticks)) {
            out.majorUnit = unit;
            placed = true;
        }
    }
    if (!placed) {  // narrower than a millennium label: keep the ticks, drop crowded labels
        out.majorUnit = TickUnit::Year1000;
        builder.emitMajors(out.majorUnit, true, out.ticks);
    }

    for (const TickUnit unit : kMinorCandidates[static_cast<int>(out.majorUnit)]) {
        if (unit == kNoUnit) break;
        if (minUnitDays(unit) * view.pxPerDay < options.minMinorSpacingPx) continue;
        out.minorUnit = unit;
        out.hasMinor = true;
        break;
    }
    if (!out.hasMinor) return;

    const std::size_t majorCount = out.ticks.size();
    std::size_t nextMajor = 0;
    const std::size_t minorLimit =
        static_cast<std::size_t>(view.widthPx / std::max(options.minMinorSpacingPx, 1.0f)) + 4;
    for (DayNumber t = tickAtOrBefore(out.minorUnit, builder.firstWholeDay);
         static_cast<double>(t) < view.lastDay() && out.ticks.size() - majorCount < minorLimit;
         t = nextTick(out.minorUnit, t)) {
        if (static_cast<double>(t) < view.firstDay) continue;
        while (nextMajor < majorCount && out.ticks[nextMajor].day < static_cast<double>(t)) ++nextMajor;
        if (nextMajor < majorCount && out.ticks[nextMajor].day == static_cast<double>(t)) continue;
        AxisTick& tick = out.ticks.emplace_back();
        tick.day = static_cast<double>(t);
        tick.xPx = static_cast<float>(view.dayToX(tick.day));
    }
    std::sort(out.ticks.begin(), out.ticks.end(), [](const AxisTick& a, const AxisTick& b) { return a.day < b.day; });
}

}  // namespace meridian::timeline

// libFuzzer target: loose date parsing for imports (io/import/loose_date), times of day and
// coordinates as people write them.
//
// Invariants checked on every input:
// - a date or an error (never both, never neither), in each day/month order; an error quotes the text;
// - a date's iso() parses (parseIsoDate) to the same date; an end is after the start; a time of
//   day is within a day and only on a date given to the day;
// - the day/month order guess never decides for an order the column contradicts;
// - a coordinate is within range.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "io/import/loose_date.h"
#include "io/import/number_text.h"
#include "io/json_object_reader.h"  // quote()

#if __has_include("fuzz_check.h")
#include "fuzz_check.h"
#else
#define FUZZ_CHECK(condition, found)                                         \
    do {                                                                     \
        if (!(condition)) {                                                  \
            std::fprintf(stderr, "fuzz invariant broken: %s\n", #condition); \
            std::abort();                                                    \
        }                                                                    \
    } while (0)
#endif

using namespace meridian;
using namespace meridian::io;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const DayMonthOrder order : {DayMonthOrder::Unknown, DayMonthOrder::DayFirst, DayMonthOrder::MonthFirst}) {
        const LooseDateResult r = parseLooseDate(text, order);
        FUZZ_CHECK(r.value.has_value() == r.error.empty(), r.error);
        if (!r.value) {
            FUZZ_CHECK(r.error.front() == '"', r.error);
            FUZZ_CHECK(!r.needsOrder || order == DayMonthOrder::Unknown, r.error);
            continue;
        }
        const LooseDate& d = *r.value;
        const DateParseResult iso = parseIsoDate(d.date.iso());
        FUZZ_CHECK(iso.date && *iso.date == d.date, d.date.iso());
        if (d.end) FUZZ_CHECK(d.end->span().last > d.date.span().first, d.end->iso());
        if (d.minuteOfDay) {
            FUZZ_CHECK(*d.minuteOfDay >= 0 && *d.minuteOfDay < 1440, std::to_string(*d.minuteOfDay));
            FUZZ_CHECK(d.date.precision() == DatePrecision::Day, d.date.iso());
        }
    }
    DayMonthOrderGuess guess;
    guess.observe(text, 1);
    if (guess.order() != DayMonthOrder::Unknown) {
        const LooseDateResult r = parseLooseDate(text, guess.order());
        // The reason after the quoted text (the text itself may say anything).
        const std::string quoted = quote(text);
        const std::string why = r.error.rfind(quoted, 0) == 0 ? r.error.substr(quoted.size()) : r.error;
        FUZZ_CHECK(r.value.has_value() || why.rfind(" is not a date in day-first order", 0) != 0, r.error);
    }
    if (const auto t = parseLooseTime(text)) FUZZ_CHECK(*t >= 0 && *t < 1440, std::to_string(*t));
    if (const auto lat = parseCoordinate(text, true)) FUZZ_CHECK(*lat >= -90 && *lat <= 90, std::to_string(*lat));
    if (const auto lon = parseCoordinate(text, false)) FUZZ_CHECK(*lon >= -180 && *lon <= 180, std::to_string(*lon));
    return 0;
}

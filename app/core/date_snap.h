// Dates as an editor changes them: snapped to a precision, shifted by whole
// months or days (a drag on the timeline), rebuilt from a form's parts, and
// given another precision. Pure functions on core/date.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"

namespace meridian {

// The date of a given precision that contains a day: 1987-03-14 at Month
// precision is "1987-03".
Date snapToPrecision(DayNumber day, DatePrecision precision);
// The same date written with another precision ("1987-03-14" as Year: "1987";
// "1987" as Day: "1987-01-01").
Date withPrecision(const Date& date, DatePrecision precision);
// Moved by whole months (then days): a year-only date moves by whole years
// (months rounded to years), a month by months; a day keeps its day of the
// month where the target month has it (31 Jan + 1 month = 28/29 Feb).
Date shiftDate(const Date& date, std::int64_t months, DayNumber days);
// Months between the starts of two dates ("1987-03" to "1988-01": 10).
std::int64_t monthsBetween(const Date& from, const Date& to);

// A date from a form: year, month (1..12) and day (1..31); only the parts
// the precision uses are read. nullopt with *error naming what is wrong
// ("February 1987 has 28 days").
std::optional<Date> dateFromParts(std::int64_t year, int month, int day, DatePrecision precision,
                                  std::string* error = nullptr);
const char* precisionLabel(DatePrecision p);  // "Year", "Month", "Day"

}  // namespace meridian

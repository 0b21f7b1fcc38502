// Dates as people and spreadsheets write them, to Meridian's partial dates:
//
//   ISO              1987, 1987-03, 1987-03-14, 1987-03-14T10:30, 2006-7-5
//   numeric          05/07/2006, 5.7.2006, 2006/07/05, 07/2006 (day-first or month-first: see below)
//   month names      14 March 1987, March 14, 1987, Mar 1987, 14-Mar-1987, Monday 5 July 2006 (English)
//   uncertain        c. 1987, ca. 1987, circa 1987, about 1987, ~1987, 1987?  -> approx
//   spans            1980s -> 1980 to 1989 (year precision); 1983-1985, 1983 to 1985, March-May 1987 (not yet)
//   before year 1    44 BC, 44 BCE, -0043 (astronomical: year 0 is 1 BC); AD 44
//   time of day      ... 14:30, 2:30 PM, 14:30:15 (seconds and time zones are not kept)
//
// The precision written is kept ("March 1987" is the whole month). Two-digit
// years ("5/7/06") are refused: the century cannot be known.
//
// Day-first or month-first: "05/07/2006" is 5 July or May 7. DayMonthOrderGuess
// reads a whole column: any first field over 12 decides day-first, any second
// field over 12 month-first, dots (5.7.2006) are day-first by convention;
// otherwise the order is ambiguous and the UI asks.
//
// Pure functions, no I/O; fuzzed (fuzz/fuzz_loose_date.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "io/import/table.h"

namespace meridian::io {

enum class DayMonthOrder : std::uint8_t { Unknown, DayFirst, MonthFirst };
const char* dayMonthOrderId(DayMonthOrder order);  // "auto", "day-first", "month-first"
std::optional<DayMonthOrder> parseDayMonthOrder(std::string_view id);

struct LooseDate {
    Date date;
    std::optional<Date> end;  // a span written as one value: "1980s", "1983-1985"
    bool approx = false;      // "c. 1987", "1987?"
    std::optional<int> minuteOfDay;
};

struct LooseDateResult {
    std::optional<LooseDate> value;
    // Why not, starting with the value quoted: "\"31/31/2006\" is not a date (no month 31)".
    std::string error;
    bool needsOrder = false;  // "05/07/2006" read with DayMonthOrder::Unknown: the user must choose
    // looseDateFromParts: which cell the error is about (for messages naming the column).
    enum class Part : std::uint8_t { Whole, Year, Month, Day, Time };
    Part part = Part::Whole;
};

// Years Meridian keeps: deep time (TimelineJS's cosmological scale) included.
inline constexpr std::int64_t kMaxAbsYear = 100'000'000'000;

LooseDateResult parseLooseDate(std::string_view text, DayMonthOrder order = DayMonthOrder::Unknown);
// A cell as the file typed it: a spreadsheet Date/DateTime cell, a number (a
// year), or text (parseLooseDate).
LooseDateResult looseDateFromCell(const Cell& cell, DayMonthOrder order = DayMonthOrder::Unknown);
// Separate columns (TimelineJS's Year, Month, Day, Time): year required; month
// (a number or an English name) and day optional; time only with a day. Null
// pointers are absent columns.
LooseDateResult looseDateFromParts(const Cell* year, const Cell* month, const Cell* day, const Cell* time);

// "14:30", "14:30:15", "2:30 PM", "2 pm", "1430", "14.30" -> minutes since midnight.
std::optional<int> parseLooseTime(std::string_view text);

// Reads a column's values one by one and says which order its numeric dates use.
class DayMonthOrderGuess {
public:
    void observe(std::string_view text, unsigned rowNumber);

    // DayFirst or MonthFirst when the data tells; Unknown when it cannot
    // (ambiguous() or conflicting()) or has no numeric dates.
    DayMonthOrder order() const;
    bool ambiguous() const { return m_ambiguousCount > 0 && !m_dayFirstRow && !m_monthFirstRow && !m_dotRow; }
    bool conflicting() const { return m_dayFirstRow && m_monthFirstRow; }
    // For the dialog: "day-first: row 4 has \"31/12/2006\"", "row 2 has \"05/07/2006\": day-first or
    // month-first? (12 dates like it)", "rows 4 and 9 disagree: ...". Empty when no numeric dates were seen.
    std::string explanation() const;

private:
    unsigned m_dayFirstRow = 0, m_monthFirstRow = 0, m_dotRow = 0, m_firstAmbiguousRow = 0;
    std::string m_dayFirstText, m_monthFirstText, m_ambiguousText;
    std::size_t m_ambiguousCount = 0;
};

}  // namespace meridian::io

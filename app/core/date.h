// Partial calendar dates for history: "1987", "1987-03", "1987-03-14".
//
// A Date is a day count (int64, days since 1970-01-01 in the proleptic
// Gregorian calendar, negative before 1970, astronomical years so year 0 = 1 BC)
// plus the precision it was written with. A year-only date is the whole year,
// not 1 January: span() gives [first day, day after last day).
// We keep our own type because history starts before 1970 (ImPlot's time axis
// cannot show those dates) and because precision must survive.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace meridian {

using DayNumber = std::int64_t;  // days since 1970-01-01

enum class DatePrecision : std::uint8_t { Year, Month, Day };

struct CivilDate {
    std::int64_t year = 1970;  // astronomical
    int month = 1;             // 1..12
    int day = 1;               // 1..31
};

DayNumber daysFromCivil(std::int64_t year, int month, int day);
CivilDate civilFromDays(DayNumber days);
bool isLeapYear(std::int64_t year);
int daysInMonth(std::int64_t year, int month);

struct DaySpan {
    DayNumber first = 0;  // inclusive
    DayNumber last = 0;   // exclusive
    DayNumber length() const { return last - first; }
    bool contains(DayNumber d) const { return d >= first && d < last; }
    bool overlaps(const DaySpan& o) const { return first < o.last && o.first < last; }
    friend bool operator==(const DaySpan&, const DaySpan&) = default;
};

class Date {
public:
    Date() = default;
    static Date fromYear(std::int64_t year);
    static Date fromYearMonth(std::int64_t year, int month);
    static Date fromCivil(std::int64_t year, int month, int day);

    DatePrecision precision() const { return m_precision; }
    DayNumber firstDay() const {
        DayNumber first;
        std::memcpy(&first, m_firstDay, sizeof first);
        return first;
    }
    DaySpan span() const {
        const DayNumber first = firstDay();
        return {first, first + m_days};
    }
    CivilDate civil() const { return civilFromDays(firstDay()); }

    // As written: "1987", "1987-03", "1987-03-14".
    std::string iso() const;
    // For people: "1987", "March 1987", "14 March 1987".
    std::string display() const;

    friend bool operator==(const Date&, const Date&) = default;

private:
    static Date make(DayNumber first, DatePrecision precision);
    // 12 bytes, aligned on 2 (an event has five dates, four of them optional:
    // 14 bytes each instead of 24 with an aligned int64; a million events save
    // 52 MB): the first day is kept as the bytes of a DayNumber (a memcpy is one
    // load). The length is kept, not recomputed, so span() costs an addition
    // (sorting a million events calls it a lot).
    unsigned char m_firstDay[sizeof(DayNumber)] = {};
    std::uint16_t m_days = 1;  // 1 (a day) to 366 (a leap year)
    DatePrecision m_precision = DatePrecision::Day;
};

// Parsing with a reason on failure, for the validator's messages.
struct DateParseResult {
    std::optional<Date> date;
    std::string error;  // e.g. "\"2006-02-30\" is not a calendar date (February 2006 has 28 days)"
};
DateParseResult parseIsoDate(std::string_view text);

// Fractional day positions (the playhead, the timeline's view) to and from text.
std::string formatDayNumber(DayNumber day);  // "2006-07-05"
// A span of days for people, as coarse as its ends allow: "1993 – 2000" (whole
// years), "May 1993 – Jul 2000" (whole months), "5 Jul – 9 Oct 2006" (days).
std::string describeSpan(DaySpan span);
const char* monthName(int month);       // "January" .. "December"
const char* monthShortName(int month);  // "Jan" .. "Dec"

// A time of day written "HH:MM" (00:00 to 23:59) as minutes since midnight, and back.
std::optional<int> parseTimeOfDay(std::string_view text);
std::string formatTimeOfDay(int minuteOfDay);  // "14:05"

}  // namespace meridian

#include "io/import/loose_date.h"

#include <charconv>
#include <cmath>
#include <vector>

#include "io/json_object_reader.h"  // quote()

namespace meridian::io {

namespace {

constexpr const char* kExpected =
    "is not a date (expected e.g. 2006-07-05, 5 July 2006, 05/07/2006, 1987, c. 1987, 1980s or 44 BC)";

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string_view trim(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    // No-break spaces (U+00A0) that spreadsheets put around values.
    while (s.size() >= 2 && s[0] == '\xC2' && s[1] == '\xA0') s = trim(s.substr(2));
    while (s.size() >= 2 && s[s.size() - 2] == '\xC2' && s.back() == '\xA0') s = trim(s.substr(0, s.size() - 2));
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lowerAscii(c);
    return out;
}

bool startsWith(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(0, p.size()) == p;
}
bool endsWith(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

bool allDigits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!isDigit(c)) return false;
    return true;
}

// Digits to a number; nullopt when too long (no overflow).
std::optional<std::int64_t> toNumber(std::string_view digits) {
    if (!allDigits(digits)) return std::nullopt;
    while (digits.size() > 1 && digits[0] == '0') digits.remove_prefix(1);
    if (digits.size() > 15) return std::nullopt;
    std::int64_t v = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), v);
    return v;
}

LooseDateResult fail(std::string_view text, const std::string& why) {
    return {std::nullopt, quote(text) + " " + why, false};
}

std::optional<int> monthFromName(std::string_view word) {
    static constexpr const char* kNames[] = {"january", "february", "march",     "april",   "may",      "june",
                                             "july",    "august",   "september", "october", "november", "december"};
    std::string w = lower(word);
    if (!w.empty() && w.back() == '.') w.pop_back();
    if (w == "sept") return 9;
    for (int m = 0; m < 12; ++m) {
        const std::string_view name = kNames[m];
        if (w == name || (w.size() == 3 && name.substr(0, 3) == w)) return m + 1;
    }
    return std::nullopt;
}

bool isWeekday(std::string_view word) {
    static constexpr const char* kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                            "friday", "saturday", "sunday"};
    std::string w = lower(word);
    if (!w.empty() && w.back() == '.') w.pop_back();
    for (const char* d : kDays) {
        const std::string_view day = d;
        if (w == day || (w.size() == 3 && day.substr(0, 3) == w)) return true;
    }
    return false;
}

// A civil date after its fields are known; a reason when the calendar says no.
LooseDateResult makeDay(std::string_view text, std::int64_t year, std::int64_t month, std::int64_t day) {
    if (month < 1 || month > 12) return fail(text, "is not a date (no month " + std::to_string(month) + ")");
    const int maxDay = daysInMonth(year, static_cast<int>(month));
    if (day < 1 || day > maxDay)
        return fail(text, "is not a calendar date (" + std::string(monthName(static_cast<int>(month))) + " " +
                              Date::fromYear(year).display() + " has " + std::to_string(maxDay) + " days)");
    return {LooseDate{Date::fromCivil(year, static_cast<int>(month), static_cast<int>(day))}, {}, false};
}

LooseDateResult makeMonth(std::string_view text, std::int64_t year, std::int64_t month) {
    if (month < 1 || month > 12) return fail(text, "is not a date (no month " + std::to_string(month) + ")");
    return {LooseDate{Date::fromYearMonth(year, static_cast<int>(month))}, {}, false};
}

struct Token {
    bool number = false;
    std::string_view text;  // digits, or a word (letters, a trailing '.' dropped)
    char separatorBefore = 0;
};

// Splits "14-Mar-1987", "March 14, 1987", "5.7.2006" into numbers and words.
// False when a character belongs to no date ("1987 & 1988").
bool tokenize(std::string_view s, std::vector<Token>& tokens) {
    tokens.clear();
    char separator = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == ' ' || c == ',' || c == '/' || c == '-' || c == '.') {
            if (c != ' ' && c != ',') separator = c;
            ++i;
            continue;
        }
        const std::size_t start = i;
        if (isDigit(c)) {
            while (i < s.size() && isDigit(s[i])) ++i;
            tokens.push_back({true, s.substr(start, i - start), separator});
            // Ordinals: 1st, 2nd, 3rd, 14th.
            if (i + 1 < s.size() && isAlpha(s[i])) {
                const std::string suffix = lower(s.substr(i, 2));
                if ((suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") &&
                    (i + 2 >= s.size() || !isAlpha(s[i + 2])))
                    i += 2;
            }
        } else if (isAlpha(c)) {
            while (i < s.size() && isAlpha(s[i])) ++i;
            tokens.push_back({false, s.substr(start, i - start), separator});
        } else {
            return false;
        }
        separator = 0;
    }
    return true;
}

// One date without approx/era/range/time decorations.
// negativeYear: written "-0043" (astronomical); bc: written "44 BC". Either
// makes a short year unambiguous ("15 March 44 BC").
LooseDateResult parseCore(std::string_view text, std::string_view s, DayMonthOrder order, bool negativeYear, bool bc) {
    std::vector<Token> tokens;
    if (!tokenize(s, tokens) || tokens.empty()) return fail(text, kExpected);
    std::vector<const Token*> numbers;
    int month = 0;
    for (const Token& t : tokens) {
        if (t.number) {
            numbers.push_back(&t);
        } else if (const auto m = monthFromName(t.text)) {
            if (month) return fail(text, kExpected);
            month = *m;
        } else if (!isWeekday(t.text)) {
            return fail(text, kExpected);
        }
    }
    const bool shortYearOk = negativeYear || bc;
    auto yearOf = [&](const Token* t) -> std::optional<std::int64_t> {
        const auto v = toNumber(t->text);
        if (!v || *v > kMaxAbsYear || (bc && *v < 1)) return std::nullopt;
        return negativeYear ? -*v : bc ? 1 - *v : *v;
    };
    const char* twoDigitYear = "has a two-digit year (write the full year: the century cannot be known)";

    if (month) {  // "14 March 1987", "March 14, 1987", "March 1987"
        if (numbers.size() == 1) {
            if (numbers[0]->text.size() <= 2 && !shortYearOk) return fail(text, twoDigitYear);
            const auto y = yearOf(numbers[0]);
            if (!y) return fail(text, "is not a date (the year is out of range)");
            return makeMonth(text, *y, month);
        }
        if (numbers.size() != 2) return fail(text, kExpected);
        const Token* dayToken = numbers[0];
        const Token* yearToken = numbers[1];
        if (numbers[0]->text.size() >= 3 && numbers[1]->text.size() <= 2) std::swap(dayToken, yearToken);
        if (dayToken->text.size() > 2) return fail(text, kExpected);
        if (yearToken->text.size() <= 2 && !shortYearOk) return fail(text, twoDigitYear);
        const auto y = yearOf(yearToken);
        if (!y) return fail(text, "is not a date (the year is out of range)");
        return makeDay(text, *y, month, *toNumber(dayToken->text));
    }
    if (numbers.empty()) return fail(text, kExpected);
    if (numbers.size() == 1) {
        if (tokens.size() != 1) return fail(text, kExpected);
        const auto y = yearOf(numbers[0]);
        if (!y) return fail(text, "is not a date (the year is out of range)");
        return {LooseDate{Date::fromYear(*y)}, {}, false};
    }
    if (numbers.size() == 2) {  // 2006-07, 2006/07, 07/2006
        const Token &a = *numbers[0], &b = *numbers[1];
        if (a.text.size() >= 3 && b.text.size() <= 2) {
            const auto y = yearOf(&a);
            if (!y) return fail(text, "is not a date (the year is out of range)");
            return makeMonth(text, *y, *toNumber(b.text));
        }
        if (b.text.size() >= 3 && a.text.size() <= 2 && !negativeYear) {
            const auto y = yearOf(&b);
            if (!y) return fail(text, "is not a date (the year is out of range)");
            return makeMonth(text, *y, *toNumber(a.text));
        }
        if (a.text.size() <= 2 && b.text.size() <= 2) return fail(text, twoDigitYear);
        return fail(text, kExpected);
    }
    if (numbers.size() != 3) return fail(text, kExpected);
    const Token &a = *numbers[0], &b = *numbers[1], &c = *numbers[2];
    if (b.text.size() > 2) return fail(text, kExpected);
    if (a.text.size() >= 3) {  // year first: 2006-07-05, 2006/7/5
        if (c.text.size() > 2) return fail(text, kExpected);
        const auto y = yearOf(&a);
        if (!y) return fail(text, "is not a date (the year is out of range)");
        return makeDay(text, *y, *toNumber(b.text), *toNumber(c.text));
    }
    if (negativeYear || bc || a.text.size() > 2) return fail(text, kExpected);
    if (c.text.size() <= 2) return fail(text, twoDigitYear);
    const auto y = yearOf(&c);
    if (!y) return fail(text, "is not a date (the year is out of range)");
    const std::int64_t x = *toNumber(a.text), z = *toNumber(b.text);
    if (x > 12 && z > 12)
        return fail(text,
                    "is not a date (neither " + std::to_string(x) + " nor " + std::to_string(z) + " can be a month)");
    const bool dots = b.separatorBefore == '.';
    DayMonthOrder use = order;
    if (use == DayMonthOrder::Unknown) {
        if (x > 12 || x == z || dots)
            use = DayMonthOrder::DayFirst;
        else if (z > 12)
            use = DayMonthOrder::MonthFirst;
        else
            return {std::nullopt,
                    quote(text) + " could be " + std::to_string(z) + " " + monthName(static_cast<int>(x)) + " or " +
                        std::to_string(x) + " " + monthName(static_cast<int>(z)) + " " + std::to_string(*y) +
                        ": choose day-first or month-first",
                    true};
    }
    if (use == DayMonthOrder::DayFirst) {
        if (z > 12) return fail(text, "is not a date in day-first order (no month " + std::to_string(z) + ")");
        return makeDay(text, *y, z, x);
    }
    if (x > 12) return fail(text, "is not a date in month-first order (no month " + std::to_string(x) + ")");
    return makeDay(text, *y, x, z);
}

// Where a time of day starts in s ("... 14:30", "...T14:30", "... 2 PM"); npos when none.
std::size_t findTimeStart(std::string_view s) {
    const std::string l = lower(s);
    for (std::size_t i = 0; i + 2 < l.size(); ++i) {
        if (!isDigit(l[i]) || (i > 0 && isDigit(l[i - 1]))) continue;
        std::size_t j = i;
        while (j < l.size() && isDigit(l[j])) ++j;
        if (j - i > 2) continue;
        const bool colon = j + 1 < l.size() && l[j] == ':' && isDigit(l[j + 1]);
        std::size_t k = j;
        while (k < l.size() && l[k] == ' ') ++k;
        const bool meridiem = (startsWith(l.substr(k), "am") || startsWith(l.substr(k), "pm") ||
                               startsWith(l.substr(k), "a.m") || startsWith(l.substr(k), "p.m"));
        if ((colon || meridiem) && i > 0 && (l[i - 1] == ' ' || l[i - 1] == 't' || l[i - 1] == ',')) return i;
    }
    return std::string_view::npos;
}

// Removes a time zone after a clock time: "Z", "UTC", "GMT", "+02:00", "-0500".
std::string_view dropTimeZone(std::string_view t) {
    std::string l = lower(t);
    for (std::string_view z : {"z", " utc", "utc", " gmt", "gmt"}) {
        if (endsWith(l, z) && l.size() > z.size() && isDigit(l[l.size() - z.size() - 1])) {
            t.remove_suffix(z.size());
            return trim(t);
        }
    }
    const std::size_t sign = t.find_last_of("+-");
    if (sign != std::string_view::npos && sign > 0 && t.find(':') < sign) {
        const std::string_view zone = t.substr(sign + 1);
        const bool hhmm =
            (zone.size() == 5 && zone[2] == ':' && allDigits(zone.substr(0, 2)) && allDigits(zone.substr(3))) ||
            (zone.size() == 4 && allDigits(zone)) || (zone.size() == 2 && allDigits(zone));
        if (hhmm) return trim(t.substr(0, sign));
    }
    return t;
}

// The value without decorations: approx marks, era, ranges, decades, times.
LooseDateResult parseDecorated(std::string_view text, DayMonthOrder order, bool allowRange) {
    std::string_view s = trim(text);
    if (s.empty()) return fail(text, "is empty (expected a date)");
    LooseDate extra;
    // Approximate: "c. 1987", "ca. 1987", "circa 1987", "about 1987", "~1987", "1987?".
    {
        const std::string l = lower(s);
        for (std::string_view p : {"circa ", "circa", "ca. ", "ca.", "ca ", "c. ", "c.", "c ", "about ", "around ",
                                   "approximately ", "approx. ", "approx.", "~"}) {
            if (startsWith(l, p) && s.size() > p.size() &&
                (isDigit(s[p.size()]) || s[p.size()] == ' ' || isAlpha(s[p.size()]) || s[p.size()] == '-')) {
                if (p == "c " && !isDigit(s[p.size()])) continue;
                s = trim(s.substr(p.size()));
                extra.approx = true;
                break;
            }
        }
        while (!s.empty() && s.back() == '?') {
            s.remove_suffix(1);
            s = trim(s);
            extra.approx = true;
        }
    }
    if (s.empty()) return fail(text, kExpected);

    // Era: "44 BC", "44 BCE", "44 B.C.", "AD 44", "44 CE".
    bool bc = false;
    {
        const std::string l = lower(s);
        for (std::string_view suffix : {" b.c.e.", " b.c.e", " b.c.", " b.c", " bce", " bc", "bce", "bc"}) {
            if (endsWith(l, suffix) && l.size() > suffix.size() && isDigit(l[l.size() - suffix.size() - 1])) {
                s = trim(s.substr(0, s.size() - suffix.size()));
                bc = true;
                break;
            }
        }
        if (!bc) {
            for (std::string_view suffix : {" a.d.", " a.d", " ad", " ce"}) {
                if (endsWith(l, suffix) && l.size() > suffix.size()) {
                    s = trim(s.substr(0, s.size() - suffix.size()));
                    break;
                }
            }
            const std::string afterSuffix = lower(s);  // s may have lost a suffix: l is stale
            for (std::string_view prefix : {"a.d. ", "a.d.", "ad "}) {
                if (startsWith(afterSuffix, prefix) && afterSuffix.size() > prefix.size()) {
                    s = trim(s.substr(prefix.size()));
                    break;
                }
            }
        }
    }

    // Ranges: "1983-1985", "1983 - 1985", "1983–1985" (en dash), "1983 to 1985".
    if (allowRange) {
        std::size_t cut = std::string_view::npos, cutLength = 0;
        for (std::string_view sep : {" to ", " until ", "\xE2\x80\x93", "\xE2\x80\x94", " - "}) {
            const std::size_t at = lower(s).find(sep);
            if (at != std::string_view::npos && at > 0) {
                cut = at, cutLength = sep.size();
                break;
            }
        }
        if (cut == std::string_view::npos) {
            const std::size_t dash = s.find('-', 1);
            if (dash != std::string_view::npos && s[0] != '-' && allDigits(s.substr(0, dash)) &&
                allDigits(s.substr(dash + 1)) && dash >= 3 && s.size() - dash - 1 >= 3)
                cut = dash, cutLength = 1;
        }
        if (cut != std::string_view::npos) {
            std::string first(trim(s.substr(0, cut))), second(trim(s.substr(cut + cutLength)));
            if (bc) first += " BC", second += " BC";
            LooseDateResult a = parseDecorated(first, order, false);
            if (!a.value) return a.needsOrder ? a : fail(text, kExpected);
            LooseDateResult b = parseDecorated(second, order, false);
            if (!b.value) return b.needsOrder ? b : fail(text, kExpected);
            if (b.value->date.span().last <= a.value->date.span().first)
                return fail(text, "is not a date range (it ends before it starts)");
            a.value->end = b.value->end ? *b.value->end : b.value->date;
            a.value->approx = a.value->approx || b.value->approx || extra.approx;
            return a;
        }
    }

    // Decades: "1980s", "1980's".
    if (endsWith(s, "s") || endsWith(lower(s), "'s")) {
        std::string_view digits = s.substr(0, s.size() - 1);
        if (!digits.empty() && digits.back() == '\'') digits.remove_suffix(1);
        if (digits.size() >= 3 && allDigits(digits) && digits.back() == '0' && !bc) {
            const auto parsed = toNumber(digits);
            if (!parsed || *parsed > kMaxAbsYear) return fail(text, "is not a date (the year is out of range)");
            const std::int64_t y = *parsed;
            LooseDate d;
            d.date = Date::fromYear(y);
            d.end = Date::fromYear(y + 9);
            d.approx = extra.approx;
            return {d, {}, false};
        }
    }

    // A time of day after the date.
    std::optional<int> minute;
    if (const std::size_t at = findTimeStart(s); at != std::string_view::npos) {
        const std::string_view timeText = s.substr(at);
        minute = parseLooseTime(timeText);
        if (!minute) return fail(text, "has a time of day that cannot be read (expected e.g. 14:30 or 2:30 PM)");
        s = s.substr(0, at);
        while (!s.empty() && (s.back() == ' ' || s.back() == 'T' || s.back() == 't' || s.back() == ','))
            s.remove_suffix(1);
    }

    bool negative = false;
    if (!s.empty() && s[0] == '-' && s.size() > 1 && isDigit(s[1])) {
        negative = true;
        s.remove_prefix(1);
    }
    if (negative && bc) return fail(text, kExpected);
    LooseDateResult r = parseCore(text, s, order, negative, bc);
    if (!r.value) return r;
    if (minute) {
        if (r.value->date.precision() != DatePrecision::Day)
            return fail(text, "has a time of day but no day (a time needs a full date)");
        r.value->minuteOfDay = minute;
    }
    r.value->approx = extra.approx;
    return r;
}

std::string cellShown(const Cell& cell) {
    if (!cell.text.empty()) return cell.text;
    if (cell.kind == Cell::Kind::Number) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.15g", cell.number);
        return buf;
    }
    return {};
}

// An integer cell value (a number, or digits as text, optionally signed).
std::optional<std::int64_t> integerOf(const Cell& cell) {
    if (cell.kind == Cell::Kind::Number) {
        if (!std::isfinite(cell.number) || std::floor(cell.number) != cell.number ||
            std::fabs(cell.number) > static_cast<double>(kMaxAbsYear))
            return std::nullopt;
        return static_cast<std::int64_t>(cell.number);
    }
    std::string_view t = trim(cell.text);
    bool negative = false;
    if (!t.empty() && (t[0] == '-' || t[0] == '+')) {
        negative = t[0] == '-';
        t.remove_prefix(1);
    }
    // "1987.0": a number a spreadsheet wrote as text.
    if (endsWith(t, ".0")) t.remove_suffix(2);
    const auto v = toNumber(t);
    if (!v) return std::nullopt;
    return negative ? -*v : *v;
}

}  // namespace

const char* dayMonthOrderId(DayMonthOrder order) {
    switch (order) {
        case DayMonthOrder::Unknown:
            return "auto";
        case DayMonthOrder::DayFirst:
            return "day-first";
        case DayMonthOrder::MonthFirst:
            return "month-first";
    }
    return "?";
}

std::optional<DayMonthOrder> parseDayMonthOrder(std::string_view id) {
    for (auto o : {DayMonthOrder::Unknown, DayMonthOrder::DayFirst, DayMonthOrder::MonthFirst})
        if (id == dayMonthOrderId(o)) return o;
    return std::nullopt;
}

std::optional<int> parseLooseTime(std::string_view text) {
    std::string_view t = trim(text);
    if (t.empty() || t.size() > 40) return std::nullopt;
    t = dropTimeZone(t);
    const std::string l = lower(t);
    int meridiem = 0;  // 1 am, 2 pm
    for (std::string_view suffix : {"a.m.", "a.m", "am", "p.m.", "p.m", "pm"}) {
        if (endsWith(l, suffix)) {
            meridiem = suffix[0] == 'a' ? 1 : 2;
            t = trim(t.substr(0, t.size() - suffix.size()));
            break;
        }
    }
    std::vector<std::string_view> parts;
    if (t.size() == 4 && allDigits(t)) {  // 1430
        parts = {t.substr(0, 2), t.substr(2)};
    } else {
        const char sep = t.find(':') != std::string_view::npos ? ':' : '.';
        std::size_t start = 0;
        for (;;) {
            const std::size_t at = t.find(sep, start);
            parts.push_back(t.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
            if (at == std::string_view::npos) break;
            start = at + 1;
        }
    }
    if (parts.empty() || parts.size() > 3) return std::nullopt;
    if (parts.size() == 3) {  // seconds, maybe with a fraction: dropped
        std::string_view sec = parts[2];
        if (const std::size_t dot = sec.find_first_of(".,"); dot != std::string_view::npos) {
            if (!allDigits(sec.substr(dot + 1))) return std::nullopt;
            sec = sec.substr(0, dot);
        }
        if (sec.size() != 2 || !allDigits(sec) || *toNumber(sec) > 60) return std::nullopt;
    }
    if (parts[0].empty() || parts[0].size() > 2 || !allDigits(parts[0])) return std::nullopt;
    std::int64_t hour = *toNumber(parts[0]), minute = 0;
    if (parts.size() > 1) {
        if (parts[1].size() != 2 || !allDigits(parts[1])) return std::nullopt;
        minute = *toNumber(parts[1]);
    } else if (!meridiem) {
        return std::nullopt;  // "14" alone is not a time
    }
    if (minute > 59) return std::nullopt;
    if (meridiem) {
        if (hour < 1 || hour > 12) return std::nullopt;
        hour = hour % 12 + (meridiem == 2 ? 12 : 0);
    }
    if (hour > 23) return std::nullopt;
    return static_cast<int>(hour * 60 + minute);
}

LooseDateResult parseLooseDate(std::string_view text, DayMonthOrder order) {
    if (text.size() > 200) return fail(text, "is too long to be a date");
    return parseDecorated(text, order, true);
}

LooseDateResult looseDateFromCell(const Cell& cell, DayMonthOrder order) {
    switch (cell.kind) {
        case Cell::Kind::Empty:
            return fail("", "is empty (expected a date)");
        case Cell::Kind::Date:
        case Cell::Kind::DateTime: {
            const std::string shown = cell.text.empty() ? std::to_string(cell.year) + "-" + std::to_string(cell.month) +
                                                              "-" + std::to_string(cell.day)
                                                        : cell.text;
            if (std::llabs(cell.year) > kMaxAbsYear) return fail(shown, "is not a date (the year is out of range)");
            LooseDateResult r = makeDay(shown, cell.year, cell.month, cell.day);
            if (r.value && cell.kind == Cell::Kind::DateTime) {
                if (cell.hour < 0 || cell.hour > 23 || cell.minute < 0 || cell.minute > 59)
                    return fail(shown, "has a time of day that cannot be read");
                r.value->minuteOfDay = cell.hour * 60 + cell.minute;
            }
            return r;
        }
        case Cell::Kind::Number: {
            const auto year = integerOf(cell);
            if (!year) return fail(cellShown(cell), kExpected);
            return {LooseDate{Date::fromYear(*year)}, {}, false};
        }
        case Cell::Kind::Bool:
            return fail(cell.text.empty() ? (cell.number != 0 ? "TRUE" : "FALSE") : cell.text, kExpected);
        case Cell::Kind::Text:
            break;
    }
    return parseLooseDate(cell.text, order);
}

LooseDateResult looseDateFromParts(const Cell* yearCell, const Cell* monthCell, const Cell* dayCell,
                                   const Cell* timeCell) {
    auto present = [](const Cell* c) { return c && !c->empty(); };
    using Part = LooseDateResult::Part;
    auto failAt = [](Part part, std::string_view shown, const std::string& why) {
        LooseDateResult r = fail(shown, why);
        r.part = part;
        return r;
    };
    if (!present(yearCell)) {
        if (present(monthCell) || present(dayCell))
            return failAt(Part::Year, "", "no year (a month or day needs a year)");
        return fail("", "is empty (expected a date)");
    }
    std::int64_t year = 0;
    if (const auto y = integerOf(*yearCell); y && std::llabs(*y) <= kMaxAbsYear) {
        year = *y;
    } else {
        // "44 BC", "c. 1500" in a Year column.
        LooseDateResult r = looseDateFromCell(*yearCell);
        if (!r.value || r.value->date.precision() != DatePrecision::Year || r.value->end)
            return failAt(Part::Year, cellShown(*yearCell), "is not a year");
        year = r.value->date.civil().year;
        if (!present(monthCell) && !present(dayCell) && !present(timeCell)) return r;
    }
    if (!present(monthCell)) {
        if (present(dayCell)) return failAt(Part::Day, cellShown(*dayCell), "is a day without a month");
        if (present(timeCell)) return failAt(Part::Time, cellShown(*timeCell), "is a time of day without a day");
        return {LooseDate{Date::fromYear(year)}, {}, false};
    }
    std::int64_t month = 0;
    if (const auto m = integerOf(*monthCell)) {
        month = *m;
    } else if (const auto named = monthFromName(trim(monthCell->text))) {
        month = *named;
    } else {
        return failAt(Part::Month, cellShown(*monthCell), "is not a month (expected 1 to 12 or a month name)");
    }
    if (month < 1 || month > 12)
        return failAt(Part::Month, cellShown(*monthCell), "is not a month (expected 1 to 12 or a month name)");
    if (!present(dayCell)) {
        if (present(timeCell)) return failAt(Part::Time, cellShown(*timeCell), "is a time of day without a day");
        LooseDateResult r = makeMonth(cellShown(*monthCell), year, month);
        if (!r.value) r.part = Part::Month;
        return r;
    }
    const auto day = integerOf(*dayCell);
    if (!day) return failAt(Part::Day, cellShown(*dayCell), "is not a day of the month");
    const std::string shown = std::to_string(year) + "-" + std::to_string(month) + "-" + std::to_string(*day);
    LooseDateResult r = makeDay(shown, year, month, *day);
    if (!r.value) r.part = Part::Day;
    if (!r.value || !present(timeCell)) return r;
    std::optional<int> minute;
    if (timeCell->kind == Cell::Kind::Number && timeCell->number >= 0 && timeCell->number < 1)
        minute = static_cast<int>(std::lround(timeCell->number * 1440)) % 1440;  // a spreadsheet time: a day fraction
    else if (timeCell->kind == Cell::Kind::DateTime)
        minute = timeCell->hour * 60 + timeCell->minute;
    else
        minute = parseLooseTime(timeCell->text);
    if (!minute)
        return failAt(Part::Time, cellShown(*timeCell), "is not a time of day (expected e.g. 14:30 or 2:30 PM)");
    r.value->minuteOfDay = minute;
    return r;
}

// ===========================================================================
// DayMonthOrderGuess
// ===========================================================================

void DayMonthOrderGuess::observe(std::string_view text, unsigned rowNumber) {
    std::string_view s = trim(text);
    const std::string l = lower(s.substr(0, 16));
    for (std::string_view p : {"circa ", "ca. ", "ca.", "c. ", "c.", "about ", "~"}) {
        if (startsWith(l, p)) {
            s = trim(s.substr(p.size()));
            break;
        }
    }
    // a SEP b SEP yyyy with a and b of one or two digits.
    std::size_t i = 0;
    auto digits = [&](std::size_t max) {
        const std::size_t start = i;
        while (i < s.size() && isDigit(s[i]) && i - start < max + 1) ++i;
        return s.substr(start, i - start);
    };
    const std::string_view a = digits(2);
    if (a.empty() || a.size() > 2 || i >= s.size()) return;
    const char sep = s[i];
    if (sep != '/' && sep != '-' && sep != '.') return;
    ++i;
    const std::string_view b = digits(2);
    if (b.empty() || b.size() > 2 || i >= s.size() || s[i] != sep) return;
    ++i;
    const std::string_view y = digits(4);
    if (y.size() < 3 || y.size() > 4 || (i < s.size() && isDigit(s[i]))) return;
    const std::int64_t x = *toNumber(a), z = *toNumber(b);
    const std::string shown(s.substr(0, std::min<std::size_t>(s.size(), 40)));
    if (x > 12 && z <= 12) {
        if (!m_dayFirstRow) m_dayFirstRow = rowNumber, m_dayFirstText = shown;
    } else if (z > 12 && x <= 12) {
        if (!m_monthFirstRow) m_monthFirstRow = rowNumber, m_monthFirstText = shown;
    } else if (x <= 12 && z <= 12 && x != z) {
        if (sep == '.') {
            if (!m_dotRow) m_dotRow = rowNumber;
        }
        if (!m_firstAmbiguousRow) m_firstAmbiguousRow = rowNumber, m_ambiguousText = shown;
        ++m_ambiguousCount;
    }
}

DayMonthOrder DayMonthOrderGuess::order() const {
    if (conflicting()) return DayMonthOrder::Unknown;
    if (m_dayFirstRow) return DayMonthOrder::DayFirst;
    if (m_monthFirstRow) return DayMonthOrder::MonthFirst;
    if (m_dotRow) return DayMonthOrder::DayFirst;
    return DayMonthOrder::Unknown;
}

std::string DayMonthOrderGuess::explanation() const {
    if (conflicting())
        return "rows " + std::to_string(std::min(m_dayFirstRow, m_monthFirstRow)) + " and " +
               std::to_string(std::max(m_dayFirstRow, m_monthFirstRow)) + " disagree: " + quote(m_dayFirstText) +
               " is day-first, " + quote(m_monthFirstText) + " month-first; choose one (the other rows are skipped)";
    if (m_dayFirstRow) return "day-first: row " + std::to_string(m_dayFirstRow) + " has " + quote(m_dayFirstText);
    if (m_monthFirstRow)
        return "month-first: row " + std::to_string(m_monthFirstRow) + " has " + quote(m_monthFirstText);
    if (m_dotRow) return "day-first: dates are written with dots (" + quote(m_ambiguousText) + ")";
    if (m_ambiguousCount)
        return "row " + std::to_string(m_firstAmbiguousRow) + " has " + quote(m_ambiguousText) +
               ": day-first or month-first? No date in the column tells (" + std::to_string(m_ambiguousCount) +
               (m_ambiguousCount == 1 ? " date like it)" : " dates like it)");
    return {};
}

}  // namespace meridian::io

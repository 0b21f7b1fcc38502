// The model: what a Meridian data file says, resolved to indices.
// Pure data (no I/O, no GL, no UI). Built by io/dataset_loader, read by everyone.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/compact_list.h"
#include "core/date.h"
#include "core/index.h"
#include "core/story.h"

namespace meridian {

// How sure the sources are (defined for data authors in data/FORMAT.md).
// Unrated: the file an event was imported from gives no confidence (never a
// guess); it comes last so the four curated levels keep their bits.
enum class Confidence : std::uint8_t { Confirmed, Reported, Alleged, Disputed, Unrated };
inline constexpr int kConfidenceCount = 5;
inline constexpr std::uint8_t kAllConfidenceMask = (1u << kConfidenceCount) - 1;  // a bit per level
// story.h cannot include this header: its StoryStep::filterConfidenceMask default is the literal 0x1F.
static_assert(kAllConfidenceMask == 0x1F, "update StoryStep::filterConfidenceMask's default in core/story.h");
const char* confidenceId(Confidence c);     // "confirmed", ...
const char* confidenceLabel(Confidence c);  // "Confirmed", ...
const char* confidenceExplanation(Confidence c);
const char* confidenceShortMeaning(Confidence c);  // a legend's line: "on record, or several sources"
std::optional<Confidence> parseConfidence(std::string_view id);

enum class SourceKind : std::uint8_t { Official, Un, Press, ThinkTank, Academic, Advocacy, Reference };
inline constexpr int kSourceKindCount = 7;
// A mask with a bit per SourceKind, all set: "every kind of source".
inline constexpr std::uint8_t kAllSourceKinds = static_cast<std::uint8_t>((1u << kSourceKindCount) - 1);
// "official", "un", "press", "think-tank", "academic", "advocacy", "reference"
const char* sourceKindId(SourceKind k);
// "Official", "UN", "Press", "Think tank", "Academic", "Interested party", "Reference"
const char* sourceKindLabel(SourceKind k);
std::optional<SourceKind> parseSourceKind(std::string_view id);

struct Place {
    std::string id, name;
    std::string label;  // short name for map labels; empty: the name
    const std::string& mapLabel() const { return label.empty() ? name : label; }
    double latDeg = 0, lonDeg = 0;
    std::string country;  // ISO 3166-1 alpha-3, may be empty
    bool approx = false;
    std::string note;

    friend bool operator==(const Place&, const Place&) = default;
};

struct Source {
    std::string id, publisher, title;
    std::optional<Date> date;
    std::string url, author, note;
    std::string via;  // whom the source relies on for this, e.g. "Kyodo News" (shown as "Reuters, citing Kyodo News")
    SourceKind kind = SourceKind::Press;
    std::string citation() const;  // "Publisher, "Title", 14 May 2011, citing Kyodo News."

    friend bool operator==(const Source&, const Source&) = default;
};

struct Category {
    std::string id, label;
    std::uint32_t rgba = 0;  // 0xRRGGBBAA
    bool hasColor = false;

    friend bool operator==(const Category&, const Category&) = default;
};

struct Actor {
    std::string id, name, country;

    friend bool operator==(const Actor&, const Actor&) = default;
};

struct Era {
    std::string id, label, note;
    Date start, end;
    DaySpan span() const { return {start.span().first, end.span().last}; }

    friend bool operator==(const Era&, const Era&) = default;
};

struct SourceRef {
    Index source = kNoIndex;
    std::string note;  // page, paragraph or quote

    friend bool operator==(const SourceRef&, const SourceRef&) = default;
};

struct Media {
    std::string path;  // relative to the data file's folder (checked by the loader)
    std::string caption, credit;

    friend bool operator==(const Media&, const Media&) = default;
};

// The members are ordered so that the small ones share their padding (a
// million events: every 8 bytes here is 8 MB). The lists are CompactLists (8
// bytes, nothing allocated while empty; most events have no route, actors,
// media or answers) and the dates are aligned on 2 bytes (an optional date: 14).
struct Event {
    std::string id;
    std::string title, summary, note;
    CompactList<Index> via;  // route points between from and to
    CompactList<Index> actors;
    CompactList<SourceRef> sources;
    CompactList<std::string> tags;
    CompactList<Media> media;
    // Claims and their answers: the events this one responds to or counters (from the
    // file), and, derived by Dataset::finalize(), the events that respond to this one
    // (sorted by start, then id).
    CompactList<Index> answers;
    CompactList<Index> answeredBy;
    Index category = kNoIndex;
    Index place = kNoIndex;                // a single location, or
    Index from = kNoIndex, to = kNoIndex;  // a connection
    std::optional<int> minuteOfDay;        // time of day as written (0..1439; "time": "HH:MM"), only with a day date
    Date date;
    std::optional<Date> end;
    std::optional<Date> earliest, latest;
    // When the claim was made, where that differs from `date` (what it claims happened).
    std::optional<Date> claimed;
    bool approx = false;
    Confidence confidence = Confidence::Reported;

    bool isConnection() const { return from != kNoIndex && to != kNoIndex; }
    bool isOnMap() const { return place != kNoIndex || isConnection(); }
    // The days the event covers as written: [date's first day, end's last day).
    DaySpan span() const { return {date.span().first, (end ? *end : date).span().last}; }
    // The days it may have happened in: earliest..latest when given, else span().
    DaySpan uncertaintySpan() const {
        return {earliest ? earliest->span().first : span().first, latest ? latest->span().last : span().last};
    }
    bool hasUncertainty() const { return approx || earliest || latest; }

    friend bool operator==(const Event&, const Event&) = default;
};

// 440 bytes before the CompactLists and the 2-byte-aligned dates (64-bit builds).
static_assert(sizeof(void*) != 8 || sizeof(Event) <= 280, "Event grew: a million events pay 1 MB a byte");

struct Dataset {
    int formatVersion = 1;
    std::string title, description, license;
    std::vector<std::string> authors;
    std::optional<Date> updated;

    std::vector<Place> places;
    std::vector<Source> sources;
    std::vector<Category> categories;
    std::vector<Actor> actors;
    std::vector<Era> eras;
    std::vector<Event> events;
    std::vector<Story> stories;

    // Derived by finalize(): event indices sorted by their first day (then id),
    // the overall span (events and eras), and each event's answeredBy.
    std::vector<Index> eventsByStart;
    DaySpan extent{0, 1};
    DayNumber maxEventDays = 1;  // the longest event's span().length(), for range queries

    // Calls fn(eventIndex) for each event whose span() overlaps [span.first, span.last),
    // in start order: a binary search on eventsByStart, so the cost follows the
    // number of events in the window, not the dataset's size.
    template <typename Fn>
    void forEachEventOverlapping(DaySpan span, Fn fn) const;

    void finalize();
    // Rebuilds each event's answeredBy from the answers (part of finalize()).
    void linkAnswers();
    Index findEvent(std::string_view id) const;
    Index findPlace(std::string_view id) const;
    Index findStory(std::string_view id) const;

    friend bool operator==(const Dataset&, const Dataset&) = default;

    // A category's colour, or a colour-blind-safe default from its position.
    std::uint32_t categoryColor(Index category) const;
    // Does any source of the event come from an interested party?
    bool restsOnAdvocacy(const Event& e) const;
    bool allSourcesAdvocacy(const Event& e) const;
};

template <typename Fn>
void Dataset::forEachEventOverlapping(DaySpan span, Fn fn) const {
    // Events starting before span.first - maxEventDays cannot reach into the window.
    const DayNumber earliestStart = span.first - maxEventDays;
    auto it = std::lower_bound(eventsByStart.begin(), eventsByStart.end(), earliestStart,
                               [&](Index i, DayNumber d) { return events[i].span().first < d; });
    for (; it != eventsByStart.end(); ++it) {
        const DaySpan s = events[*it].span();
        if (s.first >= span.last) break;
        if (s.last > span.first) fn(*it);
    }
}

// Okabe & Ito (2008) colour-blind-safe palette, 0xRRGGBBAA.
inline constexpr std::uint32_t kOkabeIto[] = {0xE69F00FF, 0x56B4E9FF, 0x009E73FF, 0xF0E442FF,
                                              0x0072B2FF, 0xD55E00FF, 0xCC79A7FF, 0x999999FF};

}  // namespace meridian

namespace meridian {
// When an event happened, as written, for people:
// "5 July 2006", "c. 1987 (some time 1985–1988)", "1983 – 1985".
std::string describeWhen(const Event& e);
}  // namespace meridian

// Comparing datasets field by field in tests: exactly (a Meridian JSON round
// trip), or as foreign formats carry them (events with their places, sources,
// actors and categories resolved to what they say, not to their ids).
#pragma once

#include <doctest.h>

#include <span>
#include <string>
#include <vector>

#include "core/dataset.h"

namespace meridian::test {

inline std::string placeText(const Dataset& ds, Index i, bool withCountry) {
    if (i == kNoIndex) return "-";
    REQUIRE(i < ds.places.size());
    const Place& p = ds.places[i];
    std::string out = p.name + " @" + std::to_string(p.latDeg) + "," + std::to_string(p.lonDeg);
    if (withCountry) out += " " + p.country;
    return out;
}

inline std::string sourceText(const Dataset& ds, const SourceRef& ref) {
    REQUIRE(ref.source < ds.sources.size());
    const Source& s = ds.sources[ref.source];
    return s.publisher + "|" + s.title + "|" + s.author + "|" + s.via + "|" + (s.date ? s.date->iso() : "") + "|" +
           s.url + "|" + sourceKindId(s.kind) + "|" + s.note + "|" + ref.note;
}

inline std::string optionalDate(const std::optional<Date>& d) {
    return d ? d->iso() + "/" + std::to_string(static_cast<int>(d->precision())) : "-";
}

// Events named by their ids (answers, answeredBy).
inline std::vector<std::string> eventIds(const Dataset& ds, std::span<const Index> events) {
    std::vector<std::string> out;
    for (const Index i : events) out.push_back(i < ds.events.size() ? ds.events[i].id : "#" + std::to_string(i));
    return out;
}

// The curated dataset's round trips test the curator's fields only if it uses
// them: claims with a claimed date, answers (and so answeredBy), sources with
// via, and every source kind but one of them reference.
inline void checkUsesCuratorFields(const Dataset& ds) {
    std::size_t claimed = 0, answers = 0, answeredBy = 0, via = 0, reference = 0;
    for (const Event& e : ds.events) {
        claimed += e.claimed.has_value();
        answers += e.answers.size();
        answeredBy += e.answeredBy.size();
    }
    for (const Source& s : ds.sources) {
        via += !s.via.empty();
        reference += s.kind == SourceKind::Reference;
    }
    CHECK(claimed > 0);
    CHECK(answers > 0);
    CHECK(answeredBy == answers);
    CHECK(via > 0);
    CHECK(reference > 0);
}

// Every field of every event, resolved; the eras, the title and description.
inline void checkSameEvents(const Dataset& a, const Dataset& b) {
    CHECK(a.title == b.title);
    CHECK(a.description == b.description);
    REQUIRE(a.events.size() == b.events.size());
    for (std::size_t i = 0; i < a.events.size(); ++i) {
        const Event &x = a.events[i], &y = b.events[i];
        INFO("event " << i << " " << x.id);
        CHECK(x.id == y.id);
        CHECK(x.date == y.date);
        CHECK(optionalDate(x.end) == optionalDate(y.end));
        CHECK(x.approx == y.approx);
        CHECK(optionalDate(x.earliest) == optionalDate(y.earliest));
        CHECK(optionalDate(x.latest) == optionalDate(y.latest));
        CHECK(optionalDate(x.claimed) == optionalDate(y.claimed));
        CHECK(x.minuteOfDay == y.minuteOfDay);
        CHECK(x.title == y.title);
        CHECK(x.summary == y.summary);
        CHECK(x.note == y.note);
        CHECK(a.categories[x.category].label == b.categories[y.category].label);
        CHECK(x.confidence == y.confidence);
        CHECK(placeText(a, x.place, true) == placeText(b, y.place, true));
        CHECK(placeText(a, x.from, false) == placeText(b, y.from, false));
        CHECK(placeText(a, x.to, false) == placeText(b, y.to, false));
        REQUIRE(x.via.size() == y.via.size());
        for (std::size_t k = 0; k < x.via.size(); ++k)
            CHECK(placeText(a, x.via[k], false) == placeText(b, y.via[k], false));
        REQUIRE(x.actors.size() == y.actors.size());
        for (std::size_t k = 0; k < x.actors.size(); ++k)
            CHECK(a.actors[x.actors[k]].name == b.actors[y.actors[k]].name);
        CHECK(x.tags == y.tags);
        CHECK(eventIds(a, x.answers) == eventIds(b, y.answers));
        CHECK(eventIds(a, x.answeredBy) == eventIds(b, y.answeredBy));
        REQUIRE(x.sources.size() == y.sources.size());
        for (std::size_t k = 0; k < x.sources.size(); ++k)
            CHECK(sourceText(a, x.sources[k]) == sourceText(b, y.sources[k]));
        REQUIRE(x.media.size() == y.media.size());
        for (std::size_t k = 0; k < x.media.size(); ++k) {
            CHECK(x.media[k].path == y.media[k].path);
            CHECK(x.media[k].caption == y.media[k].caption);
            CHECK(x.media[k].credit == y.media[k].credit);
        }
    }
    REQUIRE(a.eras.size() == b.eras.size());
    for (std::size_t i = 0; i < a.eras.size(); ++i) {
        CHECK(a.eras[i].id == b.eras[i].id);
        CHECK(a.eras[i].label == b.eras[i].label);
        CHECK(a.eras[i].note == b.eras[i].note);
        CHECK(a.eras[i].start == b.eras[i].start);
        CHECK(a.eras[i].end == b.eras[i].end);
    }
}

// Everything, ids and list order included (load(save(x)) == x).
inline void checkIdentical(const Dataset& a, const Dataset& b) {
    CHECK(a.formatVersion == b.formatVersion);
    CHECK(a.license == b.license);
    CHECK(a.authors == b.authors);
    CHECK(optionalDate(a.updated) == optionalDate(b.updated));
    REQUIRE(a.places.size() == b.places.size());
    for (std::size_t i = 0; i < a.places.size(); ++i) {
        const Place &x = a.places[i], &y = b.places[i];
        CHECK(x.id == y.id);
        CHECK(x.name == y.name);
        CHECK(x.label == y.label);
        CHECK(x.latDeg == y.latDeg);
        CHECK(x.lonDeg == y.lonDeg);
        CHECK(x.country == y.country);
        CHECK(x.approx == y.approx);
        CHECK(x.note == y.note);
    }
    REQUIRE(a.sources.size() == b.sources.size());
    for (std::size_t i = 0; i < a.sources.size(); ++i) {
        CHECK(a.sources[i].id == b.sources[i].id);
        CHECK(sourceText(a, {static_cast<Index>(i), ""}) == sourceText(b, {static_cast<Index>(i), ""}));
    }
    REQUIRE(a.categories.size() == b.categories.size());
    for (std::size_t i = 0; i < a.categories.size(); ++i) {
        CHECK(a.categories[i].id == b.categories[i].id);
        CHECK(a.categories[i].label == b.categories[i].label);
        CHECK(a.categories[i].hasColor == b.categories[i].hasColor);
        CHECK(a.categories[i].rgba == b.categories[i].rgba);
    }
    REQUIRE(a.actors.size() == b.actors.size());
    for (std::size_t i = 0; i < a.actors.size(); ++i) {
        CHECK(a.actors[i].id == b.actors[i].id);
        CHECK(a.actors[i].name == b.actors[i].name);
        CHECK(a.actors[i].country == b.actors[i].country);
    }
    checkSameEvents(a, b);
    for (std::size_t i = 0; i < a.events.size(); ++i) {
        CHECK(a.events[i].category == b.events[i].category);
        CHECK(a.events[i].place == b.events[i].place);
        CHECK(a.events[i].from == b.events[i].from);
        CHECK(a.events[i].to == b.events[i].to);
        CHECK(a.events[i].via == b.events[i].via);
        CHECK(a.events[i].actors == b.events[i].actors);
    }
    REQUIRE(a.stories.size() == b.stories.size());
    for (std::size_t i = 0; i < a.stories.size(); ++i) {
        const Story &x = a.stories[i], &y = b.stories[i];
        CHECK(x.id == y.id);
        CHECK(x.title == y.title);
        CHECK(x.description == y.description);
        REQUIRE(x.steps.size() == y.steps.size());
        for (std::size_t k = 0; k < x.steps.size(); ++k) {
            const StoryStep &s = x.steps[k], &t = y.steps[k];
            CHECK(s.title == t.title);
            CHECK(s.text == t.text);
            CHECK(optionalDate(s.time) == optionalDate(t.time));
            CHECK(optionalDate(s.from) == optionalDate(t.from));
            CHECK(optionalDate(s.to) == optionalDate(t.to));
            CHECK(s.camera.has_value() == t.camera.has_value());
            if (s.camera && t.camera) {
                CHECK(s.camera->projection == t.camera->projection);
                CHECK(s.camera->centerLonDeg == t.camera->centerLonDeg);
                CHECK(s.camera->centerLatDeg == t.camera->centerLatDeg);
                CHECK(s.camera->zoom == t.camera->zoom);
            }
            CHECK(s.fitHighlighted == t.fitHighlighted);
            CHECK(s.highlight == t.highlight);
            CHECK(s.filterCategories == t.filterCategories);
            CHECK(s.filterConfidenceMask == t.filterConfidenceMask);
            CHECK(s.durationSec == t.durationSec);
        }
    }
    // And as the model compares them (every member, derived ones included).
    CHECK(a == b);
}

}  // namespace meridian::test

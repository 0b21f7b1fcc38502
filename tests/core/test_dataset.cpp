// Dataset: range queries over the time index, derived data.
#include <doctest.h>

#include "core/dataset.h"

using namespace meridian;

TEST_CASE("range queries find long events that start before the window, and nothing else") {
    Dataset ds;
    auto add = [&](const char* id, const char* date, const char* end) {
        Event e;
        e.id = id;
        e.date = *parseIsoDate(date).date;
        if (end) e.end = *parseIsoDate(end).date;
        ds.events.push_back(e);
    };
    add("war", "1980-09-22", "1988-08-20");
    add("a", "1985", nullptr);
    add("b", "1990-05-01", nullptr);
    add("c", "2006-07-05", nullptr);
    ds.finalize();
    std::vector<std::string> found;
    ds.forEachEventOverlapping({daysFromCivil(1987, 1, 1), daysFromCivil(1991, 1, 1)},
                               [&](Index i) { found.push_back(ds.events[i].id); });
    CHECK(found == std::vector<std::string>{"war", "b"});
    found.clear();
    ds.forEachEventOverlapping({daysFromCivil(1985, 12, 31), daysFromCivil(1986, 1, 1)},
                               [&](Index i) { found.push_back(ds.events[i].id); });
    CHECK(found == std::vector<std::string>{"war", "a"});  // a year-only 1985 event covers 31 Dec 1985
}

TEST_CASE("finalize orders by first day then id, and links answers both ways") {
    Dataset ds;
    auto add = [&](const char* id, const char* date) {
        Event e;
        e.id = id;
        e.date = *parseIsoDate(date).date;
        ds.events.push_back(e);
    };
    add("claim", "2011-05-14");
    add("denial-b", "2011-05-17");
    add("denial-a", "2011-05-17");
    add("early", "1990");
    ds.events[1].answers = {0};
    ds.events[2].answers = {0};
    ds.finalize();
    CHECK(ds.eventsByStart == std::vector<Index>{3, 0, 2, 1});
    // Same day: by id ("denial-a" before "denial-b").
    CHECK(ds.events[0].answeredBy == std::vector<Index>{2, 1});
    CHECK(ds.extent.first == daysFromCivil(1990, 1, 1));
    CHECK(ds.extent.last == daysFromCivil(2011, 5, 18));
}

#include <doctest.h>

#include <string>

#include "io/flat_id_table.h"

using namespace meridian;
using namespace meridian::io;

TEST_CASE("flat id table: ids found by their text, duplicates refused with the first entry") {
    FlatIdTable t;
    CHECK(t.find("a") == nullptr);
    const auto [a, added] = t.insert("a", 0, 10);
    CHECK(added);
    CHECK(a->index == 0);
    const auto [again, addedAgain] = t.insert("a", 5, 20);
    CHECK_FALSE(addedAgain);
    CHECK(again->index == 0);
    CHECK(again->line == 10);           // the first definition's line, for "duplicate id" messages
    CHECK(t.insert("", 1, 11).second);  // the empty id is an id like any other here
    REQUIRE(t.find("") != nullptr);
    CHECK(t.find("")->index == 1);
    CHECK(t.size() == 2);
}

TEST_CASE("flat id table: keeps its own copy of the ids and grows past any reservation") {
    FlatIdTable t;
    t.reserve(10);
    for (Index i = 0; i < 100000; ++i) {
        std::string id = "event-" + std::to_string(i);
        REQUIRE(t.insert(id, i, i + 1).second);
        id.assign(id.size(), 'x');  // the caller's text goes away
    }
    CHECK(t.size() == 100000);
    for (Index i = 0; i < 100000; i += 997) {
        const FlatIdTable::Entry* e = t.find("event-" + std::to_string(i));
        REQUIRE(e != nullptr);
        CHECK(e->index == i);
        CHECK(e->id == "event-" + std::to_string(i));
    }
    CHECK(t.find("event-100000") == nullptr);
    CHECK(t.find("xxxxxxx") == nullptr);
}

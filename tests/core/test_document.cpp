// The Document: edits, undo/redo, renumbered references, the time index kept
// in order, and a randomized property test (any sequence of edits, undone,
// gives back the identical dataset).
#include <doctest.h>

#include <random>

#include "core/document.h"
#include "core/references.h"
#include "io/build_paths.h"
#include "io/dataset_loader.h"

using namespace meridian;

namespace {

Dataset curated() {
    const io::DatasetLoadResult r = io::loadDataset(std::string(meridian::io::sourceDir()) + "/data/iran-dprk.json");
    REQUIRE(r.ok());
    return *r.dataset;
}

Document curatedDocument() {
    Document doc;
    doc.replaceAll(curated(), "iran-dprk.json", {});
    return doc;
}

// Everything the document promises about its derived state.
void checkInvariants(const Document& doc) {
    const Dataset& ds = doc.data();
    Dataset fresh = ds;
    fresh.finalize();
    REQUIRE(fresh.eventsByStart == ds.eventsByStart);
    REQUIRE(fresh.extent.first == ds.extent.first);
    REQUIRE(fresh.extent.last == ds.extent.last);
    REQUIRE(fresh.maxEventDays == ds.maxEventDays);
    for (Index i = 0; i < ds.events.size(); ++i) REQUIRE(doc.findEvent(ds.events[i].id) == i);
    for (Index i = 0; i < ds.places.size(); ++i) REQUIRE(doc.findPlace(ds.places[i].id) == i);
    for (Index i = 0; i < ds.stories.size(); ++i) REQUIRE(doc.findStory(ds.stories[i].id) == i);
    bool referencesValid = true;
    for (int k = 0; k < kRecordKindCount; ++k) {
        const auto kind = static_cast<RecordKind>(k);
        forEachReference(const_cast<Dataset&>(ds), kind,
                         [&](Index& i) { referencesValid &= i == kNoIndex || i < recordCount(ds, kind); });
    }
    REQUIRE(referencesValid);
}

Event newEvent(const Document& doc, const std::string& title, int year, Index place, Index category) {
    Event e;
    e.id = doc.uniqueId(RecordKind::Event, title);
    e.title = title;
    e.date = Date::fromYear(year);
    e.place = place;
    e.category = category;
    e.sources.push_back({0, ""});
    return e;
}

}  // namespace

TEST_CASE("an edit changes the data, bumps the revision, and undo/redo walk the history") {
    Document doc = curatedDocument();
    const Dataset original = doc.data();
    const auto rev0 = doc.revision();
    CHECK_FALSE(doc.isDirty());
    CHECK_FALSE(doc.canUndo());

    const Index khojir = doc.findPlace("khojir");
    REQUIRE(khojir != kNoIndex);
    Place moved = doc.data().places[khojir];
    moved.latDeg += 0.5;
    REQUIRE(doc.apply(Edit::replace(doc.data(), khojir, moved, "move Khojir")));
    CHECK(doc.revision() > rev0);
    CHECK(doc.lastChange() == kChangedPlaces);
    CHECK(doc.isDirty());
    CHECK(doc.undoName() == "move Khojir");
    CHECK(doc.data().places[khojir].latDeg == doctest::Approx(original.places[khojir].latDeg + 0.5));

    const auto rev1 = doc.revision();
    REQUIRE(doc.undo());
    CHECK(doc.revision() > rev1);  // undo is a change too: caches rebuild
    CHECK(doc.data() == original);
    CHECK_FALSE(doc.isDirty());  // back at the saved state
    CHECK(doc.redoName() == "move Khojir");
    REQUIRE(doc.redo());
    CHECK(doc.data().places[khojir] == moved);
    CHECK(doc.isDirty());
    doc.markSaved();
    CHECK_FALSE(doc.isDirty());
    REQUIRE(doc.undo());
    CHECK(doc.isDirty());  // the saved file has the move: undoing it is an unsaved change
}

TEST_CASE("changesSince: what was touched after a revision, everything when it is too old") {
    Document doc = curatedDocument();
    const auto start = doc.revision();
    CHECK(doc.changesSince(start) == 0);
    DatasetInfo info = datasetInfo(doc.data());
    info.title = "T";
    REQUIRE(doc.apply(Edit::setInfo(doc.data(), info)));
    const Index p = doc.findPlace("khojir");
    Place moved = doc.data().places[p];
    moved.latDeg = 1;
    REQUIRE(doc.apply(Edit::replace(doc.data(), p, moved)));
    CHECK(doc.changesSince(start) == (kChangedInfo | kChangedPlaces));
    CHECK(doc.changesSince(start + 1) == kChangedPlaces);
    for (int i = 0; i < 100; ++i) REQUIRE(doc.apply(Edit::setInfo(doc.data(), info)));
    CHECK(doc.changesSince(start) == kChangedEverything);
}

TEST_CASE("a new edit after an undo drops the redo branch") {
    Document doc = curatedDocument();
    DatasetInfo info = datasetInfo(doc.data());
    info.title = "First";
    REQUIRE(doc.apply(Edit::setInfo(doc.data(), info)));
    REQUIRE(doc.undo());
    info.title = "Second";
    REQUIRE(doc.apply(Edit::setInfo(doc.data(), info)));
    CHECK_FALSE(doc.canRedo());
    CHECK(doc.data().title == "Second");
    CHECK(doc.lastChange() == kChangedInfo);
}

TEST_CASE("moving an event's date re-sorts only that entry of the time index") {
    Document doc = curatedDocument();
    const Index first = doc.data().eventsByStart.front();
    Event e = doc.data().events[first];
    e.date = Date::fromCivil(2030, 1, 1);
    e.end.reset();
    e.earliest.reset();
    e.latest.reset();
    REQUIRE(doc.apply(Edit::replace(doc.data(), first, e)));
    CHECK(doc.data().eventsByStart.back() == first);
    CHECK(doc.data().extent.last == daysFromCivil(2030, 1, 2));
    checkInvariants(doc);
    REQUIRE(doc.undo());
    CHECK(doc.data().eventsByStart.front() == first);
    checkInvariants(doc);
}

TEST_CASE("inserting and removing a place renumbers every event's references") {
    Document doc = curatedDocument();
    const Index tehran = doc.findPlace("tehran");
    REQUIRE(tehran != kNoIndex);
    std::vector<Index> usingTehran = doc.eventsUsing(RecordKind::Place, tehran);
    REQUIRE_FALSE(usingTehran.empty());
    Place p;
    p.id = "new-place";
    p.name = "New place";
    REQUIRE(doc.apply(Edit::insert(0, p)));
    CHECK(doc.findPlace("tehran") == tehran + 1);
    for (Index e : usingTehran) {
        bool refers = false;
        forEachPlaceOf(doc.data().events[e], [&](Index i) { refers |= doc.data().places[i].id == "tehran"; });
        CHECK(refers);
    }
    checkInvariants(doc);
    REQUIRE(doc.apply(Edit::remove(doc.data(), RecordKind::Place, 0)));
    CHECK(doc.data() == curated());
}

TEST_CASE("a record still in use cannot be removed, and the reason names who uses it") {
    Document doc = curatedDocument();
    const Dataset before = doc.data();
    const auto rev = doc.revision();
    std::string error;
    const Index khojir = doc.findPlace("khojir");
    CHECK_FALSE(doc.apply(Edit::remove(doc.data(), RecordKind::Place, khojir, "delete Khojir"), &error));
    CHECK(error.find("cannot delete Khojir: the place is still used by") == 0);
    CHECK(error.find(doc.data().events[doc.eventsUsing(RecordKind::Place, khojir)[0]].title) != std::string::npos);
    CHECK(doc.data() == before);
    CHECK(doc.revision() == rev);
    CHECK_FALSE(doc.canUndo());
}

TEST_CASE("a compound edit that fails part-way changes nothing") {
    Document doc = curatedDocument();
    const Dataset before = doc.data();
    Place p;
    p.id = "new-place";
    p.name = "New place";
    Edit e = Edit::append(doc.data(), p);
    Place dup = p;  // the same id again: the second step fails
    e.then(Edit::append(doc.data(), dup));
    std::string error;
    CHECK_FALSE(doc.apply(std::move(e), &error));
    CHECK(error.find("already has the id \"new-place\"") != std::string::npos);
    CHECK(doc.data() == before);
    checkInvariants(doc);
}

TEST_CASE("a reference to a record that does not exist is refused") {
    Document doc = curatedDocument();
    Event e = newEvent(doc, "Dangling", 2000, 9999, 0);
    std::string error;
    CHECK_FALSE(doc.apply(Edit::append(doc.data(), e), &error));
    CHECK(error.find("refers to place #9999") != std::string::npos);
}

TEST_CASE("deleting an event a story highlights: fix the story first, in the same undoable edit") {
    Document doc = curatedDocument();
    const Dataset before = doc.data();
    REQUIRE_FALSE(doc.data().stories.empty());
    const Index highlighted = doc.data().stories[0].steps[0].highlight.at(0);
    Story story = doc.data().stories[0];
    for (StoryStep& s : story.steps) std::erase(s.highlight, highlighted);
    Edit e = Edit::replace(doc.data(), 0, story, "delete event");
    e.then(Edit::remove(doc.data(), RecordKind::Event, highlighted));
    REQUIRE(doc.apply(std::move(e)));
    CHECK(doc.findEvent(before.events[highlighted].id) == kNoIndex);
    checkInvariants(doc);
    REQUIRE(doc.undo());
    CHECK(doc.data() == before);
}

TEST_CASE("moving a category keeps every event in its category") {
    Document doc = curatedDocument();
    const Dataset before = doc.data();
    const std::size_t n = doc.data().categories.size();
    REQUIRE(n >= 3);
    REQUIRE(doc.apply(Edit::move(RecordKind::Category, 0, static_cast<Index>(n - 1))));
    for (Index e = 0; e < doc.data().events.size(); ++e)
        CHECK(doc.data().categories[doc.data().events[e].category].id ==
              before.categories[before.events[e].category].id);
    checkInvariants(doc);
    REQUIRE(doc.undo());
    CHECK(doc.data() == before);
}

TEST_CASE("consecutive edits with the same coalescing key (a drag) are one undo step") {
    Document doc = curatedDocument();
    const Dataset before = doc.data();
    const Index p = doc.findPlace("khojir");
    for (int i = 1; i <= 10; ++i) {
        Place moved = doc.data().places[p];
        moved.lonDeg += 0.1;
        REQUIRE(doc.apply(Edit::replace(doc.data(), p, moved, "move Khojir"), nullptr, "drag khojir"));
    }
    CHECK(doc.historySize() == 1);
    REQUIRE(doc.undo());
    CHECK(doc.data() == before);
    REQUIRE(doc.redo());
    CHECK(doc.data().places[p].lonDeg == doctest::Approx(before.places[p].lonDeg + 1.0));
}

TEST_CASE("unique ids from names") {
    Document doc = curatedDocument();
    CHECK(doc.uniqueId(RecordKind::Place, "Khojir") == "khojir-2");
    CHECK(doc.uniqueId(RecordKind::Place, "Bandar  Abbas, Iran!") == "bandar-abbas-iran");
    CHECK(doc.uniqueId(RecordKind::Place, "???") == "place");
}

TEST_CASE("property: any random sequence of edits, undone, gives back the identical dataset") {
    const Dataset original = curated();
    std::mt19937 rng(20261129);
    auto pick = [&](std::size_t n) {
        return static_cast<Index>(std::uniform_int_distribution<std::size_t>(0, n - 1)(rng));
    };
    int applied = 0, refused = 0;
    for (int sequence = 0; sequence < 1500; ++sequence) {
        Document doc;
        doc.replaceAll(original, "x.json", {});
        std::vector<Dataset> states{doc.data()};  // state after each applied edit (for redo checks)
        const int length = 1 + static_cast<int>(pick(12));
        for (int step = 0; step < length; ++step) {
            const Dataset& ds = doc.data();
            Edit e;
            switch (pick(10)) {
                case 0: {  // move an event in time
                    const Index i = pick(ds.events.size());
                    Event ev = ds.events[i];
                    ev.date = Date::fromCivil(1950 + static_cast<int>(pick(90)), 1 + static_cast<int>(pick(12)),
                                              1 + static_cast<int>(pick(28)));
                    if (pick(3) == 0) ev.end.reset();
                    e = Edit::replace(ds, i, ev);
                    break;
                }
                case 1: {  // re-place an event, change its category
                    const Index i = pick(ds.events.size());
                    Event ev = ds.events[i];
                    ev.from = ev.to = kNoIndex;
                    ev.via.clear();
                    ev.place = pick(ds.places.size());
                    ev.category = pick(ds.categories.size());
                    e = Edit::replace(ds, i, ev);
                    break;
                }
                case 2:  // add an event somewhere
                    e = Edit::insert(pick(ds.events.size() + 1),
                                     newEvent(doc, "Random event", 1980 + static_cast<int>(pick(40)),
                                              pick(ds.places.size()), pick(ds.categories.size())));
                    break;
                case 3:  // remove an event (refused while a story highlights it)
                    e = Edit::remove(ds, RecordKind::Event, pick(ds.events.size()));
                    break;
                case 4: {  // add a place at the front, then maybe use it
                    Place p;
                    p.id = doc.uniqueId(RecordKind::Place, "random place");
                    p.name = "Random place";
                    p.latDeg = 10;
                    e = Edit::insert(pick(3), p);
                    break;
                }
                case 5:  // remove a place (refused while used)
                    e = Edit::remove(ds, RecordKind::Place, pick(ds.places.size()));
                    break;
                case 6:  // reorder categories or events
                    if (pick(2))
                        e = Edit::move(RecordKind::Category, pick(ds.categories.size()), pick(ds.categories.size()));
                    else
                        e = Edit::move(RecordKind::Event, pick(ds.events.size()), pick(ds.events.size()));
                    break;
                case 8: {  // link a claim and its answer
                    const Index i = pick(ds.events.size());
                    Event ev = ds.events[i];
                    ev.answers.push_back(pick(ds.events.size()));
                    e = Edit::replace(ds, i, ev);
                    break;
                }
                case 7: {  // edit the story
                    Story s = ds.stories[0];
                    s.steps[pick(s.steps.size())].highlight.push_back(pick(ds.events.size()));
                    if (s.steps.size() > 1 && pick(2)) s.steps.erase(s.steps.begin() + pick(s.steps.size()));
                    e = Edit::replace(ds, 0, s);
                    break;
                }
                default: {  // undo or redo in the middle of the sequence
                    if (pick(2) && doc.canUndo()) {
                        REQUIRE(doc.undo());
                        states.pop_back();
                        REQUIRE(doc.data() == states.back());
                    }
                    checkInvariants(doc);
                    continue;
                }
            }
            if (doc.apply(std::move(e))) {
                ++applied;
                states.push_back(doc.data());
            } else {
                ++refused;
                REQUIRE(doc.data() == states.back());
            }
            checkInvariants(doc);
        }
        // Undo everything: the original, exactly. Redo everything: the last state.
        const Dataset last = doc.data();
        int undone = 0;
        for (; doc.canUndo(); ++undone) REQUIRE(doc.undo());
        REQUIRE(doc.data() == original);
        REQUIRE_FALSE(doc.isDirty());
        for (int i = 0; i < undone; ++i) REQUIRE(doc.redo());
        REQUIRE(doc.data() == last);
        checkInvariants(doc);
    }
    MESSAGE("edits applied: " << applied << ", refused: " << refused);
    CHECK(applied > 3000);
    CHECK(refused > 100);
}

// The editor's changes as Edits: each named for the Edit menu, each undone
// exactly; drags snapped to the event's precision; deletions that say which
// events still use a record; live validation tied to fields.
#include <doctest.h>

#include <random>

#include "core/date_snap.h"
#include "core/document.h"
#include "io/build_paths.h"
#include "io/dataset_loader.h"
#include "io/dataset_writer.h"
#include "session/editing.h"
#include "session/field_problems.h"

using namespace meridian;

namespace {

Document curatedDocument() {
    const io::DatasetLoadResult r = io::loadDataset(std::string(meridian::io::sourceDir()) + "/data/iran-dprk.json");
    REQUIRE(r.ok());
    Document doc;
    doc.replaceAll(*r.dataset, "iran-dprk.json", {});
    return doc;
}

Document newDocument() {
    Document doc;
    doc.replaceAll(newDataset({"Lesson", "A test", "CC-BY-4.0", {"Ann"}, {}}), {}, {});
    return doc;
}

Event eventOn(const char* date) {
    Event e;
    e.id = "e";
    e.title = "E";
    e.date = *parseIsoDate(date).date;
    return e;
}

}  // namespace

TEST_CASE("editing: a new dataset has its description and a lane for its first event") {
    Document doc = newDocument();
    CHECK(doc.data().title == "Lesson");
    CHECK(doc.data().authors == std::vector<std::string>{"Ann"});
    REQUIRE(doc.data().categories.size() == 1);
    CHECK(doc.data().events.empty());
    CHECK(splitList(" Ann Smith, Bo Li ,, ") == std::vector<std::string>{"Ann Smith", "Bo Li"});
    CHECK(joinList({"a", "b"}) == "a, b");
}

TEST_CASE("editing: add, duplicate and delete events, each named and undone") {
    Document doc = newDocument();
    const DayNumber day = daysFromCivil(2006, 7, 5);
    REQUIRE(doc.apply(addEventEdit(doc, day, 0)));
    CHECK(doc.undoName() == "add an event");
    REQUIRE(doc.data().events.size() == 1);
    const Event& e = doc.data().events[0];
    CHECK(e.date.iso() == "2006-07-05");
    CHECK(e.category == 0);
    CHECK(e.id == "2006-07-05-new-event");

    REQUIRE(doc.apply(duplicateEventEdit(doc, 0)));
    CHECK(doc.undoName() == "duplicate New event");
    REQUIRE(doc.data().events.size() == 2);
    CHECK(doc.data().events[1].id == "2006-07-05-new-event-2");
    CHECK(doc.data().events[1].title == "New event (copy)");

    REQUIRE(doc.apply(deleteEventEdit(doc, 0)));
    CHECK(doc.undoName() == "delete New event");
    CHECK(doc.data().events.size() == 1);
    CHECK(doc.undo());
    CHECK(doc.data().events.size() == 2);
    CHECK(doc.data().events[0].id == "2006-07-05-new-event");
}

TEST_CASE("editing: deleting an event a story highlights and another answers, undone as one") {
    Document doc = curatedDocument();
    const Dataset before = doc.data();
    // An event that some story highlights.
    Index victim = kNoIndex;
    for (Index e = 0; e < before.events.size() && victim == kNoIndex; ++e)
        if (!doc.storiesUsing(RecordKind::Event, e).empty()) victim = e;
    REQUIRE(victim != kNoIndex);
    const std::string id = before.events[victim].id;
    std::string error;
    REQUIRE(doc.apply(deleteEventEdit(doc, victim), &error));
    CHECK(doc.findEvent(id) == kNoIndex);
    for (const Story& s : doc.data().stories)
        for (const StoryStep& step : s.steps)
            for (Index h : step.highlight) CHECK(h < doc.data().events.size());
    CHECK(doc.undoName().rfind("delete ", 0) == 0);
    REQUIRE(doc.undo());
    CHECK(doc.data() == before);
}

TEST_CASE("editing: a field edit is named after the field") {
    Document doc = curatedDocument();
    Event e = doc.data().events[3];
    const std::string label = recordLabel(e);
    e.date = shiftDate(e.date, 12, 0);
    REQUIRE(doc.apply(editEventEdit(doc, 3, e, EventField::Date)));
    CHECK(doc.undoName() == "change the date of " + label);
    e.confidence = Confidence::Disputed;
    REQUIRE(doc.apply(editEventEdit(doc, 3, e, EventField::Confidence)));
    CHECK(doc.undoName() == "change the confidence of " + label);
    e.title = "Renamed";
    REQUIRE(doc.apply(editEventEdit(doc, 3, e, EventField::Title)));
    CHECK(doc.undoName() == "rename " + label);
    // Typing in one field merges into one history entry.
    const std::size_t entries = doc.historySize();
    e.summary = "a";
    REQUIRE(doc.apply(editEventEdit(doc, 3, e, EventField::Summary), nullptr, eventFieldKey(e, EventField::Summary)));
    e.summary = "ab";
    REQUIRE(doc.apply(editEventEdit(doc, 3, e, EventField::Summary), nullptr, eventFieldKey(e, EventField::Summary)));
    CHECK(doc.historySize() == entries + 1);
}

TEST_CASE("editing: a dragged event snaps to its own precision; Shift keeps the day") {
    Event day = eventOn("2006-07-05");
    day.end = *parseIsoDate("2006-07-20").date;
    const double target = static_cast<double>(daysFromCivil(2006, 9, 17)) + 0.6;
    Event moved = movedEvent(day, target, false);
    CHECK(moved.date.iso() == "2006-09-17");
    CHECK(moved.end->iso() == "2006-10-02");  // the span keeps its length in days
    Event kept = movedEvent(day, target, true);
    CHECK(kept.date.iso() == "2006-09-05");  // moved by whole months
    CHECK(kept.end->iso() == "2006-09-20");

    Event year = eventOn("1987");
    year.latest = *parseIsoDate("1989").date;
    Event y = movedEvent(year, static_cast<double>(daysFromCivil(1991, 8, 1)), false);
    CHECK(y.date.iso() == "1991");
    CHECK(y.date.precision() == DatePrecision::Year);
    CHECK(y.latest->iso() == "1993");

    Event month = eventOn("1999-02");
    CHECK(movedEvent(month, static_cast<double>(daysFromCivil(1998, 11, 28)), false).date.iso() == "1998-11");
}

TEST_CASE("editing: dragging a span's end, never before its start") {
    Event e = eventOn("2006-07-05");
    CHECK(withEndAt(e, static_cast<double>(daysFromCivil(2006, 8, 1)) + 0.3).end->iso() == "2006-08-01");
    CHECK_FALSE(withEndAt(e, static_cast<double>(daysFromCivil(2006, 6, 1))).end);  // back to a single day
    Event y = eventOn("1990");
    y.end = *parseIsoDate("1992").date;
    CHECK(withEndAt(y, static_cast<double>(daysFromCivil(1995, 3, 1))).end->iso() == "1995");
}

TEST_CASE("editing: places by click, a connection between them with a new source") {
    Document doc = newDocument();
    REQUIRE(doc.apply(Edit::append(doc.data(), newPlace(doc, "Tehran", 35.6892123456, 51.389, "IRN"))));
    CHECK(doc.undoName() == "add Tehran");
    REQUIRE(doc.apply(Edit::append(doc.data(), newPlace(doc, "Pyongyang", 39.03, 125.75, "PRK"))));
    CHECK(doc.data().places[0].latDeg == doctest::Approx(35.689212));
    CHECK(doc.data().places[0].id == "tehran");
    double km = 0;
    CHECK(nearestPlace(doc.data(), 39.0, 125.7, &km) == 1);
    CHECK(km < 10);
    CHECK(findSamePlace(doc.data(), "Tehran", 35.69, 51.39) == 0);
    CHECK(findSamePlace(doc.data(), "Tehran", 30, 51.39) == kNoIndex);

    REQUIRE(doc.apply(addEventEdit(doc, daysFromCivil(1993, 5, 1), 0)));
    Event e = withConnection(doc.data().events[0], 1, 0, {});
    REQUIRE(doc.apply(editEventEdit(doc, 0, e, EventField::Where)));
    CHECK(doc.undoName() == "change the place of New event");
    const Source s = newSource(doc, "Reuters", "Missiles", parseIsoDate("1993-05-02").date, "https://example.org/x",
                               SourceKind::Press);
    CHECK(s.id == "reuters-1993");
    std::string error;
    REQUIRE(doc.apply(addSourceToEventEdit(doc, 0, s), &error));
    CHECK(doc.undoName() == "add the source Reuters to New event");
    REQUIRE(doc.data().events[0].sources.size() == 1);
    CHECK(doc.data().sources[doc.data().events[0].sources[0].source].publisher == "Reuters");
    // The dataset now validates (and would save).
    const FieldProblems problems = findFieldProblems(doc.data(), {}, doc.revision());
    CHECK(problems.errors == 0);
    // Undo takes the source and the citation away together.
    REQUIRE(doc.undo());
    CHECK(doc.data().sources.empty());
    CHECK(doc.data().events[0].sources.empty());
    REQUIRE(doc.redo());
    CHECK(doc.data().events[0].sources.size() == 1);

    // Dragging a place on the map: one history entry per drag.
    const std::size_t entries = doc.historySize();
    for (double lat : {35.0, 34.0, 33.5})
        REQUIRE(doc.apply(movePlaceEdit(doc, 0, lat, 51.0), nullptr, placeDragKey(doc.data().places[0], 7)));
    CHECK(doc.historySize() == entries + 1);
    CHECK(doc.undoName() == "move Tehran");
    CHECK(doc.data().places[0].latDeg == 33.5);
    REQUIRE(doc.undo());
    CHECK(doc.data().places[0].latDeg == doctest::Approx(35.689212));
}

TEST_CASE("editing: a record still used says by which events, and is kept") {
    Document doc = curatedDocument();
    const Index place = doc.data().events[0].place != kNoIndex ? doc.data().events[0].place : doc.data().events[0].from;
    REQUIRE(place != kNoIndex);
    std::string why;
    CHECK_FALSE(deleteRecordEdit(doc, RecordKind::Place, place, &why));
    CHECK(why.rfind("Used by ", 0) == 0);
    CHECK(why.find(doc.data().events[0].title.substr(0, 20)) != std::string::npos);
    // An unused one goes, named.
    REQUIRE(doc.apply(Edit::append(doc.data(), newActor(doc, "Nobody"))));
    const auto last = static_cast<Index>(doc.data().actors.size() - 1);
    CHECK(usedByText(doc, RecordKind::Actor, last).empty());
    const auto edit = deleteRecordEdit(doc, RecordKind::Actor, last, &why);
    REQUIRE(edit);
    REQUIRE(doc.apply(*edit));
    CHECK(doc.undoName() == "delete the actor Nobody");
}

TEST_CASE("editing: live validation ties each problem to its field") {
    CHECK(parseFieldPath("events[12].date") == FieldLocation{true, RecordKind::Event, 12, "date"});
    CHECK(parseFieldPath("events[3].sources[0]") == FieldLocation{true, RecordKind::Event, 3, "sources"});
    CHECK(parseFieldPath("places[0]") == FieldLocation{true, RecordKind::Place, 0, ""});
    CHECK(parseFieldPath("title") == FieldLocation{false, RecordKind::Event, 0, "title"});
    CHECK_FALSE(parseFieldPath(""));

    Document doc = newDocument();
    REQUIRE(doc.apply(addEventEdit(doc, daysFromCivil(2001, 1, 1), 0)));
    Event e = doc.data().events[0];
    e.title.clear();
    REQUIRE(doc.apply(editEventEdit(doc, 0, e, EventField::Title)));
    const FieldProblems problems = findFieldProblems(doc.data(), {}, doc.revision());
    CHECK(problems.revision == doc.revision());
    CHECK(problems.errors >= 2);
    CHECK(problems.at(RecordKind::Event, 0, "sources").size() == 1);  // every claim needs who says it
    CHECK(problems.at(RecordKind::Event, 0, "title").size() == 1);
    CHECK(problems.at(RecordKind::Event, 0, "date").empty());
    CHECK(problems.at(RecordKind::Event, 0).size() == problems.errors);
}

TEST_CASE("editing: random sequences of the editor's changes, all undone, give back the dataset") {
    Document doc = curatedDocument();
    const Dataset original = doc.data();
    std::mt19937 rng(1313);
    for (int round = 0; round < 40; ++round) {
        std::vector<Dataset> states{doc.data()};
        for (int step = 0; step < 25; ++step) {
            const Dataset& ds = doc.data();
            const auto events = static_cast<Index>(ds.events.size());
            const Index e = events ? static_cast<Index>(rng() % events) : kNoIndex;
            const DayNumber day =
                daysFromCivil(1980 + static_cast<int>(rng() % 45), 1 + static_cast<int>(rng() % 12), 1);
            std::optional<Edit> edit;
            switch (rng() % 9) {
                case 0:
                    edit = addEventEdit(doc, day, static_cast<Index>(rng() % (ds.categories.size() + 1)));
                    break;
                case 1:
                    if (e != kNoIndex) edit = duplicateEventEdit(doc, e);
                    break;
                case 2:
                    if (e != kNoIndex) edit = deleteEventEdit(doc, e);
                    break;
                case 3:
                    if (e != kNoIndex)
                        edit =
                            editEventEdit(doc, e, movedEvent(ds.events[e], static_cast<double>(day) + 0.5, rng() % 2),
                                          EventField::Date);
                    break;
                case 4:
                    if (e != kNoIndex)
                        edit =
                            editEventEdit(doc, e, withEndAt(ds.events[e], static_cast<double>(day)), EventField::End);
                    break;
                case 5:
                    if (e != kNoIndex)
                        edit = addSourceToEventEdit(
                            doc, e, newSource(doc, "Agency", "Report", std::nullopt, "", SourceKind::Official));
                    break;
                case 6:
                    edit = Edit::append(ds, newPlace(doc, "Somewhere", -30.0 + rng() % 60, -100.0 + rng() % 200));
                    break;
                case 7:
                    if (!ds.places.empty())
                        edit = movePlaceEdit(doc, static_cast<Index>(rng() % ds.places.size()), 10.5, 20.25);
                    break;
                case 8:
                    if (!ds.places.empty()) {
                        const auto kinds = {RecordKind::Place, RecordKind::Source, RecordKind::Actor};
                        const RecordKind kind = *(kinds.begin() + rng() % 3);
                        const std::size_t n = recordCount(ds, kind);
                        if (n) edit = deleteRecordEdit(doc, kind, static_cast<Index>(rng() % n));
                    }
                    break;
            }
            if (!edit || edit->empty()) continue;
            std::string error;
            REQUIRE_MESSAGE(doc.apply(*edit, &error), error);
            CHECK_FALSE(doc.undoName().empty());
            states.push_back(doc.data());
        }
        // Undo back to the round's start, checking every state on the way.
        for (std::size_t k = states.size() - 1; k > 0; --k) {
            REQUIRE(doc.data() == states[k]);
            REQUIRE(doc.undo());
        }
        REQUIRE(doc.data() == states.front());
        // Redo all of it; every other round goes on from there, the others from the
        // round's start (the next edit then drops what could have been redone).
        for (std::size_t k = 1; k < states.size(); ++k) {
            REQUIRE(doc.redo());
            REQUIRE(doc.data() == states[k]);
        }
        CHECK_FALSE(doc.canRedo());
        if (round % 2)
            for (std::size_t k = 1; k < states.size(); ++k) REQUIRE(doc.undo());
    }
    while (doc.canUndo()) REQUIRE(doc.undo());
    CHECK(doc.data() == original);
}

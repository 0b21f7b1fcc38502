#include <doctest.h>

#include <atomic>
#include <filesystem>
#include <string>

#include "io/csv_reader.h"
#include "io/dataset_loader.h"
#include "io/dataset_writer.h"
#include "io/import/column_mapping.h"
#include "io/import/gazetteer.h"
#include "io/import/table_import.h"
#include "test_paths.h"

using namespace meridian;
using namespace meridian::io;

namespace {

const std::filesystem::path kData = std::filesystem::path(meridian::test::testDataDir()) / "import";

const Gazetteer& gazetteer() {
    static const std::unique_ptr<Gazetteer> g = [] {
        std::string error;
        auto loaded = Gazetteer::loadDefault(&error);
        REQUIRE_MESSAGE(loaded, error);
        return loaded;
    }();
    return *g;
}

Table tableOf(const std::string& csv, const std::string& name = "t.csv") {
    CsvReadResult r = parseCsv(csv, name);
    REQUIRE(r.ok());
    return std::move(*r.table);
}

ImportResult importCsv(const std::string& csv, const Gazetteer* g = nullptr) {
    const Table t = tableOf(csv);
    ImportOptions o;
    o.fileName = "t.csv";
    o.gazetteer = g;
    return tableToDataset(t, guessMapping(t).mapping, o);
}

std::string problemsOf(const ImportResult& r) {
    std::string out;
    for (const ImportProblem& p : r.report.problems)
        out += (out.empty() ? "" : "\n") + p.toDiagnostic("t.csv").format();
    return out;
}

const Event& eventTitled(const Dataset& ds, std::string_view title) {
    for (const Event& e : ds.events)
        if (e.title == title) return e;
    FAIL("no event titled " << title);
    return ds.events.front();
}

}  // namespace

TEST_CASE("table import: a briefer's spreadsheet with place names, day-first dates and bad rows") {
    const CsvReadResult csv = readCsvFile(kData / "incidents.csv");
    REQUIRE(csv.ok());
    const MappingGuess guess = guessMapping(*csv.table);
    CHECK(guess.mapping.dateOrder == DayMonthOrder::DayFirst);  // row 2 has 31/12/2006
    ImportOptions o;
    o.fileName = "incidents.csv";
    o.gazetteer = &gazetteer();
    const ImportResult r = tableToDataset(*csv.table, guess.mapping, o);
    REQUIRE(r.dataset);
    const Dataset& ds = *r.dataset;

    CHECK(r.report.summary() == "8 rows: 6 events, 2 skipped (1 blank row ignored)");
    CHECK(r.report.rows == 8);
    CHECK(r.report.events == 6);
    CHECK(r.report.skipped == 2);
    CHECK(r.report.blankRows == 1);
    REQUIRE(r.report.problems.size() == 2);
    CHECK(r.report.problems[0].toDiagnostic("incidents.csv").format() ==
          "incidents.csv:5: row 3, column \"Date\": \"31/31/2006\" is not a date (neither 31 nor 31 can be a month)");
    CHECK(r.report.problems[1].toDiagnostic("incidents.csv").format() ==
          "incidents.csv:6: row 4: no date (column \"Date\" is empty)");

    // Dates with their precision, approximate, decades.
    const Event& a = eventTitled(ds, "Test launch A");
    CHECK(a.date == Date::fromCivil(2006, 7, 5));
    CHECK(a.summary == "First line\r\nsecond line");
    CHECK(eventTitled(ds, "Country only H").date == Date::fromCivil(2008, 2, 1));
    const Event& e = eventTitled(ds, "Approximate E");
    CHECK(e.date == Date::fromYear(1987));
    CHECK(e.approx);
    const Event& f = eventTitled(ds, "Decade F");
    CHECK(f.date == Date::fromYear(1980));
    REQUIRE(f.end);
    CHECK(*f.end == Date::fromYear(1989));

    // Places: by name (with the country hint), coordinates in the cell, a country alone, not found.
    REQUIRE(a.place != kNoIndex);
    CHECK(ds.places[a.place].name == "Pyongyang");
    CHECK(ds.places[a.place].country == "PRK");
    CHECK(ds.places[a.place].latDeg == doctest::Approx(39.03).epsilon(0.01));
    const Event& g = eventTitled(ds, "Coordinates in the name G");
    REQUIRE(g.place != kNoIndex);
    CHECK(ds.places[g.place].name == "Tehran");
    CHECK(ds.places[g.place].latDeg == 35.7);
    CHECK(ds.places[g.place].lonDeg == 51.4);
    const Event& h = eventTitled(ds, "Country only H");
    REQUIRE(h.place != kNoIndex);
    CHECK(ds.places[h.place].country == "IRN");
    CHECK(f.place == kNoIndex);  // "Springfeld" is not found: the event stays on the timeline
    CHECK(r.report.onMap == 5);

    // Reviews: the ambiguous Tripoli and the unfound Springfeld.
    REQUIRE(r.report.placeReviews.size() == 2);
    const PlaceReview& tripoli = r.report.placeReviews[0];
    CHECK(tripoli.kind == PlaceReview::Kind::Ambiguous);
    CHECK(tripoli.name == "Tripoli");
    CHECK(tripoli.explanation.rfind("Tripoli: Libya chosen; ", 0) == 0);
    CHECK(tripoli.rows == std::vector<unsigned>{5});
    const PlaceReview& missing = r.report.placeReviews[1];
    CHECK(missing.kind == PlaceReview::Kind::NotFound);
    CHECK(missing.explanation.rfind("\"Springfeld\": ", 0) == 0);
    CHECK(missing.explanation.find("its events stay on the timeline") != std::string::npos);

    // Honest defaults: unrated, the file cited, and said so.
    for (const Event& ev : ds.events) CHECK(ev.confidence == Confidence::Unrated);
    REQUIRE(a.sources.size() == 1);
    const Source& s = ds.sources[a.sources[0].source];
    CHECK(s.publisher == "Cited in incidents.csv");
    CHECK(s.title == "Example Daily");
    CHECK(s.url == "https://example.org/a");
    const Event& c = eventTitled(ds, "Approximate E");
    REQUIRE(c.sources.size() == 1);
    CHECK(ds.sources[c.sources[0].source].publisher == "Imported file");
    CHECK(ds.sources[c.sources[0].source].title == "incidents.csv");
    const Source& hSource = ds.sources[h.sources[0].source];
    CHECK(hSource.publisher == "example.org");  // only an address: the host publishes it
    CHECK(hSource.title == "https://example.org/h");
    CHECK(r.report.notes[0] == "no confidence column: the 6 events are unrated (the file gives no confidence)");
    CHECK(r.report.notes[1] == "3 events cite the file itself (incidents.csv): it names no source for them");

    // Actors split by ';'; categories default; the dataset is titled by the file.
    REQUIRE(a.actors.size() == 2);
    CHECK(ds.actors[a.actors[0]].name == "North Korea");
    CHECK(ds.actors[a.actors[1]].name == "Iran");
    CHECK(ds.categories.size() == 1);
    CHECK(ds.categories[0].label == "Uncategorised");
    CHECK(ds.title == "incidents");
    CHECK(a.id == "2006-07-05-test-launch-a");

    // The imported dataset is a valid Meridian dataset (the loader's rules hold): see test_dataset_writer.
    CHECK(ds.eventsByStart.size() == 6);
}

TEST_CASE("table import: without a gazetteer names are not found, coordinates still work") {
    const ImportResult r = importCsv("date,place,lat,lon,title\n2006,Tehran,,,A\n2007,Somewhere,35.5,51.5,B\n");
    REQUIRE(r.dataset);
    CHECK(r.dataset->events[0].place == kNoIndex);
    CHECK(r.dataset->places.size() == 1);
    CHECK(r.dataset->places[0].name == "Somewhere");
    REQUIRE(r.report.placeReviews.size() == 1);
    CHECK(r.report.placeReviews[0].explanation ==
          "\"Tehran\": no gazetteer is loaded, so places cannot be found by name; its events stay on the timeline");
}

TEST_CASE("table import: connections from, to and via; coordinates columns; bad coordinates") {
    const ImportResult r = importCsv(
        "date,from,from lat,from lon,to,to lat,to lon,via,title\n"
        "2006,Pyongyang,39.03,125.75,Tehran,35.69,51.39,\"Beijing (40.08, 116.58)\",A\n"
        "2007,Pyongyang,91,125.75,Tehran,35.69,51.39,,B\n");
    REQUIRE(r.dataset);
    const Dataset& ds = *r.dataset;
    const Event& a = ds.events[0];
    REQUIRE(a.isConnection());
    CHECK(ds.places[a.from].name == "Pyongyang");
    CHECK(ds.places[a.to].name == "Tehran");
    REQUIRE(a.via.size() == 1);
    CHECK(ds.places[a.via[0]].name == "Beijing");
    CHECK(ds.places[a.via[0]].lonDeg == 116.58);
    const Event& b = ds.events[1];
    CHECK_FALSE(b.isConnection());  // 91 is no latitude; "Pyongyang" cannot be found without a gazetteer
    CHECK(problemsOf(r).find("t.csv:3: row 2, column \"from lat\": warning: ") == std::string::npos);
    CHECK(problemsOf(r).find("t.csv:3: warning: row 2, column \"from lat\": \"91\" is not a latitude (expected "
                             "degrees, -90 to 90)") != std::string::npos);
    CHECK(problemsOf(r).find("the connection's \"from\" end was not found: the event is shown at \"Tehran\" only") !=
          std::string::npos);
    CHECK(ds.places[b.place].name == "Tehran");
}

TEST_CASE("table import: sources with publisher, title, date, kind and passage, one per line") {
    const ImportResult r = importCsv(
        "date,title,source publisher,source title,source date,source url,source kind,source passage,confidence\n"
        "2006,A,\"UN Panel\nNCRI\",\"Report\nPress conference\",\"2011-05\n\",https://un.org/r,\"un\nadvocacy\","
        "\"para. 129\n\",Reported\n"
        "2007,B,UN Panel,Report,2011-05,https://un.org/r,un,,maybe\n");
    REQUIRE(r.dataset);
    const Dataset& ds = *r.dataset;
    REQUIRE(ds.sources.size() == 2);  // row 2 cites the same UN report: one source
    const Event& a = ds.events[0];
    REQUIRE(a.sources.size() == 2);
    const Source& un = ds.sources[a.sources[0].source];
    CHECK(un.publisher == "UN Panel");
    CHECK(un.title == "Report");
    CHECK(un.date == Date::fromYearMonth(2011, 5));
    CHECK(un.url == "https://un.org/r");
    CHECK(un.kind == SourceKind::Un);
    CHECK(a.sources[0].note == "para. 129");
    const Source& ncri = ds.sources[a.sources[1].source];
    CHECK(ncri.kind == SourceKind::Advocacy);
    CHECK(ncri.url.empty());
    CHECK(a.confidence == Confidence::Reported);
    CHECK(ds.events[1].sources[0].source == a.sources[0].source);
    CHECK(ds.events[1].confidence == Confidence::Unrated);
    CHECK(problemsOf(r) ==
          "t.csv:8: warning: row 2, column \"confidence\": \"maybe\" is not a confidence level (expected confirmed, "
          "reported, alleged, disputed or unrated); the event is unrated");
}

TEST_CASE("table import: claimed dates, answers by id (later rows too), sources cited via another") {
    const std::string csv =
        "id,date,claimed,title,answers,source publisher,source via,source kind\n"
        "denial,2011-05-17,,Denial,claim; other-claim,Wikipedia,,reference\n"
        "claim,2011-02,14/05/2011,Claim,,Reuters,Kyodo News,press\n"
        "other-claim,2011-03,1985-1988,Other,claim | nobody | other-claim,Reuters,,Press\n"
        "\"x;y\",2012,,Semicolon id,,Reuters,Kyodo News,press\n"
        "answer,2013,,Answer,\"x;y\",Reuters,,encyclopedia\n";
    const ImportResult r = importCsv(csv);
    REQUIRE(r.dataset);
    const Dataset& ds = *r.dataset;
    REQUIRE(ds.events.size() == 5);
    CHECK(ds.events[0].answers == std::vector<Index>{1, 2});      // both come later in the file
    CHECK(ds.events[1].claimed == Date::fromCivil(2011, 5, 14));  // day-first, as the column says
    CHECK(ds.events[1].answeredBy == std::vector<Index>{2, 0});   // derived, in start order
    CHECK_FALSE(ds.events[2].claimed);
    CHECK(ds.events[2].answers == std::vector<Index>{1});
    CHECK(ds.events[3].id == "x;y");
    CHECK(ds.events[4].answers == std::vector<Index>{3});  // "x;y" is one event's id, not two
    const Source& wiki = ds.sources[ds.events[0].sources[0].source];
    CHECK(wiki.kind == SourceKind::Reference);
    const Source& kyodo = ds.sources[ds.events[1].sources[0].source];
    CHECK(kyodo.via == "Kyodo News");
    CHECK(kyodo.citation() == "Reuters, \xE2\x80\x9C(no title given)\xE2\x80\x9D, citing Kyodo News.");
    const Source& plain = ds.sources[ds.events[2].sources[0].source];
    CHECK(plain.via.empty());  // Reuters citing Kyodo and Reuters alone are two sources
    CHECK(ds.sources.size() == 3);
    CHECK(ds.events[3].sources[0].source == ds.events[1].sources[0].source);
    CHECK(problemsOf(r) ==
          "t.csv:4: warning: row 3, column \"claimed\": is a span (1985 to 1988); a claim has one date: not kept\n"
          "t.csv:6: warning: row 5, column \"source kind\": \"encyclopedia\" is not a source kind (expected official, "
          "un, press, think-tank, academic, advocacy or reference); press is used\n"
          "t.csv:4: warning: row 3, column \"answers\": \"nobody\" is not the id of any event in the file (expected "
          "the ids of the events this one answers); not kept\n"
          "t.csv:4: warning: row 3, column \"answers\": \"other-claim\" is this event's own id: an event cannot "
          "answer itself; not kept");

    // What the loader checks holds: saved as Meridian JSON, it loads with the same links.
    const DatasetLoadResult saved = parseDataset(datasetToJson(ds), "saved.json");
    REQUIRE(saved.ok());
    CHECK(saved.dataset->events[1].answeredBy == ds.events[1].answeredBy);
    CHECK(saved.dataset->events[1].claimed == ds.events[1].claimed);

    // A preview of the first rows says nothing about ids further down.
    const Table t = tableOf(csv);
    ImportOptions o;
    o.fileName = "t.csv";
    const ImportResult preview = previewImport(t, guessMapping(t).mapping, o, 3);
    REQUIRE(preview.dataset);
    CHECK(preview.dataset->events[0].answers == std::vector<Index>{1, 2});
    CHECK(problemsOf(preview).find("is this event's own id") != std::string::npos);
    CHECK(problemsOf(preview).find("\"nobody\"") == std::string::npos);  // it may be further down
    const ImportResult firstTwo = previewImport(t, guessMapping(t).mapping, o, 2);
    REQUIRE(firstTwo.dataset);
    CHECK(firstTwo.dataset->events[0].answers == std::vector<Index>{1});  // other-claim is not read yet
    CHECK(problemsOf(firstTwo).empty());
}

TEST_CASE("table import: ids, end dates, times, approx, earliest/latest, tags, html, media") {
    const ImportResult r = importCsv(
        "id,date,end,time,approx,earliest,latest,title,summary,tags,media,media caption,category\n"
        "e1,2006-07-05,2006-07-07,14:30,yes,2006-07-01,2006-07-31,<b>Bold</b> &amp; more,<p>One</p><p>Two</p>,"
        "a; b,img/x.png,Cap,Launch\n"
        "e1,2006,2005,,,,,B,,\"x, y\",https://example.org/p.jpg,Remote,\n");
    REQUIRE(r.dataset);
    const Dataset& ds = *r.dataset;
    const Event& a = ds.events[0];
    CHECK(a.id == "e1");
    CHECK(*a.end == Date::fromCivil(2006, 7, 7));
    CHECK(a.minuteOfDay == 14 * 60 + 30);
    CHECK(a.approx);
    CHECK(*a.earliest == Date::fromCivil(2006, 7, 1));
    CHECK(*a.latest == Date::fromCivil(2006, 7, 31));
    CHECK(a.title == "Bold & more");
    CHECK(a.summary == "One\n\nTwo");
    CHECK(a.tags == std::vector<std::string>{"a", "b"});
    REQUIRE(a.media.size() == 1);
    CHECK(a.media[0].path == "img/x.png");
    CHECK(a.media[0].caption == "Cap");
    CHECK(ds.categories[a.category].label == "Launch");
    const Event& b = ds.events[1];
    CHECK(b.id == "e1-2");
    CHECK_FALSE(b.end);
    CHECK(b.tags == std::vector<std::string>{"x", "y"});
    CHECK(b.media.empty());
    CHECK(b.note == "Media: Remote https://example.org/p.jpg");  // a web address is kept as a link, not downloaded
    CHECK(problemsOf(r) ==
          "t.csv:3: warning: row 2, column \"end\": \"2005\" is before the date \"2006\"; not kept\n"
          "t.csv:3: warning: row 2, column \"id\": \"e1\" is the id of an earlier event: this one is \"e1-2\"");
}

TEST_CASE("table import: ambiguous day/month dates are asked, not guessed") {
    const ImportResult r = importCsv("date,title\n05/07/2006,A\n04/03/2007,B\n");
    REQUIRE(r.dataset);
    CHECK(r.report.events == 0);
    CHECK(r.report.skipped == 2);
    CHECK(r.report.dateOrderNeeded);
    CHECK(problemsOf(r).rfind(
              "t.csv:2: row 1, column \"date\": \"05/07/2006\" could be 7 May or 5 July 2006: choose day-first or "
              "month-first",
              0) == 0);
    const Table t = tableOf("date,title\n05/07/2006,A\n04/03/2007,B\n");
    ColumnMapping m = guessMapping(t).mapping;
    m.dateOrder = DayMonthOrder::MonthFirst;
    const ImportResult chosen = tableToDataset(t, m, {});
    CHECK(chosen.report.events == 2);
    CHECK(chosen.dataset->events[0].date == Date::fromCivil(2006, 5, 7));
}

TEST_CASE("table import: TimelineJS's sheet: title row, era rows, groups, HTML, display dates") {
    const Table t = tableOf(
        "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media "
        "Caption,Media Thumbnail,Type,Group,Background\n"
        ",,,,,,,,,My <i>own</i> timeline,<p class=\"lead\">An intro.</p>,,,,,title,,\n"
        "1815,12,10,,1852,11,27,,,Ada,\"<p>Take <a "
        "href=\"\"https://en.wikipedia.org/wiki/Ada_Lovelace\"\">Ada</a></p>\","
        "https://upload.example.org/ada.jpg,Wikimedia,Portrait,,,Pioneers,\n"
        "1943,7,,14:00,1946,,,,Summer 1943,ENIAC,,,,,,,Machines,\n"
        "1940,,,,1950,,,,,The forties,,,,,,era,,\n"
        "1951,13,,,,,,,,Bad month,,,,,,,,\n");
    const MappingGuess g = guessMapping(t);
    const ImportResult r = tableToDataset(t, g.mapping, {});
    REQUIRE(r.dataset);
    const Dataset& ds = *r.dataset;
    CHECK(r.report.summary() == "5 rows: 2 events, 1 skipped, 1 era, 1 title row");
    CHECK(ds.title == "My own timeline");
    CHECK(ds.description == "An intro.");
    REQUIRE(ds.eras.size() == 1);
    CHECK(ds.eras[0].label == "The forties");
    CHECK(ds.eras[0].start == Date::fromYear(1940));
    CHECK(ds.eras[0].end == Date::fromYear(1950));
    const Event& ada = ds.events[0];
    CHECK(ada.date == Date::fromCivil(1815, 12, 10));
    CHECK(*ada.end == Date::fromCivil(1852, 11, 27));
    CHECK(ada.summary == "Take Ada (https://en.wikipedia.org/wiki/Ada_Lovelace)");
    CHECK(ds.categories[ada.category].label == "Pioneers");
    CHECK(ada.note == "Media: Portrait (credit: Wikimedia) https://upload.example.org/ada.jpg");
    REQUIRE(ds.events.size() == 2);
    const Event& eniac = ds.events[1];
    CHECK(eniac.date == Date::fromYearMonth(1943, 7));
    CHECK_FALSE(eniac.minuteOfDay);  // a time needs a day
    CHECK(eniac.note == "Date as shown in the source file: Summer 1943");
    CHECK(problemsOf(r) ==
          "t.csv:4: warning: row 3, column \"Time\": \"14:00\" is a time of day without a day; not kept\n"
          "t.csv:6: row 5, column \"Month\": \"13\" is not a month (expected 1 to 12 or a month name)");
}

TEST_CASE("table import: texts longer than the format keeps are cut at a character, with a warning") {
    std::string big = "date,title,summary\n2006,A,";
    for (int i = 0; i < 3000; ++i) big += "\xC3\xA9\xC3\xA9\xC3\xA9";  // 18,000 bytes of "é"
    big += "\n";
    const ImportResult r = importCsv(big);
    REQUIRE(r.dataset);
    CHECK(r.dataset->events[0].summary.size() == 8000);
    CHECK(problemsOf(r) ==
          "t.csv:2: warning: row 1, column \"summary\": is 18000 bytes long: cut to 8000 (the longest text Meridian "
          "keeps)");
}

TEST_CASE("table import: preview, progress and cancel") {
    std::string csv = "date,title\n";
    for (int i = 0; i < 10'000; ++i) csv += "2006-07-05,E" + std::to_string(i) + "\n";
    const Table t = tableOf(csv);
    const ColumnMapping m = guessMapping(t).mapping;
    const ImportResult preview = previewImport(t, m, {}, 20);
    CHECK(preview.report.events == 20);
    CHECK(preview.dataset->events.back().title == "E19");

    std::atomic<bool> cancel{false};
    ImportOptions o;
    o.progress.cancel = &cancel;
    int calls = 0;
    o.progress.report = [&](double f) {
        ++calls;
        if (f > 0.3) cancel = true;
    };
    const ImportResult stopped = tableToDataset(t, m, o);
    CHECK(stopped.report.cancelled);
    CHECK_FALSE(stopped.dataset);
    CHECK(calls == 2);  // at row 0 and row 4096 (0.41 > 0.3: cancelled before row 8192)
    CHECK(stopped.report.summary() == "8192 rows: 0 events, 0 skipped; cancelled");
}

TEST_CASE("table import: the imported dataset loads as a Meridian dataset") {
    // Everything the loader requires holds: ids, titles, categories, sources, ranges.
    const ImportResult r = importCsv("date,title,place,lat,lon\n2006-07-05,A,X,35,51\n1987,,Y,1,2\n");
    REQUIRE(r.ok());
    for (const Event& e : r.dataset->events) {
        CHECK_FALSE(e.id.empty());
        CHECK_FALSE(e.title.empty());
        CHECK(e.category != kNoIndex);
        CHECK_FALSE(e.sources.empty());
    }
    CHECK(r.dataset->events[1].title == "row 2");
}

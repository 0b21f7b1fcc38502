#include <doctest.h>

#include <algorithm>
#include <string>

#include "io/dataset_loader.h"
#include "io/story_writer.h"

using namespace meridian;
using namespace meridian::io;

namespace {

// A small valid file; tests replace one line to break it.
const std::string kValid = R"({
  "meridian": 1,
  "title": "Test",
  "places": [
    {"id": "pyongyang", "name": "Pyongyang", "lat": 39.03, "lon": 125.75, "country": "PRK"},
    {"id": "tehran", "name": "Tehran", "lat": 35.69, "lon": 51.39, "country": "IRN"},
    {"id": "beijing", "name": "Beijing", "lat": 40.08, "lon": 116.58}
  ],
  "sources": [
    {"id": "un-2011", "publisher": "UN Panel of Experts", "title": "Report", "date": "2011-05", "kind": "un"},
    {"id": "ncri", "publisher": "NCRI", "title": "Press conference", "kind": "advocacy"}
  ],
  "categories": [{"id": "transfer", "label": "Arms transfer", "color": "#E69F00"}, {"id": "test", "label": "Test"}],
  "actors": [{"id": "dprk", "name": "North Korea", "country": "PRK"}],
  "eras": [{"id": "war", "start": "1980-09-22", "end": "1988-08-20", "label": "Iran-Iraq war"}],
  "events": [
    {"id": "e1", "date": "1987", "title": "Scud deliveries", "category": "transfer", "from": "pyongyang", "to": "tehran",
     "sources": ["un-2011"], "confidence": "reported", "approx": true, "earliest": "1985", "latest": "1988"},
    {"id": "e2", "date": "2011-05-14", "title": "Leak", "category": "test", "from": "pyongyang", "to": "tehran",
     "via": ["beijing"], "sources": [{"ref": "un-2011", "note": "para. 129"}, "ncri"], "confidence": "alleged",
     "actors": ["dprk"], "tags": ["beijing-route"], "media": [{"path": "img/a.png", "caption": "c", "credit": "x"}]},
    {"id": "e3", "date": "2006-07-05", "end": "2006-07", "title": "Launch", "category": "test", "place": "pyongyang",
     "sources": ["un-2011"], "confidence": "confirmed"},
    {"id": "e4", "date": "1983", "end": "1985", "title": "Timeline only", "category": "test", "sources": ["un-2011"],
     "confidence": "disputed"}
  ]
}
)";

std::string replaceOnce(std::string text, std::string_view from, std::string_view to) {
    const auto pos = text.find(from);
    REQUIRE_MESSAGE(pos != std::string::npos, from);
    text.replace(pos, from.size(), to);
    return text;
}

// The only error's formatted text.
std::string onlyError(const std::string& text) {
    const DatasetLoadResult r = parseDataset(text, "x.json");
    CHECK_FALSE(r.ok());
    std::string out;
    for (const Diagnostic& d : r.diagnostics)
        if (d.severity == Severity::Error) out += (out.empty() ? "" : "\n") + d.format();
    CHECK_MESSAGE(countErrors(r.diagnostics) == 1, out);
    return out;
}

}  // namespace

TEST_CASE("a valid file loads with every field resolved") {
    const DatasetLoadResult r = parseDataset(kValid, "x.json");
    REQUIRE_MESSAGE(r.ok(), (r.diagnostics.empty() ? "" : r.diagnostics[0].format()));
    CHECK(r.diagnostics.empty());
    const Dataset& ds = *r.dataset;
    CHECK(ds.events.size() == 4);
    CHECK(ds.places.size() == 3);
    CHECK(ds.categories[0].rgba == 0xE69F00FF);
    CHECK_FALSE(ds.categories[1].hasColor);
    const Event& e1 = ds.events[0];
    CHECK(e1.isConnection());
    CHECK(ds.places[e1.from].id == "pyongyang");
    CHECK(e1.date.precision() == DatePrecision::Year);
    CHECK(e1.hasUncertainty());
    CHECK(e1.uncertaintySpan().first == daysFromCivil(1985, 1, 1));
    CHECK(e1.uncertaintySpan().last == daysFromCivil(1989, 1, 1));
    const Event& e2 = ds.events[1];
    REQUIRE(e2.via.size() == 1);
    CHECK(ds.places[e2.via[0]].id == "beijing");
    REQUIRE(e2.sources.size() == 2);
    CHECK(e2.sources[0].note == "para. 129");
    CHECK(ds.restsOnAdvocacy(e2));
    CHECK_FALSE(ds.allSourcesAdvocacy(e2));
    CHECK(e2.media.at(0).path == "img/a.png");
    CHECK(ds.events[2].span().length() == 31 - 4);  // 5 July to the end of July
    CHECK_FALSE(ds.events[3].isOnMap());
    // Sorted by start: e4 (1983), e1 (1987), e3 (2006), e2 (2011).
    CHECK(ds.eventsByStart == std::vector<Index>{3, 0, 2, 1});
    CHECK(ds.extent.first == daysFromCivil(1980, 9, 22));
    CHECK(summarizeDataset(ds) == "4 events, 3 places, 2 sources; 1983 to 2011-05-14");
}

TEST_CASE("the issue's example: an impossible date names file, line, column and path") {
    const std::string bad = replaceOnce(kValid, "\"date\": \"2006-07-05\"", "\"date\": \"2006-02-30\"");
    CHECK(onlyError(bad) ==
          "x.json:22:26: events[2].date: \"2006-02-30\" is not a calendar date (February 2006 has 28 days)");
}

TEST_CASE("each kind of problem is reported where it is") {
    SUBCASE("end before date") {
        const auto e = onlyError(replaceOnce(kValid, "\"end\": \"2006-07\"", "\"end\": \"2006-06-30\""));
        CHECK(e.find("events[2].end: \"2006-06-30\" is before the date \"2006-07-05\"") != std::string::npos);
    }
    SUBCASE("latitude out of range") {
        const auto e = onlyError(replaceOnce(kValid, "\"lat\": 35.69", "\"lat\": 95.69"));
        CHECK(e == "x.json:6:47: places[1].lat: 95.69 is out of range (expected a latitude in degrees, -90 to 90)");
    }
    SUBCASE("longitude not finite") {
        const auto e = onlyError(replaceOnce(kValid, "\"lon\": 51.39", "\"lon\": 1e999"));
        CHECK(e.find("places[1].lon: inf is out of range (expected a longitude") != std::string::npos);
    }
    SUBCASE("wrong type") {
        const auto e = onlyError(replaceOnce(kValid, "\"lat\": 39.03", "\"lat\": \"39.03\""));
        CHECK(e.find("places[0].lat: expected a latitude in degrees, -90 to 90, found a string") != std::string::npos);
    }
    SUBCASE("missing required key") {
        const auto e = onlyError(replaceOnce(kValid, "\"title\": \"Leak\", ", ""));
        CHECK(e.find("x.json:19:5: events[1]: missing required key \"title\" (a string)") != std::string::npos);
    }
    SUBCASE("unknown place") {
        const auto e = onlyError(replaceOnce(kValid, "\"via\": [\"beijing\"]", "\"via\": [\"shanghai\"]"));
        CHECK(e.find("events[1].via[0]: unknown place \"shanghai\" (no place has this id)") != std::string::npos);
    }
    SUBCASE("unknown source") {
        const auto e = onlyError(replaceOnce(kValid, "\"ref\": \"un-2011\"", "\"ref\": \"un-2012\""));
        CHECK(e.find("events[1].sources[0].ref: unknown source \"un-2012\"") != std::string::npos);
    }
    SUBCASE("unknown category") {
        const auto e = onlyError(replaceOnce(kValid, "\"category\": \"transfer\"", "\"category\": \"transfers\""));
        CHECK(e.find("events[0].category: unknown category \"transfers\"") != std::string::npos);
    }
    SUBCASE("unknown actor") {
        const auto e = onlyError(replaceOnce(kValid, "\"actors\": [\"dprk\"]", "\"actors\": [\"iran\"]"));
        CHECK(e.find("events[1].actors[0]: unknown actor \"iran\"") != std::string::npos);
    }
    SUBCASE("duplicate id") {
        const DatasetLoadResult r =
            parseDataset(replaceOnce(kValid, "{\"id\": \"beijing\"", "{\"id\": \"tehran\""), "x.json");
        REQUIRE(r.diagnostics.size() == 2);  // the duplicate, and "beijing" now unknown
        CHECK(r.diagnostics[0].format() == "x.json:7:12: places[2].id: duplicate id \"tehran\" (first used at line 6)");
    }
    SUBCASE("unknown confidence") {
        const auto e = onlyError(replaceOnce(kValid, "\"confidence\": \"disputed\"", "\"confidence\": \"likely\""));
        CHECK(e.find("events[3].confidence: \"likely\" is not a confidence level (expected confirmed, reported, "
                     "alleged or disputed)") != std::string::npos);
    }
    SUBCASE("no sources") {
        const auto e = onlyError(replaceOnce(kValid, "\"sources\": [\"un-2011\"], \"confidence\": \"confirmed\"",
                                             "\"sources\": [], \"confidence\": \"confirmed\""));
        CHECK(e.find("events[2].sources: must list at least one source") != std::string::npos);
    }
    SUBCASE("place and from together") {
        const auto e = onlyError(
            replaceOnce(kValid, "\"place\": \"pyongyang\"", "\"place\": \"pyongyang\", \"from\": \"tehran\""));
        CHECK(e.find("either \"place\" or \"from\" and \"to\"") != std::string::npos);
    }
    SUBCASE("from without to") {
        const auto e = onlyError(replaceOnce(kValid, "\"place\": \"pyongyang\"", "\"from\": \"pyongyang\""));
        CHECK(e.find("\"from\" needs a \"to\"") != std::string::npos);
    }
    SUBCASE("media path leaving the folder") {
        const auto e = onlyError(replaceOnce(kValid, "img/a.png", "../../etc/passwd"));
        CHECK(e.find("events[1].media[0].path: \"../../etc/passwd\" leaves the data file's folder") !=
              std::string::npos);
        CHECK(onlyError(replaceOnce(kValid, "img/a.png", "/etc/passwd")).find("leaves") != std::string::npos);
        CHECK(onlyError(replaceOnce(kValid, "img/a.png", "img/../../x.png")).find("leaves") != std::string::npos);
    }
    SUBCASE("bad colour") {
        const auto e = onlyError(replaceOnce(kValid, "#E69F00", "orange"));
        CHECK(e.find("categories[0].color: \"orange\" is not a colour") != std::string::npos);
    }
    SUBCASE("earliest after date") {
        const auto e = onlyError(replaceOnce(kValid, "\"earliest\": \"1985\"", "\"earliest\": \"1988\""));
        CHECK(e.find("events[0].earliest: \"1988\" is after the date \"1987\"") != std::string::npos);
    }
    SUBCASE("unsupported version") {
        const auto e = onlyError(replaceOnce(kValid, "\"meridian\": 1", "\"meridian\": 2"));
        CHECK(e == "x.json:2:15: meridian: unsupported format version 2 (this Meridian reads version 1)");
    }
    SUBCASE("not a meridian file") {
        const auto e = onlyError("{\"type\": \"Topology\"}");
        CHECK(e.find("missing required key \"meridian\"") != std::string::npos);
    }
    SUBCASE("top level not an object") {
        CHECK(onlyError("[1, 2]") == "x.json:1:1: expected a JSON object at the top level, found an array");
    }
    SUBCASE("syntax error") {
        CHECK(onlyError("{\"meridian\": 1,}").find("x.json:1:16: trailing comma before '}'") != std::string::npos);
    }
    SUBCASE("empty file") {
        CHECK(onlyError("") == "x.json:1:1: the file is empty (expected a JSON object)");
    }
}

TEST_CASE("every problem is reported, not just the first") {
    std::string bad = replaceOnce(kValid, "\"lat\": 35.69", "\"lat\": 95.69");
    bad = replaceOnce(bad, "\"confidence\": \"disputed\"", "\"confidence\": \"likely\"");
    bad = replaceOnce(bad, "\"date\": \"2006-07-05\"", "\"date\": \"2006-02-30\"");
    const DatasetLoadResult r = parseDataset(bad, "x.json");
    CHECK(countErrors(r.diagnostics) == 3);
}

TEST_CASE("unknown keys are warnings: the file still loads") {
    const DatasetLoadResult r =
        parseDataset(replaceOnce(kValid, "\"title\": \"Launch\"", "\"title\": \"Launch\", \"colour\": 3"), "x.json");
    REQUIRE(r.ok());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].severity == Severity::Warning);
    CHECK(r.diagnostics[0].format().find(
              "x.json:22:77: warning: events[2].colour: unknown key (ignored; expected one of: id, date") == 0);
}

TEST_CASE("duplicate keys in one object are errors") {
    const auto e =
        onlyError(replaceOnce(kValid, "\"title\": \"Launch\"", "\"title\": \"Launch\", \"title\": \"Other\""));
    CHECK(e.find("events[2].title: duplicate key (first at line 22)") != std::string::npos);
}

TEST_CASE("a missing file is an error naming it") {
    const DatasetLoadResult r = loadDataset("/nonexistent/meridian.json");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].format() == "/nonexistent/meridian.json: cannot read the file: no such file");
}

TEST_CASE("hostile shapes: thousands of keys in one object, an error in every event") {
    std::string keys;
    for (int i = 0; i < 2000; ++i) keys += "\"k" + std::to_string(i) + "\": 1, ";
    const std::string many = "{\"meridian\": 1, \"title\": \"t\", \"events\": [{" + keys + "\"k1500\": 2}]}";
    const DatasetLoadResult r = parseDataset(many, "many.json");
    std::size_t duplicates = 0;
    for (const Diagnostic& d : r.diagnostics) duplicates += d.message.find("duplicate key") != std::string::npos;
    CHECK(duplicates == 1);  // found through the hash path too
    std::string events;
    for (int i = 0; i < 3000; ++i)
        events += std::string(i ? "," : "") + R"({"id": "e)" + std::to_string(i) +
                  R"(", "date": "2000", "title": "x", "category": "nope", "sources": ["s"], "confidence": "reported"})";
    const DatasetLoadResult bad = parseDataset(
        R"({"meridian": 1, "title": "t", "sources": [{"id": "s", "publisher": "p", "title": "t", "kind": "un"}], "events": [)" +
            events + "]}",
        "bad.json");
    CHECK(countErrors(bad.diagnostics) == 3000);  // each event's own error, none lost
    CHECK(bad.diagnostics.back().path == "events[2999].category");
}

TEST_CASE("review findings: tiny numbers underflow, precise out-of-range values, text limits, article, end rule") {
    auto errorsOf = [](const std::string& text) {
        std::string out;
        for (const Diagnostic& d : parseDataset(text, "r.json").diagnostics)
            if (d.severity == Severity::Error) out += d.format() + "\n";
        return out;
    };
    const std::string head =
        R"({"meridian": 1, "title": "t", "sources": [{"id": "s", "publisher": "p", "title": "t", "kind": "un"}],
      "categories": [{"id": "c", "label": "C"}], )";
    // 1e-324 written out in full underflows to 0: a valid latitude, not "inf".
    CHECK(errorsOf(head + R"("places": [{"id": "p", "name": "P", "lat": 0.)" + std::string(323, '0') +
                   R"(1, "lon": 0}], "events": []})") == "");
    CHECK(errorsOf(head + R"("places": [{"id": "p", "name": "P", "lat": 90.0000000001, "lon": 0}], "events": []})")
              .find("90.0000000001 is out of range") != std::string::npos);
    CHECK(errorsOf(head + R"("events": [{"id": "e", "date": "2000", "title": ")" + std::string(9000, 'x') +
                   R"(", "category": "c", "sources": ["s"], "confidence": "reported"}]})")
              .find("events[0].title: is 9000 bytes long (at most 8000") != std::string::npos);
    CHECK(errorsOf(head + R"("events": [{"id": "e", "date": "2000", "title": "x", "category": "c", "sources": ["s"],
                   "confidence": "reported", "actors": [1]}]})")
              .find("expected an actor id") != std::string::npos);
    // An end inside the date's own span (June 2000 within 2000) is fine; one ending before it starts is not.
    CHECK(errorsOf(head + R"("events": [{"id": "e", "date": "2000", "end": "2000-06", "title": "x", "category": "c",
                   "sources": ["s"], "confidence": "reported"}]})") == "");
    CHECK(errorsOf(head + R"("events": [{"id": "e", "date": "2000", "end": "1999-12", "title": "x", "category": "c",
                   "sources": ["s"], "confidence": "reported"}]})")
              .find("is before the date") != std::string::npos);
}

TEST_CASE("only regular files are read (a FIFO would block)") {
    const DatasetLoadResult r = loadDataset("/dev/null");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].format() == "/dev/null: cannot read the file: is not a regular file");
}

// ---------------------------------------------------------------------------
// Claims and their answers, relayed sources, claim dates, reference sources,
// and the story check that highlighted evidence is already on the map.
// ---------------------------------------------------------------------------

namespace {

// "study" (first in the file) answers "claim", which comes later: answers may point forward.
const std::string kLinked = R"({
  "meridian": 1,
  "title": "Claims",
  "sources": [
    {"id": "reuters", "publisher": "Reuters", "title": "Iran stations staff", "date": "2012-12-02", "kind": "press", "via": "Kyodo News"},
    {"id": "ref", "publisher": "CNS", "title": "Chronology", "kind": "reference"}
  ],
  "categories": [{"id": "c", "label": "C"}],
  "events": [
    {"id": "study", "date": "2014-04-16", "title": "No evidence", "category": "c", "sources": ["ref"],
     "confidence": "reported", "answers": ["claim"]},
    {"id": "claim", "date": "2012-10", "claimed": "2012-12-02", "title": "Experts stationed", "category": "c",
     "sources": ["reuters"], "confidence": "alleged"},
    {"id": "denial", "date": "2012-12-11", "title": "Iran denies", "category": "c", "sources": ["ref"],
     "confidence": "confirmed", "answers": ["claim"]}
  ],
  "stories": [{"id": "s", "title": "S", "steps": [
    {"title": "Before", "time": "2012-11", "highlight": ["claim", "denial"]},
    {"title": "Window", "from": "2012-01", "to": "2012-12", "highlight": ["denial"]}
  ]}]
}
)";

// "file:line:column" of the n-th occurrence (0-based) of needle, counted independently of the loader.
std::string whereIs(const std::string& text, std::string_view needle, int nth = 0) {
    std::size_t pos = text.find(needle);
    for (int i = 0; i < nth && pos != std::string::npos; ++i) pos = text.find(needle, pos + 1);
    REQUIRE(pos != std::string::npos);
    const std::size_t lineStart = text.rfind('\n', pos);
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(pos), '\n');
    const std::size_t column = pos - (lineStart == std::string::npos ? 0 : lineStart + 1) + 1;
    return "x.json:" + std::to_string(line) + ":" + std::to_string(column);
}

Index eventIndex(const Dataset& ds, std::string_view id) {
    const Index i = ds.findEvent(id);
    REQUIRE(i != kNoIndex);
    return i;
}

}  // namespace

TEST_CASE("answers link a claim and its answers both ways; via, claimed and the reference kind load") {
    const DatasetLoadResult r = parseDataset(kLinked, "x.json");
    REQUIRE(r.ok());
    const Dataset& ds = *r.dataset;
    const Index study = eventIndex(ds, "study"), claim = eventIndex(ds, "claim"), denial = eventIndex(ds, "denial");
    CHECK(ds.events[study].answers == std::vector<Index>{claim});
    CHECK(ds.events[denial].answers == std::vector<Index>{claim});
    CHECK(ds.events[claim].answers.empty());
    // Derived: who answers the claim, in time order (the denial of 2012 before the study of 2014).
    CHECK(ds.events[claim].answeredBy == std::vector<Index>{denial, study});
    CHECK(ds.events[study].answeredBy.empty());

    REQUIRE(ds.events[claim].claimed.has_value());
    CHECK(ds.events[claim].claimed->iso() == "2012-12-02");
    CHECK(ds.events[claim].date.iso() == "2012-10");
    CHECK_FALSE(ds.events[study].claimed.has_value());

    CHECK(ds.sources[0].via == "Kyodo News");
    CHECK(ds.sources[0].citation() == "Reuters, \u201CIran stations staff\u201D, 2 December 2012, citing Kyodo News.");
    CHECK(ds.sources[1].via.empty());
    CHECK(ds.sources[1].kind == SourceKind::Reference);
    CHECK(std::string(sourceKindLabel(SourceKind::Reference)) == "Reference");
    CHECK(parseSourceKind("reference") == SourceKind::Reference);
}

TEST_CASE("finalize() recomputes answeredBy from answers (no stale or doubled entries)") {
    Dataset ds = *parseDataset(kLinked, "x.json").dataset;
    const Index study = eventIndex(ds, "study"), claim = eventIndex(ds, "claim"), denial = eventIndex(ds, "denial");
    ds.events[denial].answers.clear();
    ds.events[claim].answers = {study};
    ds.finalize();
    ds.finalize();  // twice: still one entry each
    CHECK(ds.events[claim].answeredBy == std::vector<Index>{study});
    CHECK(ds.events[study].answeredBy == std::vector<Index>{claim});
    CHECK(ds.events[denial].answeredBy.empty());
}

TEST_CASE("answers problems are errors with file, line, column, path and what was expected") {
    SUBCASE("unknown id") {
        const std::string bad = replaceOnce(kLinked, "\"answers\": [\"claim\"]}", "\"answers\": [\"clam\"]}");
        CHECK(onlyError(bad) ==
              whereIs(bad, "\"clam\"") + ": events[0].answers[0]: unknown event \"clam\" (no event has this id)");
    }
    SUBCASE("an event answering itself") {
        const std::string bad = replaceOnce(kLinked, "\"answers\": [\"claim\"]}", "\"answers\": [\"study\"]}");
        CHECK(onlyError(bad) == whereIs(bad, "\"study\"", 1) +
                                    ": events[0].answers[0]: an event cannot answer itself (expected the ids of the "
                                    "claims it responds to)");
    }
    SUBCASE("the same id twice") {
        const std::string bad =
            replaceOnce(kLinked, "\"answers\": [\"claim\"]}", "\"answers\": [\"claim\", \"claim\"]}");
        CHECK(onlyError(bad) == whereIs(bad, "\"claim\"", 1) + ": events[0].answers[1]: \"claim\" is listed twice");
    }
    SUBCASE("not an array, not a string") {
        CHECK(onlyError(replaceOnce(kLinked, "\"answers\": [\"claim\"]}", "\"answers\": \"claim\"}"))
                  .find("events[0].answers: expected an array of event ids, found a string") != std::string::npos);
        CHECK(onlyError(replaceOnce(kLinked, "\"answers\": [\"claim\"]}", "\"answers\": [7]}"))
                  .find("events[0].answers[0]: expected an event id (a string), found a number") != std::string::npos);
    }
    SUBCASE("an unknown id is reported even when its event has another error") {
        std::string bad = replaceOnce(kLinked, "\"answers\": [\"claim\"]}", "\"answers\": [\"nope\"]}");
        bad = replaceOnce(bad, "\"date\": \"2014-04-16\"", "\"date\": \"2014-02-30\"");
        const DatasetLoadResult r = parseDataset(bad, "x.json");
        CHECK(countErrors(r.diagnostics) == 2);
        const auto it = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                                     [](const Diagnostic& d) { return d.path == "events[0].answers[0]"; });
        REQUIRE(it != r.diagnostics.end());
        CHECK(it->message == "unknown event \"nope\" (no event has this id)");
    }
}

TEST_CASE("via, claimed and kind problems are located errors") {
    SUBCASE("empty via") {
        const std::string bad = replaceOnce(kLinked, "\"via\": \"Kyodo News\"", "\"via\": \"\"");
        CHECK(onlyError(bad) == whereIs(bad, "\"\"") + ": sources[0].via: must not be empty");
    }
    SUBCASE("via not a string") {
        CHECK(onlyError(replaceOnce(kLinked, "\"via\": \"Kyodo News\"", "\"via\": [\"Kyodo\"]"))
                  .find("sources[0].via: expected a string, found an array") != std::string::npos);
    }
    SUBCASE("claimed not a date") {
        const std::string bad = replaceOnce(kLinked, "\"claimed\": \"2012-12-02\"", "\"claimed\": \"2012-13\"");
        CHECK(onlyError(bad).find(whereIs(bad, "\"2012-13\"") + ": events[1].claimed: ") == 0);
    }
    SUBCASE("unknown kind names the new one among the expected") {
        CHECK(onlyError(replaceOnce(kLinked, "\"kind\": \"reference\"", "\"kind\": \"encyclopedia\""))
                  .find("sources[1].kind: \"encyclopedia\" is not a source kind (expected official, un, press, "
                        "think-tank, academic, advocacy or reference)") != std::string::npos);
    }
}

TEST_CASE("a story step that highlights an event starting after its time is a located warning") {
    const DatasetLoadResult r = parseDataset(kLinked, "x.json");
    REQUIRE(r.ok());  // a warning does not stop loading
    REQUIRE(r.diagnostics.size() == 1);
    const Diagnostic& d = r.diagnostics[0];
    CHECK(d.severity == Severity::Warning);
    // The first step's second highlight: "denial" (11 Dec 2012) after the step's November 2012.
    CHECK(d.format() == whereIs(kLinked, "\"denial\"]}", 0) +
                            ": warning: stories[0].steps[0].highlight[1]: event \"denial\" starts on 2012-12-11, "
                            "after this step's time \"2012-11\" (it is not on the map yet at this step; expected "
                            "events that start by then)");
    // Moving the step to December clears it; a window ending before the event warns too.
    CHECK(parseDataset(replaceOnce(kLinked, "\"time\": \"2012-11\"", "\"time\": \"2012-12\""), "x.json")
              .diagnostics.empty());
    std::string window = replaceOnce(kLinked, "\"time\": \"2012-11\"", "\"time\": \"2012-12\"");
    window = replaceOnce(window, "\"to\": \"2012-12\"", "\"to\": \"2012-12-10\"");
    const DatasetLoadResult w = parseDataset(window, "x.json");
    REQUIRE(w.diagnostics.size() == 1);
    CHECK(w.diagnostics[0].path == "stories[0].steps[1].highlight[0]");
    CHECK(w.diagnostics[0].message.find("after this step's time \"2012-12-10\"") != std::string::npos);
}

TEST_CASE("saving stories keeps answers, via and claimed in the file") {
    DatasetLoadResult r = parseDataset(kLinked, "x.json");
    REQUIRE(r.ok());
    r.dataset->stories[0].steps[0].title = "Renamed";
    std::string error;
    const std::string saved = replaceStoriesInText(kLinked, *r.dataset, &error);
    REQUIRE_MESSAGE(!saved.empty(), error);
    const DatasetLoadResult again = parseDataset(saved, "x.json");
    REQUIRE(again.ok());
    const Dataset& ds = *again.dataset;
    CHECK(ds.stories[0].steps[0].title == "Renamed");
    CHECK(ds.events[eventIndex(ds, "claim")].answeredBy.size() == 2);
    CHECK(ds.events[eventIndex(ds, "claim")].claimed->iso() == "2012-12-02");
    CHECK(ds.sources[0].via == "Kyodo News");
    CHECK(ds.sources[1].kind == SourceKind::Reference);
}

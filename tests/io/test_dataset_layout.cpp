// Saving keeps the file's layout: unchanged data gives the same bytes, one
// changed event changes only that event's lines, unknown keys and a
// hand-written key order survive, and the save is atomic with FILE.bak kept.
#include <doctest.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "io/dataset_layout.h"
#include "io/dataset_loader.h"
#include "io/dataset_save.h"
#include "io/dataset_writer.h"
#include "io/json_spans.h"
#include "io/text_file.h"
#include "test_paths.h"

using namespace meridian;
using namespace meridian::io;

namespace {

const std::filesystem::path kRepo = std::filesystem::path(meridian::test::testDataDir()) / ".." / "..";

std::string curatedText() {
    std::string error;
    const auto text = readWholeFile(kRepo / "data" / "iran-dprk.json", &error);
    REQUIRE_MESSAGE(text, error);
    return *text;
}

Dataset parse(const std::string& text) {
    const DatasetLoadResult r = parseDataset(text, "test.json");
    for (const Diagnostic& d : r.diagnostics)
        if (d.severity == Severity::Error) MESSAGE(d.format());
    REQUIRE(r.ok());
    return *r.dataset;
}

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// The lines that differ: everything before the first and after the last
// difference is identical. before[first, beforeEnd) became after[first, afterEnd).
struct LineDiff {
    std::size_t first = 0, beforeEnd = 0, afterEnd = 0;
    std::vector<std::string> removed, added;
};
LineDiff lineDiff(const std::string& a, const std::string& b) {
    const auto x = linesOf(a), y = linesOf(b);
    LineDiff d;
    while (d.first < x.size() && d.first < y.size() && x[d.first] == y[d.first]) ++d.first;
    std::size_t i = x.size(), j = y.size();
    while (i > d.first && j > d.first && x[i - 1] == y[j - 1]) --i, --j;
    d.beforeEnd = i, d.afterEnd = j;
    d.removed.assign(x.begin() + static_cast<std::ptrdiff_t>(d.first), x.begin() + static_cast<std::ptrdiff_t>(i));
    d.added.assign(y.begin() + static_cast<std::ptrdiff_t>(d.first), y.begin() + static_cast<std::ptrdiff_t>(j));
    return d;
}

// The 0-based lines [first, last] of the record with this id in a list (found by its "id" line).
std::pair<std::size_t, std::size_t> recordLines(const std::string& text, const std::string& idLine) {
    const auto lines = linesOf(text);
    std::size_t first = 0;
    while (first < lines.size() && lines[first] != idLine) ++first;
    REQUIRE(first < lines.size());
    --first;  // the "{" line
    std::size_t last = first + 1;
    while (last < lines.size() && lines[last].rfind("    }", 0) != 0) ++last;
    return {first, last};
}

// Saving the result again (after loading it) changes nothing.
void checkStable(const std::string& saved) {
    const Dataset back = parse(saved);
    CHECK(datasetToJsonKeepingLayout(back, saved) == saved);
}

// A file a person wrote: its own key order, one-line records, unknown keys,
// a default written out ("approx": false), numbers with trailing zeros, tabs.
const char* const kHandWritten = R"({
	"$comment": "kept by hand; do not reformat",
	"meridian": 1,
	"title": "Hand written",
	"categories": [ { "label": "Trade", "id": "trade", "color": "#AA0000" } ],
	"sources": [
		{"id": "s1", "kind": "press", "title": "T1", "publisher": "P1", "x-checked": true}
	],
	"places": [
		{"name": "Tehran", "id": "thr", "lon": 51.389, "lat": 35.6890, "approx": false},
		{"name": "Pyongyang", "id": "pyo", "lon": 125.75, "lat": 39.03}
	],
	"events": [
		{
			"title": "First",
			"id": "e1",
			"date": "2001",
			"category": "trade",
			"confidence": "reported",
			"from": "pyo", "to": "thr",
			"sources": ["s1"],
			"x-review": {"by": "ann", "ok": [1, 2]}
		},
		{"title": "Second", "id": "e2", "date": "2002-03", "category": "trade", "confidence": "alleged", "place": "thr", "sources": ["s1"]}
	]
}
)";

}  // namespace

TEST_CASE("json spans: members, items and their byte offsets") {
    const std::string text = "\xEF\xBB\xBF { \"a\" : [1, {\"x\": \"]}\\\"\"}, \"s\"] ,\"b\":null,\"c\":-1.5e3}";
    const auto obj = jsonObjectSpans(text);
    REQUIRE(obj);
    REQUIRE(obj->members.size() == 3);
    CHECK(obj->members[0].key == "a");
    CHECK(obj->members[1].key == "b");
    CHECK(text.substr(obj->members[1].value.begin, 4) == "null");
    CHECK(text.substr(obj->members[2].value.begin, obj->members[2].value.end - obj->members[2].value.begin) ==
          "-1.5e3");
    const auto arr = jsonArraySpans(text, obj->members[0].value.begin);
    REQUIRE(arr);
    REQUIRE(arr->items.size() == 3);
    CHECK(text.substr(arr->items[1].begin, arr->items[1].end - arr->items[1].begin) == "{\"x\": \"]}\\\"\"}");
    CHECK(obj->whole.end == text.size());
    CHECK_FALSE(jsonObjectSpans("{\"a\": [1, 2}"));
    CHECK_FALSE(jsonObjectSpans("[1]"));
    CHECK(lineIndentAt("{\n\t\t\"a\"", 4) == "\t\t");
}

TEST_CASE("saving keeps the layout: an unchanged file is saved byte for byte") {
    const std::string curated = curatedText();
    CHECK(datasetToJsonKeepingLayout(parse(curated), curated) == curated);
    CHECK(datasetToJsonKeepingLayout(parse(kHandWritten), kHandWritten) == kHandWritten);
}

TEST_CASE("saving keeps the layout: changing one event changes only that event's lines") {
    const std::string before = curatedText();
    Dataset ds = parse(before);
    REQUIRE(ds.events.size() > 40);
    Event& e = ds.events[37];
    REQUIRE(!e.summary.empty());
    e.title += " (edited)";
    e.summary = "A new summary.";
    e.confidence = Confidence::Disputed;
    const std::string after = datasetToJsonKeepingLayout(ds, before);
    const LineDiff d = lineDiff(before, after);
    const auto [first, last] = recordLines(before, "      \"id\": \"" + e.id + "\",");
    CHECK(d.first > first);
    CHECK(d.beforeEnd <= last);
    // Three members changed: three lines, each replaced by one, nothing else.
    const auto a = linesOf(before), b = linesOf(after);
    REQUIRE(a.size() == b.size());
    std::size_t changed = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i]) {
            ++changed;
            CHECK(b[i].rfind("      \"", 0) == 0);
        }
    CHECK(changed == 3);
    checkStable(after);

    // A member set for the first time goes in its canonical place: one line added.
    Dataset more = parse(after);
    more.events[37].end = Date::fromCivil(2030, 1, 1);
    const std::string withEnd = datasetToJsonKeepingLayout(more, after);
    const LineDiff d2 = lineDiff(after, withEnd);
    CHECK(d2.removed.empty());
    REQUIRE(d2.added.size() == 1);
    CHECK(d2.added[0] == "      \"end\": \"2030-01-01\",");
    CHECK(withEnd == datasetToJson(more));  // a canonical file stays canonical
}

TEST_CASE("saving keeps the layout: a hand-written file keeps its key order and unknown keys") {
    const std::string original = kHandWritten;
    Dataset ds = parse(original);

    SUBCASE("one changed value: one line") {
        ds.events[0].title = "First (edited)";
        const std::string saved = datasetToJsonKeepingLayout(ds, original);
        const LineDiff d = lineDiff(original, saved);
        REQUIRE(d.removed.size() == 1);
        CHECK(d.removed[0] == "\t\t\t\"title\": \"First\",");
        REQUIRE(d.added.size() == 1);
        CHECK(d.added[0] == "\t\t\t\"title\": \"First (edited)\",");
        checkStable(saved);
    }
    SUBCASE("a one-line record stays on one line") {
        ds.events[1].confidence = Confidence::Confirmed;
        ds.places[0].approx = true;  // written as false by hand: the value is replaced in place
        const std::string saved = datasetToJsonKeepingLayout(ds, original);
        const LineDiff d = lineDiff(original, saved);
        CHECK(saved.find(
                  "{\"name\": \"Tehran\", \"id\": \"thr\", \"lon\": 51.389, \"lat\": 35.6890, \"approx\": true}") !=
              std::string::npos);
        CHECK(saved.find("\"confidence\": \"confirmed\", \"place\": \"thr\"") != std::string::npos);
        CHECK(linesOf(saved).size() == linesOf(original).size());
        CHECK(d.removed.size() == d.added.size());
        checkStable(saved);
    }
    SUBCASE("unknown keys survive edits of their record and of others") {
        ds.sources[0].title = "T1, revised";
        ds.events[0].summary = "Now with a summary.";
        const std::string saved = datasetToJsonKeepingLayout(ds, original);
        CHECK(saved.find("\"$comment\": \"kept by hand; do not reformat\"") != std::string::npos);
        CHECK(saved.find("\"x-checked\": true") != std::string::npos);
        CHECK(saved.find("\"x-review\": {\"by\": \"ann\", \"ok\": [1, 2]}") != std::string::npos);
        // The key order of the file is kept (categories, sources, places, events; title before id).
        const auto at = [&](const char* s) { return saved.find(s); };
        CHECK(at("\"categories\"") < at("\"sources\""));
        CHECK(at("\"sources\"") < at("\"places\""));
        CHECK(at("\"places\"") < at("\"events\""));
        CHECK(at("\"title\": \"First\"") < at("\"id\": \"e1\""));
        CHECK(at("\"summary\": \"Now with a summary.\"") > at("\"title\": \"First\""));
        const Dataset back = parse(saved);
        CHECK(datasetToJson(back) == datasetToJson(ds));
        checkStable(saved);
    }
    SUBCASE("records added, deleted and moved; a new list") {
        Event added = ds.events[1];
        added.id = "e3";
        added.title = "Third";
        ds.events.erase(ds.events.begin());  // e1 goes, with its separator
        ds.events.push_back(added);
        std::swap(ds.places[0], ds.places[1]);
        for (Event& e : ds.events) {
            if (e.place == 0)
                e.place = 1;
            else if (e.place == 1)
                e.place = 0;
        }
        Actor a;
        a.id = "irgc";
        a.name = "IRGC";
        ds.actors.push_back(a);
        ds.finalize();
        const std::string saved = datasetToJsonKeepingLayout(ds, original);
        CHECK(saved.find("\"x-review\"") == std::string::npos);
        CHECK(saved.find("\t\t{\"name\": \"Pyongyang\", \"id\": \"pyo\", \"lon\": 125.75, \"lat\": 39.03},\n"
                         "\t\t{\"name\": \"Tehran\", \"id\": \"thr\", \"lon\": 51.389, \"lat\": 35.6890, \"approx\": "
                         "false}\n") != std::string::npos);
        // A new record in the canonical layout, indented the file's way (tabs).
        CHECK(saved.find(",\n\t\t{\n\t\t\t\"id\": \"e3\",\n\t\t\t\"date\": \"2002-03\",\n") != std::string::npos);
        CHECK(saved.find("\n\t\t}\n\t]\n}") != std::string::npos);
        // The new list goes after the lists that come before it in the canonical order.
        CHECK(saved.find("\"actors\": [") > saved.find("\"places\""));
        CHECK(saved.find("\"actors\": [") < saved.find("\"events\""));
        const Dataset back = parse(saved);
        CHECK(datasetToJson(back) == datasetToJson(ds));
        checkStable(saved);
    }
    SUBCASE("a renamed place: its id line and the lines that name it") {
        ds.places[1].id = "pyongyang";
        const std::string saved = datasetToJsonKeepingLayout(ds, original);
        CHECK(saved.find("{\"name\": \"Pyongyang\", \"id\": \"pyongyang\", \"lon\": 125.75, \"lat\": 39.03}") !=
              std::string::npos);
        CHECK(saved.find("\"from\": \"pyongyang\", \"to\": \"thr\",") != std::string::npos);
        CHECK(linesOf(saved).size() == linesOf(original).size());
        checkStable(saved);
    }
}

TEST_CASE("saving keeps the layout: a file with CR LF line ends keeps them, also on new lines") {
    std::string crlf;
    for (const char c : std::string(kHandWritten)) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    Dataset ds = parse(crlf);
    CHECK(datasetToJsonKeepingLayout(ds, crlf) == crlf);
    Event added = ds.events[1];
    added.id = "e3";
    ds.events.push_back(added);
    ds.events[0].summary = "New.";
    ds.finalize();
    const std::string saved = datasetToJsonKeepingLayout(ds, crlf);
    CHECK(saved.find("\"$comment\"") != std::string::npos);
    CHECK(saved.find("\"id\": \"e3\"") != std::string::npos);
    std::size_t bare = 0;
    for (std::size_t i = 0; i < saved.size(); ++i) bare += saved[i] == '\n' && (i == 0 || saved[i - 1] != '\r');
    CHECK(bare == 0);
    checkStable(saved);
}

TEST_CASE("saving keeps the layout: a file it cannot follow gets the canonical layout") {
    const Dataset ds = parse(kHandWritten);
    CHECK(datasetToJsonKeepingLayout(ds, "") == datasetToJson(ds));
    CHECK(datasetToJsonKeepingLayout(ds, "not json") == datasetToJson(ds));
    CHECK(datasetToJsonKeepingLayout(ds, "{\"meridian\": 1, \"title\": \"x\"}") == datasetToJson(ds));
}

TEST_CASE("saving a file: atomic, the previous version kept as FILE.bak, nothing else left behind") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("meridian-save-test-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path file = dir / "lesson.json";
    std::string error;
    REQUIRE(writeFileAtomically(file, kHandWritten, &error));
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);

    Dataset ds = parse(kHandWritten);
    ds.events[1].title = "Second (edited)";
    REQUIRE_MESSAGE(saveDatasetFile(file, ds, kHandWritten, &error), error);
    CHECK(readWholeFile(backupPathFor(file), &error).value_or("") == kHandWritten);
    const std::string saved = readWholeFile(file, &error).value_or("");
    CHECK(saved.find("\"title\": \"Second (edited)\"") != std::string::npos);
    CHECK(saved.find("\"$comment\"") != std::string::npos);
    // The file keeps its permissions; no temporary file is left in the folder.
    CHECK((fs::status(file).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++entries;
    CHECK(entries == 2);  // lesson.json and lesson.json.bak

    // Save As into a new file: no backup (there was no previous version), the layout of the source kept.
    const fs::path copy = dir / "copy.json";
    REQUIRE(saveDatasetFile(copy, ds, saved, &error));
    CHECK(readWholeFile(copy, &error).value_or("") == saved);
    CHECK_FALSE(fs::exists(backupPathFor(copy)));

    // A dataset that would not load is refused before anything is touched.
    ds.events[0].title.clear();
    CHECK_FALSE(saveDatasetFile(file, ds, saved, &error));
    CHECK(error.find("the saved file would not load (") == 0);
    CHECK(readWholeFile(file, &error).value_or("") == saved);
    CHECK(readWholeFile(backupPathFor(file), &error).value_or("") == kHandWritten);

    // A folder that cannot be written: the save fails with a reason, the file stays.
    if (::geteuid() != 0) {
        ds.events[0].title = "First";
        fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
        CHECK_FALSE(saveDatasetFile(file, ds, saved, &error));
        CHECK(error.find("cannot") != std::string::npos);
        fs::permissions(dir, fs::perms::owner_all);
        CHECK(readWholeFile(file, &error).value_or("") == saved);
    }
    fs::remove_all(dir);
}

TEST_CASE("saving keeps the layout: random edits of a hand-written file never fall back to the canonical layout") {
    // Each sequence: a few random edits, then a save; the saved text must hold
    // the edited data exactly, keep the unknown top-level key (the canonical
    // layout would drop it), and be stable when saved again.
    std::uint64_t seed = 0x9E3779B97F4A7C15ull;
    auto next = [&](std::uint64_t n) {
        seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
        return static_cast<std::size_t>(seed % n);
    };
    std::string text = kHandWritten;
    int saves = 0;
    for (int sequence = 0; sequence < 300; ++sequence) {
        Dataset ds = parse(text);
        const int edits = 1 + static_cast<int>(next(4));
        for (int k = 0; k < edits; ++k) {
            Event& e = ds.events[next(ds.events.size())];
            switch (next(8)) {
                case 0:
                    e.title += " x";
                    break;
                case 1:
                    e.summary = e.summary.empty() ? "A summary." : "";
                    break;
                case 2:
                    e.confidence = static_cast<Confidence>(next(4));
                    break;
                case 3:
                    e.tags.push_back("t" + std::to_string(next(100)));
                    break;
                case 4: {
                    Place& p = ds.places[next(ds.places.size())];
                    p.approx = !p.approx;
                    break;
                }
                case 5: {
                    Event copy = e;
                    copy.id = "n" + std::to_string(sequence) + "-" + std::to_string(k);
                    ds.events.insert(ds.events.begin() + static_cast<std::ptrdiff_t>(next(ds.events.size() + 1)), copy);
                    break;
                }
                case 6:
                    if (ds.events.size() > 1) ds.events.erase(ds.events.begin() + (&e - ds.events.data()));
                    break;
                case 7:
                    ds.places[next(ds.places.size())].id += "-r";
                    break;
            }
        }
        ds.finalize();
        const std::string saved = datasetToJsonKeepingLayout(ds, text);
        REQUIRE(saved.find("\"$comment\": \"kept by hand; do not reformat\"") != std::string::npos);
        CHECK(datasetToJson(parse(saved)) == datasetToJson(ds));
        CHECK(datasetToJsonKeepingLayout(parse(saved), saved) == saved);
        text = saved;
        ++saves;
    }
    CHECK(saves == 300);
    CHECK(text.find("\t\"categories\": [ { \"label\": \"Trade\", \"id\": \"trade\", \"color\": \"#AA0000\" } ],") !=
          std::string::npos);
}

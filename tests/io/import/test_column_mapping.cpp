#include <doctest.h>

#include <filesystem>
#include <string>

#include "io/csv_reader.h"
#include "io/import/column_mapping.h"
#include "test_paths.h"

using namespace meridian;
using namespace meridian::io;

namespace {

const std::filesystem::path kData = std::filesystem::path(meridian::test::testDataDir()) / "import";

Table tableOf(const std::string& csv) {
    CsvReadResult r = parseCsv(csv, "t.csv");
    REQUIRE(r.ok());
    return std::move(*r.table);
}

std::string fieldsOf(const ColumnMapping& m) {
    std::string out;
    for (const Field f : m.fields) out += (out.empty() ? "" : ",") + std::string(fieldId(f));
    return out;
}

}  // namespace

TEST_CASE("column mapping: field ids and labels are unique and round-trip") {
    for (int i = 0; i < kFieldCount; ++i) {
        const Field f = static_cast<Field>(i);
        CHECK(parseFieldId(fieldId(f)) == f);
        for (int j = 0; j < i; ++j) {
            CHECK(std::string(fieldId(f)) != fieldId(static_cast<Field>(j)));
            CHECK(std::string(fieldLabel(f)) != fieldLabel(static_cast<Field>(j)));
        }
    }
    CHECK_FALSE(parseFieldId("dat"));
}

TEST_CASE("column mapping: guessed by header name") {
    const Table t = tableOf(
        "Start_Date,End Date,LAT,Lng,Place Name,Country,Headline,Description,Type,Certainty,Source,url,Actors,Tags,"
        "Origin,Destination,Via,Origin Lat,Junk\n"
        "2006-07-05,2006-07-06,35.6,51.4,Tehran,IRN,A,B,launch,reported,S,https://x.org,A1,t1,P,Q,R,1.5,z\n");
    const MappingGuess g = guessMapping(t);
    CHECK(fieldsOf(g.mapping) ==
          "date,end,latitude,longitude,place,country,title,summary,category,confidence,source,source-url,actors,tags,"
          "from,to,via,from-latitude,ignore");
    CHECK(g.reasons[0] == "by name");
    CHECK(g.reasons.back().empty());
    CHECK_FALSE(g.timelineJsSheet);
    // From Latitude without From Longitude is reported.
    bool pairNote = false;
    for (const std::string& n : g.notes) pairNote |= n == "From Latitude is mapped without From Longitude";
    CHECK(pairNote);
}

TEST_CASE("column mapping: guessed by content when the names say nothing") {
    const Table t = tableOf(
        "when it happened,a,b,what,how sure\n"
        "5 July 2006,35.69,51.39,Launch,confirmed\n"
        "2006-10-09,39.03,125.75,Test,alleged\n"
        "c. 1987,-33.9,151.2,Old,reported\n");
    const MappingGuess g = guessMapping(t);
    CHECK(fieldsOf(g.mapping) == "date,latitude,longitude,ignore,confidence");
    CHECK(g.reasons[0] == "by content: 3 of 3 values are dates");
    CHECK(g.reasons[1] == "by content: 3 of 3 values are numbers within [-90, 90]");
    CHECK(g.reasons[2] == "by content: 3 of 3 values are numbers within [-180, 180]");
    CHECK(g.reasons[4] == "by content: 3 of 3 values are confidence levels");

    // Longitude first, latitude second (x, y order): told apart by range.
    const MappingGuess lonLat = guessMapping(tableOf("p,q,r\n125.75,39.03,n\n-120.5,35.1,m\n"));
    CHECK(fieldsOf(lonLat.mapping) == "longitude,latitude,ignore");

    // Integers are years only when they look like years; counts are not dates.
    CHECK(fieldsOf(guessMapping(tableOf("n,label\n3,a\n17,b\n")).mapping) == "ignore,title");
    CHECK(fieldsOf(guessMapping(tableOf("yr,label\n1987,a\n2006,b\n")).mapping) == "date,title");
    // "x" and "y" that are not coordinates stay unmapped.
    CHECK(fieldsOf(guessMapping(tableOf("x,y\nfoo,bar\n")).mapping) == "ignore,ignore");
}

TEST_CASE("column mapping: TimelineJS's spreadsheet template") {
    const Table t = tableOf(
        "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media "
        "Caption,Media Thumbnail,Type,Group,Background\n"
        ",,,,,,,,,My title,<p>Intro</p>,,,,,title,,\n"
        "1815,12,10,,1852,11,27,,,A,<p>B</p>,https://x.org/a.jpg,C,D,,,G1,\n");
    const MappingGuess g = guessMapping(t);
    CHECK(g.timelineJsSheet);
    CHECK(fieldsOf(g.mapping) ==
          "year,month,day,time,end-year,end-month,end-day,end-time,display-date,title,summary,media,media-credit,"
          "media-caption,media-thumbnail,row-type,category,background");
    CHECK(g.mapping.markup == TextMarkup::Html);
    CHECK(g.notes.empty());
}

TEST_CASE("column mapping: the day/month order comes from the whole column") {
    MappingGuess g = guessMapping(tableOf("date,t\n05/07/2006,a\n04/03/2007,b\n31/12/2007,c\n"));
    CHECK(g.mapping.dateOrder == DayMonthOrder::DayFirst);
    CHECK(g.notes.empty());
    g = guessMapping(tableOf("date,t\n05/07/2006,a\n04/03/2007,b\n"));
    CHECK(g.mapping.dateOrder == DayMonthOrder::Unknown);
    REQUIRE(g.notes.size() == 1);
    CHECK(g.notes[0] ==
          "the day/month order of the dates is ambiguous: row 1 has \"05/07/2006\": day-first or month-first? No date "
          "in the column tells (2 dates like it)");
}

TEST_CASE("column mapping: problems a user must fix") {
    ColumnMapping m;
    m.columnNames = {"A", "B", "C"};
    m.fields = {Field::Title, Field::Title, Field::Latitude};
    const std::vector<std::string> p = mappingProblems(m);
    REQUIRE(p.size() == 3);
    CHECK(p[0] == "2 columns are mapped to Title: \"A\" and \"B\" (keep one)");
    CHECK(p[1] == "no column is mapped to a date (Date, or Year with Month and Day): every row will be skipped");
    CHECK(p[2] == "Latitude is mapped without Longitude");
    m.fields = {Field::Actors, Field::Actors, Field::Date};
    CHECK(mappingProblems(m).empty());  // several actor columns are fine
}

TEST_CASE("column mapping: saved as JSON beside the data file and applied by column name") {
    const Table t = tableOf("Datum;Ort;Titel;Titel\n05.07.2006;Teheran;A;B\n");
    MappingGuess g = guessMapping(t);
    ColumnMapping m = g.mapping;
    m.fields = {Field::Date, Field::Place, Field::Title, Field::Summary};
    m.dateOrder = DayMonthOrder::DayFirst;
    m.encoding = EncodingChoice::Windows1252;
    m.delimiter = ';';
    const std::string json = mappingToJson(m);
    CHECK(json ==
          "{\n  \"meridianMapping\": 1,\n  \"columns\": [\n"
          "    {\"name\": \"Datum\", \"field\": \"date\"},\n"
          "    {\"name\": \"Ort\", \"field\": \"place\"},\n"
          "    {\"name\": \"Titel\", \"field\": \"title\"},\n"
          "    {\"name\": \"Titel\", \"field\": \"summary\"}\n  ],\n"
          "  \"dateOrder\": \"day-first\",\n  \"markup\": \"auto\",\n  \"encoding\": \"windows-1252\",\n"
          "  \"delimiter\": \";\",\n  \"sheet\": \"\"\n}\n");
    const MappingLoadResult back = parseMapping(json, "m.json");
    REQUIRE(back.mapping);
    CHECK(*back.mapping == m);

    // The same file with its columns in another order and one more: by name.
    const Table reordered = tableOf("Titel;Extra;Datum;Titel;Ort\nA;x;05.07.2006;B;Teheran\n");
    std::vector<std::string> missing;
    const ColumnMapping applied = applySavedMapping(*back.mapping, guessMapping(reordered), &missing);
    CHECK(fieldsOf(applied) == "title,ignore,date,summary,place");
    CHECK(applied.dateOrder == DayMonthOrder::DayFirst);
    CHECK(missing.empty());
    const ColumnMapping partial =
        applySavedMapping(*back.mapping, guessMapping(tableOf("Datum;Ort\n2006;x\n")), &missing);
    CHECK(fieldsOf(partial) == "date,place");
    REQUIRE(missing.size() == 2);
    CHECK(missing[0] == "the saved mapping's column \"Titel\" (Title) is not in the file");

    CHECK(mappingPathFor("/data/x.csv") == std::filesystem::path("/data/x.csv.meridian-mapping.json"));
    const auto tmp = std::filesystem::temp_directory_path() / "meridian-mapping-test.json";
    std::string error;
    REQUIRE(saveMapping(tmp, m, &error));
    const MappingLoadResult loaded = loadMapping(tmp);
    REQUIRE(loaded.mapping);
    CHECK(*loaded.mapping == m);
    std::filesystem::remove(tmp);
}

TEST_CASE("column mapping: a damaged mapping file gives located errors") {
    auto errors = [](const std::string& text) {
        std::string out;
        for (const Diagnostic& d : parseMapping(text, "m.json").diagnostics)
            if (d.severity == Severity::Error) out += (out.empty() ? "" : "\n") + d.format();
        return out;
    };
    CHECK(errors(R"({"meridianMapping": 1, "columns": [{"name": "A", "field": "dat"}]})")
              .rfind("m.json:1:59: columns[0].field: \"dat\" is not a field (expected one of: ignore, id, date,", 0) ==
          0);
    CHECK(errors(R"({"meridianMapping": 2, "columns": []})") ==
          "m.json:1:21: meridianMapping: unsupported mapping version (this Meridian reads version 1)");
    CHECK(errors(R"({"columns": []})") ==
          "m.json:1:1: (top level): missing required key \"meridianMapping\" (the mapping format version (1))");
    CHECK(errors(R"({"meridianMapping": 1, "columns": [], "dateOrder": "yes"})") ==
          "m.json:1:52: dateOrder: \"yes\" is not a date order (expected auto, day-first or month-first)");
    CHECK(errors("{").rfind("m.json:1:2: ", 0) == 0);
    CHECK_FALSE(loadMapping(kData / "no-such-mapping.json").mapping);
}

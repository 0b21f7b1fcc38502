#include <doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "io/csv_reader.h"
#include "io/import/table_import.h"
#include "session/import_choices.h"

using namespace meridian;
using io::DayMonthOrder;
using io::Field;

namespace {

io::Table tableOf(const std::string& csv) {
    io::CsvReadResult r = io::parseCsv(csv, "t.csv");
    REQUIRE(r.ok());
    return std::move(*r.table);
}

io::ImportSource sourceOf(const std::string& csv) {
    io::ImportSource src;
    src.path = "t.csv";
    src.fileName = "t.csv";
    src.format = io::FileFormat::Csv;
    src.table = tableOf(csv);
    src.guess = io::guessMapping(src.table);
    src.totalRows = src.table.rows.size();
    return src;
}

bool mentions(const std::vector<std::string>& lines, const std::string& part) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::string& l) { return l.find(part) != std::string::npos; });
}

}  // namespace

TEST_CASE("import choices: the combo offers every field once, ignore apart") {
    std::set<Field> seen;
    std::size_t offered = 0;
    for (const FieldGroup& g : fieldGroups()) {
        CHECK(std::string(g.label).size() > 0);
        for (const Field f : g.fields) {
            CHECK_MESSAGE(seen.insert(f).second, io::fieldId(f), " is offered twice");
            ++offered;
        }
    }
    CHECK(seen.count(Field::Ignore) == 0);
    CHECK(offered == static_cast<std::size_t>(io::kFieldCount) - 1);
    // A teacher's sheet needs these without scrolling: they are in the first group.
    const std::vector<Field>& common = fieldGroups().front().fields;
    for (const Field f : {Field::Date, Field::Title, Field::Place, Field::Category})
        CHECK(std::find(common.begin(), common.end(), f) != common.end());
}

TEST_CASE("import choices: a field one column may hold moves; shared fields stay") {
    io::ColumnMapping m;
    m.fields = {Field::Date, Field::Ignore, Field::Title};
    CHECK(assignField(m, 1, Field::Title) == 2);
    CHECK(m.fields == std::vector<Field>{Field::Date, Field::Title, Field::Ignore});
    // Tags may come from several columns: nothing else changes.
    CHECK(assignField(m, 2, Field::Tags) == -1);
    CHECK(assignField(m, 0, Field::Tags) == -1);
    CHECK(m.fields == std::vector<Field>{Field::Tags, Field::Title, Field::Tags});
    // A column past the end of a short mapping: the mapping grows.
    CHECK(assignField(m, 4, Field::Date) == -1);
    CHECK(m.fields.size() == 5);
    CHECK(m.fields[3] == Field::Ignore);
    CHECK(m.fields[4] == Field::Date);
    // Ignore twice is fine.
    CHECK(assignField(m, 1, Field::Ignore) == -1);
    CHECK(assignField(m, 0, Field::Ignore) == -1);
    CHECK(m.fields[1] == Field::Ignore);
}

TEST_CASE("import choices: the day/month question, with its example and both readings") {
    const io::Table t = tableOf("Date,Title,Code\n05/07/2006,A,01/02/2003\n03/04/2001,B,x\n2007-01-01,C,y\n");
    io::ColumnMapping m;
    m.fields = {Field::Date, Field::Title, Field::Ignore};
    const DateOrderQuestion q = dateOrderQuestion(t, m);
    CHECK(q.ask);
    CHECK_FALSE(q.conflicting);
    CHECK(q.decided == DayMonthOrder::Unknown);
    CHECK(q.row == 1);
    CHECK(q.column == "Date");
    CHECK(q.text == "05/07/2006");
    CHECK(q.dayFirst == "5 July 2006");
    CHECK(q.monthFirst == "7 May 2006");
    CHECK(q.ambiguousCount == 2);  // the ignored column's 01/02/2003 is not asked about

    // One date that only reads day-first decides for all.
    const io::Table decided = tableOf("Date\n05/07/2006\n31/12/2006\n");
    io::ColumnMapping one;
    one.fields = {Field::Date};
    const DateOrderQuestion d = dateOrderQuestion(decided, one);
    CHECK_FALSE(d.ask);
    CHECK(d.decided == DayMonthOrder::DayFirst);
    CHECK(d.ambiguousCount == 1);
    CHECK(d.explanation.find("31/12/2006") != std::string::npos);

    // Rows that disagree: asked, and said so.
    const DateOrderQuestion c = dateOrderQuestion(tableOf("Date\n31/12/2006\n12/31/2006\n"), one);
    CHECK(c.ask);
    CHECK(c.conflicting);

    // An end column counts too; ISO dates ask nothing.
    io::ColumnMapping two;
    two.fields = {Field::Date, Field::End};
    const DateOrderQuestion e = dateOrderQuestion(tableOf("Date,End\n2006-07-05,04/05/2007\n"), two);
    CHECK(e.ask);
    CHECK(e.column == "End");
    CHECK_FALSE(dateOrderQuestion(tableOf("Date\n2006-07-05\n1987\n"), one).ask);
}

TEST_CASE("import choices: when the dialog must ask before importing") {
    io::ImportSource src = sourceOf("Date,Title,Place\n05/07/2006,A,Tehran\n03/04/2001,B,Pyongyang\n");
    io::ColumnMapping m = src.guess.mapping;
    const DateOrderQuestion q = dateOrderQuestion(src.table, m);
    REQUIRE(q.ask);
    std::vector<std::string> reasons = reasonsToReview(src, m, q);
    CHECK(mentions(reasons, "guessed"));
    CHECK(mentions(reasons, "day-first or month-first"));
    // Answered: that reason goes.
    m.dateOrder = DayMonthOrder::MonthFirst;
    reasons = reasonsToReview(src, m, q);
    CHECK_FALSE(mentions(reasons, "day-first or month-first"));
    // A saved mapping that fits, with the order answered: nothing to ask.
    src.savedMapping = m;
    CHECK(reasonsToReview(src, m, q).empty());
    // ... unless the mapping has a problem (no date column).
    io::ColumnMapping noDate = m;
    noDate.fields[0] = Field::Ignore;
    CHECK_FALSE(reasonsToReview(src, noDate, dateOrderQuestion(src.table, noDate)).empty());
    // A TimelineJS or GeoJSON file: its fields are named by the format.
    io::ImportSource geo = sourceOf("Date,Title\n2006-07-05,A\n");
    geo.format = io::FileFormat::GeoJson;
    CHECK(reasonsToReview(geo, geo.guess.mapping, dateOrderQuestion(geo.table, geo.guess.mapping)).empty());
}

TEST_CASE("import choices: the mapping imported takes the data's order unless the user chose") {
    DateOrderQuestion q;
    q.decided = DayMonthOrder::DayFirst;
    io::ColumnMapping m;
    CHECK(mappingToImport(m, q).dateOrder == DayMonthOrder::DayFirst);
    m.dateOrder = DayMonthOrder::MonthFirst;
    CHECK(mappingToImport(m, q).dateOrder == DayMonthOrder::MonthFirst);
}

TEST_CASE("import choices: the report names every skipped row, then the places") {
    const io::Table t =
        tableOf("Date,Title,Place\n2006-07-05,A,Tehran\nnot a date,B,Tehran\n2007-01-01,C,Nowhere-at-all\n,D,Tehran\n");
    io::ColumnMapping m;
    m.fields = {Field::Date, Field::Title, Field::Place};
    io::ImportOptions o;
    o.fileName = "t.csv";
    const io::ImportResult r = io::tableToDataset(t, m, o);  // no gazetteer: names are not found
    const std::vector<std::string> lines = reportLines(r.report, "row");
    REQUIRE(!lines.empty());
    CHECK(lines[0] == r.report.summary());
    CHECK(lines[0].rfind("4 rows: 2 events, 2 skipped", 0) == 0);
    CHECK(mentions(lines, "skipped: row 2, column \"Date\""));
    CHECK(mentions(lines, "skipped: row 4"));
    CHECK(mentions(lines, "place not found"));
    // Skipped rows come before the places.
    const auto skipped =
        std::find_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("skipped", 0) == 0; });
    const auto place =
        std::find_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("place", 0) == 0; });
    CHECK(skipped < place);
    // The notes about the whole file come last.
    REQUIRE(!r.report.notes.empty());
    const auto note = std::find(lines.begin(), lines.end(), r.report.notes.front());
    REQUIRE(note != lines.end());
    CHECK(place < note);
    // Cut short: the last line says how many more.
    const std::vector<std::string> few = reportLines(r.report, "row", 2);
    REQUIRE(few.size() == 2);
    CHECK(few[0] == lines[0]);
    CHECK(few[1] == "... and " + std::to_string(lines.size() - 1) + " more");
}

#include "session/import_choices.h"

#include "io/import/loose_date.h"

namespace meridian {

using io::Field;

const std::vector<FieldGroup>& fieldGroups() {
    // The fields people map most come first (a teacher's sheet: a date, a title, a place).
    static const std::vector<FieldGroup> groups = {
        {"Common",
         {Field::Date, Field::End, Field::Title, Field::Summary, Field::Place, Field::Country, Field::Latitude,
          Field::Longitude, Field::From, Field::To, Field::Category, Field::Confidence, Field::SourceCitation,
          Field::SourceUrl, Field::Media, Field::Actors, Field::Tags}},
        {"Dates",
         {Field::Year, Field::Month, Field::Day, Field::Time, Field::EndYear, Field::EndMonth, Field::EndDay,
          Field::EndTime, Field::DisplayDate, Field::Approx, Field::Earliest, Field::Latest, Field::Claimed}},
        {"Text", {Field::Id, Field::Note, Field::Answers}},
        {"Connections", {Field::FromLatitude, Field::FromLongitude, Field::ToLatitude, Field::ToLongitude, Field::Via}},
        {"Sources",
         {Field::SourcePublisher, Field::SourceTitle, Field::SourceAuthor, Field::SourceVia, Field::SourceDate,
          Field::SourceKind, Field::SourceNote, Field::SourcePassage}},
        {"Media", {Field::MediaCaption, Field::MediaCredit, Field::MediaThumbnail}},
        {"TimelineJS", {Field::RowType, Field::Background}},
    };
    return groups;
}

int assignField(io::ColumnMapping& mapping, std::size_t column, Field field) {
    if (mapping.fields.size() <= column) mapping.fields.resize(column + 1, Field::Ignore);
    int moved = -1;
    if (!io::fieldAllowsSeveralColumns(field)) {
        for (std::size_t c = 0; c < mapping.fields.size(); ++c) {
            if (c != column && mapping.fields[c] == field) {
                mapping.fields[c] = Field::Ignore;
                moved = static_cast<int>(c);
            }
        }
    }
    mapping.fields[column] = field;
    return moved;
}

namespace {

std::string readAs(std::string_view text, io::DayMonthOrder order) {
    const io::LooseDateResult r = io::parseLooseDate(text, order);
    return r.value ? r.value->date.display() : std::string();
}

}  // namespace

DateOrderQuestion dateOrderQuestion(const io::Table& table, const io::ColumnMapping& mapping) {
    DateOrderQuestion q;
    std::vector<std::size_t> columns;
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        if (io::fieldHoldsDates(mapping.fieldOf(c))) columns.push_back(c);
    io::DayMonthOrderGuess guess;
    for (const io::TableRow& row : table.rows) {
        for (const std::size_t c : columns) {
            if (c >= row.cells.size() || row.cells[c].kind != io::Cell::Kind::Text) continue;
            const std::string& text = row.cells[c].text;
            guess.observe(text, row.rowNumber);
            if (!io::parseLooseDate(text).needsOrder) continue;
            ++q.ambiguousCount;
            if (q.row == 0) {
                q.row = row.rowNumber;
                q.column = table.columns[c];
                q.text = text;
                q.dayFirst = readAs(text, io::DayMonthOrder::DayFirst);
                q.monthFirst = readAs(text, io::DayMonthOrder::MonthFirst);
            }
        }
    }
    q.decided = guess.order();
    q.conflicting = guess.conflicting();
    q.ask = guess.ambiguous() || q.conflicting;
    q.explanation = guess.explanation();
    return q;
}

std::vector<std::string> reasonsToReview(const io::ImportSource& source, const io::ColumnMapping& mapping,
                                         const DateOrderQuestion& order) {
    std::vector<std::string> reasons;
    const bool saved = source.savedMapping.has_value();
    const bool structured = source.format == io::FileFormat::TimelineJsJson ||
                            source.format == io::FileFormat::GeoJson || source.format == io::FileFormat::GeoData;
    if (!saved && !structured && !source.guess.timelineJsSheet)
        reasons.push_back("the columns were guessed from their names and contents: check them");
    // (The guess's own notes are its date order and mapping problems: asked again here for the mapping shown.)
    for (const std::string& p : io::mappingProblems(mapping)) reasons.push_back(p);
    if (order.ask && mapping.dateOrder == io::DayMonthOrder::Unknown)
        reasons.push_back("the dates can be read day-first or month-first: " + order.explanation);
    return reasons;
}

io::ColumnMapping mappingToImport(io::ColumnMapping mapping, const DateOrderQuestion& order) {
    if (mapping.dateOrder == io::DayMonthOrder::Unknown) mapping.dateOrder = order.decided;
    return mapping;
}

std::vector<std::string> reportLines(const io::ImportReport& report, const std::string& rowWord, std::size_t maxLines) {
    std::vector<std::string> lines;
    std::size_t left = 0;  // lines that did not fit
    auto add = [&](std::string line) {
        if (lines.size() + 1 < maxLines)
            lines.push_back(std::move(line));
        else
            ++left;
    };
    add(report.summary() + (report.cancelled ? " (cancelled)" : ""));
    auto located = [&](const io::ImportProblem& p) {
        std::string where;
        if (p.row > 0) where = rowWord + " " + std::to_string(p.row);
        if (!p.column.empty()) where += (where.empty() ? "" : ", ") + std::string("column \"") + p.column + "\"";
        return (where.empty() ? "" : where + ": ") + p.message;
    };
    // What lost data first (skipped rows, places not found), then what to check, then the notes.
    for (const io::ImportProblem& p : report.problems)
        if (p.severity == io::Severity::Error) add("skipped: " + located(p));
    if (report.problemsNotKept > 0) left += report.problemsNotKept;
    for (const io::PlaceReview::Kind kind : {io::PlaceReview::Kind::NotFound, io::PlaceReview::Kind::Ambiguous}) {
        for (const io::PlaceReview& r : report.placeReviews) {
            if (r.kind != kind) continue;
            std::string rows;
            for (const unsigned row : r.rows) rows += (rows.empty() ? "" : ", ") + std::to_string(row);
            if (r.rowCount > r.rows.size()) rows += ", ...";
            add(std::string(kind == io::PlaceReview::Kind::NotFound ? "place not found: " : "place to check: ") +
                r.explanation + " (" + rowWord + (r.rowCount == 1 ? " " : "s ") + rows + ")");
        }
    }
    for (const io::ImportProblem& p : report.problems)
        if (p.severity == io::Severity::Warning) add("note: " + located(p));
    for (const std::string& n : report.notes) add(n);
    if (left > 0) lines.push_back("... and " + std::to_string(left) + " more");
    return lines;
}

}  // namespace meridian

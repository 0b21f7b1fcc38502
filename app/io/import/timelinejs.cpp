#include "io/import/timelinejs.h"

#include <cmath>
#include <unordered_map>

#include "io/import/number_text.h"
#include "io/json_object_reader.h"

namespace meridian::io {

namespace {

enum Column {
    kYear,
    kMonth,
    kDay,
    kTime,
    kEndYear,
    kEndMonth,
    kEndDay,
    kEndTime,
    kDisplayDate,
    kHeadline,
    kText,
    kMedia,
    kMediaCredit,
    kMediaCaption,
    kMediaThumbnail,
    kType,
    kGroup,
    kBackground,
    kUniqueId,
    kColumnCount
};

Cell textCell(std::string_view s) {
    Cell c;
    c.kind = s.empty() ? Cell::Kind::Empty : Cell::Kind::Text;
    c.text = std::string(s);
    return c;
}

// A JSON scalar as a cell: strings as text, numbers as numbers.
std::optional<Cell> scalarCell(const JsonValue& v) {
    Cell c;
    switch (v.type()) {
        case JsonType::String:
            return textCell(v.string());
        case JsonType::Number:
            c.kind = Cell::Kind::Number;
            c.number = v.number();
            c.text = formatShortest(v.number());
            return c;
        case JsonType::Null:
            return c;
        default:
            return std::nullopt;
    }
}

class Reader {
public:
    Reader(JsonContext& ctx, Table& table) : m_ctx(ctx), m_table(table) {}

    // A TimelineJS date object into Year/Month/Day/Time cells (or the End ones).
    bool date(const JsonValue& slide, const std::string& path, const char* key, TableRow& row, int first) {
        const auto d = slide.find(key);
        if (!d || d->isNull()) return true;
        const std::string p = member(path, key);
        if (!d->isObject())
            return m_ctx.error(*d, p,
                               std::string("expected a date object {\"year\", \"month\", \"day\", ...}, found ") +
                                   jsonTypeName(d->type()));
        static constexpr const char* kParts[] = {"year", "month", "day"};
        for (int i = 0; i < 3; ++i) {
            const auto v = d->find(kParts[i]);
            if (!v) continue;
            const auto cell = scalarCell(*v);
            if (!cell)
                return m_ctx.error(*v, member(p, kParts[i]),
                                   std::string("expected a number or a string, found ") + jsonTypeName(v->type()));
            row.cells[first + i] = *cell;
        }
        // hour, minute (second and millisecond are not kept) -> "HH:MM".
        std::optional<double> hour, minute;
        for (const char* part : {"hour", "minute"}) {
            const auto v = d->find(part);
            if (!v || v->isNull()) continue;
            std::optional<double> x;
            if (v->isNumber()) x = v->number();
            if (v->isString() && !v->string().empty()) x = parseDecimal(v->string());
            if (v->isString() && v->string().empty()) continue;
            if (!x || std::floor(*x) != *x || *x < 0 || *x > (part[0] == 'h' ? 23 : 59))
                return m_ctx.error(
                    *v, member(p, part),
                    std::string("expected ") + (part[0] == 'h' ? "an hour, 0 to 23" : "a minute, 0 to 59"));
            (part[0] == 'h' ? hour : minute) = x;
        }
        if (hour) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(*hour), static_cast<int>(minute.value_or(0)));
            row.cells[first + 3] = textCell(buf);
        }
        if (first == kYear) {
            if (const auto shown = d->find("display_date"); shown && shown->isString())
                row.cells[kDisplayDate] = textCell(shown->string());
        }
        return true;
    }

    template <typename Fn>
    bool object(const JsonValue& slide, const std::string& path, const char* key, Fn fn) {
        const auto v = slide.find(key);
        if (!v || v->isNull()) return true;
        if (!v->isObject())
            return m_ctx.error(*v, member(path, key),
                               std::string("expected an object, found ") + jsonTypeName(v->type()));
        return fn(*v, member(path, key));
    }

    bool stringInto(const JsonValue& obj, const std::string& path, const char* key, Cell& cell) {
        const auto v = obj.find(key);
        if (!v || v->isNull()) return true;
        if (!v->isString())
            return m_ctx.error(*v, member(path, key),
                               std::string("expected a string, found ") + jsonTypeName(v->type()));
        cell = textCell(v->string());
        return true;
    }

    // One slide (the title, an event or an era) to a row of TimelineJS's columns.
    bool slide(const JsonValue& s, const std::string& path, TableRow& row, std::string_view type) {
        row.cells.assign(kColumnCount, Cell{});
        row.line = s.position().line;
        if (!type.empty()) row.cells[kType] = textCell(type);
        bool ok = date(s, path, "start_date", row, kYear) && date(s, path, "end_date", row, kEndYear);
        ok =
            ok && object(s, path, "text", [&](const JsonValue& t, const std::string& p) {
                return stringInto(t, p, "headline", row.cells[kHeadline]) && stringInto(t, p, "text", row.cells[kText]);
            });
        ok = ok && object(s, path, "media", [&](const JsonValue& m, const std::string& p) {
                 return stringInto(m, p, "url", row.cells[kMedia]) &&
                        stringInto(m, p, "caption", row.cells[kMediaCaption]) &&
                        stringInto(m, p, "credit", row.cells[kMediaCredit]) &&
                        stringInto(m, p, "thumbnail", row.cells[kMediaThumbnail]);
             });
        ok = ok && object(s, path, "background", [&](const JsonValue& b, const std::string& p) {
                 Cell color, url;
                 if (!stringInto(b, p, "color", color) || !stringInto(b, p, "url", url)) return false;
                 row.cells[kBackground] = url.empty() ? color : url;
                 return true;
             });
        ok = ok && stringInto(s, path, "group", row.cells[kGroup]) &&
             stringInto(s, path, "unique_id", row.cells[kUniqueId]);
        if (ok && row.cells[kDisplayDate].empty()) ok = stringInto(s, path, "display_date", row.cells[kDisplayDate]);
        return ok;
    }

    // The "meridian" member of a slide Meridian wrote: column -> text.
    bool extension(const JsonValue& s, const std::string& path, TableRow& row, std::string_view type,
                   std::unordered_map<std::string, std::size_t>& columnIndex) {
        const auto ext = s.find("meridian");
        if (!ext || !ext->isObject())
            return m_ctx.error(ext ? *ext : s, member(path, "meridian"), "expected Meridian's object of event fields");
        row.line = s.position().line;
        row.cells.assign(m_table.columns.size(), Cell{});
        auto set = [&](std::string_view column, Cell cell) {
            auto it = columnIndex.find(std::string(column));
            if (it == columnIndex.end()) {
                it = columnIndex.emplace(std::string(column), m_table.columns.size()).first;
                m_table.columns.emplace_back(column);
                for (TableRow& r : m_table.rows) r.cells.resize(m_table.columns.size());
            }
            if (row.cells.size() < m_table.columns.size()) row.cells.resize(m_table.columns.size());
            row.cells[it->second] = std::move(cell);
        };
        if (!type.empty()) set("Type", textCell(type));
        for (std::uint32_t i = 0; i < ext->size(); ++i) {
            const JsonValue v = ext->valueAt(i);
            const auto cell = scalarCell(v);
            if (!cell)
                return m_ctx.error(v, member(member(path, "meridian"), ext->keyAt(i).string()),
                                   std::string("expected a string, found ") + jsonTypeName(v.type()));
            set(ext->keyAt(i).string(), *cell);
        }
        return true;
    }

private:
    JsonContext& m_ctx;
    Table& m_table;
};

}  // namespace

const std::vector<std::string>& timelineJsColumns() {
    static const std::vector<std::string> kColumns = {
        "Year",      "Month",   "Day",          "Time",          "End Year",
        "End Month", "End Day", "End Time",     "Display Date",  "Headline",
        "Text",      "Media",   "Media Credit", "Media Caption", "Media Thumbnail",
        "Type",      "Group",   "Background",   "Unique ID"};
    return kColumns;
}

bool isTimelineJsDocument(const JsonValue& root) {
    if (!root.isObject() || root.find("meridian")) return false;
    const auto events = root.find("events");
    return events && events->isArray();
}

TimelineJsReadResult readTimelineJs(const JsonDocument& doc, const std::string& fileName) {
    TimelineJsReadResult result;
    JsonContext ctx;
    ctx.fileName = fileName;
    const JsonValue root = doc.root();
    if (!isTimelineJsDocument(root)) {
        ctx.error(root, "", "not a TimelineJS file (expected an object with an \"events\" array)");
        result.diagnostics = std::move(ctx.diagnostics);
        return result;
    }
    const JsonValue events = *root.find("events");
    const auto title = root.find("title");
    const auto eras = root.find("eras");
    if (eras && !eras->isArray() && !eras->isNull())
        ctx.error(*eras, "eras", std::string("expected an array of eras, found ") + jsonTypeName(eras->type()));

    // Every slide Meridian wrote carries its fields; then they are the rows.
    bool allExtended = events.size() > 0;
    for (std::uint32_t i = 0; i < events.size() && allExtended; ++i)
        allExtended = events.at(i).isObject() && events.at(i).find("meridian").has_value();

    Table table;
    table.fileName = fileName;
    Reader reader(ctx, table);
    std::unordered_map<std::string, std::size_t> columnIndex;
    if (!allExtended) table.columns = timelineJsColumns();
    // Row numbers: the title 0, events[i] i + 1 (as "event 3" in messages), eras after the events.
    unsigned rowNumber = 0;
    auto add = [&](const JsonValue& s, const std::string& path, std::string_view type) {
        if (type != "title") ++rowNumber;
        if (!s.isObject()) {
            ctx.error(s, path, std::string("expected an object, found ") + jsonTypeName(s.type()));
            ++result.droppedRows;
            return;
        }
        TableRow row;
        const bool ok = allExtended && s.find("meridian") ? reader.extension(s, path, row, type, columnIndex)
                                                          : (!allExtended && reader.slide(s, path, row, type));
        if (!ok) {
            ++result.droppedRows;
            return;
        }
        row.cells.resize(table.columns.size());
        row.rowNumber = rowNumber;
        table.rows.push_back(std::move(row));
    };
    if (title && title->isObject() && (!allExtended || title->find("meridian"))) add(*title, "title", "title");
    for (std::uint32_t i = 0; i < events.size(); ++i) add(events.at(i), item("events", i), "");
    if (eras && eras->isArray())
        for (std::uint32_t i = 0; i < eras->size(); ++i)
            if (!allExtended || (eras->at(i).isObject() && eras->at(i).find("meridian")))
                add(eras->at(i), item("eras", i), "era");
    for (TableRow& r : table.rows) r.cells.resize(table.columns.size());
    result.meridianExport = allExtended;
    result.diagnostics = std::move(ctx.diagnostics);
    result.table = std::move(table);
    return result;
}

TimelineJsReadResult parseTimelineJs(std::string_view text, const std::string& fileName) {
    JsonError error;
    const auto doc = JsonDocument::parse(text, &error);
    if (!doc) {
        TimelineJsReadResult result;
        result.diagnostics.push_back({Severity::Error, fileName, error.pos.line, error.pos.column, "", error.message});
        return result;
    }
    return readTimelineJs(*doc, fileName);
}

}  // namespace meridian::io

#include "io/import/timelinejs_writer.h"

#include <cstdlib>

#include "io/import/event_row.h"
#include "io/import/html_text.h"
#include "io/import/json_text.h"

namespace meridian::io {

namespace {

// TimelineJS's human scale is JavaScript's Date range; beyond it, "cosmological".
constexpr std::int64_t kHumanScaleYears = 271'820;

std::string dateObject(const Date& d, std::optional<int> minuteOfDay, const std::string& display) {
    const CivilDate c = d.civil();
    std::string out = "{\"year\": " + std::to_string(c.year);
    if (d.precision() != DatePrecision::Year) out += ", \"month\": " + std::to_string(c.month);
    if (d.precision() == DatePrecision::Day) out += ", \"day\": " + std::to_string(c.day);
    if (minuteOfDay)
        out +=
            ", \"hour\": " + std::to_string(*minuteOfDay / 60) + ", \"minute\": " + std::to_string(*minuteOfDay % 60);
    if (!display.empty()) out += ", \"display_date\": " + jsonString(display);
    return out + "}";
}

// The columns that have a value, as the "meridian" member.
std::string extension(const std::vector<std::string>& header, const std::vector<std::string>& values) {
    std::string out = "{";
    bool first = true;
    for (std::size_t i = 0; i < header.size() && i < values.size(); ++i) {
        if (values[i].empty()) continue;
        out += first ? "" : ", ";
        first = false;
        appendJsonString(out, header[i]);
        out += ": ";
        appendJsonString(out, values[i]);
    }
    return out + "}";
}

// The slide's text: the summary, where, the evidence note, confidence and sources, as HTML.
std::string slideText(const Dataset& ds, const Event& e) {
    std::string html = textToHtml(e.summary);
    auto name = [&](Index i) { return i < ds.places.size() ? ds.places[i].name : std::string(); };
    std::string where;
    if (e.isConnection()) {
        where = name(e.from);
        for (const Index v : e.via) where += " \xE2\x86\x92 " + name(v);  // →
        where += " \xE2\x86\x92 " + name(e.to);
    } else if (e.place != kNoIndex) {
        where = name(e.place);
    }
    if (!where.empty()) html += "<p><b>Where:</b> " + escapeHtml(where) + "</p>";
    if (e.claimed) html += "<p><b>Claimed:</b> " + escapeHtml(e.claimed->display()) + "</p>";
    if (!e.note.empty()) html += "<p><b>About the evidence:</b> " + escapeHtml(e.note) + "</p>";
    // Claims and their answers, by title and date ("Iran denies the panel's findings, 17 May 2011").
    auto events = [&](const char* label, const CompactList<Index>& list) {
        std::string items;
        for (const Index i : list)
            if (i < ds.events.size())
                items +=
                    (items.empty() ? "" : "; ") + escapeHtml(ds.events[i].title + ", " + describeWhen(ds.events[i]));
        if (!items.empty()) html += std::string("<p><b>") + label + ":</b> " + items + "</p>";
    };
    events("Answers", e.answers);
    events("Answered by", e.answeredBy);
    html += std::string("<p><b>Confidence:</b> ") + confidenceLabel(e.confidence) + "</p>";
    if (!e.sources.empty()) {
        html += "<p><b>Sources:</b></p><ul>";
        for (const SourceRef& ref : e.sources) {
            if (ref.source >= ds.sources.size()) continue;
            const Source& s = ds.sources[ref.source];
            Source withoutUrl = s;
            withoutUrl.url.clear();
            const std::string citation = escapeHtml(withoutUrl.citation());
            html += "<li>";
            html += s.url.empty() ? citation : "<a href=\"" + escapeHtml(s.url) + "\">" + citation + "</a>";
            if (!ref.note.empty()) html += " (" + escapeHtml(ref.note) + ")";
            html += "</li>";
        }
        html += "</ul>";
    }
    return html;
}

}  // namespace

std::string datasetToTimelineJs(const Dataset& ds) {
    const std::vector<std::string> header = eventRowHeader();
    bool cosmological = false;
    for (const Event& e : ds.events)
        cosmological = cosmological || std::llabs(e.date.civil().year) > kHumanScaleYears ||
                       (e.end && std::llabs(e.end->civil().year) > kHumanScaleYears);

    std::string out = "{\n";
    if (cosmological) out += "  \"scale\": \"cosmological\",\n";
    out += "  \"title\": {\"text\": {\"headline\": " + jsonString(escapeHtml(ds.title)) +
           ", \"text\": " + jsonString(textToHtml(ds.description)) +
           "},\n    \"meridian\": " + extension(header, titleRowValues(ds)) + "},\n";
    out += "  \"events\": [";
    for (std::size_t i = 0; i < ds.events.size(); ++i) {
        const Event& e = ds.events[i];
        out += i ? ",\n    {" : "\n    {";
        const std::string display = e.approx ? "c. " + e.date.display() : std::string();
        out += "\n      \"start_date\": " + dateObject(e.date, e.minuteOfDay, display);
        if (e.end) out += ",\n      \"end_date\": " + dateObject(*e.end, std::nullopt, "");
        out += ",\n      \"text\": {\"headline\": " + jsonString(escapeHtml(e.title)) +
               ", \"text\": " + jsonString(slideText(ds, e)) + "}";
        if (!e.media.empty()) {
            const Media& m = e.media.front();
            out += ",\n      \"media\": {\"url\": " + jsonString(m.path);
            if (!m.caption.empty()) out += ", \"caption\": " + jsonString(escapeHtml(m.caption));
            if (!m.credit.empty()) out += ", \"credit\": " + jsonString(escapeHtml(m.credit));
            out += "}";
        }
        if (e.category < ds.categories.size())
            out += ",\n      \"group\": " + jsonString(ds.categories[e.category].label);
        out += ",\n      \"unique_id\": " + jsonString(e.id);
        out += ",\n      \"meridian\": " + extension(header, eventRowValues(ds, e));
        out += "\n    }";
    }
    out += ds.events.empty() ? "]" : "\n  ]";
    if (!ds.eras.empty()) {
        out += ",\n  \"eras\": [";
        for (std::size_t i = 0; i < ds.eras.size(); ++i) {
            const Era& era = ds.eras[i];
            out += i ? ",\n    {" : "\n    {";
            out += "\"start_date\": " + dateObject(era.start, std::nullopt, "") +
                   ", \"end_date\": " + dateObject(era.end, std::nullopt, "") +
                   ", \"text\": {\"headline\": " + jsonString(escapeHtml(era.label)) +
                   (era.note.empty() ? "" : ", \"text\": " + jsonString(textToHtml(era.note))) +
                   "},\n      \"meridian\": " + extension(header, eraRowValues(era)) + "}";
        }
        out += "\n  ]";
    }
    out += "\n}\n";
    return out;
}

}  // namespace meridian::io

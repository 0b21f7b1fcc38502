// [SECTION] Changes
// [SECTION] Header, when, text
// [SECTION] Category and confidence
// [SECTION] Where
// [SECTION] Sources
// [SECTION] Actors, tags, media
// [SECTION] draw
#include "ui/event_editor.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "core/date_snap.h"
#include "core/references.h"
#include "io/media_copy.h"
#include "ui/keys.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace meridian::ui {

namespace {

bool containsFolded(const std::string& text, const std::string& query) {
    if (query.empty()) return true;
    auto lower = [](unsigned char ch) { return static_cast<char>(ch < 0x80 ? std::tolower(ch) : ch); };
    std::string a, b;
    for (char ch : text) a += lower(static_cast<unsigned char>(ch));
    for (char ch : query) b += lower(static_cast<unsigned char>(ch));
    return a.find(b) != std::string::npos;
}

std::string placeLabel(const Dataset& ds, Index p) {
    if (p >= ds.places.size()) return "(none)";
    const Place& pl = ds.places[p];
    return pl.country.empty() ? pl.name : pl.name + " (" + pl.country + ")";
}

const char* pickRoleName(PlacePickRole r) {
    switch (r) {
        case PlacePickRole::Place:
            return "place";
        case PlacePickRole::From:
            return "from";
        case PlacePickRole::To:
            return "to";
        case PlacePickRole::Via:
            return "via";
        case PlacePickRole::None:
            break;
    }
    return "none";
}

}  // namespace

// ===========================================================================
// [SECTION] Changes
// ===========================================================================

void EventEditor::change(Context& c, Index at, EventField field, Event after) {
    if (at >= c.data().events.size()) return;
    after.answeredBy = c.data().events[at].answeredBy;
    if (after == c.data().events[at]) return;  // nothing changed: no step in the history
    std::string error;
    if (!c.doc.apply(editEventEdit(c.doc, at, std::move(after), field), &error)) m_error = error;
}

TextCommit EventEditor::commitLater(Context& c, const Event& e, EventField field,
                                    std::function<void(Event&, const std::string&)> set) {
    Document* doc = &c.doc;
    std::string* error = &m_error;
    return [doc, error, id = e.id, field, set = std::move(set)](const std::string& text) {
        const Index at = doc->findEvent(id);
        if (at == kNoIndex) return;
        Event after = doc->data().events[at];
        set(after, text);
        if (after == doc->data().events[at]) return;
        std::string why;
        if (!doc->apply(editEventEdit(*doc, at, std::move(after), field), &why)) *error = why;
    };
}

std::vector<const FieldProblem*> EventEditor::problems(const Context& c, Index at, const char* field) const {
    const FieldProblems& p = c.app.editing.problems;
    if (p.revision != c.doc.revision()) return {};  // stale: wait for the next check
    return p.at(RecordKind::Event, at, field);
}

// ===========================================================================
// [SECTION] Header, when, text
// ===========================================================================

void EventEditor::drawHeader(Context& c, Index at, const Event& e) {
    if (ImGui::Button("Done editing")) c.app.editing.on = false;
    c.reportControl("edit.done");
    ImGui::SameLine();
    if (ImGui::Button("Duplicate")) {
        if (c.doc.apply(duplicateEventEdit(c.doc, at))) c.session.view.select(at + 1);
    }
    c.reportControl("edit.duplicate");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("A copy of this event, to change (Ctrl+D)");
    ImGui::SameLine();
    if (ImGui::Button("Delete")) {
        std::string error;
        if (c.doc.apply(deleteEventEdit(c.doc, at), &error)) {
            c.session.view.selected = kNoIndex;
            c.status("Deleted \u201C" + e.title + "\u201D (Ctrl+Z brings it back)");
        } else {
            m_error = error;
        }
    }
    c.reportControl("edit.delete");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Delete this event (Edit > Undo brings it back)");
    const FieldProblems& p = c.app.editing.problems;
    if (p.revision == c.doc.revision()) {
        const auto mine = p.at(RecordKind::Event, at);
        if (!mine.empty()) {
            char text[96];
            std::snprintf(text, sizeof text, "%zu %s in this event: it cannot be saved until fixed (see below).",
                          mine.size(), mine.size() == 1 ? "problem" : "problems");
            errorText(c, text);
            // Problems of fields this form does not show (the time of day, answers, the id).
            for (const FieldProblem* fp : mine)
                if (fp->where.field == "time" || fp->where.field == "answers" || fp->where.field == "id" ||
                    fp->where.field.empty())
                    errorText(c, (fp->where.field + ": " + fp->message).c_str());
        }
    }
    if (!m_error.empty()) {
        errorText(c, m_error.c_str());
        if (ImGui::SmallButton("OK##error")) m_error.clear();
    }
    fieldLabel(c, "TITLE");
    // Titles are often long: wrapped (two lines), Enter ends; no line breaks in a title.
    m_fields.text("##title", e.title,
                  commitLater(c, e, EventField::Title,
                              [](Event& ev, const std::string& t) {
                                  ev.title = t;
                                  std::replace(ev.title.begin(), ev.title.end(), '\n', ' ');
                              }),
                  2);
    c.reportControl("edit.title");
    fieldProblems(c, problems(c, at, "title"));
}

void EventEditor::drawWhen(Context& c, Index at, const Event& e) {
    fieldLabel(c, "WHEN");
    // Date changes may come a frame later (the year is typed): they find the event by id then.
    auto setDate = [this, doc = &c.doc, id = e.id](EventField f, std::optional<Date> Event::*member) {
        return [this, doc, id, f, member](Date d) {
            const Index now = doc->findEvent(id);
            if (now == kNoIndex) return;
            Event after = doc->data().events[now];
            after.*member = d;
            if (!doc->apply(editEventEdit(*doc, now, after, f), &m_error)) return;
        };
    };
    dateField(c, m_fields, "date", e.date, [this, doc = &c.doc, id = e.id](Date d) {
        const Index now = doc->findEvent(id);
        if (now == kNoIndex) return;
        Event after = doc->data().events[now];
        after.date = d;  // only the date: the end and the bounds are the person's to change
        doc->apply(editEventEdit(*doc, now, after, EventField::Date), &m_error);
    });
    fieldProblems(c, problems(c, at, "date"));
    bool approx = e.approx;
    if (ImGui::Checkbox("Approximate (c.)", &approx)) {
        Event after = e;
        after.approx = approx;
        change(c, at, EventField::Approx, after);
    }
    c.reportControl("edit.approx");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The date is an estimate: shown as \"c. 1987\"");
    // Optional dates: end (a span), earliest/latest (when it may have happened), claimed.
    struct Optional {
        const char* label;
        const char* tip;
        const char* field;
        EventField which;
        std::optional<Date> Event::*member;
    };
    const Optional optionals[] = {
        {"Lasted until (a span)", "The last day, month or year of the event", "end", EventField::End, &Event::end},
        {"Not before", "The earliest it can have happened", "earliest", EventField::Earliest, &Event::earliest},
        {"Not after", "The latest it can have happened", "latest", EventField::Latest, &Event::latest},
        {"Claimed on", "When the claim was made, where that differs from the date", "claimed", EventField::Claimed,
         &Event::claimed},
    };
    for (const Optional& o : optionals) {
        IdScope scope(o.field);
        bool has = (e.*o.member).has_value();
        if (ImGui::Checkbox(o.label, &has)) {
            Event after = e;
            if (has) {
                // A sensible start: the date's own span end for an end or a latest bound, else the date.
                Date d = e.date;
                if (o.which == EventField::End || o.which == EventField::Latest)
                    d = snapToPrecision(e.date.span().last, e.date.precision());
                after.*o.member = d;
            } else {
                (after.*o.member).reset();
            }
            change(c, at, o.which, after);
        }
        c.reportControl((std::string("edit.") + o.field).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", o.tip);
        if (e.*o.member) {
            ImGui::Indent();
            dateField(c, m_fields, o.field, *(e.*o.member), setDate(o.which, o.member));
            ImGui::Unindent();
        }
        fieldProblems(c, problems(c, at, o.field));
    }
}

void EventEditor::drawText(Context& c, Index at, const Event& e) {
    fieldLabel(c, "WHAT HAPPENED");
    m_fields.text("##summary", e.summary,
                  commitLater(c, e, EventField::Summary, [](Event& ev, const std::string& t) { ev.summary = t; }), 4);
    c.reportControl("edit.summary");
    fieldProblems(c, problems(c, at, "summary"));
    fieldLabel(c, "ABOUT THE EVIDENCE");
    m_fields.text("##note", e.note,
                  commitLater(c, e, EventField::Note, [](Event& ev, const std::string& t) { ev.note = t; }), 3);
    c.reportControl("edit.note");
    fieldProblems(c, problems(c, at, "note"));
}

// ===========================================================================
// [SECTION] Category and confidence
// ===========================================================================

void EventEditor::drawCategoryAndConfidence(Context& c, Index at, const Event& e) {
    const Dataset& ds = c.data();
    fieldLabel(c, "CATEGORY (THE TIMELINE'S LANE)");
    ImGui::SetNextItemWidth(-1);
    const std::string current = e.category < ds.categories.size() ? ds.categories[e.category].label : "(none)";
    if (ImGui::BeginCombo("##category", current.c_str())) {
        for (Index i = 0; i < ds.categories.size(); ++i) {
            IdScope scope(static_cast<int>(i));
            categorySwatch(ds, i);
            ImGui::SameLine();
            if (ImGui::Selectable(ds.categories[i].label.c_str(), i == e.category)) {
                Event after = e;
                after.category = i;
                change(c, at, EventField::Category, after);
            }
            c.reportControl(("edit.category." + ds.categories[i].id).c_str());
        }
        ImGui::EndCombo();
    }
    c.reportControl("edit.category");
    fieldProblems(c, problems(c, at, "category"));

    fieldLabel(c, "CONFIDENCE");
    for (int i = 0; i < kConfidenceCount; ++i) {
        const auto level = static_cast<Confidence>(i);
        if (level == Confidence::Unrated && e.confidence != Confidence::Unrated) continue;  // imported events only
        IdScope scope(i);
        if (ImGui::RadioButton(confidenceLabel(level), e.confidence == level) && e.confidence != level) {
            Event after = e;
            after.confidence = level;
            change(c, at, EventField::Confidence, after);
        }
        c.reportControl((std::string("edit.confidence.") + confidenceId(level)).c_str());
        // Each level's definition beside the choice (wrapped under it when narrow).
        ImGui::Indent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
        {
            StyleColors col;
            col.push(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", confidenceExplanation(level));
        }
        ImGui::Unindent(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x);
    }
    fieldProblems(c, problems(c, at, "confidence"));
}

// ===========================================================================
// [SECTION] Where
// ===========================================================================

void EventEditor::placePicker(Context& c, const char* label, PlacePickRole role, Index current, const Event& e,
                              std::function<Event(Event, Index)> set) {
    const Dataset& ds = c.data();
    const Index at = c.doc.findEvent(e.id);
    IdScope scope(label);
    const std::string prefix = std::string("edit.") + pickRoleName(role);
    const float em = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(4.5f * em);
    const float buttonsW = ImGui::CalcTextSize("Map").x + ImGui::CalcTextSize("Find").x +
                           4 * ImGui::GetStyle().FramePadding.x + 2 * ImGui::GetStyle().ItemSpacing.x;
    ImGui::SetNextItemWidth(std::max(6 * em, ImGui::GetContentRegionAvail().x - buttonsW));
    if (ImGui::BeginCombo("##places", placeLabel(ds, current).c_str(), ImGuiComboFlags_HeightLarge)) {
        for (Index p = 0; p < ds.places.size(); ++p) {
            IdScope item(static_cast<int>(p));
            if (ImGui::Selectable(placeLabel(ds, p).c_str(), p == current)) change(c, at, EventField::Where, set(e, p));
            c.reportControl((prefix + ".item." + ds.places[p].id).c_str());
        }
        if (ds.places.empty()) ImGui::TextDisabled("No places yet: use Map or Find.");
        ImGui::EndCombo();
    }
    c.reportControl(prefix.c_str());
    ImGui::SameLine();
    EditingState& ed = c.app.editing;
    const bool picking = ed.pick == role && ed.pickEventId == e.id;
    if (picking) {
        StyleColors col;
        col.push(ImGuiCol_Button, palette(c.look.theme).selection);
        if (ImGui::Button("Map")) ed.pick = PlacePickRole::None;
    } else if (ImGui::Button("Map")) {
        ed.pick = role;
        ed.pickEventId = e.id;
    }
    c.reportControl((prefix + ".map").c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Click on the map to choose or make the place");
    ImGui::SameLine();
    if (ImGui::Button("Find")) {
        m_searchRole = m_searchRole == role ? PlacePickRole::None : role;
        m_placeQuery.clear();
        m_searchedFor = "\x01";  // search again
    }
    c.reportControl((prefix + ".find").c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Find a place by name (this dataset's, then the world's)");
    if (picking) ImGui::TextColored(ImColor(palette(c.look.theme).notice), "Click on the map (Esc cancels)");
    if (m_searchRole != role) return;

    // Search by name: the dataset's places first, then the gazetteer's.
    ImGui::Indent();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::IsWindowAppearing() || m_searchedFor == "\x01") ImGui::SetKeyboardFocusHere();
    ImGui::InputTextWithHint("##query", "Type a place name\u2026", &m_placeQuery);
    c.reportControl((prefix + ".query").c_str());
    const io::Gazetteer* gaz = ed.gazetteer ? ed.gazetteer() : nullptr;
    if (m_searchedFor != m_placeQuery) {
        m_searchedFor = m_placeQuery;
        m_gazetteerResults.clear();
        if (gaz && m_placeQuery.size() >= 2) m_gazetteerResults = gaz->search(m_placeQuery, 8);
    }
    int shown = 0;
    for (Index p = 0; p < ds.places.size() && shown < 6 && !m_placeQuery.empty(); ++p) {
        if (!containsFolded(ds.places[p].name, m_placeQuery)) continue;
        ++shown;
        IdScope item(static_cast<int>(p));
        if (ImGui::Selectable((placeLabel(ds, p) + "  (in this dataset)").c_str())) {
            change(c, at, EventField::Where, set(e, p));
            m_searchRole = PlacePickRole::None;
        }
    }
    for (std::size_t k = 0; k < m_gazetteerResults.size(); ++k) {
        const io::GazetteerEntry& g = m_gazetteerResults[k];
        IdScope item(10000 + static_cast<int>(k));
        char text[256];
        std::snprintf(text, sizeof text, "%s%s%s  %.2f, %.2f", g.name.c_str(), g.country.empty() ? "" : ", ",
                      g.country.c_str(), g.latDeg, g.lonDeg);
        if (ImGui::Selectable(text)) {
            // The dataset's own place when it has it; else a new place, in the same edit.
            Index p = findSamePlace(ds, g.name, g.latDeg, g.lonDeg);
            Edit edit;
            if (p == kNoIndex) {
                p = static_cast<Index>(ds.places.size());
                edit = Edit::append(ds, newPlace(c.doc, g.name, g.latDeg, g.lonDeg, g.country));
            }
            Event after = set(e, p);
            after.answeredBy = e.answeredBy;
            RecordStep step;
            step.op = RecordStep::Op::Replace;
            step.kind = RecordKind::Event;
            step.at = at;
            step.before = e;
            step.after = std::move(after);
            edit.steps.emplace_back(std::move(step));
            edit.name = std::string("set the ") + pickRoleName(role) + " of " + recordLabel(e) + " to " + g.name;
            std::string error;
            if (!c.doc.apply(std::move(edit), &error)) m_error = error;
            m_searchRole = PlacePickRole::None;
        }
        c.reportControl((prefix + ".result." + std::to_string(k)).c_str());
    }
    if (!m_placeQuery.empty() && shown == 0 && m_gazetteerResults.empty())
        ImGui::TextDisabled(gaz ? "No place of that name." : "No place of that name (the world gazetteer is missing).");
    ImGui::Unindent();
}

void EventEditor::drawWhere(Context& c, Index at, const Event& e) {
    fieldLabel(c, "WHERE");
    int kind = e.isConnection() || e.from != kNoIndex || e.to != kNoIndex ? 2 : e.place != kNoIndex ? 1 : 0;
    // Chosen but not set yet (no place picked): the choice is the form's until a place is.
    if (kind == 0 && m_whereChoice.first == e.id) kind = m_whereChoice.second;
    const int before = kind;
    ImGui::RadioButton("Nowhere", &kind, 0);
    c.reportControl("edit.where.none");
    ImGui::SameLine();
    ImGui::RadioButton("A place", &kind, 1);
    c.reportControl("edit.where.place");
    ImGui::SameLine();
    ImGui::RadioButton("A connection", &kind, 2);
    c.reportControl("edit.where.connection");
    if (kind != before) {
        m_whereChoice = {e.id, kind};
        // Keep what can be kept: a place becomes the connection's start, and back.
        if (kind == 0) change(c, at, EventField::Where, withoutLocation(e));
        if (kind == 1) change(c, at, EventField::Where, withPlace(e, e.from != kNoIndex ? e.from : kNoIndex));
        if (kind == 2) change(c, at, EventField::Where, withConnection(e, e.place, kNoIndex, {}));
        return;
    }
    if (kind == 1) {
        placePicker(c, "Place", PlacePickRole::Place, e.place, e, [](Event ev, Index p) { return withPlace(ev, p); });
        fieldProblems(c, problems(c, at, "place"));
    } else if (kind == 2) {
        placePicker(c, "From", PlacePickRole::From, e.from, e,
                    [](Event ev, Index p) { return withConnection(ev, p, ev.to, ev.via); });
        fieldProblems(c, problems(c, at, "from"));
        placePicker(c, "To", PlacePickRole::To, e.to, e,
                    [](Event ev, Index p) { return withConnection(ev, ev.from, p, ev.via); });
        fieldProblems(c, problems(c, at, "to"));
        for (std::size_t k = 0; k < e.via.size(); ++k) {
            IdScope scope(static_cast<int>(k));
            ImGui::Bullet();
            ImGui::TextUnformatted(("via " + placeLabel(c.data(), e.via[k])).c_str());
            ImGui::SameLine();
            if (ImGui::SmallButton("Remove")) {
                Event after = e;
                after.via.erase(after.via.begin() + static_cast<std::ptrdiff_t>(k));
                change(c, at, EventField::Where, after);
            }
        }
        placePicker(c, "Via +", PlacePickRole::Via, kNoIndex, e, [](Event ev, Index p) {
            ev.via.push_back(p);
            return ev;
        });
        fieldProblems(c, problems(c, at, "via"));
    }
}

// ===========================================================================
// [SECTION] Sources
// ===========================================================================

void EventEditor::drawSources(Context& c, Index at, const Event& e) {
    const Dataset& ds = c.data();
    fieldLabel(c, "SOURCES (WHO SAYS SO)");
    for (std::size_t k = 0; k < e.sources.size(); ++k) {
        const SourceRef& ref = e.sources[k];
        if (ref.source >= ds.sources.size()) continue;
        IdScope scope(static_cast<int>(k));
        ImGui::Bullet();
        ImGui::TextWrapped("%s", ds.sources[ref.source].citation().c_str());
        ImGui::Indent();
        m_fields.text("##refnote", ref.note,
                      commitLater(c, e, EventField::Sources,
                                  [k](Event& ev, const std::string& t) {
                                      if (k < ev.sources.size()) ev.sources[k].note = t;
                                  }),
                      0, "page, paragraph or quote (optional)");
        if (ImGui::SmallButton("Remove this source")) {
            Event after = e;
            after.sources.erase(after.sources.begin() + static_cast<std::ptrdiff_t>(k));
            change(c, at, EventField::Sources, after);
        }
        ImGui::Unindent();
    }
    fieldProblems(c, problems(c, at, "sources"));
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##addsource", "Cite a source of this dataset\u2026", ImGuiComboFlags_HeightLarge)) {
        for (Index s = 0; s < ds.sources.size(); ++s) {
            const bool cited =
                std::any_of(e.sources.begin(), e.sources.end(), [&](const SourceRef& r) { return r.source == s; });
            if (cited) continue;
            IdScope scope(static_cast<int>(s));
            if (ImGui::Selectable(ds.sources[s].citation().c_str())) {
                Event after = e;
                after.sources.push_back({s, {}});
                change(c, at, EventField::Sources, after);
            }
            c.reportControl(("edit.sources.add." + ds.sources[s].id).c_str());
        }
        if (ds.sources.empty()) ImGui::TextDisabled("No sources yet: add a new one below.");
        ImGui::EndCombo();
    }
    c.reportControl("edit.sources.add");
    if (!m_newSource) {
        if (ImGui::Button("New source\u2026")) {
            m_newSource = true;
            m_srcPublisher.clear(), m_srcTitle.clear(), m_srcDate.clear(), m_srcUrl.clear(), m_srcError.clear();
            m_srcKind = SourceKind::Press;
        }
        c.reportControl("edit.source.new");
        return;
    }
    // A new source, typed in place.
    ImGui::Indent();
    auto field = [&](const char* label, const char* id, std::string& value, const char* hint, const char* control) {
        ImGui::TextUnformatted(label);
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint(id, hint, &value);
        c.reportControl(control);
    };
    field("Publisher", "##publisher", m_srcPublisher, "Reuters, IAEA, The New York Times\u2026",
          "edit.source.publisher");
    field("Title", "##stitle", m_srcTitle, "the article's or report's title", "edit.source.title");
    field("Date", "##sdate", m_srcDate, "YYYY, YYYY-MM or YYYY-MM-DD", "edit.source.date");
    field("Web address", "##surl", m_srcUrl, "https://\u2026 (optional)", "edit.source.url");
    ImGui::TextUnformatted("Kind");
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##skind", sourceKindLabel(m_srcKind))) {
        for (int k = 0; k < kSourceKindCount; ++k) {
            const auto kind = static_cast<SourceKind>(k);
            if (ImGui::Selectable(sourceKindLabel(kind), kind == m_srcKind)) m_srcKind = kind;
            c.reportControl((std::string("edit.source.kind.") + sourceKindId(kind)).c_str());
        }
        ImGui::EndCombo();
    }
    c.reportControl("edit.source.kind");
    if (!m_srcError.empty()) errorText(c, m_srcError.c_str());
    if (ImGui::Button("Add source")) {
        std::optional<Date> date;
        m_srcError.clear();
        if (!m_srcDate.empty()) {
            const DateParseResult r = parseIsoDate(m_srcDate);
            if (!r.date) m_srcError = "Date: " + r.error;
            date = r.date;
        }
        if (m_srcPublisher.empty()) m_srcError = "A source needs its publisher.";
        if (m_srcTitle.empty() && m_srcError.empty()) m_srcError = "A source needs a title.";
        if (!m_srcUrl.empty() && m_srcUrl.rfind("https://", 0) != 0 && m_srcUrl.rfind("http://", 0) != 0)
            m_srcError = "The web address must start with https:// or http://";
        if (m_srcError.empty()) {
            Source s = newSource(c.doc, m_srcPublisher, m_srcTitle, date, m_srcUrl, m_srcKind);
            if (c.doc.apply(addSourceToEventEdit(c.doc, at, std::move(s)), &m_srcError)) m_newSource = false;
        }
    }
    c.reportControl("edit.source.add");
    ImGui::SameLine();
    if (ImGui::Button("Cancel##source")) m_newSource = false;
    ImGui::Unindent();
}

// ===========================================================================
// [SECTION] Actors, tags, media
// ===========================================================================

void EventEditor::drawActorsAndTags(Context& c, Index at, const Event& e) {
    const Dataset& ds = c.data();
    fieldLabel(c, "ACTORS");
    for (std::size_t k = 0; k < e.actors.size(); ++k) {
        if (e.actors[k] >= ds.actors.size()) continue;
        IdScope scope(static_cast<int>(k));
        const std::string chip = ds.actors[e.actors[k]].name + "  \u00D7";
        if (k > 0 && ImGui::GetContentRegionAvail().x > ImGui::CalcTextSize(chip.c_str()).x + 30) ImGui::SameLine();
        if (ImGui::SmallButton(chip.c_str())) {
            Event after = e;
            after.actors.erase(after.actors.begin() + static_cast<std::ptrdiff_t>(k));
            change(c, at, EventField::Actors, after);
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove from this event");
    }
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##addactor", "Add an actor\u2026", ImGuiComboFlags_HeightLarge)) {
        for (Index a = 0; a < ds.actors.size(); ++a) {
            if (std::find(e.actors.begin(), e.actors.end(), a) != e.actors.end()) continue;
            IdScope scope(static_cast<int>(a));
            if (ImGui::Selectable(ds.actors[a].name.c_str())) {
                Event after = e;
                after.actors.push_back(a);
                change(c, at, EventField::Actors, after);
            }
        }
        ImGui::Separator();
        ImGui::TextUnformatted("A new actor:");
        ImGui::SetNextItemWidth(14 * ImGui::GetFontSize());
        ImGui::InputTextWithHint("##newactor", "name", &m_newActor);
        ImGui::SameLine();
        if (ImGui::Button("Add") && !m_newActor.empty()) {
            Actor a = newActor(c.doc, m_newActor);
            const auto index = static_cast<Index>(ds.actors.size());
            Edit edit = Edit::append(ds, std::move(a));
            Event after = e;
            after.actors.push_back(index);
            RecordStep step;
            step.op = RecordStep::Op::Replace;
            step.kind = RecordKind::Event;
            step.at = at;
            step.before = e;
            step.after = std::move(after);
            edit.steps.emplace_back(std::move(step));
            edit.name = "add the actor " + m_newActor + " to " + recordLabel(e);
            if (!c.doc.apply(std::move(edit), &m_error)) ImGui::CloseCurrentPopup();
            m_newActor.clear();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndCombo();
    }
    fieldProblems(c, problems(c, at, "actors"));

    fieldLabel(c, "TAGS (SEPARATED BY COMMAS)");
    m_fields.text("##tags", joinList(e.tags.toVector()),
                  commitLater(c, e, EventField::Tags, [](Event& ev, const std::string& t) { ev.tags = splitList(t); }));
    c.reportControl("edit.tags");
    fieldProblems(c, problems(c, at, "tags"));
}

void EventEditor::drawMedia(Context& c, Index at, const Event& e) {
    fieldLabel(c, "PICTURES");
    for (std::size_t k = 0; k < e.media.size(); ++k) {
        IdScope scope(static_cast<int>(k));
        ImGui::Bullet();
        ImGui::TextWrapped("%s", e.media[k].path.c_str());
        ImGui::Indent();
        m_fields.text("##caption", e.media[k].caption,
                      commitLater(c, e, EventField::Media,
                                  [k](Event& ev, const std::string& t) {
                                      if (k < ev.media.size()) ev.media[k].caption = t;
                                  }),
                      0, "caption");
        m_fields.text("##credit", e.media[k].credit,
                      commitLater(c, e, EventField::Media,
                                  [k](Event& ev, const std::string& t) {
                                      if (k < ev.media.size()) ev.media[k].credit = t;
                                  }),
                      0, "credit (who made it)");
        if (ImGui::SmallButton("Remove picture")) {
            Event after = e;
            after.media.erase(after.media.begin() + static_cast<std::ptrdiff_t>(k));
            change(c, at, EventField::Media, after);
        }
        ImGui::Unindent();
    }
    fieldProblems(c, problems(c, at, "media"));
    const bool hasFile = !c.doc.path().empty();
    ImGui::BeginDisabled(!hasFile);
    if (ImGui::Button("Add a picture\u2026")) {
        std::error_code ec;
        const char* home = std::getenv("HOME");
        m_mediaChooser.reset(home ? std::filesystem::path(home) : std::filesystem::current_path(ec),
                             FileChooser::Mode::OpenFile, {".png", ".jpg", ".jpeg"});
        m_mediaError.clear();
        ImGui::OpenPopup("Choose a picture");
    }
    ImGui::EndDisabled();
    if (!hasFile && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Save the data into a file first: pictures are copied into its folder");
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x * 0.6f, vp->WorkSize.y * 0.6f), ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal("Choose a picture", nullptr)) {
        ImGui::TextWrapped("A PNG or JPEG image. It is copied into the folder \"media\" beside the data file.");
        if (const auto chosen =
                m_mediaChooser.draw(c, ImGui::GetContentRegionAvail().y - 3 * ImGui::GetFrameHeight())) {
            const auto rel = io::bringMediaIntoFolder(*chosen, c.doc.path().parent_path(), &m_mediaError);
            if (rel) {
                Event after = e;
                after.media.push_back(Media{*rel, {}, {}});
                change(c, at, EventField::Media, after);
                ImGui::CloseCurrentPopup();
            }
        }
        if (!m_mediaError.empty()) errorText(c, m_mediaError.c_str());
        if (ImGui::Button("Cancel") || keyPressed(Key::Escape)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

// ===========================================================================
// [SECTION] draw
// ===========================================================================

void EventEditor::draw(Context& c, Index at) {
    const Dataset& ds = c.data();
    if (at >= ds.events.size()) return;
    const Event e = ds.events[at];  // a copy: edits below change the dataset
    IdScope scope(e.id.c_str());
    c.app.controls["details.window"] = {ImGui::GetWindowPos().x, ImGui::GetWindowPos().y,
                                        ImGui::GetWindowPos().x + ImGui::GetWindowSize().x,
                                        ImGui::GetWindowPos().y + ImGui::GetWindowSize().y};
    // What, when, where, who says so; then how sure, the story, the rest.
    drawHeader(c, at, e);
    drawWhen(c, at, e);
    if (c.doc.findEvent(e.id) != at) return;  // an edit above moved or removed it: draw the rest next frame
    drawWhere(c, at, e);
    if (c.doc.findEvent(e.id) != at) return;
    drawSources(c, at, e);
    drawCategoryAndConfidence(c, at, e);
    drawText(c, at, e);
    drawActorsAndTags(c, at, e);
    drawMedia(c, at, e);
    ImGui::Spacing();
}

}  // namespace meridian::ui

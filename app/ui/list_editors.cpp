#include "ui/list_editors.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <functional>

#include "io/parse_decimal.h"
#include "session/editing.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace meridian::ui {

namespace {

bool matches(const std::string& text, const std::string& filter) {
    if (filter.empty()) return true;
    auto lower = [](std::string s) {
        for (char& ch : s)
            if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        return s;
    };
    return lower(text).find(lower(filter)) != std::string::npos;
}

// Applies a change to a record found by id (a commit may come a frame later).
template <typename T>
void applyToRecord(Document& doc, RecordKind kind, const std::string& id, std::string* error,
                   const std::function<void(T&)>& set, std::string_view coalesce = {}) {
    const Index at = doc.find(kind, id);
    if (at == kNoIndex) return;
    T after = std::get<T>(recordAt(doc.data(), kind, at));
    set(after);
    if (Record(after) == recordAt(doc.data(), kind, at)) return;
    doc.apply(editRecordEdit(doc, at, std::move(after)), error, coalesce);
}

std::optional<double> parseNumber(const std::string& text) {
    double v = 0;
    const char* b = text.data();
    while (*b == ' ') ++b;
    // io::parseDecimal: the browser build's libc++ has no floating-point std::from_chars.
    const io::DecimalParse r = io::parseDecimal(b, text.data() + text.size());
    if (r.status != io::DecimalStatus::Ok) return std::nullopt;
    v = r.value;
    return v;
}

}  // namespace

template <typename T>
void ListEditors::recordText(Context& c, RecordKind kind, const T& record, const char* label, std::string T::*member,
                             const char* hint) {
    ImGui::TextUnformatted(label);
    const std::string id = std::string("##") + label;
    Document* doc = &c.doc;
    std::string* error = &m_message;
    m_fields.text(
        id.c_str(), record.*member,
        [doc, error, kind, rid = record.id, member](const std::string& text) {
            applyToRecord<T>(*doc, kind, rid, error, [&](T& r) { r.*member = text; });
        },
        0, hint);
}

void ListEditors::deleteButton(Context& c, RecordKind kind, Index at) {
    if (ImGui::SmallButton("Delete")) {
        std::string why;
        if (const auto edit = deleteRecordEdit(c.doc, kind, at, &why)) {
            if (!c.doc.apply(*edit, &why)) m_message = why;
        } else {
            m_message = std::string("Not deleted: ") + why + ". Change those events first.";
        }
    }
    if (ImGui::IsItemHovered()) {
        const std::string used = usedByText(c.doc, kind, at);
        ImGui::SetTooltip("%s", used.empty() ? "No event uses it (Edit > Undo brings it back)" : used.c_str());
    }
}

void ListEditors::drawInfo(Context& c) {
    const Dataset& ds = c.data();
    Document* doc = &c.doc;
    std::string* error = &m_message;
    auto problems = [&](const char* field) {
        if (c.app.editing.problems.revision == c.doc.revision()) fieldProblems(c, c.app.editing.problems.info(field));
    };
    ImGui::TextUnformatted("Title");
    m_fields.text("##dtitle", ds.title, [doc, error](const std::string& t) {
        DatasetInfo info = datasetInfo(doc->data());
        info.title = t;
        doc->apply(Edit::setInfo(doc->data(), info, "edit the dataset's title"), error);
    });
    c.reportControl("lists.info.title");
    problems("title");
    ImGui::TextUnformatted("Description");
    m_fields.text(
        "##ddescription", ds.description,
        [doc, error](const std::string& t) {
            DatasetInfo info = datasetInfo(doc->data());
            info.description = t;
            doc->apply(Edit::setInfo(doc->data(), info, "edit the dataset's description"), error);
        },
        4);
    problems("description");
    ImGui::TextUnformatted("Licence");
    m_fields.text(
        "##dlicense", ds.license,
        [doc, error](const std::string& t) {
            DatasetInfo info = datasetInfo(doc->data());
            info.license = t;
            doc->apply(Edit::setInfo(doc->data(), info, "edit the dataset's licence"), error);
        },
        0, "e.g. CC-BY-4.0");
    problems("license");
    ImGui::TextUnformatted("Authors (separated by commas)");
    m_fields.text("##dauthors", joinList(ds.authors), [doc, error](const std::string& t) {
        DatasetInfo info = datasetInfo(doc->data());
        info.authors = splitList(t);
        doc->apply(Edit::setInfo(doc->data(), info, "edit the dataset's authors"), error);
    });
    problems("authors");
}

void ListEditors::drawPlaces(Context& c) {
    const Dataset& ds = c.data();
    ImGui::TextWrapped("Click on the map in editing mode to add a place there; drag a place's marker to move it.");
    if (ImGui::Button("Add a place")) {
        const geo::CameraState& cam = c.session.camera;
        c.doc.apply(Edit::append(ds, newPlace(c.doc, "New place", cam.centerLatDeg, cam.centerLonDeg)), &m_message);
    }
    for (Index i = 0; i < ds.places.size(); ++i) {
        const Place p = ds.places[i];
        if (!matches(p.name + " " + p.country, m_filter)) continue;
        IdScope scope(p.id.c_str());
        const std::string header = p.name + (p.country.empty() ? "" : " (" + p.country + ")") + "###place";
        if (!ImGui::TreeNode(header.c_str())) continue;
        recordText(c, RecordKind::Place, p, "Name", &Place::name);
        recordText(c, RecordKind::Place, p, "Short label on the map", &Place::label, "optional");
        recordText(c, RecordKind::Place, p, "Country (ISO 3166 alpha-3)", &Place::country, "e.g. IRN");
        // Coordinates typed by hand.
        Document* doc = &c.doc;
        std::string* error = &m_message;
        char lat[32], lon[32];
        std::snprintf(lat, sizeof lat, "%.6g", p.latDeg);
        std::snprintf(lon, sizeof lon, "%.6g", p.lonDeg);
        ImGui::TextUnformatted("Latitude, longitude (degrees; south and west negative)");
        const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
        m_fields.text(
            "##lat", lat,
            [doc, error, id = p.id](const std::string& t) {
                if (const auto v = parseNumber(t))
                    applyToRecord<Place>(*doc, RecordKind::Place, id, error, [&](Place& r) {
                        r.latDeg = std::round(std::clamp(*v, -90.0, 90.0) * 1e6) / 1e6;
                    });
            },
            0, nullptr, half);
        ImGui::SameLine();
        m_fields.text(
            "##lon", lon,
            [doc, error, id = p.id](const std::string& t) {
                if (const auto v = parseNumber(t))
                    applyToRecord<Place>(*doc, RecordKind::Place, id, error, [&](Place& r) {
                        r.lonDeg = std::round(std::clamp(*v, -180.0, 180.0) * 1e6) / 1e6;
                    });
            },
            0, nullptr, half);
        bool approx = p.approx;
        if (ImGui::Checkbox("Approximate location", &approx))
            applyToRecord<Place>(c.doc, RecordKind::Place, p.id, &m_message, [&](Place& r) { r.approx = approx; });
        recordText(c, RecordKind::Place, p, "Note", &Place::note, "optional");
        if (c.app.editing.problems.revision == c.doc.revision())
            fieldProblems(c, c.app.editing.problems.at(RecordKind::Place, i));
        deleteButton(c, RecordKind::Place, i);
        ImGui::TreePop();
    }
}

void ListEditors::drawSources(Context& c) {
    const Dataset& ds = c.data();
    if (ImGui::Button("Add a source"))
        c.doc.apply(Edit::append(ds, newSource(c.doc, "New source", "Title", std::nullopt, "", SourceKind::Press)),
                    &m_message);
    for (Index i = 0; i < ds.sources.size(); ++i) {
        const Source s = ds.sources[i];
        if (!matches(s.citation(), m_filter)) continue;
        IdScope scope(s.id.c_str());
        const std::string header = s.citation() + "###source";
        if (!ImGui::TreeNode(header.c_str())) continue;
        recordText(c, RecordKind::Source, s, "Publisher", &Source::publisher);
        recordText(c, RecordKind::Source, s, "Title", &Source::title);
        recordText(c, RecordKind::Source, s, "Author", &Source::author, "optional");
        // The date, typed as written in the file.
        ImGui::TextUnformatted("Date (YYYY, YYYY-MM or YYYY-MM-DD)");
        Document* doc = &c.doc;
        std::string* error = &m_message;
        m_fields.text("##sdate", s.date ? s.date->iso() : std::string(), [doc, error, id = s.id](const std::string& t) {
            if (t.empty()) {
                applyToRecord<Source>(*doc, RecordKind::Source, id, error, [](Source& r) { r.date.reset(); });
                return;
            }
            const DateParseResult r = parseIsoDate(t);
            if (!r.date) {
                *error = "Date: " + r.error;
                return;
            }
            applyToRecord<Source>(*doc, RecordKind::Source, id, error, [&](Source& src) { src.date = r.date; });
        });
        recordText(c, RecordKind::Source, s, "Web address", &Source::url, "https://\u2026");
        recordText(c, RecordKind::Source, s, "Citing (whom it relies on)", &Source::via, "optional");
        recordText(c, RecordKind::Source, s, "Note", &Source::note, "optional");
        ImGui::TextUnformatted("Kind");
        ImGui::SetNextItemWidth(-1);
        if (ImGui::BeginCombo("##kind", sourceKindLabel(s.kind))) {
            for (int k = 0; k < kSourceKindCount; ++k) {
                const auto kind = static_cast<SourceKind>(k);
                if (ImGui::Selectable(sourceKindLabel(kind), kind == s.kind))
                    applyToRecord<Source>(c.doc, RecordKind::Source, s.id, &m_message,
                                          [&](Source& r) { r.kind = kind; });
            }
            ImGui::EndCombo();
        }
        if (c.app.editing.problems.revision == c.doc.revision())
            fieldProblems(c, c.app.editing.problems.at(RecordKind::Source, i));
        deleteButton(c, RecordKind::Source, i);
        ImGui::TreePop();
    }
}

void ListEditors::drawCategories(Context& c) {
    const Dataset& ds = c.data();
    ImGui::TextWrapped("Each category is a lane of the timeline, in this order.");
    if (ImGui::Button("Add a category")) c.doc.apply(Edit::append(ds, newCategory(c.doc, "New category")), &m_message);
    for (Index i = 0; i < ds.categories.size(); ++i) {
        const Category cat = ds.categories[i];
        IdScope scope(cat.id.c_str());
        // Colour (one history entry per use of the picker).
        const std::uint32_t rgba = ds.categoryColor(i);
        float col[3] = {static_cast<float>((rgba >> 24) & 0xFF) / 255.0f,
                        static_cast<float>((rgba >> 16) & 0xFF) / 255.0f,
                        static_cast<float>((rgba >> 8) & 0xFF) / 255.0f};
        if (ImGui::ColorEdit3("##color", col, ImGuiColorEditFlags_NoInputs)) {
            const auto byte = [](float v) {
                return static_cast<std::uint32_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255));
            };
            const std::uint32_t packed = (byte(col[0]) << 24) | (byte(col[1]) << 16) | (byte(col[2]) << 8) | 0xFF;
            applyToRecord<Category>(
                c.doc, RecordKind::Category, cat.id, &m_message,
                [&](Category& r) {
                    r.rgba = packed;
                    r.hasColor = true;
                },
                "category-colour:" + cat.id + ":" + std::to_string(m_colorDrag));
        }
        if (ImGui::IsItemDeactivated()) ++m_colorDrag;
        ImGui::SameLine();
        ImGui::BeginDisabled(i == 0);
        if (ImGui::ArrowButton("##up", ImGuiDir_Up))
            c.doc.apply(Edit::move(RecordKind::Category, i, i - 1, "move the lane " + cat.label + " up"), &m_message);
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(i + 1 == ds.categories.size());
        if (ImGui::ArrowButton("##down", ImGuiDir_Down))
            c.doc.apply(Edit::move(RecordKind::Category, i, i + 1, "move the lane " + cat.label + " down"), &m_message);
        ImGui::EndDisabled();
        ImGui::SameLine();
        const float deleteW =
            ImGui::CalcTextSize("Delete").x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x;
        Document* doc = &c.doc;
        std::string* error = &m_message;
        m_fields.text(
            "##label", cat.label,
            [doc, error, id = cat.id](const std::string& t) {
                applyToRecord<Category>(*doc, RecordKind::Category, id, error, [&](Category& r) { r.label = t; });
            },
            0, nullptr, ImGui::GetContentRegionAvail().x - deleteW);
        ImGui::SameLine();
        deleteButton(c, RecordKind::Category, i);
    }
}

void ListEditors::drawActors(Context& c) {
    const Dataset& ds = c.data();
    if (ImGui::Button("Add an actor")) c.doc.apply(Edit::append(ds, newActor(c.doc, "New actor")), &m_message);
    for (Index i = 0; i < ds.actors.size(); ++i) {
        const Actor a = ds.actors[i];
        if (!matches(a.name + " " + a.country, m_filter)) continue;
        IdScope scope(a.id.c_str());
        const std::string header = a.name + "###actor";
        if (!ImGui::TreeNode(header.c_str())) continue;
        recordText(c, RecordKind::Actor, a, "Name", &Actor::name);
        recordText(c, RecordKind::Actor, a, "Country (ISO 3166 alpha-3)", &Actor::country, "optional");
        deleteButton(c, RecordKind::Actor, i);
        ImGui::TreePop();
    }
}

void ListEditors::draw(Context& c) {
    EditingState& ed = c.app.editing;
    if (!ed.showLists || !c.doc.hasData()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize(ImVec2(std::min(vp->WorkSize.x * 0.8f, 620 * c.scale()), vp->WorkSize.y * 0.7f),
                             ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.45f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::Begin("The dataset: description, places, sources, categories, actors###lists", &ed.showLists,
                     ImGuiWindowFlags_NoSavedSettings)) {
        if (!m_message.empty()) {
            warningText(c, m_message.c_str());
            if (ImGui::SmallButton("OK")) m_message.clear();
        }
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##filter", "Filter the lists\u2026", &m_filter);
        if (ImGui::BeginTabBar("lists")) {
            const std::pair<const char*, void (ListEditors::*)(Context&)> tabs[] = {
                {"Description", &ListEditors::drawInfo}, {"Places", &ListEditors::drawPlaces},
                {"Sources", &ListEditors::drawSources},  {"Categories", &ListEditors::drawCategories},
                {"Actors", &ListEditors::drawActors},
            };
            for (const auto& [name, fn] : tabs) {
                if (ImGui::BeginTabItem(name)) {
                    ImGui::BeginChild(name);
                    (this->*fn)(c);
                    ImGui::EndChild();
                    ImGui::EndTabItem();
                }
            }
            ImGui::EndTabBar();
        }
    }
    ImGui::End();
}

}  // namespace meridian::ui

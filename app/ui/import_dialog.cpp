// The import dialog. Index:
//   [SECTION] Jobs (worker threads; one thread in the browser)
//   [SECTION] Stages: read, map, import
//   [SECTION] draw
//   [SECTION] Mapping: source, dates, columns, preview, places
//   [SECTION] Report
#include "ui/import_dialog.h"

#include <imgui.h>

#include <algorithm>
#include <atomic>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include "io/import/gazetteer.h"
#include "io/import/gazetteer_fold.h"
#include "ui/background_job.h"
#include "ui/job_progress.h"
#include "ui/keys.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace meridian::ui {

namespace {

constexpr const char* kPopup = "Import a file###import";
constexpr std::size_t kPreviewRows = 20;
constexpr const char* kDateOrderReason = "the dates can be read day-first or month-first";  // session/import_choices

// A cell as the file showed it, for the preview.
std::string cellText(const io::Cell& cell) {
    if (!cell.text.empty()) return cell.text;
    char buf[64];
    switch (cell.kind) {
        case io::Cell::Kind::Empty:
        case io::Cell::Kind::Text:
            return {};
        case io::Cell::Kind::Number:
            std::snprintf(buf, sizeof buf, "%g", cell.number);
            return buf;
        case io::Cell::Kind::Bool:
            return cell.number != 0 ? "true" : "false";
        case io::Cell::Kind::Date:
            std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", static_cast<long long>(cell.year), cell.month, cell.day);
            return buf;
        case io::Cell::Kind::DateTime:
            std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d %02d:%02d", static_cast<long long>(cell.year), cell.month,
                          cell.day, cell.hour, cell.minute);
            return buf;
    }
    return {};
}

// At most n characters (UTF-8 safe), with an ellipsis.
std::string shortened(std::string text, std::size_t n) {
    for (char& ch : text)
        if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
    if (text.size() <= n) return text;
    std::size_t cut = n;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "\u2026";
}

std::string dateText(const Event& e) {
    std::string out = (e.approx ? "c. " : "") + e.date.display();
    if (e.end) out += " \u2013 " + e.end->display();
    if (e.minuteOfDay) out += " " + formatTimeOfDay(*e.minuteOfDay);
    return out;
}

std::string placeText(const Dataset& ds, const Event& e) {
    auto name = [&](Index p) { return p < ds.places.size() ? ds.places[p].name : std::string("?"); };
    if (e.isConnection()) return name(e.from) + " \u2192 " + name(e.to);
    if (e.place != kNoIndex) return name(e.place);
    return {};
}

void forgetControls(AppState& app, std::string_view prefix) {
    for (auto it = app.controls.lower_bound(std::string(prefix));
         it != app.controls.end() && it->first.compare(0, prefix.size(), prefix) == 0;)
        it = app.controls.erase(it);
}

}  // namespace

// ===========================================================================
// [SECTION] Jobs (worker threads; one thread in the browser)
// ===========================================================================

// What reading a file gives: the source, and the gazetteer if this job loaded it.
struct ReadDone {
    io::ImportSourceResult read;
    std::shared_ptr<const io::Gazetteer> gazetteer;
    std::string gazetteerError;
};

// One read or one import, as a BackgroundJob (its own thread; at once in the
// browser build, which has one thread).
struct ImportDialog::Job {
    std::unique_ptr<BackgroundJob<ReadDone>> reading;
    std::unique_ptr<BackgroundJob<io::ImportResult>> importing;
    io::ColumnMapping mapping;  // the import's

    bool done() const { return reading ? reading->done() : importing->done(); }
    double fraction() const { return reading ? reading->fraction() : importing->fraction(); }
    double startedSec() const { return reading ? reading->startedSec() : importing->startedSec(); }
    bool cancelling() const { return reading ? reading->cancelling() : importing->cancelling(); }
    void cancel() {
        if (reading) reading->cancel();
        if (importing) importing->cancel();
    }
};

ImportDialog::ImportDialog() = default;

ImportDialog::~ImportDialog() {
    m_job.reset();  // before the source it may be reading
}

bool ImportDialog::working() const {
    return m_job != nullptr;
}

// ===========================================================================
// [SECTION] Stages: read, map, import
// ===========================================================================

void ImportDialog::start(Context& c, const std::string& path, bool askAlways) {
    if (m_stage == Stage::Closed) m_openPopup = true;
    m_path = path;
    m_askAlways = askAlways;
    m_source.reset();
    m_readDiagnostics.clear();
    m_preview = {};
    m_report = {};
    m_reportLines.clear();
    m_adopted = false;
    m_failure.clear();
    m_mappingError.clear();
    m_stage = Stage::Reading;
    // Tried again while it is missing (in the browser it is fetched when a table needs it).
    const bool loadGazetteer = !m_gazetteer;
    auto job = std::make_unique<Job>();
    job->reading = std::make_unique<BackgroundJob<ReadDone>>(
        [path, loadGazetteer, gazetteer = m_gazetteer](const io::ImportProgress& progress) {
            ReadDone done;
            done.gazetteer = gazetteer;
            if (loadGazetteer) {  // 135k places: loaded here, not on the UI thread
                std::string error;
                if (auto g = io::Gazetteer::loadDefault(&error))
                    done.gazetteer = std::move(g);
                else
                    done.gazetteerError = error.empty() ? "unknown error" : error;
            }
            io::OpenOptions options;
            options.gazetteer = done.gazetteer.get();
            options.progress = progress;
            done.read = io::openImportSource(path, options);
            return done;
        },
        c.now());
    m_job = std::move(job);
}

void ImportDialog::finishReading(Context& c) {
    const bool cancelled = m_job->cancelling();
    ReadDone done = m_job->reading->take();
    m_job.reset();
    if (done.gazetteer) m_gazetteer = done.gazetteer;
    m_gazetteerError = done.gazetteerError;
    io::ImportSourceResult read = std::move(done.read);
    if (cancelled) {
        m_stage = Stage::Closed;
        return;
    }
    if (read.format == io::FileFormat::MeridianJson) {  // our own file: no mapping, open it as such
        c.requests.openPath = m_path;
        m_stage = Stage::Closed;
        return;
    }
    if (!read.source) {
        m_failure = "Cannot import this file: the data shown is unchanged.";
        for (const Diagnostic& d : read.diagnostics) m_reportLines.push_back(d.format());
        m_stage = Stage::Report;
        return;
    }
    m_source = std::move(read.source);
    m_readDiagnostics = m_source->diagnostics;
    m_mapping = m_source->initialMapping();
    mappingChanged();
    if (!m_askAlways && m_reasons.empty())
        startImport(c);  // nothing to ask: straight on, in the background (reading problems are in the report)
    else
        m_stage = Stage::Mapping;
}

void ImportDialog::mappingChanged() {
    m_order = dateOrderQuestion(m_source->table, m_mapping);
    m_reasons = reasonsToReview(*m_source, m_mapping, m_order);
    io::OpenOptions options;
    options.gazetteer = m_gazetteer.get();
    m_preview = io::previewImportSource(*m_source, mappingToImport(m_mapping, m_order), options, kPreviewRows);
    // The places sharing an ambiguous name, with their coordinates (the gazetteer's search, not every frame).
    m_candidates.assign(m_preview.report.placeReviews.size(), std::string());
    if (!m_gazetteer) return;
    for (std::size_t k = 0; k < m_preview.report.placeReviews.size(); ++k) {
        const io::PlaceReview& review = m_preview.report.placeReviews[k];
        if (review.kind != io::PlaceReview::Kind::Ambiguous) continue;
        const std::string folded = io::foldPlaceName(review.name);
        for (const io::GazetteerEntry& e : m_gazetteer->search(review.name, 40)) {
            if (e.isCountry || io::foldPlaceName(e.name) != folded) continue;
            char buf[160];
            std::snprintf(buf, sizeof buf, "%s%s (%s, %.2f, %.2f)", m_candidates[k].empty() ? "" : "; ", e.name.c_str(),
                          e.country.c_str(), e.latDeg, e.lonDeg);
            m_candidates[k] += buf;
        }
    }
}

void ImportDialog::startImport(Context& c) {
    if (c.doc.isDirty()) {  // the import replaces the data: unsaved edits would be lost
        m_failure = "Not imported: save or undo your changes first (the import replaces the data shown).";
        m_reportLines.clear();
        m_adopted = false;
        m_stage = Stage::Report;
        return;
    }
    const io::ColumnMapping mapping = mappingToImport(m_mapping, m_order);
    m_mappingError.clear();
    m_failure.clear();
    m_adopted = false;
    if (m_remember && m_stage == Stage::Mapping) {
        std::string error;
        if (!io::saveMapping(io::mappingPathFor(m_path), mapping, &error))
            m_mappingError = "The mapping was not saved beside the file: " + error;
    }
    m_stage = Stage::Importing;
    auto job = std::make_unique<Job>();
    job->mapping = mapping;
    const io::ImportSource* source = &*m_source;
    job->importing = std::make_unique<BackgroundJob<io::ImportResult>>(
        [source, mapping, gazetteer = m_gazetteer](const io::ImportProgress& progress) {
            io::OpenOptions options;
            options.gazetteer = gazetteer.get();
            options.progress = progress;
            return io::runImport(*source, mapping, options);
        },
        c.now());
    m_job = std::move(job);
}

void ImportDialog::finishImport(Context& c) {
    io::ImportResult result = m_job->importing->take();
    const io::ColumnMapping mapping = m_job->mapping;
    m_job.reset();
    m_report = result.report;
    m_reportLines = reportLines(result.report, m_source->rowWord);
    // What the reader could not give (rows it dropped, an encoding it guessed), after the count.
    std::vector<std::string> reading;
    for (const Severity severity : {Severity::Error, Severity::Warning})
        for (const Diagnostic& d : m_source->diagnostics)
            if (d.severity == severity)
                reading.push_back((severity == Severity::Error ? "skipped: " : "note: ") + d.format());
    m_reportLines.insert(m_reportLines.begin() + (m_reportLines.empty() ? 0 : 1), reading.begin(), reading.end());
    if (result.report.cancelled) {
        m_failure = "Cancelled: the data shown is unchanged.";
    } else if (!result.ok()) {
        m_failure = "No events could be read: the data shown is unchanged.";
    } else {
        auto done = std::make_shared<FinishedImport>();
        done->path = m_path;
        done->format = m_source->format;
        done->data = std::move(*result.dataset);
        done->diagnostics = m_source->diagnostics;
        for (Diagnostic& d : result.report.diagnostics(m_source->fileName, m_source->rowWord))
            done->diagnostics.push_back(std::move(d));
        done->summary = result.report.summary();
        done->mapping = mapping;
        c.requests.adoptImport = std::move(done);
        m_adopted = true;
        // Nothing to report beyond the count (a file that needed no question): the status bar says it.
        const bool clean = result.report.skipped == 0 && result.report.placeReviews.empty() &&
                           result.report.problems.empty() && m_mappingError.empty() && reading.empty();
        if (clean && !m_askAlways && m_reasons.empty()) {
            m_stage = Stage::Closed;
            return;
        }
    }
    m_stage = Stage::Report;
}

void ImportDialog::publish(Context& c) const {
    ImportStatus& s = c.app.import;
    if (m_stage == Stage::Closed) {  // nothing to copy in an idle frame
        if (!s.stage.empty() || !s.fields.empty() || !s.report.empty()) s = {};
        return;
    }
    constexpr const char* kStages[] = {"", "choose", "reading", "mapping", "importing", "report"};
    s.stage = kStages[static_cast<int>(m_stage)];
    s.fields.clear();
    if (m_source)
        for (std::size_t i = 0; i < m_source->table.columns.size(); ++i)
            s.fields.push_back(io::fieldId(m_mapping.fieldOf(i)));
    s.dateOrder = io::dayMonthOrderId(m_mapping.dateOrder);
    s.askingDateOrder = m_source && m_order.ask && m_mapping.dateOrder == io::DayMonthOrder::Unknown;
    s.progress = m_job ? m_job->fraction() : 0.0;
    s.report = m_reportLines;
    if (!m_failure.empty()) s.report.insert(s.report.begin(), m_failure);
}

// ===========================================================================
// [SECTION] draw
// ===========================================================================

void ImportDialog::draw(Context& c) {
    Requests& r = c.requests;
    if (r.showImportDialog) {
        r.showImportDialog = false;
        if (!m_job) {
            if (m_stage == Stage::Closed) m_openPopup = true;
            std::error_code ec;
            const std::filesystem::path folder = c.doc.path().empty()
                                                     ? std::filesystem::current_path(ec)
                                                     : std::filesystem::absolute(c.doc.path(), ec).parent_path();
            m_chooser.reset(folder, FileChooser::Mode::OpenFile,
                            {".csv", ".tsv", ".txt", ".json", ".geojson", ".xlsx", ".xlsm", ".ods", ".xls", ".kml",
                             ".kmz", ".gpx", ".gpkg"});
            m_stage = Stage::ChooseFile;
        }
    }
    if (r.importPath) {
        const std::string path = *r.importPath;
        r.importPath.reset();
        if (m_job)
            c.status("An import is already running: wait for it or cancel it first.");
        else
            start(c, path, false);
    }
    if (m_job && m_job->done()) {
        if (m_stage == Stage::Reading)
            finishReading(c);
        else if (m_stage == Stage::Importing)
            finishImport(c);
    }
    publish(c);
    if (m_stage == Stage::Closed && !ImGui::IsPopupOpen(kPopup)) {
        m_source.reset();  // a big file's text is not kept once the dialog is gone
        return;
    }
    if (m_openPopup) {
        ImGui::OpenPopup(kPopup);
        m_openPopup = false;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x * 0.92f, vp->WorkSize.y * 0.92f), ImGuiCond_Appearing);
    // Outlined frames: an unticked box or radio stays visible on the light theme's white.
    StyleVars vars;
    vars.push(ImGuiStyleVar_FrameBorderSize, std::max(1.0f, c.scale()));
    if (!ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    switch (m_stage) {
        case Stage::Closed:
            ImGui::CloseCurrentPopup();
            break;
        case Stage::ChooseFile:
            drawChooser(c);
            break;
        case Stage::Reading:
            drawProgress(c, "Reading");
            break;
        case Stage::Mapping:
            drawMapping(c);
            break;
        case Stage::Importing:
            drawProgress(c, "Importing");
            break;
        case Stage::Report:
            drawReport(c);
            break;
    }
    if (m_stage == Stage::Closed) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void ImportDialog::drawChooser(Context& c) {
    ImGui::TextWrapped(
        "Choose a spreadsheet (CSV, TSV%s), a TimelineJS file or GeoJSON%s. Its columns are matched to dates, "
        "titles and places next.",
        io::canReadWorkbooks() ? ", .xlsx, .ods" : "", io::canReadWorkbooks() ? ", KML, GPX or GeoPackage" : "");
    if (auto chosen = m_chooser.draw(c, -ImGui::GetFrameHeightWithSpacing() * 1.6f)) start(c, chosen->string(), true);
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || keyPressed(Key::Escape)) m_stage = Stage::Closed;
}

void ImportDialog::drawProgress(Context& c, const char* what) {
    JobProgressView v;
    v.what = what;
    v.fileName = std::filesystem::path(m_path).filename().string();
    v.elapsedSec = m_job ? c.now() - m_job->startedSec() : 0;
    v.fraction = m_job ? m_job->fraction() : 0.0;
    if (m_stage == Stage::Reading && !m_gazetteer && m_gazetteerError.empty())
        v.notes.push_back("Loading the place names too (GeoNames, once per session).");
    v.notes.push_back("The data shown stays until the import is done; Cancel keeps it.");
    v.cancelling = m_job && m_job->cancelling();
    v.cancelControl = "import.cancel";
    if (drawJobProgress(c, v) && m_job) m_job->cancel();
}

// ===========================================================================
// [SECTION] Mapping: source, dates, columns, preview, places
// ===========================================================================

void ImportDialog::drawMapping(Context& c) {
    const float sc = c.scale();
    // The footer (remember + buttons) keeps its place; the rest scrolls.
    const float footerH = ImGui::GetFrameHeightWithSpacing() * 2.2f + ImGui::GetStyle().ItemSpacing.y;
    ImGui::BeginChild("##mapping", ImVec2(0, -footerH), false);
    drawSourceLine(c);
    if (!m_reasons.empty()) {
        ImGui::Spacing();
        for (const std::string& reason : m_reasons)
            if (reason.rfind(kDateOrderReason, 0) != 0)  // asked below, with its two readings
                warningText(c, ("\u2022 " + reason).c_str());
    }
    drawDateOrder(c);
    ImGui::Spacing();
    drawColumns(c);
    ImGui::Spacing();
    drawPreview(c);
    drawPlaces(c);
    ImGui::EndChild();

    ImGui::Separator();
    const std::string mappingFile = io::mappingPathFor(m_path).filename().string();
    ImGui::Checkbox("Remember these columns for the next open", &m_remember);
    c.reportControl("import.remember");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Saved beside the file as %s", mappingFile.c_str());
    const bool needOrder = m_order.ask && m_mapping.dateOrder == io::DayMonthOrder::Unknown;
    ImGui::BeginDisabled(needOrder);
    char label[96];
    const std::size_t rows = m_source->totalRows ? m_source->totalRows : m_source->table.rows.size();
    std::snprintf(label, sizeof label, "Import %zu %s%s", rows, m_source->rowWord.c_str(), rows == 1 ? "" : "s");
    // Enter imports too (not while a combo's list is open: it has the focus then).
    const bool enter = !needOrder && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
                       !ImGui::GetIO().WantTextInput && keyPressed(Key::Enter, false);
    if (ImGui::Button(label) || enter) startImport(c);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Enter");
    c.reportControl("import.go");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) m_stage = Stage::Closed;
    c.reportControl("import.close");
    if (needOrder) {
        ImGui::SameLine(0, 16 * sc);
        warningText(c, "Say how the dates are written (above) first.");
    }
}

void ImportDialog::drawSourceLine(Context& c) {
    const io::ImportSource& src = *m_source;
    {
        FontScope bold(c.fonts.bold ? c.fonts.bold : ImGui::GetFont());
        ImGui::TextWrapped("%s", std::filesystem::path(m_path).filename().string().c_str());
    }
    std::string about = io::fileFormatName(src.format);
    if (src.format == io::FileFormat::Csv)
        about += std::string(", ") + io::delimiterName(src.dialect.delimiter) + "-separated, " +
                 io::textEncodingName(src.dialect.encoding) + (src.dialect.encodingGuessed ? " (guessed)" : "");
    if (!src.table.name.empty()) about += ", sheet \"" + src.table.name + "\"";
    const std::size_t rows = src.totalRows ? src.totalRows : src.table.rows.size();
    about += "; " + std::to_string(rows) + " " + src.rowWord + (rows == 1 ? "" : "s") + ", " +
             std::to_string(src.table.columns.size()) + " columns";
    if (src.tableIsSample)
        about += " (the preview and questions use the first " + std::to_string(src.table.rows.size()) + ")";
    if (src.savedMapping) about += "; the columns saved last time are used";
    if (src.guess.timelineJsSheet) about += "; TimelineJS's spreadsheet template";
    ImGui::TextWrapped("%s", about.c_str());
    if (!m_readDiagnostics.empty()) {
        const std::string header = std::to_string(m_readDiagnostics.size()) + " note" +
                                   (m_readDiagnostics.size() == 1 ? "" : "s") + " from reading the file###readnotes";
        if (ImGui::TreeNode(header.c_str())) {
            for (const Diagnostic& d : m_readDiagnostics) {
                if (d.severity == Severity::Error)
                    errorText(c, d.format().c_str());
                else
                    ImGui::TextWrapped("%s", d.format().c_str());
            }
            ImGui::TreePop();
        }
    }
    if (!m_gazetteerError.empty())
        warningText(
            c, ("Places cannot be found by name: " + m_gazetteerError + ". Latitude and longitude columns still work.")
                   .c_str());
}

void ImportDialog::drawDateOrder(Context& c) {
    const DateOrderQuestion& q = m_order;
    if (q.ambiguousCount == 0 && !q.ask) return;
    ImGui::Spacing();
    const io::DayMonthOrder shown = m_mapping.dateOrder != io::DayMonthOrder::Unknown ? m_mapping.dateOrder : q.decided;
    std::string question;  // (when asking)
    if (q.row > 0)
        question = ("\"" + q.text + "\" in " + m_source->rowWord + " " + std::to_string(q.row) + ", column \"" +
                    q.column + "\": is it " + q.dayFirst + " or " + q.monthFirst + "?");
    if (q.ambiguousCount > 1) question += " (" + std::to_string(q.ambiguousCount) + " dates can be read both ways.)";
    if (q.ask && m_mapping.dateOrder == io::DayMonthOrder::Unknown) {
        FontScope bold(c.fonts.bold ? c.fonts.bold : ImGui::GetFont());
        warningText(c, ("How are the dates written? " + question).c_str());
        if (q.conflicting) warningText(c, q.explanation.c_str());
    } else {
        const bool dayFirst = shown == io::DayMonthOrder::DayFirst;
        std::string said = dayFirst ? "Dates are read day first" : "Dates are read month first";
        if (m_mapping.dateOrder == io::DayMonthOrder::Unknown || m_mapping.dateOrder == q.decided)
            said += ", as the data says" + (q.explanation.empty() ? std::string() : " (" + q.explanation + ")");
        if (q.row > 0)
            said += ": \"" + q.text + "\" in " + m_source->rowWord + " " + std::to_string(q.row) + " is " +
                    (dayFirst ? q.dayFirst : q.monthFirst);
        ImGui::TextWrapped("%s.", said.c_str());
    }
    const std::string dayFirst = "Day first (" + (q.dayFirst.empty() ? std::string("31/12/2006") : q.dayFirst) + ")";
    const std::string monthFirst =
        "Month first (" + (q.monthFirst.empty() ? std::string("12/31/2006") : q.monthFirst) + ")";
    if (ImGui::RadioButton(dayFirst.c_str(), shown == io::DayMonthOrder::DayFirst)) {
        m_mapping.dateOrder = io::DayMonthOrder::DayFirst;
        mappingChanged();
    }
    c.reportControl("import.dayFirst");
    ImGui::SameLine();
    if (ImGui::RadioButton(monthFirst.c_str(), shown == io::DayMonthOrder::MonthFirst)) {
        m_mapping.dateOrder = io::DayMonthOrder::MonthFirst;
        mappingChanged();
    }
    c.reportControl("import.monthFirst");
}

void ImportDialog::drawColumns(Context& c) {
    const io::Table& table = m_source->table;
    ImGui::TextUnformatted("Columns: what each one holds");
    forgetControls(c.app, "import.choice.");
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##columns", 4, flags)) return;
    ImGui::TableSetupColumn("Column", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Imported as", ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn("First values", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn("Why", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableHeadersRow();
    int changed = -1;
    io::Field chosen = io::Field::Ignore;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        IdScope id(static_cast<int>(i));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", table.columns[i].empty() ? "(no name)" : table.columns[i].c_str());
        ImGui::TableNextColumn();
        const io::Field current = m_mapping.fieldOf(i);
        ImGui::SetNextItemWidth(-FLT_MIN);
        const std::string control = "import.field." + std::to_string(i);
        const bool open = ImGui::BeginCombo("##field", io::fieldLabel(current), ImGuiComboFlags_HeightLargest);
        if (!open) c.reportControl(control.c_str());
        if (open) {
            auto offer = [&](io::Field f) {
                if (ImGui::Selectable(io::fieldLabel(f), f == current)) changed = static_cast<int>(i), chosen = f;
                if (ImGui::IsItemVisible()) c.reportControl(("import.choice." + std::string(io::fieldId(f))).c_str());
                if (f == current) ImGui::SetItemDefaultFocus();
            };
            offer(io::Field::Ignore);
            for (const FieldGroup& g : fieldGroups()) {
                ImGui::Separator();
                ImGui::TextDisabled("%s", g.label);
                for (const io::Field f : g.fields) offer(f);
            }
            ImGui::EndCombo();
        }
        ImGui::TableNextColumn();
        std::string examples;
        int shown = 0;
        for (const io::TableRow& row : table.rows) {
            if (i >= row.cells.size() || row.cells[i].empty()) continue;
            examples += (examples.empty() ? "" : "  \u00b7  ") + shortened(cellText(row.cells[i]), 28);
            if (++shown == 3) break;
        }
        ImGui::TextWrapped("%s", examples.c_str());
        ImGui::TableNextColumn();
        const std::string& why =
            i < m_source->guess.reasons.size() && m_mapping.fieldOf(i) == m_source->guess.mapping.fieldOf(i)
                ? m_source->guess.reasons[i]
                : std::string();
        if (!why.empty()) {
            StyleColors col;
            col.push(ImGuiCol_Text, palette(c.look.theme).textMuted);
            ImGui::TextWrapped("%s", why.c_str());
        } else if (m_mapping.fieldOf(i) != m_source->guess.mapping.fieldOf(i)) {
            ImGui::TextDisabled("your choice");
        }
    }
    ImGui::EndTable();
    if (changed >= 0) {
        const int moved = assignField(m_mapping, static_cast<std::size_t>(changed), chosen);
        if (moved >= 0)
            c.status(std::string("\"") + table.columns[static_cast<std::size_t>(moved)] + "\" is no longer " +
                     io::fieldLabel(chosen) + " (one column only)");
        mappingChanged();
    }
}

void ImportDialog::drawPreview(Context& c) {
    const std::size_t n = std::min(kPreviewRows, m_source->table.rows.size());
    ImGui::Text("Preview of the first %zu %s%s", n, m_source->rowWord.c_str(), n == 1 ? "" : "s");
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    if (ImGui::RadioButton("as events", !m_previewRaw)) m_previewRaw = false;
    ImGui::SameLine();
    if (ImGui::RadioButton("as read from the file", m_previewRaw)) m_previewRaw = true;
    if (m_order.ask && m_mapping.dateOrder == io::DayMonthOrder::Unknown)
        warningText(c, "The rows whose dates read both ways are left out until the question above is answered.");
    // As tall as its rows (a few), at most about ten lines: the problems below stay in sight.
    const float lineH = ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().CellPadding.y * 2;
    const auto heightFor = [&](std::size_t rows) {
        return lineH * (static_cast<float>(std::clamp<std::size_t>(rows, 1, 9)) + 1.4f);
    };
    if (!m_previewRaw) {
        const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                      ImGuiTableFlags_SizingStretchProp;
        const std::size_t events = m_preview.dataset ? m_preview.dataset->events.size() : 0;
        if (m_preview.dataset && ImGui::BeginTable("##events", 4, flags, ImVec2(0, heightFor(events)))) {
            const Dataset& ds = *m_preview.dataset;
            ImGui::TableSetupScrollFreeze(0, 1);
            ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch, 2.0f);
            ImGui::TableSetupColumn("Place", ImGuiTableColumnFlags_WidthStretch, 1.4f);
            ImGui::TableSetupColumn("Category", ImGuiTableColumnFlags_WidthStretch, 0.9f);
            ImGui::TableHeadersRow();
            for (const Event& e : ds.events) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(dateText(e).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(shortened(e.title, 80).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(placeText(ds, e).c_str());
                ImGui::TableNextColumn();
                if (e.category < ds.categories.size()) ImGui::TextUnformatted(ds.categories[e.category].label.c_str());
            }
            ImGui::EndTable();
        }
        const std::vector<std::string> lines = reportLines(m_preview.report, m_source->rowWord, 12);
        const bool orderPending = m_order.ask && m_mapping.dateOrder == io::DayMonthOrder::Unknown;
        for (std::size_t k = 0; k < lines.size(); ++k) {
            if (orderPending && lines[k].find("day-first or month-first") != std::string::npos)
                continue;  // asked above
            if (k == 0) {
                ImGui::TextWrapped("In the preview: %s", lines[0].c_str());
            } else if (lines[k].rfind("skipped:", 0) == 0) {
                errorText(c, lines[k].c_str());
            } else if (lines[k].rfind("place", 0) != 0) {  // places have their own section
                ImGui::TextWrapped("%s", lines[k].c_str());
            }
        }
    } else {
        const io::Table& t = m_source->table;
        const int columns = static_cast<int>(std::min<std::size_t>(t.columns.size() + 1, 64));
        const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX |
                                      ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
        if (columns > 1 && ImGui::BeginTable("##rows", columns, flags, ImVec2(0, heightFor(n) + lineH))) {
            ImGui::TableSetupScrollFreeze(1, 1);
            ImGui::TableSetupColumn(m_source->rowWord == "row" ? "Row" : "#");
            for (int k = 1; k < columns; ++k)
                ImGui::TableSetupColumn(t.columns[static_cast<std::size_t>(k - 1)].c_str());
            ImGui::TableHeadersRow();
            for (std::size_t row = 0; row < n; ++row) {
                const io::TableRow& r = t.rows[row];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::Text("%u", r.rowNumber);
                for (int k = 1; k < columns; ++k) {
                    ImGui::TableNextColumn();
                    const std::size_t col = static_cast<std::size_t>(k - 1);
                    if (col < r.cells.size()) ImGui::TextUnformatted(shortened(cellText(r.cells[col]), 40).c_str());
                }
            }
            ImGui::EndTable();
        }
        if (t.columns.size() + 1 > 64) ImGui::TextDisabled("The first 63 of %zu columns are shown.", t.columns.size());
    }
}

void ImportDialog::drawPlaces(Context& c) {
    const io::ImportReport& r = m_preview.report;
    if (r.events == 0 && r.placeReviews.empty()) return;
    ImGui::Spacing();
    ImGui::TextWrapped("Places: %zu of the %zu events in the preview are on the map.", r.onMap, r.events);
    for (const io::PlaceReview& review : r.placeReviews) {
        std::string rows;
        for (const unsigned row : review.rows) rows += (rows.empty() ? "" : ", ") + std::to_string(row);
        const std::string line = "\u2022 " + review.explanation + " (" + m_source->rowWord + " " + rows + ")";
        if (review.kind == io::PlaceReview::Kind::NotFound) {
            warningText(c, line.c_str());
            continue;
        }
        ImGui::TextWrapped("%s", line.c_str());
        // The other candidates (found once per preview): where a different one was meant.
        const std::size_t k = static_cast<std::size_t>(&review - r.placeReviews.data());
        if (k < m_candidates.size() && !m_candidates[k].empty())
            ImGui::TextDisabled("   Places of that name: %s", m_candidates[k].c_str());
    }
    if (!r.placeReviews.empty())
        ImGui::TextDisabled(
            "To choose another place, write its country after the name in the file (\"Tripoli, Lebanon\"), map a "
            "Country column, or give Latitude and Longitude columns.");
}

// ===========================================================================
// [SECTION] Report
// ===========================================================================

void ImportDialog::drawReport(Context& c) {
    const std::string name = std::filesystem::path(m_path).filename().string();
    {
        FontScope bold(c.fonts.bold ? c.fonts.bold : ImGui::GetFont());
        ImGui::TextWrapped("%s", name.c_str());
    }
    if (!m_failure.empty()) errorText(c, m_failure.c_str());
    if (m_adopted) {
        FontScope large(c.fonts.title ? c.fonts.title : ImGui::GetFont());
        ImGui::TextWrapped("%s", m_report.summary().c_str());
    }
    if (m_adopted)
        ImGui::TextWrapped(
            "Imported: the map and the timeline show it now. %s is not changed; File > Save as (Ctrl+Shift+S) "
            "keeps the data as Meridian JSON.",
            name.c_str());
    if (!m_mappingError.empty()) warningText(c, m_mappingError.c_str());
    const float footerH = ImGui::GetFrameHeightWithSpacing() * 1.4f;
    ImGui::BeginChild("##report", ImVec2(0, -footerH), true);
    for (std::size_t k = 0; k < m_reportLines.size(); ++k) {
        const std::string& line = m_reportLines[k];
        if (k == 0 && m_adopted) continue;  // the summary, shown above
        if (line.rfind("skipped:", 0) == 0 || (!m_adopted && m_report.rows == 0))
            errorText(c, line.c_str());
        else if (line.rfind("place", 0) == 0)
            warningText(c, line.c_str());
        else
            ImGui::TextWrapped("%s", line.c_str());
    }
    ImGui::EndChild();
    const bool close = ImGui::Button("Close");
    c.reportControl("import.close");
    if (close || keyPressed(Key::Escape)) m_stage = Stage::Closed;
    if (m_source) {
        ImGui::SameLine();
        if (ImGui::Button("Change the columns and import again")) {
            m_stage = Stage::Mapping;
            m_failure.clear();
        }
        c.reportControl("import.again");
    }
}

}  // namespace meridian::ui

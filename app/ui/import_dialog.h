// File > Import (and any spreadsheet, TimelineJS or geodata file opened or
// dropped): the file is read on a worker thread, then the dialog shows the
// first rows, the guessed column mapping with a combo per column, the day/month
// question when the dates read both ways, the places found by name; Import runs
// on a worker thread with a progress bar and Cancel, and the report lists every
// skipped row. A file whose mapping needs no question (saved beside it, or a
// structured file) is imported at once, still in the background.
//
// The questions and the report's lines are session/import_choices (pure); the
// reading and importing are io/import/open_any.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "io/import/open_any.h"
#include "session/import_choices.h"
#include "ui/context.h"
#include "ui/file_chooser.h"

namespace meridian::ui {

class ImportDialog {
public:
    ImportDialog();
    ~ImportDialog();  // cancels a running job and waits for it
    ImportDialog(const ImportDialog&) = delete;
    ImportDialog& operator=(const ImportDialog&) = delete;

    void draw(Context& c);
    // A worker thread runs (reading or importing): the app polls for frames to show progress.
    bool working() const;

private:
    enum class Stage { Closed, ChooseFile, Reading, Mapping, Importing, Report };
    struct Job;

    void start(Context& c, const std::string& path, bool askAlways);
    void finishReading(Context& c);
    void mappingChanged();
    void startImport(Context& c);
    void finishImport(Context& c);
    void publish(Context& c) const;

    void drawChooser(Context& c);
    void drawProgress(Context& c, const char* what);
    void drawMapping(Context& c);
    void drawSourceLine(Context& c);
    void drawDateOrder(Context& c);
    void drawColumns(Context& c);
    void drawPreview(Context& c);
    void drawPlaces(Context& c);
    void drawReport(Context& c);

    Stage m_stage = Stage::Closed;
    bool m_openPopup = false;  // OpenPopup on the next draw (inside the right ID stack)
    bool m_askAlways = false;  // File > Import: show the mapping even when nothing needs asking
    std::string m_path;
    FileChooser m_chooser;
    std::unique_ptr<Job> m_job;
    std::shared_ptr<const io::Gazetteer> m_gazetteer;  // loaded by the first job, kept for the next
    std::string m_gazetteerError;

    std::optional<io::ImportSource> m_source;
    std::vector<Diagnostic> m_readDiagnostics;
    io::ColumnMapping m_mapping;
    DateOrderQuestion m_order;
    std::vector<std::string> m_reasons;
    io::ImportResult m_preview;
    bool m_remember = true;
    bool m_previewRaw = false;   // the preview shows the rows as read, not as events
    std::string m_mappingError;  // saving the mapping beside the file failed

    io::ImportReport m_report;
    std::vector<std::string> m_reportLines;
    bool m_adopted = false;  // the import became the document
    std::string m_failure;   // the file could not be read, or no event came out
};

}  // namespace meridian::ui

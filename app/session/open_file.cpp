#include "session/open_file.h"

#include <filesystem>

#include "session/filtering.h"

namespace meridian {

namespace {

std::vector<std::string> idsOf(const std::vector<Index>& indices, const auto& list) {
    std::vector<std::string> ids;
    for (Index i : indices)
        if (i < list.size()) ids.push_back(list[i].id);
    return ids;
}

std::vector<Index> indicesOf(const std::vector<std::string>& ids, const auto& list) {
    std::vector<Index> out;
    for (const std::string& id : ids)
        for (Index i = 0; i < list.size(); ++i)
            if (list[i].id == id) out.push_back(i);
    return out;
}

}  // namespace

LoadReport openFile(Document& doc, Session& s, const std::string& path, const io::OpenOptions& options) {
    return adoptFile(doc, s, readFile(path, options));
}

ReadFile readFile(const std::string& path, const io::OpenOptions& options) {
    ReadFile read;
    read.path = path;
    std::error_code ec;
    read.fileTime = std::filesystem::last_write_time(path, ec);
    read.result = io::loadAnyFile(path, options);
    return read;
}

LoadReport adoptFile(Document& doc, Session& s, ReadFile read) {
    io::AnyFileResult& result = read.result;
    if (!result.ok()) {
        LoadReport report;  // the document keeps its data, its file and its file time
        report.path = read.path;
        report.diagnostics = std::move(result.diagnostics);
        report.format = result.format;
        return report;
    }
    const std::string summary = result.summary();
    LoadReport report =
        adoptDataset(doc, s, std::move(*result.dataset), read.path, std::move(result.diagnostics), result.format);
    report.summary = summary;
    doc.setFileTime(read.fileTime);
    return report;
}

LoadReport adoptDataset(Document& doc, Session& s, Dataset data, const std::string& path,
                        std::vector<Diagnostic> diagnostics, io::FileFormat format) {
    LoadReport report;
    report.path = path;
    report.diagnostics = std::move(diagnostics);
    report.format = format;
    std::error_code ec;
    const auto fileTime = std::filesystem::last_write_time(path, ec);
    report.ok = true;
    report.reload = doc.hasData() && std::filesystem::path(path) == doc.path();
    // Filters by id, so that they survive the new numbering.
    const std::vector<std::string> categories = idsOf(s.filter.categories, doc.data().categories);
    const std::vector<std::string> actors = idsOf(s.filter.actors, doc.data().actors);
    const std::string storyId =
        s.story && s.story->story < doc.data().stories.size() ? doc.data().stories[s.story->story].id : "";
    doc.replaceAll(std::move(data), path, fileTime);
    doc.setDiagnostics(report.diagnostics);
    const Dataset& ds = doc.data();
    s.view.hovered = kNoIndex;
    if (report.reload) {
        // The playhead stays; the selection is found again by id (session/tick).
        s.filter.categories = indicesOf(categories, ds.categories);
        s.filter.actors = indicesOf(actors, ds.actors);
        if (s.story) {
            const Index story = doc.findStory(storyId);
            if (story == kNoIndex)
                s.story.reset();
            else
                s.story->story = story;
        }
    } else {
        s.view.selected = kNoIndex;
        s.selectedId.clear();
        s.view.setHighlighted({});
        s.view.window.reset();
        s.view.playing = false;
        s.view.playheadDay = static_cast<double>(ds.extent.last);
        s.story.reset();
        s.pendingStory.reset();
        s.flight.reset();
        s.fitRequested = true;
        s.filter.categories.clear();
        s.filter.actors.clear();
    }
    refilter(s, ds, doc.revision());
    return report;
}

}  // namespace meridian

#include "ui/app_context.h"

#include <cstdio>
#include <filesystem>

#include "geo/projection.h"
#include "io/dataset_loader.h"

namespace meridian::ui {

const char* themeId(Theme t) {
    switch (t) {
        case Theme::Dark:
            return "dark";
        case Theme::Light:
            return "light";
        case Theme::Projector:
            return "projector";
    }
    return "dark";
}

std::optional<Theme> parseTheme(std::string_view id) {
    for (Theme t : {Theme::Dark, Theme::Light, Theme::Projector})
        if (id == themeId(t)) return t;
    return std::nullopt;
}

void AppContext::refilter() {
    // Filters refer to the dataset's indices: drop those a reload made invalid.
    auto keep = [](std::vector<Index>& v, std::size_t n) { std::erase_if(v, [n](Index i) { return i >= n; }); };
    keep(filter.categories, dataset.categories.size());
    keep(filter.actors, dataset.actors.size());
    filtered = applyFilter(dataset, filter);
    // Unique across contexts and exports (an export swaps its own state in and out).
    static std::uint64_t counter = 0;
    filterVersion = ++counter;
}

bool loadIntoContext(AppContext& ctx, const std::string& path) {
    const bool reload = ctx.hasDataset && path == ctx.dataFile;
    const std::string selectedId =
        reload && ctx.view.selected < ctx.dataset.events.size() ? ctx.dataset.events[ctx.view.selected].id : "";
    const double playhead = ctx.view.playheadDay;
    std::error_code ec;
    ctx.dataFileTime = std::filesystem::last_write_time(path, ec);
    io::DatasetLoadResult result = io::loadDataset(path);
    ctx.diagnostics = std::move(result.diagnostics);
    for (const io::Diagnostic& d : ctx.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
    if (!result.ok()) {
        ctx.showDiagnostics = true;
        return false;
    }
    ctx.dataset = std::move(*result.dataset);
    ctx.hasDataset = true;
    ctx.dataFile = path;
    ctx.showDiagnostics = !ctx.diagnostics.empty();
    ctx.view.selected = kNoIndex;
    ctx.view.hovered = kNoIndex;
    if (reload) {
        ctx.view.playheadDay = playhead;
        if (!selectedId.empty()) ctx.view.selected = ctx.dataset.findEvent(selectedId);
    } else {
        ctx.view.playheadDay = static_cast<double>(ctx.dataset.extent.last);
        ctx.fitRequested = true;
        const std::string absolute = std::filesystem::absolute(path, ec).lexically_normal().string();
        io::addRecentFile(ctx.settings, absolute);
        ctx.settings.lastFile = absolute;
    }
    // Filters were saved by id: resolve them against this dataset.
    auto resolve = [](const std::vector<std::string>& ids, const auto& list) {
        std::vector<Index> out;
        for (const std::string& id : ids)
            for (Index i = 0; i < list.size(); ++i)
                if (list[i].id == id) out.push_back(i);
        return out;
    };
    if (!reload) {
        ctx.filter.categories = resolve(ctx.settings.categories, ctx.dataset.categories);
        ctx.filter.actors = resolve(ctx.settings.actors, ctx.dataset.actors);
    }
    ctx.refilter();
    return true;
}

}  // namespace meridian::ui

namespace meridian::ui {

void applySettings(AppContext& ctx, const io::Settings& s) {
    ctx.settings = s;
    if (const auto t = parseTheme(s.theme)) ctx.theme = *t;
    ctx.uiScale = static_cast<float>(s.uiScale);
    ctx.sidePanelFraction = static_cast<float>(s.sidePanelFraction);
    ctx.timelineFraction = static_cast<float>(s.timelineFraction);
    ctx.eventsFraction = static_cast<float>(s.eventsFraction);
    if (const auto p = geo::parseProjection(s.projection)) ctx.camera.projection = *p;
    ctx.map.basemap = s.basemap;
    ctx.map.labels = s.labels;
    ctx.map.graticule = s.graticule;
    ctx.map.highlightCountries = s.highlightCountries;
    ctx.map.legend = s.legend;
    ctx.view.trailDays = s.trailDays;
    ctx.view.allUpToNow = s.allUpToNow;
    ctx.view.playSpeedDaysPerSec = s.playSpeedDaysPerSec;
    ctx.filter.confidenceMask = static_cast<std::uint8_t>(s.confidenceMask);
    ctx.filter.sourceKindMask = static_cast<std::uint8_t>(s.sourceKindMask);
    ctx.filter.countries = s.countries;
    ctx.filter.tags = s.tags;
    ctx.filter.text = s.searchText;
    const DateParseResult from = parseIsoDate(s.dateFrom), to = parseIsoDate(s.dateTo);
    ctx.filter.from = from.date;
    ctx.filter.to = to.date;
}

io::Settings captureSettings(const AppContext& ctx) {
    io::Settings s = ctx.settings;
    s.theme = themeId(ctx.theme);
    s.uiScale = ctx.uiScale;
    s.sidePanelFraction = ctx.sidePanelFraction;
    s.timelineFraction = ctx.timelineFraction;
    s.eventsFraction = ctx.eventsFraction;
    s.projection = std::string(geo::projectionName(ctx.camera.projection));
    s.basemap = ctx.map.basemap;
    s.labels = ctx.map.labels;
    s.graticule = ctx.map.graticule;
    s.highlightCountries = ctx.map.highlightCountries;
    s.legend = ctx.map.legend;
    s.trailDays = ctx.view.trailDays;
    s.allUpToNow = ctx.view.allUpToNow;
    s.playSpeedDaysPerSec = ctx.view.playSpeedDaysPerSec;
    s.confidenceMask = ctx.filter.confidenceMask;
    s.sourceKindMask = ctx.filter.sourceKindMask;
    s.categories.clear();
    for (Index c : ctx.filter.categories)
        if (c < ctx.dataset.categories.size()) s.categories.push_back(ctx.dataset.categories[c].id);
    s.actors.clear();
    for (Index a : ctx.filter.actors)
        if (a < ctx.dataset.actors.size()) s.actors.push_back(ctx.dataset.actors[a].id);
    s.countries = ctx.filter.countries;
    s.tags = ctx.filter.tags;
    s.searchText = ctx.filter.text;
    s.dateFrom = ctx.filter.from ? ctx.filter.from->iso() : "";
    s.dateTo = ctx.filter.to ? ctx.filter.to->iso() : "";
    return s;
}

}  // namespace meridian::ui

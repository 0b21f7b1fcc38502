#include "ui/app_context.h"

#include <cstdio>

#include "io/dataset_loader.h"

namespace meridian::ui {

const char* themeId(Theme t) {
    switch (t) {
        case Theme::Dark: return "dark";
        case Theme::Light: return "light";
        case Theme::Projector: return "projector";
    }
    return "dark";
}

std::optional<Theme> parseTheme(std::string_view id) {
    for (Theme t : {Theme::Dark, Theme::Light, Theme::Projector})
        if (id == themeId(t)) return t;
    return std::nullopt;
}

bool loadIntoContext(AppContext& ctx, const std::string& path) {
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
    ctx.view.playheadDay = static_cast<double>(ctx.dataset.extent.last);
    return true;
}

}  // namespace meridian::ui

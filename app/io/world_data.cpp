#include "io/world_data.h"

namespace meridian::io {

namespace {

// The shapes read, their ISO codes, fills triangulated and borders as line segments.
WorldLevelResult finishLevel(TopoJsonResult topo, const std::string& sourceName, const IsoTable* iso) {
    WorldLevelResult out;
    if (!topo.ok()) {
        for (const Diagnostic& d : topo.diagnostics)
            if (d.severity == Severity::Error) {
                out.error = d.format();
                break;
            }
        if (out.error.empty()) out.error = sourceName + ": cannot be read";
        return out;
    }
    out.level.shapes = std::move(*topo.shapes);
    if (iso) applyIsoTable(out.level.shapes, *iso);
    out.level.fills = geo::tessellateWorld(out.level.shapes);
    out.level.borders = geo::borderLines(out.level.shapes);
    return out;
}

}  // namespace

WorldLevelResult loadWorldLevel(const std::filesystem::path& topojson, const IsoTable* iso) {
    return finishLevel(loadTopoJson(topojson, "countries"), topojson.string(), iso);
}

WorldLevelResult parseWorldLevel(std::string_view topojson, const std::string& sourceName, const IsoTable* iso) {
    return finishLevel(parseTopoJson(topojson, sourceName, "countries"), sourceName, iso);
}

}  // namespace meridian::io

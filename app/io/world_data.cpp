#include "io/world_data.h"

namespace meridian::io {

WorldLevelResult loadWorldLevel(const std::filesystem::path& topojson, const IsoTable* iso) {
    WorldLevelResult out;
    TopoJsonResult topo = loadTopoJson(topojson, "countries");
    if (!topo.ok()) {
        for (const Diagnostic& d : topo.diagnostics)
            if (d.severity == Severity::Error) {
                out.error = d.format();
                break;
            }
        if (out.error.empty()) out.error = topojson.string() + ": cannot be read";
        return out;
    }
    out.level.shapes = std::move(*topo.shapes);
    if (iso) applyIsoTable(out.level.shapes, *iso);
    out.level.fills = geo::tessellateWorld(out.level.shapes);
    out.level.borders = geo::borderLines(out.level.shapes);
    return out;
}

}  // namespace meridian::io

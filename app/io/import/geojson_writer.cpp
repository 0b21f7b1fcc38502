#include "io/import/geojson_writer.h"

#include "io/import/event_row.h"
#include "io/import/json_text.h"

namespace meridian::io {

namespace {

std::string properties(const std::vector<std::string>& header, const std::vector<std::string>& values) {
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

std::string position(const Place& p) {
    std::string out = "[";
    out += jsonNumber(p.lonDeg);
    out += ", ";
    out += jsonNumber(p.latDeg);
    out += "]";
    return out;
}

std::string geometry(const Dataset& ds, const Event& e) {
    auto at = [&](Index i) { return i < ds.places.size() ? &ds.places[i] : nullptr; };
    if (e.isConnection() && at(e.from) && at(e.to)) {
        std::string line = "{\"type\": \"LineString\", \"coordinates\": [" + position(*at(e.from));
        for (const Index v : e.via)
            if (const Place* p = at(v)) line += ", " + position(*p);
        return line + ", " + position(*at(e.to)) + "]}";
    }
    if (const Place* p = at(e.place)) return "{\"type\": \"Point\", \"coordinates\": " + position(*p) + "}";
    return "null";
}

}  // namespace

std::string datasetToGeoJson(const Dataset& ds) {
    EventRowStyle style;
    style.coordinatesInGeometry = true;
    const std::vector<std::string> header = eventRowHeader(style);
    std::string out = "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [";
    bool first = true;
    auto feature = [&](const std::string& geometryJson, const std::vector<std::string>& values) {
        out += first ? "\n    " : ",\n    ";
        first = false;
        out += "{\"type\": \"Feature\", \"geometry\": " + geometryJson +
               ",\n      \"properties\": " + properties(header, values) + "}";
    };
    feature("null", titleRowValues(ds, style));
    for (const Event& e : ds.events) feature(geometry(ds, e), eventRowValues(ds, e, style));
    for (const Era& era : ds.eras) feature("null", eraRowValues(era, style));
    out += "\n  ]\n}\n";
    return out;
}

}  // namespace meridian::io

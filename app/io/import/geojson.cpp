#include "io/import/geojson.h"

#include <cmath>
#include <unordered_map>

#include "io/import/json_text.h"
#include "io/import/number_text.h"
#include "io/json_object_reader.h"

namespace meridian::io {

namespace {

// A property value as a cell. Arrays of scalars become lines; objects compact JSON.
void appendCompactJson(std::string& out, const JsonValue& v, int depth) {
    switch (v.type()) {
        case JsonType::Null:
            out += "null";
            return;
        case JsonType::Bool:
            out += v.boolean() ? "true" : "false";
            return;
        case JsonType::Number:
            out += jsonNumber(v.number());
            return;
        case JsonType::String:
            appendJsonString(out, v.string());
            return;
        case JsonType::Array:
        case JsonType::Object: {
            if (depth > 32) {  // bounded: a property is a value, not a document
                out += "...";
                return;
            }
            const bool object = v.isObject();
            out += object ? '{' : '[';
            for (std::uint32_t i = 0; i < v.size(); ++i) {
                if (i) out += ',';
                if (object) {
                    appendJsonString(out, v.keyAt(i).string());
                    out += ':';
                    appendCompactJson(out, v.valueAt(i), depth + 1);
                } else {
                    appendCompactJson(out, v.at(i), depth + 1);
                }
            }
            out += object ? '}' : ']';
            return;
        }
    }
}

Cell propertyCell(const JsonValue& v) {
    Cell c;
    switch (v.type()) {
        case JsonType::Null:
            return c;
        case JsonType::String:
            c.kind = v.string().empty() ? Cell::Kind::Empty : Cell::Kind::Text;
            c.text = std::string(v.string());
            return c;
        case JsonType::Number:
            c.kind = Cell::Kind::Number;
            c.number = v.number();
            c.text = formatShortest(v.number());
            return c;
        case JsonType::Bool:
            c.kind = Cell::Kind::Bool;
            c.number = v.boolean() ? 1 : 0;
            c.text = v.boolean() ? "true" : "false";
            return c;
        case JsonType::Array: {
            bool scalars = true;
            for (std::uint32_t i = 0; i < v.size(); ++i) scalars = scalars && !v.at(i).isArray() && !v.at(i).isObject();
            if (scalars) {
                for (std::uint32_t i = 0; i < v.size(); ++i) {
                    const JsonValue x = v.at(i);
                    if (i) c.text += '\n';
                    if (x.isString())
                        c.text += x.string();
                    else if (!x.isNull())
                        appendCompactJson(c.text, x, 0);
                }
                c.kind = c.text.empty() ? Cell::Kind::Empty : Cell::Kind::Text;
                return c;
            }
            [[fallthrough]];
        }
        case JsonType::Object:
            appendCompactJson(c.text, v, 0);
            c.kind = Cell::Kind::Text;
            return c;
    }
    return c;
}

class Reader {
public:
    Reader(JsonContext& ctx, Table& table) : m_ctx(ctx), m_table(table) {}

    // A geometry that cannot be read costs the feature its place, not the feature: a warning.
    bool bad(const JsonValue& at, const std::string& path, const std::string& message) {
        m_ctx.warning(at, path, message + "; the feature is kept without a place");
        return false;
    }

    // [lon, lat] (a third value, the altitude, is allowed and ignored).
    bool position(const JsonValue& p, const std::string& path, std::vector<geo::LonLat>& out) {
        if (!p.isArray() || p.size() < 2 || !p.at(0).isNumber() || !p.at(1).isNumber())
            return bad(p, path, "expected a position [longitude, latitude]");
        const double lon = p.at(0).number(), lat = p.at(1).number();
        if (!(std::fabs(lon) <= 180) || !(std::fabs(lat) <= 90)) {
            std::string message = "(";  // built in steps: one '+' chain trips GCC 12's -Wrestrict
            message += formatShortest(lon);
            message += ", ";
            message += formatShortest(lat);
            message +=
                ") is outside longitude [-180, 180] / latitude [-90, 90] degrees (GeoJSON is WGS 84 longitude, "
                "latitude)";
            return bad(p, path, message);
        }
        out.push_back({lon, lat});
        return true;
    }

    bool positions(const JsonValue& list, const std::string& path, std::vector<geo::LonLat>& out) {
        if (!list.isArray()) return bad(list, path, "expected an array of positions");
        for (std::uint32_t i = 0; i < list.size(); ++i)
            if (!position(list.at(i), item(path, i), out)) return false;
        return true;
    }

    // The geometry of a feature; false after an error (the feature is then kept without one).
    bool geometry(const JsonValue& g, const std::string& path, CellGeometry& out) {
        if (g.isNull()) return true;
        if (!g.isObject())
            return bad(g, path, std::string("expected a geometry object, found ") + jsonTypeName(g.type()));
        const auto type = g.find("type");
        if (!type || !type->isString()) return bad(g, member(path, "type"), "expected a geometry type");
        const std::string_view t = type->string();
        if (t == "GeometryCollection") {
            const auto list = g.find("geometries");
            if (!list || !list->isArray() || list->size() == 0)
                return bad(g, member(path, "geometries"), "expected a non-empty array of geometries");
            m_ctx.warning(g, path, "a GeometryCollection: only its first geometry is used");
            return geometry(list->at(0), item(member(path, "geometries"), 0), out);
        }
        const auto coords = g.find("coordinates");
        const std::string cpath = member(path, "coordinates");
        if (!coords) return bad(g, cpath, "missing member (expected coordinates)");
        if (t == "Point") {
            out.kind = CellGeometry::Kind::Point;
            return position(*coords, cpath, out.points);
        }
        if (t == "MultiPoint" || t == "LineString") {
            out.kind = t == "LineString" ? CellGeometry::Kind::Line : CellGeometry::Kind::MultiPoint;
            if (!positions(*coords, cpath, out.points)) return false;
            if (out.points.size() == 1) out.kind = CellGeometry::Kind::Point;
            return true;
        }
        if (t == "MultiLineString") {  // one route: the lines one after another
            out.kind = CellGeometry::Kind::Line;
            if (!coords->isArray()) return bad(*coords, cpath, "expected an array of lines");
            for (std::uint32_t i = 0; i < coords->size(); ++i)
                if (!positions(coords->at(i), item(cpath, i), out.points)) return false;
            return true;
        }
        if (t == "Polygon" || t == "MultiPolygon") {  // the outer ring (of the first polygon)
            out.kind = CellGeometry::Kind::Polygon;
            JsonValue rings = *coords;
            std::string rpath = cpath;
            if (t == "MultiPolygon") {
                if (!coords->isArray() || coords->size() == 0)
                    return bad(*coords, cpath, "expected an array of polygons");
                rings = coords->at(0);
                rpath = item(cpath, 0);
            }
            if (!rings.isArray() || rings.size() == 0) return bad(rings, rpath, "expected an array of rings");
            if (!positions(rings.at(0), item(rpath, 0), out.points)) return false;
            if (out.points.size() > 1 && out.points.front() == out.points.back()) out.points.pop_back();
            return true;
        }
        return bad(*type, member(path, "type"),
                   quote(t) +
                       " is not a geometry type (expected Point, MultiPoint, LineString, "
                       "MultiLineString, Polygon, MultiPolygon or GeometryCollection)");
    }

    void feature(const JsonValue& f, const std::string& path, unsigned rowNumber, std::size_t& dropped) {
        if (!f.isObject()) {
            m_ctx.error(f, path, std::string("expected a Feature object, found ") + jsonTypeName(f.type()));
            ++dropped;
            return;
        }
        const auto type = f.find("type");
        if (!type || !type->isString() || type->string() != "Feature") {
            m_ctx.error(type ? *type : f, member(path, "type"), "expected \"Feature\"");
            ++dropped;
            return;
        }
        TableRow row;
        row.line = f.position().line;
        row.rowNumber = rowNumber;
        row.cells.resize(m_table.columns.size());
        auto set = [&](std::string_view column, Cell cell) {
            auto it = m_columns.find(std::string(column));
            if (it == m_columns.end()) {
                it = m_columns.emplace(std::string(column), m_table.columns.size()).first;
                m_table.columns.emplace_back(column);
            }
            if (row.cells.size() <= it->second) row.cells.resize(it->second + 1);
            row.cells[it->second] = std::move(cell);
        };
        if (const auto props = f.find("properties"); props && !props->isNull()) {
            if (!props->isObject()) {
                m_ctx.error(*props, member(path, "properties"),
                            std::string("expected an object, found ") + jsonTypeName(props->type()));
                ++dropped;
                return;
            }
            for (std::uint32_t i = 0; i < props->size(); ++i)
                set(props->keyAt(i).string(), propertyCell(props->valueAt(i)));
        }
        if (const auto id = f.find("id");
            id && (id->isString() || id->isNumber()) && !m_columns.count("id") && !m_columns.count("ID"))
            set("id", propertyCell(*id));
        if (const auto g = f.find("geometry")) {
            CellGeometry shape;
            if (geometry(*g, member(path, "geometry"), shape)) row.geometry = std::move(shape);
        } else {
            m_ctx.warning(f, member(path, "geometry"), "missing member (the feature has no place)");
        }
        m_table.rows.push_back(std::move(row));
    }

private:
    JsonContext& m_ctx;
    Table& m_table;
    std::unordered_map<std::string, std::size_t> m_columns;
};

}  // namespace

bool isGeoJsonDocument(const JsonValue& root) {
    if (!root.isObject()) return false;
    const auto type = root.find("type");
    return type && type->isString() && (type->string() == "FeatureCollection" || type->string() == "Feature");
}

GeoJsonReadResult readGeoJson(const JsonDocument& doc, const std::string& fileName) {
    GeoJsonReadResult result;
    JsonContext ctx;
    ctx.fileName = fileName;
    ctx.maxWarnings = 100;
    const JsonValue root = doc.root();
    if (!isGeoJsonDocument(root)) {
        ctx.error(root, "type", "not GeoJSON (expected an object of type \"FeatureCollection\" or \"Feature\")");
        result.diagnostics = std::move(ctx.diagnostics);
        return result;
    }
    if (const auto crs = root.find("crs"); crs && crs->isObject()) {
        // Pre-RFC 7946 files may name a projection; only WGS 84 degrees are read.
        std::string name;
        if (const auto props = crs->find("properties"); props && props->isObject())
            if (const auto n = props->find("name"); n && n->isString()) name = std::string(n->string());
        const bool wgs84 =
            name.empty() || name.find("CRS84") != std::string::npos || name.find("4326") != std::string::npos;
        if (!wgs84)
            ctx.warning(*crs, "crs",
                        quote(name) + " is not WGS 84: coordinates are read as longitude, latitude degrees");
    }
    Table table;
    table.fileName = fileName;
    table.hasGeometry = true;
    Reader reader(ctx, table);
    if (root.find("type")->string() == "Feature") {
        reader.feature(root, "", 1, result.droppedRows);
    } else {
        const auto features = root.find("features");
        if (!features || !features->isArray()) {
            ctx.error(features ? *features : root, "features", "expected an array of features");
            result.diagnostics = std::move(ctx.diagnostics);
            return result;
        }
        for (std::uint32_t i = 0; i < features->size(); ++i)
            reader.feature(features->at(i), item("features", i), i + 1, result.droppedRows);
    }
    for (TableRow& r : table.rows) r.cells.resize(table.columns.size());
    ctx.summarizeDroppedWarnings();
    result.diagnostics = std::move(ctx.diagnostics);
    result.table = std::move(table);
    return result;
}

GeoJsonReadResult parseGeoJson(std::string_view text, const std::string& fileName) {
    JsonError error;
    const auto doc = JsonDocument::parse(text, &error);
    if (!doc) {
        GeoJsonReadResult result;
        result.diagnostics.push_back({Severity::Error, fileName, error.pos.line, error.pos.column, "", error.message});
        return result;
    }
    return readGeoJson(*doc, fileName);
}

}  // namespace meridian::io

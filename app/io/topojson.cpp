// TopoJSON reader. Index:
//   [SECTION] Context: diagnostics, paths
//   [SECTION] Arcs: transform, delta decoding, range checks
//   [SECTION] Geometries: countries, polygons, rings
//   [SECTION] Entry points
//   [SECTION] ISO 3166 table
#include "io/topojson.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "io/csv_reader.h"
#include "io/json_document.h"
#include "io/json_object_reader.h"
#include "io/text_file.h"

namespace meridian::io {

namespace {

// ===========================================================================
// [SECTION] Context
// ===========================================================================

// Slack for quantised files: world-atlas decodes its last column to 180.00000000000003.
constexpr double kCoordinateSlackDeg = 1e-6;

std::string formatNumber(double value) {
    char buffer[64];
    if (std::floor(value) == value && std::fabs(value) < 1e15)
        std::snprintf(buffer, sizeof buffer, "%.0f", value);
    else
        std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

// Geometry types a topology may hold that cannot shape a country: skipped with a warning.
bool isSkippedGeometryType(std::string_view type) {
    return type == "Point" || type == "MultiPoint" || type == "LineString" || type == "MultiLineString";
}

// The shared JSON context (io/json_object_reader.h) with this reader's limits.
struct Context : JsonContext {
    Context(const std::string& name, const TopoJsonLimits& l) : limits(l) {
        fileName = name;
        maxWarnings = l.maxWarnings;  // further warnings are counted and summed up at the end
    }
    const TopoJsonLimits& limits;
    bool tooManyErrors() const { return errorCount >= limits.maxErrors; }
};

// ===========================================================================
// [SECTION] Arcs
// ===========================================================================

struct Arcs {
    std::vector<geo::LonLat> points;    // every arc's positions back to back, decoded to degrees
    std::vector<std::size_t> begin{0};  // arc k is points[begin[k], begin[k + 1])
    std::size_t count() const { return begin.size() - 1; }
};

bool readPair(Context& ctx, const JsonValue& transform, const char* name, double out[2]) {
    const std::string path = member("transform", name);
    const auto value = transform.find(name);
    if (!value) return ctx.error(transform, path, "missing member (expected [x, y])");
    if (!value->isArray() || value->size() != 2) {
        const std::string seen =
            value->isArray() ? "an array of " + std::to_string(value->size()) + " values" : jsonTypeName(value->type());
        return ctx.error(*value, path, "expected an array of 2 numbers, found " + seen);
    }
    for (std::uint32_t i = 0; i < 2; ++i) {
        const JsonValue v = value->at(i);
        if (!v.isNumber())
            return ctx.error(v, item(path, i), std::string("expected a number, found ") + jsonTypeName(v.type()));
        if (!std::isfinite(v.number())) return ctx.error(v, item(path, i), "expected a finite number");
        out[i] = v.number();
    }
    return true;
}

// Reads and decodes every arc. Errors here are fatal: later geometry would point into garbage.
bool readArcs(Context& ctx, const JsonValue& root, Arcs& arcs) {
    bool quantized = false;
    double scale[2] = {1.0, 1.0};
    double translate[2] = {0.0, 0.0};
    if (const auto transform = root.find("transform"); transform && !transform->isNull()) {
        if (!transform->isObject()) {
            return ctx.error(
                *transform, "transform",
                std::string("expected an object with scale and translate, found ") + jsonTypeName(transform->type()));
        }
        if (!readPair(ctx, *transform, "scale", scale) || !readPair(ctx, *transform, "translate", translate))
            return false;
        quantized = true;
    }

    const auto list = root.find("arcs");
    if (!list) return ctx.error(root, "arcs", "missing member (expected an array of arcs)");
    if (!list->isArray())
        return ctx.error(*list, "arcs", std::string("expected an array of arcs, found ") + jsonTypeName(list->type()));

    for (std::uint32_t a = 0; a < list->size(); ++a) {
        const JsonValue arc = list->at(a);
        const std::string arcPath = item("arcs", a);  // one per arc; per-point paths only on error
        if (!arc.isArray()) {
            return ctx.error(arc, arcPath,
                             std::string("expected an arc (an array of positions), found ") + jsonTypeName(arc.type()));
        }
        // Quantised arcs are delta-encoded: each position adds to the previous one.
        double x = 0.0;
        double y = 0.0;
        for (std::uint32_t p = 0; p < arc.size(); ++p) {
            const JsonValue position = arc.at(p);
            if (!position.isArray()) {
                return ctx.error(position, item(arcPath, p),
                                 std::string("expected a position [x, y], found ") + jsonTypeName(position.type()));
            }
            if (position.size() < 2) {
                return ctx.error(position, item(arcPath, p),
                                 "expected a position of at least 2 numbers, found " + std::to_string(position.size()));
            }
            double raw[2];
            for (std::uint32_t k = 0; k < 2; ++k) {  // a third value (z) is allowed and ignored
                const JsonValue v = position.at(k);
                if (!v.isNumber()) {
                    return ctx.error(v, item(item(arcPath, p), k),
                                     std::string("expected a number, found ") + jsonTypeName(v.type()));
                }
                if (!std::isfinite(v.number())) {
                    return ctx.error(v, item(item(arcPath, p), k),
                                     "expected a finite number, found " + formatNumber(v.number()));
                }
                raw[k] = v.number();
            }
            if (arcs.points.size() >= ctx.limits.maxTotalPoints) {
                return ctx.error(
                    position, item(arcPath, p),
                    "too many positions in arcs (limit " + std::to_string(ctx.limits.maxTotalPoints) + ")");
            }
            double lon = raw[0];
            double lat = raw[1];
            if (quantized) {
                x += raw[0];
                y += raw[1];
                lon = x * scale[0] + translate[0];
                lat = y * scale[1] + translate[1];
            }
            if (!std::isfinite(lon) || !std::isfinite(lat)) {
                return ctx.error(position, item(arcPath, p), "position does not decode to finite numbers");
            }
            if (std::fabs(lon) > 180.0 + kCoordinateSlackDeg || std::fabs(lat) > 90.0 + kCoordinateSlackDeg) {
                return ctx.error(position, item(arcPath, p),
                                 "position decodes to (" + formatNumber(lon) + ", " + formatNumber(lat) +
                                     "), outside longitude [-180, 180] / latitude [-90, 90] degrees"
                                     " (is the topology projected? Meridian needs degrees)");
            }
            arcs.points.push_back({std::clamp(lon, -180.0, 180.0), std::clamp(lat, -90.0, 90.0)});
        }
        arcs.begin.push_back(arcs.points.size());
    }
    return true;
}

// ===========================================================================
// [SECTION] Geometries
// ===========================================================================

class GeometryReader {
public:
    GeometryReader(Context& ctx, const Arcs& arcs) : m_ctx(ctx), m_arcs(arcs) {}

    // One member of the named object: a country with its id, name and polygons. False on error.
    bool readCountry(const JsonValue& geometry, const std::string& path, WorldShapes& out) {
        if (!geometry.isObject()) {
            return m_ctx.error(geometry, path,
                               std::string("expected a geometry object, found ") + jsonTypeName(geometry.type()));
        }
        if (const auto type = geometry.find("type");
            type && type->isString() && isSkippedGeometryType(type->string())) {
            m_ctx.warning(geometry, path,
                          std::string(type->string()) + " geometry skipped (only polygons make country shapes)");
            return true;
        } else if (type && type->isNull()) {
            m_ctx.warning(geometry, path, "null geometry skipped");
            return true;
        }

        CountryShape country;
        if (const auto id = geometry.find("id"); id && !id->isNull()) {
            if (id->isString()) {
                country.id = std::string(id->string());
            } else if (id->isNumber() && std::isfinite(id->number()) && std::floor(id->number()) == id->number()) {
                country.id = formatNumber(id->number());
            } else {
                return m_ctx.error(*id, member(path, "id"),
                                   std::string("expected a string or an integer, found ") + jsonTypeName(id->type()));
            }
        }
        if (const auto properties = geometry.find("properties"); properties && !properties->isNull()) {
            const std::string propertiesPath = member(path, "properties");
            if (!properties->isObject()) {
                return m_ctx.error(*properties, propertiesPath,
                                   std::string("expected an object, found ") + jsonTypeName(properties->type()));
            }
            if (const auto name = properties->find("name"); name && !name->isNull()) {
                if (!name->isString()) {
                    return m_ctx.error(*name, member(propertiesPath, "name"),
                                       std::string("expected a string, found ") + jsonTypeName(name->type()));
                }
                country.name = std::string(name->string());
            }
        }
        if (!collectPolygons(geometry, path, country.polygons)) return false;

        for (const Polygon& polygon : country.polygons) {
            for (const Ring& ring : polygon) {
                for (const geo::LonLat& point : ring) country.bounds.add(point);
                out.pointCount += ring.size();
            }
        }
        out.bounds.add(country.bounds);
        out.countries.push_back(std::move(country));
        return true;
    }

private:
    Context& m_ctx;
    const Arcs& m_arcs;
    std::size_t m_ringPoints = 0;

    // Appends the polygons of one geometry (recursing into nested collections) to `out`.
    bool collectPolygons(const JsonValue& geometry, const std::string& path, std::vector<Polygon>& out) {
        if (!geometry.isObject()) {
            return m_ctx.error(geometry, path,
                               std::string("expected a geometry object, found ") + jsonTypeName(geometry.type()));
        }
        const auto type = geometry.find("type");
        const std::string typePath = member(path, "type");
        if (!type) return m_ctx.error(geometry, typePath, "missing member (expected a geometry type)");
        if (type->isNull()) {
            m_ctx.warning(geometry, path, "null geometry skipped");
            return true;
        }
        if (!type->isString()) {
            return m_ctx.error(*type, typePath,
                               std::string("expected a geometry type, found ") + jsonTypeName(type->type()));
        }
        const std::string_view typeName = type->string();

        if (typeName == "Polygon" || typeName == "MultiPolygon") {
            const auto arcs = geometry.find("arcs");
            const std::string arcsPath = member(path, "arcs");
            if (!arcs) return m_ctx.error(geometry, arcsPath, "missing member (expected arc indices)");
            if (!arcs->isArray()) {
                return m_ctx.error(*arcs, arcsPath,
                                   std::string("expected an array, found ") + jsonTypeName(arcs->type()));
            }
            if (typeName == "Polygon") return readPolygon(*arcs, arcsPath, out);
            for (std::uint32_t p = 0; p < arcs->size(); ++p) {
                if (!readPolygon(arcs->at(p), item(arcsPath, p), out)) return false;
            }
            return true;
        }
        if (typeName == "GeometryCollection") {
            const auto geometries = geometry.find("geometries");
            const std::string listPath = member(path, "geometries");
            if (!geometries) return m_ctx.error(geometry, listPath, "missing member (expected an array of geometries)");
            if (!geometries->isArray()) {
                return m_ctx.error(
                    *geometries, listPath,
                    std::string("expected an array of geometries, found ") + jsonTypeName(geometries->type()));
            }
            for (std::uint32_t g = 0; g < geometries->size(); ++g) {
                if (!collectPolygons(geometries->at(g), item(listPath, g), out)) return false;
            }
            return true;
        }
        if (isSkippedGeometryType(typeName)) {
            m_ctx.warning(geometry, path,
                          std::string(typeName) + " geometry skipped (only polygons make country shapes)");
            return true;
        }
        return m_ctx.error(*type, typePath,
                           "unknown geometry type " + quote(typeName) +
                               " (expected Polygon, MultiPolygon, GeometryCollection, Point, MultiPoint, LineString or "
                               "MultiLineString)");
    }

    bool readPolygon(const JsonValue& rings, const std::string& path, std::vector<Polygon>& out) {
        if (!rings.isArray()) {
            return m_ctx.error(
                rings, path,
                std::string("expected a polygon (an array of rings), found ") + jsonTypeName(rings.type()));
        }
        Polygon polygon;
        for (std::uint32_t r = 0; r < rings.size(); ++r) {
            Ring ring;
            if (!readRing(rings.at(r), item(path, r), ring)) return false;
            polygon.push_back(std::move(ring));
        }
        if (!polygon.empty()) out.push_back(std::move(polygon));
        return true;
    }

    bool readRing(const JsonValue& indices, const std::string& path, Ring& ring) {
        if (!indices.isArray()) {
            return m_ctx.error(
                indices, path,
                std::string("expected a ring (an array of arc indices), found ") + jsonTypeName(indices.type()));
        }
        const double arcCount = static_cast<double>(m_arcs.count());
        for (std::uint32_t i = 0; i < indices.size(); ++i) {
            const JsonValue value = indices.at(i);
            if (!value.isNumber() || !std::isfinite(value.number()) || std::floor(value.number()) != value.number()) {
                const std::string seen = value.isNumber() ? formatNumber(value.number()) : jsonTypeName(value.type());
                return m_ctx.error(value, item(path, i), "expected an arc index (an integer), found " + seen);
            }
            // Negative indices are ones' complements: ~i (that is -i - 1) is arc i reversed.
            const double index = value.number();
            const bool reversed = index < 0;
            const double arcIndex = reversed ? -index - 1 : index;
            if (arcIndex >= arcCount) {
                return m_ctx.error(value, item(path, i),
                                   "arc index " + formatNumber(index) + " is out of range: the topology has " +
                                       formatNumber(arcCount) + (arcCount == 1 ? " arc" : " arcs"));
            }
            const std::size_t a = static_cast<std::size_t>(arcIndex);
            const geo::LonLat* first = m_arcs.points.data() + m_arcs.begin[a];
            const std::size_t size = m_arcs.begin[a + 1] - m_arcs.begin[a];
            // A ring may name one arc many times: cap what stitching can make, not just the file.
            if (m_ringPoints + size > m_ctx.limits.maxTotalPoints) {
                return m_ctx.error(
                    value, item(path, i),
                    "too many points in rings (limit " + std::to_string(m_ctx.limits.maxTotalPoints) + ")");
            }
            m_ringPoints += size;
            // Consecutive arcs share their joining position: keep it once.
            for (std::size_t k = ring.empty() ? 0 : 1; k < size; ++k)
                ring.push_back(reversed ? first[size - 1 - k] : first[k]);
        }
        if (ring.size() >= 2 && ring.front() == ring.back()) ring.pop_back();
        return true;
    }
};

std::string objectNames(const JsonValue& objects) {
    std::string list;
    for (std::uint32_t i = 0; i < objects.size(); ++i) {
        if (i == 20) return list + ", ...";
        list += (i ? ", " : "") + quote(objects.keyAt(i).string());
    }
    return list.empty() ? "none" : list;
}

// Everything after a successful JSON parse. Returns the shapes when no error was found.
std::optional<WorldShapes> readTopology(Context& ctx, const JsonValue& root, std::string_view objectName) {
    if (!root.isObject()) {
        ctx.error(root, "", std::string("expected a TopoJSON Topology object, found ") + jsonTypeName(root.type()));
        return std::nullopt;
    }
    const auto type = root.find("type");
    if (!type) {
        ctx.error(root, "type", "missing member (expected \"Topology\")");
        return std::nullopt;
    }
    if (!type->isString() || type->string() != "Topology") {
        const std::string seen = type->isString() ? quote(type->string()) : jsonTypeName(type->type());
        const bool geoJson = type->isString() && (type->string() == "FeatureCollection" || type->string() == "Feature");
        ctx.error(*type, "type",
                  "expected \"Topology\", found " + seen +
                      (geoJson ? " (GeoJSON is not read here: convert it to TopoJSON)" : ""));
        return std::nullopt;
    }
    Arcs arcs;
    if (!readArcs(ctx, root, arcs)) return std::nullopt;

    const auto objects = root.find("objects");
    if (!objects) {
        ctx.error(root, "objects", "missing member (expected an object of named geometries)");
        return std::nullopt;
    }
    if (!objects->isObject()) {
        ctx.error(*objects, "objects",
                  std::string("expected an object of named geometries, found ") + jsonTypeName(objects->type()));
        return std::nullopt;
    }
    const auto object = objects->find(objectName);
    if (!object) {
        ctx.error(*objects, "objects",
                  "no object named " + quote(objectName) + " (available: " + objectNames(*objects) + ")");
        return std::nullopt;
    }

    WorldShapes shapes;
    shapes.sourceName = ctx.fileName;
    shapes.objectName = std::string(objectName);
    const std::string path = member("objects", objectName);
    GeometryReader reader(ctx, arcs);
    const auto objectType = object->isObject() ? object->find("type") : std::nullopt;
    if (objectType && objectType->isString() && objectType->string() == "GeometryCollection") {
        // The usual case: one country per member geometry. Errors are collected per country.
        const auto geometries = object->find("geometries");
        const std::string listPath = member(path, "geometries");
        if (!geometries) {
            ctx.error(*object, listPath, "missing member (expected an array of geometries)");
        } else if (!geometries->isArray()) {
            ctx.error(*geometries, listPath,
                      std::string("expected an array of geometries, found ") + jsonTypeName(geometries->type()));
        } else {
            for (std::uint32_t g = 0; g < geometries->size() && !ctx.tooManyErrors(); ++g) {
                reader.readCountry(geometries->at(g), item(listPath, g), shapes);
            }
        }
    } else {
        reader.readCountry(*object, path, shapes);  // a lone Polygon/MultiPolygon is one country
    }
    if (ctx.errorCount > 0) return std::nullopt;
    return shapes;
}

}  // namespace

// ===========================================================================
// [SECTION] Entry points
// ===========================================================================

TopoJsonResult parseTopoJson(std::string_view text, const std::string& sourceName, std::string_view objectName,
                             const TopoJsonLimits& limits) {
    TopoJsonResult result;
    try {
        JsonError jsonError;
        const auto document = JsonDocument::parse(text, &jsonError, JsonLimits{limits.maxDepth, limits.maxFileBytes});
        if (!document) {
            result.diagnostics.push_back(
                {Severity::Error, sourceName, jsonError.pos.line, jsonError.pos.column, "", jsonError.message});
            return result;
        }
        Context ctx(sourceName, limits);
        result.shapes = readTopology(ctx, document->root(), objectName);
        ctx.summarizeDroppedWarnings();
        result.diagnostics = std::move(ctx.diagnostics);
    } catch (const std::bad_alloc&) {
        result = TopoJsonResult{};
        result.diagnostics.push_back(
            {Severity::Error, sourceName, 0, 0, "", "out of memory while reading the topology"});
    }
    return result;
}

TopoJsonResult loadTopoJson(const std::filesystem::path& path, std::string_view objectName,
                            const TopoJsonLimits& limits) {
    std::string error;
    const auto text = readWholeFile(path, &error, limits.maxFileBytes);
    if (!text) {
        TopoJsonResult result;
        result.diagnostics.push_back({Severity::Error, path.string(), 0, 0, "", error});
        return result;
    }
    return parseTopoJson(*text, path.string(), objectName, limits);
}

// ===========================================================================
// [SECTION] ISO 3166 table
// ===========================================================================

namespace {

constexpr std::size_t kMaxIsoTableBytes = std::size_t{1} << 20;  // the real table is 6 KiB

bool isDigits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isAlpha3(std::string_view text) {
    return text.size() == 3 && std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

const IsoCountry* IsoTable::findByNumeric(std::string_view numeric) const {
    const auto found =
        std::lower_bound(entries.begin(), entries.end(), numeric,
                         [](const IsoCountry& entry, std::string_view key) { return entry.numeric < key; });
    return (found != entries.end() && found->numeric == numeric) ? &*found : nullptr;
}

IsoTableResult parseIsoTable(std::string_view text, const std::string& sourceName) {
    IsoTableResult result;
    auto fail = [&](unsigned line, unsigned column, std::string message) {
        result.diagnostics.push_back({Severity::Error, sourceName, line, column, "", std::move(message)});
        return result;
    };
    if (text.size() > kMaxIsoTableBytes)
        return fail(1, 1, "the file is larger than " + std::to_string(kMaxIsoTableBytes >> 10) + " KiB");
    CsvOptions options;
    options.delimiter = ',';
    options.encoding = EncodingChoice::Utf8;
    CsvText csv = decodeCsv(std::string(text), sourceName, options);
    if (!csv.ok) {
        result.diagnostics = std::move(csv.diagnostics);
        return result;
    }
    CsvRowReader reader(csv.text, ',', sourceName);
    // Any problem the reader reports (an unclosed quote, a row too wide) is an error in this table.
    auto readerProblem = [&]() -> std::optional<IsoTableResult> {
        if (reader.diagnostics().empty()) return std::nullopt;
        Diagnostic d = reader.diagnostics().front();
        d.severity = Severity::Error;
        result.diagnostics.push_back(std::move(d));
        return result;
    };
    std::vector<std::string> header;
    bool sawHeader = false;
    while (reader.readHeader(header)) {  // lines starting with '#' are comments
        if (!header.empty() && !header[0].empty() && header[0][0] == '#') continue;
        sawHeader = true;
        break;
    }
    if (const auto problem = readerProblem()) return *problem;
    if (!sawHeader) return fail(1, 1, "the file is empty (expected the header line numeric,alpha3,name)");
    if (header != std::vector<std::string>{"numeric", "alpha3", "name"})
        return fail(1, 1, "expected the header line numeric,alpha3,name");

    IsoTable table;
    std::unordered_map<std::string, std::uint32_t> firstLine;  // numeric -> line it was first seen on
    TableRow row;
    while (reader.next(row)) {
        const std::string& numeric = row.cells[0].text;
        if (!numeric.empty() && numeric[0] == '#') continue;
        if (const auto problem = readerProblem()) return *problem;
        if (row.cells[2].empty())
            return fail(row.line, 1, "expected 3 fields (numeric,alpha3,name), found a row without a name");
        if (!isDigits(numeric) || numeric.size() != 3)
            return fail(row.line, 1, "expected a 3-digit numeric code, found " + quote(numeric));
        if (!isAlpha3(row.cells[1].text))
            return fail(row.line, static_cast<unsigned>(numeric.size()) + 2,
                        "expected a 3-letter upper-case alpha-3 code, found " + quote(row.cells[1].text));
        if (const auto [it, fresh] = firstLine.emplace(numeric, row.line); !fresh)
            return fail(
                row.line, 1,
                "numeric code " + numeric + " appears twice (first at line " + std::to_string(it->second) + ")");
        table.entries.push_back({numeric, row.cells[1].text, row.cells[2].text});
    }
    if (const auto problem = readerProblem()) return *problem;

    std::sort(table.entries.begin(), table.entries.end(),
              [](const IsoCountry& a, const IsoCountry& b) { return a.numeric < b.numeric; });
    result.table = std::move(table);
    return result;
}

IsoTableResult loadIsoTable(const std::filesystem::path& path) {
    std::string error;
    const auto text = readWholeFile(path, &error, kMaxIsoTableBytes);
    if (!text) {
        IsoTableResult result;
        result.diagnostics.push_back({Severity::Error, path.string(), 0, 0, "", error});
        return result;
    }
    return parseIsoTable(*text, path.string());
}

std::size_t applyIsoTable(WorldShapes& shapes, const IsoTable& table) {
    std::size_t matched = 0;
    for (CountryShape& country : shapes.countries) {
        std::string key = country.id;
        if (isDigits(key) && key.size() < 3) key.insert(0, 3 - key.size(), '0');
        const IsoCountry* entry = key.empty() ? nullptr : table.findByNumeric(key);
        country.alpha3 = entry ? entry->alpha3 : std::string();
        matched += entry ? 1 : 0;
    }
    return matched;
}

}  // namespace meridian::io

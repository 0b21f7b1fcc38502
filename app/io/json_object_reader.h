// Reading JSON objects of a known shape with located diagnostics: the helpers
// every loader of a JSON format shares (the Meridian data loader, TopoJSON, the
// column-mapping file, TimelineJS and GeoJSON importers).
//
// - JsonContext collects Diagnostics (file, line, column, JSON path, message)
//   and counts errors and warnings (kept, not recounted: a file with an error per
//   record must stay linear); warnings past maxWarnings are counted, not stored.
// - quote/member/item build the texts of messages and paths, clipped so that a
//   megabyte-long hostile key or value gives a short message.
// - ObjectReader reads one object: unknown keys (warning), duplicate keys
//   (error), missing or mistyped members (error), ranges, dates, references.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "core/index.h"
#include "io/diagnostic.h"
#include "io/json_document.h"

namespace meridian::io {

// Longest text value: a summary of a few pages is fine, a megabyte is not
// something a panel can show.
inline constexpr std::size_t kMaxJsonTextBytes = 8000;

// "\"text\"", the text clipped to 60 bytes with "..." after.
std::string quote(std::string_view s);
// "path.key" (a hostile key is clipped to 60 bytes); just "key" at the top level.
std::string member(const std::string& path, std::string_view key);
// "path[i]"
std::string item(const std::string& path, std::size_t i);

struct JsonContext {
    std::string fileName;
    std::vector<Diagnostic> diagnostics;
    std::size_t errorCount = 0;    // kept, not counted: a file with an error per event must stay linear
    std::size_t warningCount = 0;  // every warning, also those not stored
    std::size_t maxWarnings = std::numeric_limits<std::size_t>::max();  // stored at most; the rest only counted

    void report(Severity s, const JsonValue& at, const std::string& path, std::string message) {
        const TextPosition p = at.position();
        diagnostics.push_back({s, fileName, p.line, p.column, path, std::move(message)});
    }
    // Always returns false, so a reader can `return ctx.error(...)`.
    bool error(const JsonValue& at, const std::string& path, std::string message) {
        ++errorCount;
        report(Severity::Error, at, path, std::move(message));
        return false;
    }
    void warning(const JsonValue& at, const std::string& path, std::string message) {
        if (++warningCount > maxWarnings) return;
        report(Severity::Warning, at, path, std::move(message));
    }
    // "N more warnings not shown" when some were only counted; call once at the end.
    void summarizeDroppedWarnings();
};

// An id seen in a list, with the line it was first defined at (for "duplicate id" messages).
struct IdEntry {
    Index index;
    unsigned line;
};
using IdTable = std::unordered_map<std::string_view, IdEntry>;

// Reads one JSON object of a known shape: reports unknown keys (warning),
// duplicate keys (error), missing or mistyped members (error).
class ObjectReader {
public:
    ObjectReader(JsonContext& ctx, JsonValue object, std::string path, std::initializer_list<std::string_view> known);

    const std::string& path() const { return m_path; }
    std::string pathOf(std::string_view key) const { return member(m_path, key); }
    std::optional<JsonValue> get(std::string_view key) const { return m_object.find(key); }

    // A member of a given type; reports missing (when required) and wrong type.
    std::optional<JsonValue> typed(std::string_view key, JsonType type, bool required, const char* what = nullptr);
    // A string of at most kMaxJsonTextBytes.
    std::optional<std::string> string(std::string_view key, bool required, bool allowEmpty = true);
    std::string optionalString(std::string_view key) { return string(key, false).value_or(std::string()); }
    std::optional<bool> boolean(std::string_view key);
    // A finite number in [min, max]; `what` says what was expected ("a latitude in degrees, -90 to 90").
    std::optional<double> number(std::string_view key, bool required, double min, double max, const char* what);
    // "YYYY", "YYYY-MM" or "YYYY-MM-DD".
    std::optional<Date> date(std::string_view key, bool required);
    std::vector<std::string> stringList(std::string_view key);

    // A reference to an id in a table; kNoIndex when missing or unknown.
    // The path is only built when there is something to report (loading a
    // million events must not allocate a path string per reference).
    template <typename PathFn>
    Index referenceAt(const JsonValue& v, PathFn path, const IdTable& table, const char* kind) {
        if (!v.isString()) {
            const bool vowel = std::string_view("aeiou").find(kind[0]) != std::string_view::npos;
            m_ctx.error(v, path(),
                        std::string(vowel ? "expected an " : "expected a ") + kind + " id (a string), found " +
                            jsonTypeName(v.type()));
            return kNoIndex;
        }
        const auto it = table.find(v.string());
        if (it == table.end()) {
            m_ctx.error(v, path(),
                        std::string("unknown ") + kind + " " + quote(v.string()) + " (no " + kind + " has this id)");
            return kNoIndex;
        }
        return it->second.index;
    }
    Index reference(const JsonValue& v, const std::string& path, const IdTable& table, const char* kind) {
        return referenceAt(
            v, [&] { return path; }, table, kind);
    }
    Index reference(std::string_view key, bool required, const IdTable& table, const char* kind);
    // Item i of the array under key (for lists of references).
    Index referenceItem(const JsonValue& list, std::string_view key, std::uint32_t i, const IdTable& table,
                        const char* kind) {
        return referenceAt(
            list.at(i), [&] { return item(pathOf(key), i); }, table, kind);
    }

private:
    void reportDuplicate(const JsonValue& key, const JsonValue& first);
    // A bit per (length, first byte) of the object's keys: most keys asked for
    // are absent (an event has ~10 of its ~25), and their bit is usually clear.
    static std::uint64_t keyBit(std::string_view key) {
        return std::uint64_t{1} << ((key.size() * 7 + (key.empty() ? 0u : static_cast<unsigned char>(key[0]))) & 63);
    }
    std::optional<JsonValue> find(std::string_view key) const {
        if (!(m_keyBits & keyBit(key))) return std::nullopt;
        return m_object.find(key);
    }

    JsonContext& m_ctx;
    JsonValue m_object;
    std::string m_path;
    std::unordered_map<std::string_view, std::uint32_t> m_seen;  // only for objects with many keys
    std::uint64_t m_keyBits = 0;
};

// Iterates an optional top-level array of objects, calling read(object, path).
template <typename ReadFn>
void forEachObject(JsonContext& ctx, ObjectReader& top, std::string_view key, bool required, ReadFn read) {
    const auto list = top.typed(key, JsonType::Array, required);
    if (!list) return;
    for (std::uint32_t i = 0; i < list->size(); ++i) {
        const JsonValue v = list->at(i);
        const std::string path = item(std::string(key), i);
        if (!v.isObject()) {
            ctx.error(v, path, std::string("expected an object, found ") + jsonTypeName(v.type()));
            continue;
        }
        read(v, path);
    }
}

// Registers an id; reports missing, empty and duplicate ids. Returns false on a problem.
bool registerId(JsonContext& ctx, IdTable& table, ObjectReader& r, std::string_view& idOut, Index index);

}  // namespace meridian::io

#include "io/json_object_reader.h"

#include <cmath>
#include <cstdio>

namespace meridian::io {

std::string quote(std::string_view s) {
    std::string out = "\"";
    out.append(s.substr(0, 60));
    if (s.size() > 60) out += "...";
    return out + "\"";
}

std::string member(const std::string& path, std::string_view key) {
    // A hostile key can be megabytes long: messages show its start.
    const std::string shown = key.size() > 60 ? std::string(key.substr(0, 60)) + "..." : std::string(key);
    return path.empty() ? shown : path + "." + shown;
}

std::string item(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
}

void JsonContext::summarizeDroppedWarnings() {
    if (warningCount <= maxWarnings) return;
    diagnostics.push_back({Severity::Warning, fileName, 0, 0, "",
                           std::to_string(warningCount - maxWarnings) + " more warnings not shown"});
}

ObjectReader::ObjectReader(JsonContext& ctx, JsonValue object, std::string path,
                           std::initializer_list<std::string_view> known)
    : m_ctx(ctx), m_object(object), m_path(std::move(path)) {
    // A file's keys mostly come in the order the known list gives them (the writer's order): the
    // search for each starts after the last one found. (A million events have ten million keys.)
    const std::string_view* const knownKeys = known.begin();
    const std::size_t knownCount = known.size();
    std::size_t hint = 0;
    for (std::uint32_t i = 0; i < object.size(); ++i) {
        const JsonValue key = object.keyAt(i);
        const std::string_view text = key.string();
        const std::uint64_t bit = keyBit(text);
        const bool bitSeen = (m_keyBits & bit) != 0;  // clear: no key before this one is the same
        m_keyBits |= bit;
        bool isKnown = false;
        for (std::size_t n = 0; n < knownCount; ++n) {
            const std::size_t k = hint + n < knownCount ? hint + n : hint + n - knownCount;
            if (text.size() == knownKeys[k].size() && sameKeyText(text.data(), knownKeys[k])) {
                isKnown = true;
                hint = k + 1;
                break;
            }
        }
        if (!isKnown) {
            std::string expected;
            for (std::string_view k : known) expected += (expected.empty() ? "" : ", ") + std::string(k);
            ctx.warning(key, member(m_path, key.string()), "unknown key (ignored; expected one of: " + expected + ")");
        }
        // Duplicate keys: a scan for the few keys of a normal object, a hash
        // table for a hostile one with thousands (no quadratic time).
        if (object.size() <= 32) {
            if (!bitSeen) continue;
            for (std::uint32_t j = 0; j < i; ++j) {
                const std::string_view other = object.keyAt(j).string();
                if (other.size() == text.size() && sameKeyText(other.data(), text)) {
                    reportDuplicate(key, object.keyAt(j));
                    break;
                }
            }
        } else {
            const auto [it, inserted] = m_seen.emplace(key.string(), i);
            if (!inserted) reportDuplicate(key, object.keyAt(it->second));
        }
    }
}

void ObjectReader::reportDuplicate(const JsonValue& key, const JsonValue& first) {
    m_ctx.error(key, member(m_path, key.string()),
                "duplicate key (first at line " + std::to_string(first.position().line) + ")");
}

std::optional<JsonValue> ObjectReader::typed(std::string_view key, JsonType type, bool required, const char* what) {
    const auto v = find(key);
    if (!v) {
        if (required)
            m_ctx.error(
                m_object, m_path.empty() ? std::string("(top level)") : m_path,
                "missing required key \"" + std::string(key) + "\" (" + (what ? what : jsonTypeName(type)) + ")");
        return std::nullopt;
    }
    if (v->type() != type) {
        m_ctx.error(
            *v, pathOf(key),
            std::string("expected ") + (what ? what : jsonTypeName(type)) + ", found " + jsonTypeName(v->type()));
        return std::nullopt;
    }
    return v;
}

std::optional<std::string> ObjectReader::string(std::string_view key, bool required, bool allowEmpty) {
    const auto v = typed(key, JsonType::String, required);
    if (!v) return std::nullopt;
    if (!allowEmpty && v->string().empty()) {
        m_ctx.error(*v, pathOf(key), "must not be empty");
        return std::nullopt;
    }
    if (v->string().size() > kMaxJsonTextBytes) {
        m_ctx.error(*v, pathOf(key),
                    "is " + std::to_string(v->string().size()) + " bytes long (at most " +
                        std::to_string(kMaxJsonTextBytes) + "; keep long texts out of the data file)");
        return std::nullopt;
    }
    return std::string(v->string());
}

std::optional<bool> ObjectReader::boolean(std::string_view key) {
    const auto v = typed(key, JsonType::Bool, false, "true or false");
    return v ? std::optional<bool>(v->boolean()) : std::nullopt;
}

std::optional<double> ObjectReader::number(std::string_view key, bool required, double min, double max,
                                           const char* what) {
    const auto v = typed(key, JsonType::Number, required, what);
    if (!v) return std::nullopt;
    const double x = v->number();
    if (!std::isfinite(x) || x < min || x > max) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.15g", x);  // enough digits to see why 90.0000000001 is out
        m_ctx.error(*v, pathOf(key), std::string(buf) + " is out of range (expected " + what + ")");
        return std::nullopt;
    }
    return x;
}

std::optional<Date> ObjectReader::date(std::string_view key, bool required) {
    const auto v = typed(key, JsonType::String, required, "a date string: \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"");
    if (!v) return std::nullopt;
    DateParseResult r = parseIsoDate(v->string());
    if (!r.date) m_ctx.error(*v, pathOf(key), r.error);
    return r.date;
}

std::vector<std::string> ObjectReader::stringList(std::string_view key) {
    std::vector<std::string> out;
    const auto v = typed(key, JsonType::Array, false, "an array of strings");
    if (!v) return out;
    for (std::uint32_t i = 0; i < v->size(); ++i) {
        const JsonValue s = v->at(i);
        if (!s.isString())
            m_ctx.error(s, item(pathOf(key), i), std::string("expected a string, found ") + jsonTypeName(s.type()));
        else
            out.emplace_back(s.string());
    }
    return out;
}

Index ObjectReader::reference(std::string_view key, bool required, const IdTable& table, const char* kind) {
    const auto v = find(key);
    if (!v) {
        if (required) typed(key, JsonType::String, true, (std::string("a ") + kind + " id").c_str());
        return kNoIndex;
    }
    return referenceAt(
        *v, [&] { return pathOf(key); }, table, kind);
}

bool registerId(JsonContext& ctx, IdTable& table, ObjectReader& r, std::string_view& idOut, Index index) {
    const auto idValue = r.typed("id", JsonType::String, true);
    if (!idValue) return false;
    if (idValue->string().empty()) {
        ctx.error(*idValue, r.pathOf("id"), "must not be empty");
        return false;
    }
    idOut = idValue->string();
    const auto [it, inserted] = table.emplace(idOut, IdEntry{index, idValue->position().line});
    if (!inserted) {
        ctx.error(*idValue, r.pathOf("id"),
                  "duplicate id " + quote(idOut) + " (first used at line " + std::to_string(it->second.line) + ")");
        return false;
    }
    return true;
}

}  // namespace meridian::io

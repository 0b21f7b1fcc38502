#include "io/world_level_bytes.h"

#include <cstring>
#include <string>
#include <type_traits>

namespace meridian::io {

namespace {

constexpr char kMagic[4] = {'M', 'W', 'L', '1'};

class Writer {
public:
    template <typename T>
    void value(const T& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        const auto* p = reinterpret_cast<const std::uint8_t*>(&v);
        m_bytes.insert(m_bytes.end(), p, p + sizeof v);
    }
    template <typename T>
    void array(const std::vector<T>& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        const auto* p = reinterpret_cast<const std::uint8_t*>(v.data());
        m_bytes.insert(m_bytes.end(), p, p + v.size() * sizeof(T));
    }
    void text(const std::string& s) {
        value(static_cast<std::uint32_t>(s.size()));
        m_bytes.insert(m_bytes.end(), s.begin(), s.end());
    }
    std::vector<std::uint8_t> take() { return std::move(m_bytes); }

private:
    std::vector<std::uint8_t> m_bytes;
};

class Reader {
public:
    explicit Reader(std::span<const std::uint8_t> bytes) : m_bytes(bytes) {}

    template <typename T>
    bool value(T& v, const char* what) {
        if (!need(sizeof v, what)) return false;
        std::memcpy(&v, m_bytes.data() + m_pos, sizeof v);
        m_pos += sizeof v;
        return true;
    }
    template <typename T>
    bool array(std::vector<T>& v, std::uint32_t count, const char* what) {
        if (!need(static_cast<std::size_t>(count) * sizeof(T), what)) return false;
        v.resize(count);
        std::memcpy(v.data(), m_bytes.data() + m_pos, static_cast<std::size_t>(count) * sizeof(T));
        m_pos += static_cast<std::size_t>(count) * sizeof(T);
        return true;
    }
    bool text(std::string& s, const char* what) {
        std::uint32_t n = 0;
        if (!value(n, what) || !need(n, what)) return false;
        s.assign(reinterpret_cast<const char*>(m_bytes.data() + m_pos), n);
        m_pos += n;
        return true;
    }
    bool fail(const std::string& message) {
        if (m_error.empty()) m_error = "world level bytes: at byte " + std::to_string(m_pos) + ": " + message;
        return false;
    }
    std::size_t remaining() const { return m_bytes.size() - m_pos; }
    const std::string& error() const { return m_error; }

private:
    bool need(std::size_t n, const char* what) {
        if (n <= remaining()) return true;
        return fail(std::string("truncated in ") + what + " (needs " + std::to_string(n) + " bytes, " +
                    std::to_string(remaining()) + " left)");
    }

    std::span<const std::uint8_t> m_bytes;
    std::size_t m_pos = 0;
    std::string m_error;
};

bool rangeInside(const geo::IndexRange& r, std::size_t size) {
    return r.first <= size && r.count <= size - r.first;
}

}  // namespace

std::vector<std::uint8_t> encodeWorldLevel(const WorldLevel& level) {
    const auto& countries = level.shapes.countries;
    Writer w;
    w.value(kMagic);
    w.value(static_cast<std::uint32_t>(level.fills.mesh.vertices.size()));
    w.value(static_cast<std::uint32_t>(level.fills.mesh.indices.size()));
    w.value(static_cast<std::uint32_t>(countries.size()));
    w.value(static_cast<std::uint32_t>(level.borders.vertices.size()));
    w.array(level.fills.mesh.vertices);
    w.array(level.fills.mesh.indices);
    w.array(level.borders.vertices);
    for (std::size_t i = 0; i < countries.size(); ++i) {
        const CountryShape& c = countries[i];
        for (const double d : {c.bounds.minLonDeg, c.bounds.minLatDeg, c.bounds.maxLonDeg, c.bounds.maxLatDeg})
            w.value(d);
        w.value(static_cast<std::uint8_t>(c.bounds.empty));
        w.value(i < level.fills.countryTriangles.size() ? level.fills.countryTriangles[i] : geo::IndexRange{});
        w.value(i < level.borders.countrySegments.size() ? level.borders.countrySegments[i] : geo::IndexRange{});
        w.text(c.id);
        w.text(c.name);
        w.text(c.alpha3);
    }
    return w.take();
}

WorldLevelResult decodeWorldLevel(std::span<const std::uint8_t> bytes) {
    WorldLevelResult out;
    Reader r(bytes);
    char magic[4] = {};
    std::uint32_t vertices = 0, indices = 0, countries = 0, borderVertices = 0;
    WorldLevel& level = out.level;
    const bool ok = [&] {
        if (!r.value(magic, "the header")) return false;
        if (std::memcmp(magic, kMagic, sizeof magic) != 0) return r.fail("not a world level (expected \"MWL1\")");
        if (!r.value(vertices, "the header") || !r.value(indices, "the header") || !r.value(countries, "the header") ||
            !r.value(borderVertices, "the header"))
            return false;
        if (indices % 3 != 0) return r.fail(std::to_string(indices) + " triangle indices is not a multiple of 3");
        if (borderVertices % 2 != 0)
            return r.fail(std::to_string(borderVertices) + " border vertices is not a multiple of 2");
        if (!r.array(level.fills.mesh.vertices, vertices, "the fill vertices") ||
            !r.array(level.fills.mesh.indices, indices, "the triangle indices") ||
            !r.array(level.borders.vertices, borderVertices, "the border vertices"))
            return false;
        for (std::size_t i = 0; i < level.fills.mesh.indices.size(); ++i)
            if (level.fills.mesh.indices[i] >= vertices)
                return r.fail("triangle index " + std::to_string(i) + " is " +
                              std::to_string(level.fills.mesh.indices[i]) + ", past the " + std::to_string(vertices) +
                              " vertices");
        // Each country needs at least its fixed part: bounds, two ranges, three string lengths.
        constexpr std::size_t kCountryMinBytes = 4 * 8 + 1 + 2 * sizeof(geo::IndexRange) + 3 * 4;
        if (countries > r.remaining() / kCountryMinBytes)
            return r.fail(std::to_string(countries) + " countries do not fit in the " + std::to_string(r.remaining()) +
                          " bytes left");
        level.shapes.countries.resize(countries);
        level.fills.countryTriangles.resize(countries);
        level.borders.countrySegments.resize(countries);
        for (std::uint32_t i = 0; i < countries; ++i) {
            CountryShape& c = level.shapes.countries[i];
            geo::IndexRange& triangles = level.fills.countryTriangles[i];
            geo::IndexRange& segments = level.borders.countrySegments[i];
            std::uint8_t empty = 0;
            if (!r.value(c.bounds.minLonDeg, "a country") || !r.value(c.bounds.minLatDeg, "a country") ||
                !r.value(c.bounds.maxLonDeg, "a country") || !r.value(c.bounds.maxLatDeg, "a country") ||
                !r.value(empty, "a country") || !r.value(triangles, "a country") || !r.value(segments, "a country") ||
                !r.text(c.id, "a country's id") || !r.text(c.name, "a country's name") ||
                !r.text(c.alpha3, "a country's code"))
                return false;
            if (empty > 1) return r.fail("country " + std::to_string(i) + "'s bounds are damaged");
            c.bounds.empty = empty == 1;
            if (!rangeInside(triangles, indices))
                return r.fail("country " + std::to_string(i) + "'s triangles are past the indices");
            if (!rangeInside(segments, borderVertices))
                return r.fail("country " + std::to_string(i) + "'s borders are past the border vertices");
        }
        if (r.remaining() != 0) return r.fail(std::to_string(r.remaining()) + " bytes after the last country");
        return true;
    }();
    if (!ok) {
        out = WorldLevelResult{};
        out.error = r.error();
    }
    return out;
}

}  // namespace meridian::io

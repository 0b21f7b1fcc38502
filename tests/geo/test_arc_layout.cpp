#include <doctest.h>

#include <algorithm>

#include "geo/arc_layout.h"
#include "io/dataset_loader.h"

using namespace meridian;

namespace {
Dataset load(const std::string& events) {
    const std::string text = R"({"meridian": 1, "title": "t",
      "places": [{"id": "py", "name": "Pyongyang", "lat": 39.03, "lon": 125.75},
                 {"id": "bj", "name": "Beijing", "lat": 40.08, "lon": 116.58},
                 {"id": "th", "name": "Tehran", "lat": 35.69, "lon": 51.39},
                 {"id": "tk", "name": "Tokyo", "lat": 35.68, "lon": 139.69},
                 {"id": "la", "name": "Los Angeles", "lat": 34.05, "lon": -118.24}],
      "sources": [{"id": "s", "publisher": "P", "title": "T", "kind": "press"}],
      "categories": [{"id": "c", "label": "C"}],
      "events": [)" + events +
                             "]}";
    auto r = io::parseDataset(text, "t.json");
    if (!r.ok()) FAIL(r.diagnostics.at(0).format());
    return std::move(*r.dataset);
}
std::string ev(const std::string& id, const std::string& where) {
    return R"({"id": ")" + id +
           R"(", "date": "2000", "title": "x", "category": "c", "sources": ["s"], "confidence": "reported", )" + where +
           "}";
}
}  // namespace

TEST_CASE("a route with a stop becomes legs whose shares add up to the whole route") {
    const Dataset ds = load(ev("a", R"("from": "py", "to": "th", "via": ["bj"])"));
    const geo::MapLayout layout = geo::buildMapLayout(ds);
    REQUIRE(layout.legs.size() == 2);
    CHECK(layout.legs[0].routeStart == 0.0f);
    CHECK(layout.legs[1].routeStart == doctest::Approx(layout.legs[0].routeSpan));
    CHECK(layout.legs[0].routeSpan + layout.legs[1].routeSpan == doctest::Approx(1.0f));
    CHECK(layout.legs[0].routeSpan < 0.2f);  // Pyongyang-Beijing is short next to Beijing-Tehran
    CHECK_FALSE(layout.legs[0].lastLeg);
    CHECK(layout.legs[1].lastLeg);
    CHECK(layout.markers.size() == 2);  // the two end dots
}

TEST_CASE("events between the same two places get distinct lateral slots, in either direction") {
    const Dataset ds = load(ev("a", R"("from": "py", "to": "th")") + "," + ev("b", R"("from": "th", "to": "py")") +
                            "," + ev("c", R"("from": "py", "to": "th")") + "," + ev("d", R"("place": "py")"));
    const geo::MapLayout layout = geo::buildMapLayout(ds);
    REQUIRE(layout.legs.size() == 3);
    // Seen in a common direction (py -> th), the three slots are -1, 0, 1.
    std::vector<float> common;
    for (const auto& leg : layout.legs)
        common.push_back(ds.events[leg.event].from == 0 ? leg.bundleOffset : -leg.bundleOffset);
    std::sort(common.begin(), common.end());
    CHECK(common == std::vector<float>{-1, 0, 1});
    CHECK(layout.markers.size() == 3 * 2 + 1);
}

TEST_CASE("antimeridian crossing is detected for Tokyo-Los Angeles, not for Pyongyang-Tehran") {
    CHECK(geo::crossesAntimeridian({139.69, 35.68}, {-118.24, 34.05}));
    CHECK_FALSE(geo::crossesAntimeridian({125.75, 39.03}, {51.39, 35.69}));
    CHECK_FALSE(geo::crossesAntimeridian({-77.04, 38.9}, {51.39, 35.69}));
}

TEST_CASE("the closed-form antimeridian test agrees with following the path, over random pairs of places") {
    std::uint32_t seed = 12345;
    auto next = [&] {
        seed = seed * 1664525u + 1013904223u;
        return static_cast<double>(seed >> 8) / static_cast<double>(1u << 24);
    };
    int crossing = 0;
    for (int i = 0; i < 20000; ++i) {
        const geo::LonLat a{-180 + 360 * next(), -85 + 170 * next()}, b{-180 + 360 * next(), -85 + 170 * next()};
        const bool sampled = geo::crossesAntimeridianSampled(a, b);
        crossing += sampled;
        REQUIRE_MESSAGE(geo::crossesAntimeridian(a, b) == sampled, a.lonDeg, ",", a.latDeg, " -> ", b.lonDeg, ",",
                        b.latDeg);
    }
    CHECK(crossing > 2000);  // the sample has crossings, and plenty of paths that do not cross
    CHECK(crossing < 18000);
}

TEST_CASE("legs name their two places, stop by stop") {
    const Dataset ds = load(ev("a", R"("from": "py", "to": "th", "via": ["bj"])"));
    const geo::MapLayout layout = geo::buildMapLayout(ds);
    REQUIRE(layout.legs.size() == 2);
    CHECK(layout.legs[0].fromPlace == 0);
    CHECK(layout.legs[0].toPlace == 1);
    CHECK(layout.legs[1].fromPlace == 1);
    CHECK(layout.legs[1].toPlace == 2);
}

#include <doctest.h>

#include <algorithm>

#include "geo/map_items.h"
#include "io/dataset_loader.h"

using namespace meridian;

namespace {

Dataset load(const std::string& events) {
    const std::string text = R"({"meridian": 1, "title": "t",
      "places": [{"id": "py", "name": "Pyongyang", "lat": 39.03, "lon": 125.75},
                 {"id": "bj", "name": "Beijing", "lat": 40.08, "lon": 116.58},
                 {"id": "th", "name": "Tehran", "lat": 35.69, "lon": 51.39}],
      "sources": [{"id": "s", "publisher": "P", "title": "T", "kind": "press"}],
      "categories": [{"id": "c", "label": "C"}],
      "events": [)" + events +
                             "]}";
    auto r = io::parseDataset(text, "t.json");
    if (!r.ok()) FAIL(r.diagnostics.at(0).format());
    return std::move(*r.dataset);
}

std::string ev(const std::string& id, const std::string& date, const std::string& confidence,
               const std::string& where) {
    return R"({"id": ")" + id + R"(", "date": ")" + date +
           R"(", "title": "x", "category": "c", "sources": ["s"], "confidence": ")" + confidence + R"(", )" + where +
           "}";
}

// Every event shown, at full strength except the ones listed.
std::vector<std::pair<Index, float>> allShown(const Dataset& ds) {
    std::vector<std::pair<Index, float>> shown;
    for (Index i = 0; i < ds.events.size(); ++i) shown.emplace_back(i, 1.0f);
    return shown;
}

const Dataset& sample() {
    static const Dataset ds = load(ev("a", "2001", "confirmed", R"("from": "py", "to": "th")") + "," +
                                   ev("b", "2003", "alleged", R"("from": "py", "to": "th")") + "," +
                                   ev("c", "2002", "reported", R"("from": "py", "to": "th")") + "," +
                                   ev("d", "2004", "confirmed", R"("from": "th", "to": "py")") + "," +
                                   ev("e", "2005", "disputed", R"("place": "py")") + "," +
                                   ev("f", "2006", "confirmed", R"("from": "py", "to": "th", "via": ["bj"])"));
    return ds;
}

}  // namespace

TEST_CASE("below the threshold, the shown events' own legs and markers are drawn, with their strengths") {
    const Dataset& ds = sample();
    const geo::MapLayout layout = geo::buildMapLayout(ds);
    geo::MapItemIndex index;
    index.build(ds, layout);
    geo::MapItems items;
    std::vector<std::pair<Index, float>> shown = {{5, 1.0f}, {0, 0.5f}};
    index.gather(ds, layout, shown, {}, items);
    CHECK_FALSE(items.arcsGrouped);
    CHECK_FALSE(items.markersGrouped);
    REQUIRE(items.legs.size() == 3);                              // a's one leg, f's two (via Beijing)
    CHECK(std::is_sorted(items.legs.begin(), items.legs.end()));  // drawn in the layout's order
    for (const Index k : items.legs) CHECK((layout.legs[k].event == 0 || layout.legs[k].event == 5));
    CHECK(items.markers.size() == 4);  // two ends each
}

TEST_CASE("above the threshold, legs gather per pair of places and direction") {
    const Dataset& ds = sample();
    const geo::MapLayout layout = geo::buildMapLayout(ds);
    geo::MapItemIndex index;
    index.build(ds, layout);
    CHECK(index.pairCount() == 4);  // py>th, th>py, py>bj, bj>th
    geo::MapItems items;
    std::vector<std::pair<Index, float>> shown = allShown(ds);
    shown[1].second = 0.25f;
    geo::MapItemsOptions o;
    o.groupArcsAbove = 2;
    o.groupMarkersAbove = 2;
    index.gather(ds, layout, shown, o, items);
    REQUIRE(items.arcsGrouped);
    CHECK(items.legsShown == 6);
    REQUIRE(items.arcs.size() == 4);
    const geo::ArcGroup& top = items.arcs.front();  // the heaviest first
    CHECK(top.fromPlace == 0);
    CHECK(top.toPlace == 2);
    CHECK(top.count == 3);                      // a, b, c (f goes through Beijing)
    CHECK(top.weakest == Confidence::Alleged);  // the least certain of confirmed, alleged, reported
    CHECK(top.latestEvent == 1);                // b, 2003
    CHECK(layout.legs[top.leg].event == top.latestEvent);
    CHECK(top.strength == 1.0f);
    const auto back = std::find_if(items.arcs.begin(), items.arcs.end(),
                                   [](const geo::ArcGroup& g) { return g.fromPlace == 2 && g.toPlace == 0; });
    REQUIRE(back != items.arcs.end());
    CHECK(back->count == 1);  // the other direction is an arc of its own
    // Markers per place: Pyongyang has a place event, Tehran only connections' ends (a route's
    // stops have no marker).
    REQUIRE(items.markersGrouped);
    REQUIRE(items.places.size() == 2);
    for (const geo::PlaceGroup& g : items.places) {
        CHECK(g.endpointsOnly == (g.place != 0));
        if (g.place == 0) CHECK(g.weakest == Confidence::Disputed);
        if (g.place == 2) CHECK(g.count == 5);  // a, b, c, f arrive, d leaves
    }
}

TEST_CASE("past the cap, the heaviest pairs are kept and the total says how many there were") {
    const Dataset& ds = sample();
    const geo::MapLayout layout = geo::buildMapLayout(ds);
    geo::MapItemIndex index;
    index.build(ds, layout);
    geo::MapItems items;
    geo::MapItemsOptions o;
    o.groupArcsAbove = 0;
    o.maxArcGroups = 1;
    index.gather(ds, layout, allShown(ds), o, items);
    REQUIRE(items.arcs.size() == 1);
    CHECK(items.arcs[0].count == 3);
    CHECK(items.arcGroupsTotal == 4);
    // Nothing shown: nothing drawn.
    index.gather(ds, layout, {}, o, items);
    CHECK(items.arcs.empty());
    CHECK(items.legsShown == 0);
}

TEST_CASE("the items drawn: timed legs and markers below the threshold, fixed groups above, heaviest on top") {
    const Dataset& ds = sample();
    const geo::MapLayout layout = geo::buildMapLayout(ds);
    geo::MapItemIndex index;
    index.build(ds, layout);
    geo::MapItems items;
    std::vector<geo::ArcItem> arcs;
    std::vector<geo::MarkerItem> markers;

    index.gather(ds, layout, allShown(ds), {}, items);
    geo::itemsToDraw(ds, layout, items, arcs, markers);
    REQUIRE(arcs.size() == layout.legs.size());
    for (std::size_t k = 0; k < arcs.size(); ++k) {
        CHECK_FALSE(arcs[k].fixed);
        CHECK(arcs[k].event == layout.legs[k].event);
        CHECK(arcs[k].days == ds.events[arcs[k].event].span());
    }
    // End dots first, then the place event (e, at Pyongyang) on top.
    REQUIRE(markers.size() == layout.markers.size());
    CHECK_FALSE(markers.back().endpoint);
    CHECK(markers.back().event == 4);
    CHECK(std::all_of(markers.begin(), markers.end() - 1, [](const geo::MarkerItem& m) { return m.endpoint; }));

    geo::MapItemsOptions o;
    o.groupArcsAbove = 2;
    o.groupMarkersAbove = 2;
    index.gather(ds, layout, allShown(ds), o, items);
    geo::itemsToDraw(ds, layout, items, arcs, markers);
    REQUIRE(arcs.size() == 4);
    const geo::ArcItem& top = arcs.back();  // drawn last: the heaviest pair
    CHECK(top.fixed);
    CHECK(top.count == 3);
    CHECK(top.fromPlace == 0);
    CHECK(top.toPlace == 2);
    CHECK(top.event == 1);  // the latest of a, b, c
    CHECK(top.confidence == Confidence::Alleged);
    CHECK(top.bundleOffset == 0);
    CHECK(top.widthScale > arcs.front().widthScale);  // more events, wider
    REQUIRE(markers.size() == 2);
    CHECK(markers[0].endpoint);  // Tehran: only connections' ends, drawn first
    CHECK(markers[0].place == 2);
    CHECK(markers[0].count == 5);
    CHECK(markers[1].place == 0);
    CHECK(markers[1].sizeScale > 1.0f);
}

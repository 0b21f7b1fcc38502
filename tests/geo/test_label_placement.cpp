#include <doctest.h>

#include "geo/label_placement.h"

using namespace meridian::geo;

TEST_CASE("labels: no two placed labels overlap, higher priority wins the spot") {
    const LabelRect bounds{0, 0, 400, 300};
    std::vector<LabelRequest> requests;
    // Twenty labels crowded around the same few anchors.
    for (int i = 0; i < 20; ++i)
        requests.push_back({100.0f + (i % 3) * 4.0f, 100.0f + (i % 2) * 3.0f, 80, 16, 6, static_cast<float>(i)});
    const auto placed = placeLabels(requests, bounds);
    REQUIRE(!placed.empty());
    CHECK(placed.size() < requests.size());  // some must be hidden
    for (std::size_t a = 0; a < placed.size(); ++a)
        for (std::size_t b = a + 1; b < placed.size(); ++b) CHECK_FALSE(placed[a].rect.overlaps(placed[b].rect));
    CHECK(placed[0].request == 19);  // the highest priority is placed first, at its preferred spot (right)
    CHECK(placed[0].rect.x0 == doctest::Approx(100 + 4 + 6));
}

TEST_CASE("labels: fall back to the left at the right edge, stay inside bounds, avoid reserved areas") {
    const LabelRect bounds{0, 0, 200, 100};
    const auto placed = placeLabels({{190, 50, 60, 14, 5, 1}}, bounds);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].rect.x1 == doctest::Approx(185));  // left of the anchor
    const auto avoided = placeLabels({{100, 50, 60, 14, 5, 1}}, bounds, {{96, 0, 200, 100}});
    REQUIRE(avoided.size() == 1);
    CHECK(avoided[0].rect.x1 <= 96.0f);  // the right side is reserved: placed on the left
    const auto none = placeLabels({{50, 50, 300, 14, 5, 1}}, bounds);
    CHECK(none.empty());  // wider than the map: hidden, not drawn outside
}

TEST_CASE("a place sharing a spot with a more important one at this zoom is not named") {
    // Tehran (weight 5) and its airport 12 px away (weight 3), Pyongyang far away.
    const std::vector<LabelRequest> requests{
        {500, 300, 60, 16, 6, 5}, {508, 309, 120, 16, 6, 3}, {900, 280, 90, 16, 6, 4}};
    const auto placed = placeLabels(requests, {0, 0, 1200, 600}, {}, 18);
    REQUIRE(placed.size() == 2);
    CHECK(placed[0].request == 0);
    CHECK(placed[1].request == 2);
    // Zoomed in, the two are far enough apart: both named.
    const std::vector<LabelRequest> zoomed{{500, 300, 60, 16, 6, 5}, {540, 340, 120, 16, 6, 3}};
    CHECK(placeLabels(zoomed, {0, 0, 1200, 600}, {}, 18).size() == 2);
}

#include <doctest.h>

#include <algorithm>
#include <functional>

#include "core/event_filter.h"
#include "io/build_paths.h"
#include "io/dataset_loader.h"
#include "io/text_file.h"

using namespace meridian;

namespace {

const Dataset& curated() {
    static const Dataset ds = [] {
        auto r = io::loadDataset(std::string(meridian::io::sourceDir()) + "/data/iran-dprk.json");
        REQUIRE(r.ok());
        return std::move(*r.dataset);
    }();
    return ds;
}

// Independent count: straight over the events, for one facet at a time.
std::size_t countWhere(const Dataset& ds, const std::function<bool(const Event&)>& pred) {
    return static_cast<std::size_t>(std::count_if(ds.events.begin(), ds.events.end(), pred));
}

}  // namespace

TEST_CASE("search folds case and accents") {
    CHECK(foldForSearch("S\xC3\xBC"
                        "ddeutsche Zeitung") == "suddeutsche zeitung");
    CHECK(foldForSearch("R\xC3\x9C"
                        "HLE") == "ruhle");
    CHECK(foldForSearch("Stra\xC3\x9F"
                        "e") == "strasse");
    CHECK(foldForSearch("\xC5\x81\xC3\xB3"
                        "d\xC5\xBA") == "lodz");
}

TEST_CASE("no filter shows everything; each facet agrees with an independent count") {
    const Dataset& ds = curated();
    EventFilter f;
    CHECK_FALSE(f.isActive());
    CHECK(applyFilter(ds, f).shown == ds.events.size());

    f.confidenceMask = 1u << static_cast<int>(Confidence::Confirmed);
    const std::size_t confirmed = countWhere(ds, [](const Event& e) { return e.confidence == Confidence::Confirmed; });
    CHECK(applyFilter(ds, f).shown == confirmed);
    CHECK(confirmed > 10);
    CHECK(confirmed < ds.events.size());
    CHECK(f.describe(ds) == "confirmed only");

    f.clear();
    const Index nuclear = [&] {
        for (Index c = 0; c < ds.categories.size(); ++c)
            if (ds.categories[c].id == "nuclear-test") return c;
        return kNoIndex;
    }();
    REQUIRE(nuclear != kNoIndex);
    f.categories = {nuclear};
    CHECK(applyFilter(ds, f).shown == countWhere(ds, [&](const Event& e) { return e.category == nuclear; }));
    CHECK(applyFilter(ds, f).shown == 6);  // six DPRK nuclear tests, 2006-2017

    f.clear();
    f.from = *parseIsoDate("2006").date;
    f.to = *parseIsoDate("2006").date;
    const DaySpan y2006{daysFromCivil(2006, 1, 1), daysFromCivil(2007, 1, 1)};
    CHECK(applyFilter(ds, f).shown == countWhere(ds, [&](const Event& e) { return e.span().overlaps(y2006); }));

    f.clear();
    f.sourceKindMask = 1u << static_cast<int>(SourceKind::Advocacy);
    const std::size_t advocacy = countWhere(ds, [&](const Event& e) { return ds.restsOnAdvocacy(e); });
    CHECK(applyFilter(ds, f).shown == advocacy);
    CHECK(advocacy >= 2);  // the NCRI's Khojir claims
}

TEST_CASE("facets combine with AND; text search reaches places, sources and accents") {
    const Dataset& ds = curated();
    EventFilter f;
    f.text = "khojir";
    const FilterResult khojir = applyFilter(ds, f);
    CHECK(khojir.shown >= 2);
    f.confidenceMask = 1u << static_cast<int>(Confidence::Confirmed);
    CHECK(applyFilter(ds, f).shown == 0);  // no Khojir claim is confirmed
    f.clear();
    f.text = "SUDDEUTSCHE";  // the publisher is spelled Süddeutsche in the data
    const FilterResult sz = applyFilter(ds, f);
    CHECK(sz.shown >= 1);
    bool mcnpx = false;
    for (Index i = 0; i < ds.events.size(); ++i)
        if (sz.mask[i]) mcnpx |= ds.events[i].title.find("MCNPX") != std::string::npos;
    CHECK(mcnpx);
    f.text = "no such thing anywhere";
    CHECK(applyFilter(ds, f).shown == 0);
    CHECK(f.describe(ds) == "\u201Cno such thing anywhere\u201D");
}

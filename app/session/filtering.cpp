#include "session/filtering.h"

#include <algorithm>
#include <atomic>

namespace meridian {

std::uint64_t nextFilterStamp() {
    static std::atomic<std::uint64_t> counter{0};
    return ++counter;
}

void refilter(Session& s, const Dataset& ds, std::uint64_t revision) {
    // Filters refer to the dataset's indices: drop those the data no longer has.
    auto keep = [](std::vector<Index>& v, std::size_t n) { std::erase_if(v, [n](Index i) { return i >= n; }); };
    keep(s.filter.categories, ds.categories.size());
    keep(s.filter.actors, ds.actors.size());
    s.filtered = applyFilter(ds, s.filter);
    s.filterStamp = nextFilterStamp();
    s.filteredRevision = revision;
}

}  // namespace meridian

// Small hand-built datasets for the timeline tests (no JSON: the timeline only
// reads dates, categories and uncertainty).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"

namespace meridian::timeline::test {

inline Event makeEvent(const std::string& id, Date date, Index category = 0, std::optional<Date> end = {}) {
    Event e;
    e.id = id;
    e.title = id;
    e.date = date;
    e.end = end;
    e.category = category;
    return e;
}

inline Dataset makeDataset(std::vector<Event> events, int categoryCount = 1) {
    Dataset ds;
    for (int c = 0; c < categoryCount; ++c) ds.categories.push_back({"c" + std::to_string(c), "Category", 0, false});
    ds.events = std::move(events);
    ds.finalize();
    return ds;
}

inline Date day(std::int64_t y, int m, int d) {
    return Date::fromCivil(y, m, d);
}
inline double dayNumber(std::int64_t y, int m, int d) {
    return static_cast<double>(daysFromCivil(y, m, d));
}

}  // namespace meridian::timeline::test

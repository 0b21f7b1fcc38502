#include "synthetic_data.h"

#include <cstdio>
#include <random>

namespace meridian::bench {

std::string makeSyntheticDataset(const SyntheticOptions& o) {
    std::mt19937 rng(o.seed);
    std::uniform_real_distribution<double> lat(-60, 70), lon(-180, 180), unit(0, 1);
    std::uniform_int_distribution<int> year(1980, 2024), month(1, 12), day(1, 28);
    std::string out;
    out.reserve(o.events * 330 + o.places * 100);
    out += "{\n  \"meridian\": 1,\n  \"title\": \"Synthetic\",\n  \"places\": [\n";
    char buf[512];
    for (std::size_t i = 0; i < o.places; ++i) {
        std::snprintf(buf, sizeof buf,
                      "    {\"id\": \"p%zu\", \"name\": \"Place %zu\", \"lat\": %.4f, \"lon\": %.4f}%s\n", i, i,
                      lat(rng), lon(rng), i + 1 < o.places ? "," : "");
        out += buf;
    }
    out +=
        "  ],\n  \"sources\": [\n    {\"id\": \"s0\", \"publisher\": \"Agency\", \"title\": \"Report\", \"kind\": "
        "\"press\"},\n"
        "    {\"id\": \"s1\", \"publisher\": \"Group\", \"title\": \"Claim\", \"kind\": \"advocacy\"}\n  ],\n";
    out += "  \"categories\": [";
    for (int c = 0; c < 8; ++c) {
        std::snprintf(buf, sizeof buf, "%s{\"id\": \"c%d\", \"label\": \"Category %d\"}", c ? ", " : "", c, c);
        out += buf;
    }
    out += "],\n  \"events\": [\n";
    static const char* kConfidence[] = {"confirmed", "reported", "alleged", "disputed"};
    std::uniform_int_distribution<std::size_t> place(0, o.places - 1);
    for (std::size_t i = 0; i < o.events; ++i) {
        const int y = year(rng), m = month(rng), d = day(rng);
        const double r = unit(rng);
        char date[16];
        if (r < 0.15)
            std::snprintf(date, sizeof date, "%d", y);
        else if (r < 0.35)
            std::snprintf(date, sizeof date, "%d-%02d", y, m);
        else
            std::snprintf(date, sizeof date, "%d-%02d-%02d", y, m, d);
        char where[96];
        if (unit(rng) < o.connectionShare) {
            std::size_t a = place(rng), b = place(rng);
            if (a == b) b = (b + 1) % o.places;
            std::snprintf(where, sizeof where, "\"from\": \"p%zu\", \"to\": \"p%zu\"", a, b);
        } else {
            std::snprintf(where, sizeof where, "\"place\": \"p%zu\"", place(rng));
        }
        std::snprintf(
            buf, sizeof buf,
            "    {\"id\": \"e%zu\", \"date\": \"%s\", \"title\": \"Synthetic event number %zu\", \"summary\": "
            "\"Something happened here, reportedly.\", \"category\": \"c%zu\", %s, \"sources\": [\"s%zu\"], "
            "\"confidence\": \"%s\", \"tags\": [\"t%zu\"]}%s\n",
            i, date, i, i % 8, where, i % 2, kConfidence[i % 4], i % 16, i + 1 < o.events ? "," : "");
        out += buf;
    }
    out += "  ]\n}\n";
    return out;
}

}  // namespace meridian::bench

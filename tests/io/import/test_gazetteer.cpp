// The gazetteer against the shipped file (real GeoNames entries) and against
// small hand-written files (format errors, located).
#include <doctest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "io/import/gazetteer.h"
#include "io/import/gazetteer_fold.h"
#include "test_paths.h"

using namespace meridian::io;
namespace fs = std::filesystem;

namespace {

const Gazetteer& shipped() {
    static const std::unique_ptr<Gazetteer> g = [] {
        std::string error;
        auto loaded = Gazetteer::loadDefault(&error);
        INFO(error);
        REQUIRE(loaded != nullptr);
        return loaded;
    }();
    return *g;
}

fs::path writeTemp(const std::string& name, const std::string& content) {
    const fs::path p =
        fs::temp_directory_path() / ("meridian-gazetteer-test-" + std::to_string(::getpid()) + "-" + name);
    std::ofstream(p, std::ios::binary) << content;
    return p;
}

std::string loadError(const std::string& name, const std::string& content) {
    const fs::path p = writeTemp(name, content);
    std::string error;
    const auto g = Gazetteer::load(p, &error);
    CHECK(g == nullptr);
    fs::remove(p);
    return error.substr(error.find(name) == std::string::npos ? 0 : error.find(name) + name.size());
}

}  // namespace

TEST_CASE("foldPlaceName: case, accents, apostrophes, punctuation") {
    CHECK(foldPlaceName("P'yŏngyang") == "pyongyang");
    CHECK(foldPlaceName("P’yŏngyang") == "pyongyang");
    CHECK(foldPlaceName("PYONGYANG") == "pyongyang");
    CHECK(foldPlaceName("Sūnan") == "sunan");
    CHECK(foldPlaceName("Naţanz") == "natanz");
    CHECK(foldPlaceName("Saint-Étienne") == "saint etienne");
    CHECK(foldPlaceName("  St.  Louis ") == "st louis");
    CHECK(foldPlaceName("Washington, D.C.") == "washington dc");
    CHECK(foldPlaceName("Trinidad & Tobago") == "trinidad and tobago");
    CHECK(foldPlaceName("Straße") == "strasse");
    CHECK(foldPlaceName("Łódź") == "lodz");
    CHECK(foldPlaceName("Ḩalab") == "halab");        // Latin Extended Additional
    CHECK(foldPlaceName("Hà Nội") == "ha noi");      // Vietnamese stacked accents
    CHECK(foldPlaceName("Cafe\xCC\x81") == "cafe");  // e + combining acute
    CHECK(foldPlaceName("Gəncə") == "ganca");
    CHECK(foldPlaceName("МОСКВА") == "москва");              // Cyrillic lower-cased, kept
    CHECK(foldPlaceName("北京") == "北京");                  // other scripts kept
    CHECK(foldPlaceName("bad\xFF byte") == "bad\xFF byte");  // invalid UTF-8 kept, no crash
    CHECK(foldPlaceName("") == "");
    CHECK(foldPlaceName(" - ") == "");
}

TEST_CASE("gazetteer: the shipped file loads with countries and GeoNames places") {
    const Gazetteer& g = shipped();
    CHECK(g.size() > 130000);
    CHECK(g.memoryBytes() > 0);
}

TEST_CASE("gazetteer: cities by name, with folded case and accents") {
    const Gazetteer& g = shipped();
    const auto tehran = g.lookup("Tehran");
    REQUIRE(tehran);
    CHECK(tehran->entry.name == "Tehran");
    CHECK(tehran->entry.country == "IRN");
    CHECK(tehran->entry.admin == "Tehran");
    CHECK(tehran->entry.latDeg == doctest::Approx(35.6944).epsilon(1e-6));
    CHECK(tehran->entry.lonDeg == doctest::Approx(51.4215).epsilon(1e-6));
    CHECK(tehran->entry.population > 5000000);
    CHECK_FALSE(tehran->entry.isCountry);
    CHECK(tehran->alternatives == 0);
    CHECK(tehran->explanation.empty());

    for (const char* spelling : {"Pyongyang", "P'yŏngyang", "PYONGYANG", "  pyongyang  "}) {
        const auto p = g.lookup(spelling);
        REQUIRE_MESSAGE(p, spelling);
        CHECK(p->entry.name == "Pyongyang");
        CHECK(p->entry.country == "PRK");
        CHECK(p->entry.latDeg == doctest::Approx(39.0339).epsilon(1e-6));
    }
    // GeoNames writes "Hamhŭng", "Naţanz", "Yŏngbyŏn": found as English spells them.
    const auto hamhung = g.lookup("Hamhung");
    REQUIRE(hamhung);
    CHECK(hamhung->entry.name == "Hamhŭng");
    const auto natanz = g.lookup("Natanz");
    REQUIRE(natanz);
    CHECK(natanz->entry.country == "IRN");
    const auto yongbyon = g.lookup("Yongbyon", "KP");
    REQUIRE(yongbyon);
    CHECK(yongbyon->entry.name == "Yŏngbyŏn");
    const auto sunan = g.lookup("Sūnan");
    REQUIRE(sunan);
    CHECK(sunan->entry.country == "PRK");
}

TEST_CASE("gazetteer: countries by name, alternate name and ISO code") {
    const Gazetteer& g = shipped();
    for (const char* name :
         {"North Korea", "DPRK", "Korea, Democratic People's Republic of", "KP", "PRK", "north korea"}) {
        const auto m = g.lookup(name);
        REQUIRE_MESSAGE(m, name);
        CHECK_MESSAGE(m->entry.isCountry, name);
        CHECK(m->entry.country == "PRK");
        CHECK(m->entry.name == "North Korea");
        // The representative point is the capital.
        CHECK(m->entry.latDeg == doctest::Approx(39.0339).epsilon(1e-6));
        CHECK(m->entry.lonDeg == doctest::Approx(125.7543).epsilon(1e-6));
    }
    for (const char* name : {"Iran", "Islamic Republic of Iran", "Iran, Islamic Republic of", "IR", "IRN"}) {
        const auto m = g.lookup(name);
        REQUIRE_MESSAGE(m, name);
        CHECK(m->entry.isCountry);
        CHECK(m->entry.country == "IRN");
    }
    // A country comes before the towns that share its name.
    const auto lebanon = g.lookup("Lebanon");
    REQUIRE(lebanon);
    CHECK(lebanon->entry.isCountry);
    CHECK(lebanon->entry.country == "LBN");
    CHECK(lebanon->alternatives > 0);
    CHECK(lebanon->explanation.find("Lebanon: the country chosen") == 0);

    CHECK(g.findCountry("kp")->country == "PRK");
    CHECK(g.findCountry("Islamic Republic of Iran")->country == "IRN");
    CHECK_FALSE(g.findCountry("Tehran"));  // a city, not a country
    CHECK_FALSE(g.findCountry("Narnia"));
}

TEST_CASE("gazetteer: ambiguous names pick the most populous and say so") {
    const Gazetteer& g = shipped();
    const auto tripoli = g.lookup("Tripoli");
    REQUIRE(tripoli);
    CHECK(tripoli->entry.country == "LBY");
    CHECK(tripoli->alternatives == 3);  // Tripoli, Lebanon; Trípoli, Greece; Tripoli, Iowa
    CHECK(tripoli->explanation ==
          "Tripoli: Libya chosen; 3 other places share the name (Lebanon; Greece; United States of America)");

    // "Congo" names two countries: the more populous one, listed for review.
    const auto congo = g.lookup("Congo");
    REQUIRE(congo);
    CHECK(congo->entry.country == "COD");
    CHECK(congo->alternatives >= 1);
}

TEST_CASE("gazetteer: a country hint or a ', Country' suffix changes the answer") {
    const Gazetteer& g = shipped();
    for (const char* hint : {"Lebanon", "LB", "LBN", "lbn"}) {
        const auto m = g.lookup("Tripoli", hint);
        REQUIRE_MESSAGE(m, hint);
        CHECK(m->entry.country == "LBN");
        CHECK(m->alternatives == 0);
        CHECK(m->explanation.empty());
    }
    const auto suffixed = g.lookup("Tripoli, Lebanon");
    REQUIRE(suffixed);
    CHECK(suffixed->entry.country == "LBN");

    const auto pyongyang = g.lookup("Pyongyang, North Korea");
    REQUIRE(pyongyang);
    CHECK(pyongyang->entry.name == "Pyongyang");

    // Region names and US-style region codes: "IL" is Illinois here, not Israel.
    const auto springfieldIl = g.lookup("Springfield, IL");
    REQUIRE(springfieldIl);
    CHECK(springfieldIl->entry.country == "USA");
    CHECK(springfieldIl->entry.admin == "Illinois");
    const auto springfieldMa = g.lookup("Springfield, Massachusetts");
    REQUIRE(springfieldMa);
    CHECK(springfieldMa->entry.admin == "Massachusetts");

    // The country name given as a hint narrows a country's own name to towns in the hint.
    const auto lebanonUs = g.lookup("Lebanon", "US");
    REQUIRE(lebanonUs);
    CHECK_FALSE(lebanonUs->entry.isCountry);
    CHECK(lebanonUs->entry.country == "USA");

    // A name containing a comma is tried whole first.
    const auto dc = g.lookup("Washington, D.C.");
    REQUIRE(dc);
    CHECK(dc->entry.admin == "District of Columbia");
}

TEST_CASE("gazetteer: not found, with the reason") {
    const Gazetteer& g = shipped();
    std::string why;
    CHECK_FALSE(g.lookup("Beijing Capital Airport", {}, &why));
    CHECK(why == "no place or country named \"Beijing Capital Airport\"");
    CHECK_FALSE(g.lookup("Tehran", "KP", &why));
    CHECK(why == "no \"Tehran\" in North Korea (1 place of that name elsewhere: Iran)");
    CHECK_FALSE(g.lookup("Tehran, North Korea", {}, &why));
    CHECK(why == "no \"Tehran\" in North Korea (1 place of that name elsewhere: Iran)");
    CHECK_FALSE(g.lookup("   ", {}, &why));
    CHECK(why == "no place name given");
    CHECK_FALSE(g.lookup(std::string(5000, 'a'), {}, &why));
    CHECK(why.find("too long") != std::string::npos);

    // An unknown hint is not used, and the explanation says so.
    const auto m = g.lookup("Tehran", "Narnia");
    REQUIRE(m);
    CHECK(m->entry.country == "IRN");
    CHECK(m->explanation == "Tehran: country \"Narnia\" not recognised, not used");
}

TEST_CASE("gazetteer: search for a place picker") {
    const Gazetteer& g = shipped();
    const auto pyong = g.search("pyong", 5);
    REQUIRE(!pyong.empty());
    CHECK(pyong.size() <= 5);
    CHECK(pyong[0].name == "Pyongyang");  // the most populous name starting with "pyong"
    for (std::size_t i = 1; i < pyong.size(); ++i) CHECK(pyong[i - 1].population >= pyong[i].population);

    const auto ira = g.search("Ira", 3);
    REQUIRE(ira.size() == 3);
    CHECK(ira[0].isCountry);  // Iran and Iraq before the cities
    CHECK(ira[1].isCountry);

    // Substring matches after prefix matches: "york" finds New York.
    const auto york = g.search("york", 50);
    bool newYork = false;
    for (const GazetteerEntry& e : york) newYork = newYork || (e.name == "New York City" && e.country == "USA");
    CHECK(newYork);
    CHECK(york[0].name.rfind("York", 0) == 0);  // a prefix match comes first
    CHECK(g.search("", 10).empty());
    CHECK(g.search("qqqqzzzz", 10).empty());
}

TEST_CASE("gazetteer: nearest place to a coordinate") {
    const Gazetteer& g = shipped();
    double km = -1;
    const auto near = g.nearest(35.70, 51.42, &km);  // central Tehran
    REQUIRE(near);
    CHECK(near->name == "Tehran");
    CHECK(km < 1.0);
    CHECK_FALSE(near->isCountry);

    // Across the antimeridian: from 179.95 W the nearest place is Labasa, Fiji, at 179.36 E.
    const auto labasa = g.nearest(-16.5, -179.95, &km);
    REQUIRE(labasa);
    CHECK(labasa->name == "Labasa");
    CHECK(km == doctest::Approx(73.47).epsilon(0.001));
    // Longitudes outside -180..180 wrap: 178.44 E written as -181.56.
    CHECK(g.nearest(-18.14, -181.56)->name == "Suva");

    // Far from everything: the middle of the South Pacific, the poles.
    CHECK(g.nearest(-40.0, -130.0, &km)->name == "Adamstown");  // Pitcairn
    CHECK(km == doctest::Approx(1660.6).epsilon(0.001));
    CHECK(g.nearest(89.0, 15.0, &km)->name == "Longyearbyen");
    CHECK(g.nearest(-90.0, 0.0, &km)->name == "McMurdo Station");
    CHECK(km == doctest::Approx(1351.5).epsilon(0.001));
}

TEST_CASE("gazetteer: nearest agrees with a scan of the whole file") {
    // Read the places straight from the file and compare the grid's answer with
    // the minimum over all of them, for points spread over the globe.
    struct P {
        double lat, lon;
    };
    std::vector<P> places;
    std::ifstream in(fs::path(meridian::test::testDataDir()) / ".." / ".." / "assets" / "gazetteer" / "gazetteer.tsv");
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#' || line[0] == '@') continue;
        const std::size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1), t3 = line.find('\t', t2 + 1);
        places.push_back({std::stod(line.substr(t1 + 1, t2 - t1 - 1)), std::stod(line.substr(t2 + 1, t3 - t2 - 1))});
    }
    REQUIRE(places.size() > 130000);
    const Gazetteer& g = shipped();
    auto haversine = [](double la1, double lo1, double la2, double lo2) {
        const double r = 3.14159265358979323846 / 180;
        const double a = std::pow(std::sin((la2 - la1) * r / 2), 2) +
                         std::cos(la1 * r) * std::cos(la2 * r) * std::pow(std::sin((lo2 - lo1) * r / 2), 2);
        return 2 * 6371.0088 * std::asin(std::min(1.0, std::sqrt(a)));
    };
    std::uint32_t seed = 12345;
    auto next = [&] { return (seed = seed * 1664525u + 1013904223u) / 4294967296.0; };
    for (int i = 0; i < 150; ++i) {
        const double lat = i < 10 ? (i % 2 ? 89.9 : -89.9) : std::asin(2 * next() - 1) * 180 / 3.14159265358979323846;
        const double lon = next() * 360 - 180;
        double best = 1e9;
        for (const P& p : places) best = std::min(best, haversine(lat, lon, p.lat, p.lon));
        double km = -1;
        REQUIRE(g.nearest(lat, lon, &km));
        CHECK_MESSAGE(km == doctest::Approx(best).epsilon(1e-9), lat, ", ", lon);
    }
}

TEST_CASE("gazetteer: bad files are refused with file:line:column") {
    CHECK(loadError("missing.tsv", "").find("expected the header") != std::string::npos);
    CHECK(loadError("header.tsv", "name\tlat\n") ==
          ":1:1: expected the header \"#meridian-gazetteer 1\" (a file made by scripts/build-gazetteer)");
    CHECK(loadError("orphan.tsv", "#meridian-gazetteer 1\nTehran\t35.6\t51.4\t1\t\n") ==
          ":2:1: expected a @country line before the first place");
    const std::string country = "#meridian-gazetteer 1\n@country\tIR\tIRN\t364\t35.6944\t51.4215\tcapital\tIran\n";
    CHECK(loadError("lat.tsv", country + "Tehran\t95.1\t51.4\t1\t\n") ==
          ":3:8: expected a latitude in degrees (-90..90), found \"95.1\"");
    CHECK(loadError("pop.tsv", country + "Tehran\t35.6\t51.4\tmany\t\n") ==
          ":3:18: expected a population (digits, or empty), found \"many\"");
    CHECK(loadError("admin.tsv", country + "Tehran\t35.6\t51.4\t1\t26\n") ==
          ":3:20: expected a region code given by an @admin line of this country, found \"26\"");
    CHECK(loadError("fields.tsv", country + "Tehran\t35.6\n") ==
          ":3:1: expected 5 tab-separated fields (name, lat, lon, population, region), found 2");
    CHECK(loadError("code.tsv", "#meridian-gazetteer 1\n@country\tIran\tIRN\t364\t35.6\t51.4\tcapital\tIran\n") ==
          ":2:10: expected an ISO 3166-1 alpha-2 code, found \"Iran\"");

    std::string error;
    CHECK(Gazetteer::load("/nonexistent/gazetteer.tsv", &error) == nullptr);
    CHECK(error == "/nonexistent/gazetteer.tsv: cannot open the gazetteer file");
}

TEST_CASE("gazetteer: a small hand-written file, every field read") {
    const fs::path p = writeTemp("small.tsv",
                                 "#meridian-gazetteer 1\n"
                                 "# a comment\n"
                                 "@country\tLY\tLBY\t434\t32.8874\t13.1873\tcapital\tLibya|State of Libya\n"
                                 "@admin\t77\tTripoli\n"
                                 "Tripoli\t32.8874\t13.1873\t1150989\t77\n"
                                 "@country\tLB\tLBN\t422\t33.8933\t35.5016\tcapital\tLebanon\n"
                                 "Beirut\t33.8933\t35.5016\t1916100\t\n"
                                 "Tripoli\t34.4335\t35.8442\t229398\t\n"
                                 "Smallville\t-0.5\t-0.25\t\t\n");
    std::string error;
    const auto g = Gazetteer::load(p, &error);
    fs::remove(p);
    REQUIRE_MESSAGE(g, error);
    CHECK(g->size() == 6);  // 2 countries + 4 places
    const auto t = g->lookup("tripoli");
    REQUIRE(t);
    CHECK(t->entry.country == "LBY");
    CHECK(t->entry.admin == "Tripoli");
    CHECK(t->explanation == "tripoli: Libya chosen; 1 other place shares the name (Lebanon)");
    CHECK(g->lookup("State of Libya")->entry.isCountry);
    const auto s = g->lookup("Smallville");
    REQUIRE(s);
    CHECK(s->entry.population == 0);
    CHECK(s->entry.latDeg == doctest::Approx(-0.5));
    CHECK(s->entry.lonDeg == doctest::Approx(-0.25));
    double km = 0;
    CHECK(g->nearest(34.0, 35.5, &km)->name == "Beirut");
    CHECK(km == doctest::Approx(11.9).epsilon(0.05));
}

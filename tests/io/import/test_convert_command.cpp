#include <doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "io/dataset_loader.h"
#include "io/import/column_mapping.h"
#include "io/import/convert_command.h"
#include "test_paths.h"

using namespace meridian;
using namespace meridian::io;

namespace {

const std::filesystem::path kData = std::filesystem::path(meridian::test::testDataDir());
const std::filesystem::path kRepo = kData / ".." / "..";

struct Run {
    int status = -1;
    std::string out, err;
};

std::string readBack(std::FILE* f) {
    std::string text;
    std::rewind(f);
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
    std::fclose(f);
    return text;
}

Run convert(const std::vector<std::string>& args) {
    std::FILE* out = std::tmpfile();
    std::FILE* err = std::tmpfile();
    Run r;
    r.status = runConvertCommand(args, out, err);
    r.out = readBack(out);
    r.err = readBack(err);
    return r;
}

Run validate(const std::string& path) {
    std::FILE* out = std::tmpfile();
    std::FILE* err = std::tmpfile();
    Run r;
    r.status = runValidateAnyFile(path, out, err);
    r.out = readBack(out);
    r.err = readBack(err);
    return r;
}

struct Scratch {
    std::filesystem::path dir;
    explicit Scratch(const std::string& name) : dir(std::filesystem::temp_directory_path() / ("meridian-" + name)) {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
    }
    ~Scratch() { std::filesystem::remove_all(dir); }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(dir / name, std::ios::binary) << text;
        return (dir / name).string();
    }
    std::string path(const std::string& name) const { return (dir / name).string(); }
};

}  // namespace

TEST_CASE("convert: usage errors exit 2 and say what is wrong") {
    Run r = convert({"only-one.csv"});
    CHECK(r.status == 2);
    CHECK(r.err.rfind("meridian convert: expected an input and an output file\nusage: meridian convert IN OUT", 0) ==
          0);
    r = convert({"a.csv", "b.xlsx"});
    CHECK(r.status == 2);
    CHECK(r.err.rfind("meridian convert: cannot tell the output format from \"b.xlsx\"", 0) == 0);
    CHECK(convert({"a.csv", "b.json", "--format", "kml"}).err.rfind("meridian convert: unknown format \"kml\"", 0) ==
          0);
    CHECK(convert({"a.csv", "b.json", "--bogus"}).status == 2);
    CHECK(convert({"a.csv", "b.json", "--mapping"}).err.rfind("meridian convert: --mapping needs a value", 0) == 0);
}

TEST_CASE("convert: a spreadsheet with place names to Meridian JSON; skipped rows exit 1 with located problems") {
    Scratch s("convert");
    const std::string out = s.path("incidents.json");
    const Run r = convert({(kData / "import" / "incidents.csv").string(), out, "--save-mapping", s.path("m.json")});
    CHECK(r.status == 1);  // two rows were skipped
    CHECK(r.out == (kData / "import" / "incidents.csv").string() + " -> " + out +
                       " (Meridian JSON): 8 rows: 6 events, 2 skipped (1 blank row ignored)\n");
    CHECK(r.err.find("incidents.csv:5: row 3, column \"Date\": \"31/31/2006\" is not a date") != std::string::npos);
    CHECK(r.err.find("incidents.csv: warning: place: Tripoli: Libya chosen;") != std::string::npos);
    CHECK(r.err.find("warning: place not found: \"Springfeld\"") != std::string::npos);
    const DatasetLoadResult written = loadDataset(out);
    REQUIRE(written.ok());
    CHECK(written.dataset->events.size() == 6);
    CHECK(loadMapping(s.path("m.json")).mapping);

    // --mapping: the saved mapping is used; --format overrides the name.
    const Run again = convert({(kData / "import" / "incidents.csv").string(), s.path("out.txt"), "--mapping",
                               s.path("m.json"), "--format", "geojson", "--no-gazetteer"});
    CHECK(again.status == 1);
    std::ifstream geo(s.path("out.txt"));
    std::string first;
    std::getline(geo, first);
    CHECK(first == "{");
}

TEST_CASE("convert: a clean file exits 0; Meridian JSON to CSV and back") {
    Scratch s("convert-clean");
    Run r = convert({(kRepo / "data" / "iran-dprk.json").string(), s.path("x.csv")});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    r = convert({s.path("x.csv"), s.path("y.json"), "--no-gazetteer"});
    CHECK(r.status == 0);
    CHECK(r.out.find(" (Meridian JSON): ") != std::string::npos);
    CHECK(loadDataset(s.path("y.json")).ok());
    r = convert({s.path("missing.csv"), s.path("z.json")});
    CHECK(r.status == 1);
    CHECK(r.err == s.path("missing.csv") + ": cannot read the file: no such file\n" + s.path("missing.csv") +
                       ": not converted\n");
}

TEST_CASE("validate: any readable format") {
    Run r = validate((kRepo / "data" / "iran-dprk.json").string());
    CHECK(r.status == 0);
    CHECK(r.out.rfind((kRepo / "data" / "iran-dprk.json").string() + ": OK: ", 0) == 0);
    r = validate((kData / "bad" / "impossible-date.json").string());
    CHECK(r.status == 1);
    CHECK(r.err.find("; not loaded\n") != std::string::npos);
    r = validate((kData / "import" / "incidents.csv").string());
    CHECK(r.status == 1);
    CHECK(r.err.find((kData / "import" / "incidents.csv").string() + ": 8 rows: 6 events, 2 skipped (1 blank row "
                                                                     "ignored) (CSV)\n") != std::string::npos);
    Scratch s("validate");
    const std::string clean = s.write("clean.csv", "date,title,lat,lon\n2006-07-05,A,35.69,51.39\n");
    r = validate(clean);
    CHECK(r.status == 0);
    CHECK(r.out.find(clean + ": OK: 1 row: 1 event, 0 skipped (CSV)\n") != std::string::npos);
}

#include "session/save_as_choices.h"

namespace meridian {

namespace {

std::string counted(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::vector<std::string> exportLosses(const Dataset& ds, io::ExportFormat format) {
    std::vector<std::string> out;
    if (format == io::ExportFormat::MeridianJson) return out;
    if (!ds.stories.empty())
        out.push_back(counted(ds.stories.size(), "story", "stories") + " (only Meridian JSON keeps stories)");
    std::size_t colours = 0;
    for (const Category& c : ds.categories) colours += c.hasColor ? 1 : 0;
    if (colours) out.push_back("the colours of " + counted(colours, "category", "categories"));
    std::size_t placeDetails = 0;
    for (const Place& p : ds.places) placeDetails += !p.label.empty() || !p.note.empty() || p.approx ? 1 : 0;
    if (placeDetails)
        out.push_back("the short labels, notes or \"approximate\" marks of " +
                      counted(placeDetails, "place", "places"));
    std::size_t endCountries = 0;
    for (const Event& e : ds.events) {
        if (!e.isConnection()) continue;
        for (const Index p : {e.from, e.to})
            if (p < ds.places.size() && !ds.places[p].country.empty()) ++endCountries;
    }
    if (endCountries) out.push_back("the countries of " + counted(endCountries, "connection end", "connection ends"));
    std::size_t actorCountries = 0;
    for (const Actor& a : ds.actors) actorCountries += a.country.empty() ? 0 : 1;
    if (actorCountries) out.push_back("the countries of " + counted(actorCountries, "actor", "actors"));
    if (!ds.authors.empty())
        out.push_back(ds.authors.size() == 1 ? std::string("the author's name")
                                             : "the names of " + counted(ds.authors.size(), "author", "authors"));
    if (!ds.license.empty()) out.push_back("the licence (" + ds.license + ")");
    if (ds.updated) out.push_back("the date it was last updated");
    return out;
}

const char* exportExtension(io::ExportFormat format) {
    switch (format) {
        case io::ExportFormat::MeridianJson:
            return ".json";
        case io::ExportFormat::Csv:
            return ".csv";
        case io::ExportFormat::Tsv:
            return ".tsv";
        case io::ExportFormat::TimelineJs:
            return ".timeline.json";
        case io::ExportFormat::GeoJson:
            return ".geojson";
    }
    return ".json";
}

std::string fileNameForFormat(const std::string& name, io::ExportFormat format) {
    std::string stem = name;
    auto endsWith = [&](std::string_view suffix) {
        if (stem.size() < suffix.size()) return false;
        for (std::size_t i = 0; i < suffix.size(); ++i) {
            char ch = stem[stem.size() - suffix.size() + i];
            if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
            if (ch != suffix[i]) return false;
        }
        return true;
    };
    // The longest known extension first (".timeline.json" before ".json").
    for (const std::string_view ext :
         {".timelinejs.json", ".timeline.json", ".meridian.json", ".geojson", ".json", ".csv", ".tsv", ".txt"}) {
        if (endsWith(ext)) {
            stem = name.substr(0, name.size() - ext.size());
            break;
        }
    }
    if (stem.empty()) stem = "data";
    return stem + exportExtension(format);
}

}  // namespace meridian

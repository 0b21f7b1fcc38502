// The gazetteer in the browser build. A table (CSV, TSV) may name its places
// ("Tehran", "Pyongyang"): the importer finds them in the gazetteer
// (assets/gazetteer/gazetteer.tsv, 4.8 MB, 2.2 MB gzipped). The page's data
// bundle leaves it out, so that a page that never imports a table never loads
// it: it is a plain file next to the page, fetched into the page's file system
// the first time a table is opened (a ?data= table: by pre.js, before main()).
#pragma once

#include <string>

namespace meridian::web {

// Does opening this file need the gazetteer that is not here yet? (A table, and
// no gazetteer in the page's file system.)
bool gazetteerWanted(const std::string& path);

// Starts fetching it (once; later calls while it is under way do nothing).
void fetchGazetteer();

enum class GazetteerFetch { None, Pending, Done, Failed };
// How the fetch went; on Failed, message says why (the table then opens
// without places by name, and the app says so).
GazetteerFetch gazetteerFetchState(std::string* message);

}  // namespace meridian::web

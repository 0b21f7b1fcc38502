// Folding place names for matching: "P'yŏngyang" ~ "Pyongyang", "Sūnan" ~ "SUNAN",
// "Saint-Étienne" ~ "saint etienne", "Trinidad & Tobago" ~ "trinidad and tobago".
//
// Lower-cases, strips the accents of Latin letters (Latin-1, Extended-A/B and
// Latin Extended Additional, combining marks), spells out ß æ œ ø đ ł þ ı ə,
// drops apostrophes, quotes and dots, turns other punctuation into spaces and
// collapses runs of spaces. Cyrillic and Greek capitals are lower-cased; any
// other script is kept as written. Pure; invalid UTF-8 bytes are kept as they are.
#pragma once

#include <string>
#include <string_view>

namespace meridian::io {

std::string foldPlaceName(std::string_view name);
// The same, appended to out (no allocation when out has room).
void appendFoldedPlaceName(std::string_view name, std::string& out);

}  // namespace meridian::io

// Numbers and coordinates as spreadsheets and people write them, and the
// shortest text that reads back to the same double (for writers).
//
// No std::from_chars for floating point (the browser build's library lacks
// it) and no locale: the syntax is checked here, the conversion is strtod's on
// a short, validated, "C"-style copy.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace meridian::io {

// "35.69", "-0.5", "1e3", "+2", and a decimal comma "35,69" (European files).
std::optional<double> parseDecimal(std::string_view text);

// A latitude or longitude in degrees: decimal ("35.69", "35,69"), with a
// hemisphere ("35.69 N", "S 12.5", "51.39E"), or degrees-minutes-seconds
// ("35°41'24\"N", "35° 41′ 24″ N", "35 41 24 N"). nullopt when it is not one
// or out of range ([-90, 90] / [-180, 180]).
std::optional<double> parseCoordinate(std::string_view text, bool latitude);

// The shortest decimal text that reads back to exactly x ("35.69", "1e-07"); "0" for 0.
std::string formatShortest(double x);

}  // namespace meridian::io

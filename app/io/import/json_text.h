// Writing JSON text by hand, for writers that control their layout (the
// Meridian writer's diff-friendly records, mapping files, TimelineJS and
// GeoJSON exports): strings escaped as RFC 8259 requires, numbers in their
// shortest exact form.
#pragma once

#include <string>
#include <string_view>

namespace meridian::io {

// Appends s as a JSON string: quotes, backslashes and control characters
// escaped; other UTF-8 is written as is (invalid bytes become U+FFFD).
void appendJsonString(std::string& out, std::string_view s);
std::string jsonString(std::string_view s);
// A finite number in its shortest exact form; null for NaN and infinities.
std::string jsonNumber(double x);

}  // namespace meridian::io

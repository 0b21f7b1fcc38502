// Is a file a TrueType/OpenType font the UI can rasterise? Checked before the
// file goes to ImGui, whose font loader trusts it (a cut-off download, an empty
// file or an HTML error page saved as .ttf would crash it or leave no text).
// The check reads the table directory: every table inside the file, and the
// tables text needs (cmap, head, hhea, hmtx, maxp, and glyf+loca or CFF).
#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace meridian::io {

// "" when usable, else why not (without the path).
std::string checkFontBytes(std::span<const std::uint8_t> bytes);
// The same for a file: "" when usable, else a message naming the file.
std::string checkFontFile(const std::string& path);

}  // namespace meridian::io

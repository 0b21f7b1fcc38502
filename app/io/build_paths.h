#pragma once
// Where this build's source tree and build folder are, as compiled in. Only
// build_paths.cpp has them on its compile line: every other object is the same
// wherever the tree is checked out, so a compiler cache (ccache) shares them
// between checkouts (CI builds a fresh clone at a new path each time).

namespace meridian::io {

// The source tree (assets/ and data/ found there while developing).
const char* sourceDir();
// The build folder, where libmeridian-gdal.so is built ("" when the build has no GDAL).
const char* gdalModuleDir();

}  // namespace meridian::io

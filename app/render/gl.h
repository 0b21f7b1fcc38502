// OpenGL entry points for the render module (libepoxy loads them: it is
// Debian's, handles core profiles and saves us copying a loader's source).
// The browser build (emscripten) has OpenGL ES 3.0 as WebGL2 instead; its
// differences from the desktop's 3.3 core are mended in web/browser/gles.h.
#pragma once

#ifdef __EMSCRIPTEN__
#include "browser/gles.h"
#else
#include <epoxy/gl.h>
#endif

// OpenGL entry points for the render module (libepoxy loads them: it is
// Debian's, handles core profiles and saves us copying a loader's source).
#pragma once

#include <epoxy/gl.h>

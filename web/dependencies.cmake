# The browser build's dependencies, as the same target names the desktop build
# gets from pkg-config, so target_link_libraries lines stay the same on both:
#   nlohmann_json::nlohmann_json  PkgConfig::STB  GLU_LIBRARY (libtess only)
#   PkgConfig::SDL2  PkgConfig::IMGUI (core + SDL2 + OpenGL3/GLES3 backends)
# They come from MERIDIAN_WEB_DEPS, the prefix scripts/web-deps builds with emcc
# into a cache outside the repository (scripts/web passes it).
#
# Also the flags every web target shares:
#   -fexceptions   the model throws and catches (nlohmann-json, std::filesystem);
#                  emscripten's default would abort on the first throw.
#   single-threaded: no -pthread, so no SharedArrayBuffer and no COOP/COEP
#                  headers needed from the host (see web/README.md).
set(MERIDIAN_WEB_DEPS "" CACHE PATH "Prefix of the emcc-built dependencies (scripts/web-deps prints it)")
if(NOT EXISTS "${MERIDIAN_WEB_DEPS}/.complete")
  message(FATAL_ERROR "MERIDIAN_WEB_DEPS='${MERIDIAN_WEB_DEPS}' is not a built web dependency prefix: "
                      "run scripts/web (or scripts/web-deps, which prints it)")
endif()
set(deps "${MERIDIAN_WEB_DEPS}")

add_compile_options(-fexceptions)
add_link_options(-fexceptions -sALLOW_MEMORY_GROWTH=1)

add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
set_target_properties(nlohmann_json::nlohmann_json PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${deps}/include")

add_library(PkgConfig::STB STATIC IMPORTED)
set_target_properties(PkgConfig::STB PROPERTIES IMPORTED_LOCATION "${deps}/lib/libstb.a"
  INTERFACE_INCLUDE_DIRECTORIES "${deps}/include;${deps}/include/stb")

# GLU's tessellator; its GL/glu.h is in ${deps}/include, which the nlohmann target above
# already gives the model (emscripten's sysroot has a GL/glu.h of its own; ours comes first).
set(GLU_LIBRARY "${deps}/lib/libtess.a" CACHE FILEPATH "GLU's tessellator, built with emcc" FORCE)

set(FAST_FLOAT_INCLUDE_DIR "${deps}/include" CACHE PATH "fast_float headers (from libfast-float-dev)" FORCE)

add_library(PkgConfig::SDL2 STATIC IMPORTED)
set_target_properties(PkgConfig::SDL2 PROPERTIES IMPORTED_LOCATION "${deps}/lib/libSDL2.a"
  INTERFACE_INCLUDE_DIRECTORIES "${deps}/include/SDL2")

add_library(PkgConfig::IMGUI STATIC IMPORTED)
set_target_properties(PkgConfig::IMGUI PROPERTIES IMPORTED_LOCATION "${deps}/lib/libimgui.a"
  INTERFACE_INCLUDE_DIRECTORIES "${deps}/include/imgui"
  INTERFACE_COMPILE_DEFINITIONS "IMGUI_IMPL_OPENGL_ES3"
  INTERFACE_LINK_LIBRARIES "PkgConfig::SDL2;-sUSE_WEBGL2=1;-sMAX_WEBGL_VERSION=2;-sMIN_WEBGL_VERSION=2")

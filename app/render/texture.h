// RGBA images as OpenGL textures (media thumbnails).
#pragma once

#include "io/image_file.h"
#include "render/gl.h"

namespace meridian::render {

GLuint uploadTexture(const io::ImageRgba& image);  // linear filtering, mipmaps
void deleteTexture(GLuint texture);

}  // namespace meridian::render

/* The stb implementations the model uses (Debian's desktop build links libstb instead).
 * Compiled by scripts/web-deps into the web dependency cache as libstb.a. */
#define STB_IMAGE_IMPLEMENTATION
#include <stb_image.h>
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>

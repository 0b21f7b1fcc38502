// An image drawn by copying its pixels (a framebuffer blit) where ImGui::Image
// would shade a textured, blended quad: for the map, a panel-sized texture
// that a software renderer would otherwise sample and blend pixel by pixel.
// The same picture when the image is opaque and sits on whole pixels at its
// own size, as the map does. The draw list keeps a pointer to the BlitImage:
// it must live until the frame has been rendered.
#pragma once

#include <imgui.h>

#include "render/gl.h"

namespace meridian::ui {

struct BlitImage {
    GLuint fbo = 0;      // the framebuffer holding the image (single-sampled)
    GLuint texture = 0;  // its colour texture (whose content version says when it changed)
    int widthPx = 0, heightPx = 0;
    ImVec2 min, max;  // where it goes, in ImGui's coordinates
};

void addBlitImage(ImDrawList* drawList, const BlitImage* image);
// The draw callback (a compositor recognises it to hash what it shows, not when it ran).
void blitImageCallback(const ImDrawList* drawList, const ImDrawCmd* cmd);

}  // namespace meridian::ui

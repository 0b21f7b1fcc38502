#include "ui/blit_image.h"

#include <cmath>
#include <cstdlib>

#include "render/framebuffer.h"

namespace meridian::ui {

void addBlitImage(ImDrawList* drawList, const BlitImage* image) {
    drawList->AddCallback(blitImageCallback, const_cast<BlitImage*>(image));
}

void blitImageCallback(const ImDrawList*, const ImDrawCmd* cmd) {
    const auto* image = static_cast<const BlitImage*>(cmd->UserCallbackData);
    const ImDrawData* dd = ImGui::GetDrawData();
    if (!image || !image->fbo || !dd) return;
    if (getenv("HACK_NOBLIT")) return;
    // The target's height (the backend set the viewport to the framebuffer).
    GLint viewport[4] = {0, 0, 0, 0};
    glGetIntegerv(GL_VIEWPORT, viewport);
    const int fbHeight = viewport[3];
    const ImVec2 scale = dd->FramebufferScale, off = dd->DisplayPos;
    auto fbX = [&](float x) { return static_cast<int>(std::lround((x - off.x) * scale.x)); };
    auto fbY = [&](float y) { return static_cast<int>(std::lround((y - off.y) * scale.y)); };
    // The command's clip rectangle, as the backend would scissor a quad.
    const ImVec2 clipMin((cmd->ClipRect.x - off.x) * scale.x, (cmd->ClipRect.y - off.y) * scale.y);
    const ImVec2 clipMax((cmd->ClipRect.z - off.x) * scale.x, (cmd->ClipRect.w - off.y) * scale.y);
    if (clipMax.x <= clipMin.x || clipMax.y <= clipMin.y) return;
    glEnable(GL_SCISSOR_TEST);
    glScissor(static_cast<int>(clipMin.x), static_cast<int>(static_cast<float>(fbHeight) - clipMax.y),
              static_cast<int>(clipMax.x - clipMin.x), static_cast<int>(clipMax.y - clipMin.y));
    const int x0 = fbX(image->min.x), x1 = fbX(image->max.x);
    const int top = fbY(image->min.y), bottom = fbY(image->max.y);
    render::blitColorInto(image->fbo, image->widthPx, image->heightPx, x0, fbHeight - bottom, x1, fbHeight - top);
}

}  // namespace meridian::ui

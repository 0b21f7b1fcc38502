// Paints and shows the window's ImGui frames. A software OpenGL renderer
// (llvmpipe) spends most of a frame filling pixels, and in most frames only a
// panel or two changed (the playhead moves the map and the timeline; the
// table and the details stay). So, on a software renderer, every draw list
// (one per window, popup or tooltip) is hashed with the contents of the
// textures it shows, and only the rectangles covered by lists that changed,
// appeared or went away are cleared and drawn again (every list clipped to
// them, by Dear ImGui's own OpenGL backend). Per pixel the same drawing
// happens as in a full repaint, so the picture is the same.
//
// Where the frame is kept between frames (the mode):
// - Direct: the window's back buffer, when a probe at the first frame shows
//   that it survives a swap (Mesa's software rasterisers on X11 copy it to
//   the window); only the damaged rectangles are sent to the window
//   (GLX_MESA_copy_sub_buffer), and nothing at all when nothing changed.
// - Canvas: a texture of our own, copied whole to the window every frame.
// - Full: no tracking, the whole frame painted (hardware renderers).
// MERIDIAN_COMPOSITOR=direct|canvas|full forces a mode (for tests).
#pragma once

#include <SDL.h>
#include <imgui.h>

#include <atomic>
#include <cstdint>
#include <vector>

#include "render/framebuffer.h"

namespace meridian::platform {

class UiCompositor {
public:
    enum class Mode { Undecided, Full, Canvas, Direct };

    UiCompositor() = default;
    ~UiCompositor();
    UiCompositor(const UiCompositor&) = delete;
    UiCompositor& operator=(const UiCompositor&) = delete;

    // Paints the frame's draw data (widthPx × heightPx) and shows it in the window.
    void present(SDL_Window* window, ImDrawData* drawData, int widthPx, int heightPx);
    Mode mode() const { return m_mode; }
    static const char* modeName(Mode mode);
    // Pixels repainted by the last present() (for the benchmark).
    std::int64_t lastRepaintedPx() const { return m_repaintedPx; }
    // Self-check (benchmark, tests): repaints the last frame's draw data whole
    // into a scratch target and counts the pixels that differ from the canvas.
    std::int64_t pixelsDifferingFromFullRepaint(ImDrawData* drawData);

    struct Rect {
        float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        bool empty() const { return x1 <= x0 || y1 <= y0; }
        float area() const { return empty() ? 0.0f : (x1 - x0) * (y1 - y0); }
    };

private:
    void chooseMode(SDL_Window* window);
    void show(SDL_Window* window, int widthPx, int heightPx);
    static int onWindowEvent(void* self, SDL_Event* event);

    struct ListState {
        const char* owner = nullptr;  // the window's name (stable while it lives)
        std::uint64_t hash = 0;
        Rect bounds;
    };
    render::Framebuffer m_canvas;
    std::vector<ListState> m_lists, m_current;
    std::vector<Rect> m_damage, m_damageFb;  // this frame's, in ImGui's and in framebuffer pixels
    std::vector<ImDrawList*> m_subset;
    std::vector<ImVec4> m_savedClips;
    bool m_full = true;
    std::int64_t m_repaintedPx = 0;
    Mode m_mode = Mode::Undecided;
    bool m_copySubBuffer = false;        // GLX_MESA_copy_sub_buffer (Direct mode on X11)
    std::atomic<bool> m_exposed{false};  // the window was uncovered or resized: show all of it again
    bool m_watching = false;
    int m_width = 0, m_height = 0;
};

}  // namespace meridian::platform

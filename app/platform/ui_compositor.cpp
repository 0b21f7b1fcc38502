#include "platform/ui_compositor.h"

#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "render/gl.h"
#include "render/gl_caps.h"
#if !defined(__EMSCRIPTEN__)
#include <epoxy/glx.h>
#endif
#include "render/texture.h"
#include "ui/blit_image.h"

namespace meridian::platform {

namespace {

using Rect = UiCompositor::Rect;

// FNV-style mixing, 8 bytes at a time (a frame hashes ~1 MB of vertices).
struct Hasher {
    std::uint64_t h = 1469598103934665603ull;
    void word(std::uint64_t w) {
        h = (h ^ w) * 1099511628211ull;
        h ^= h >> 32;
    }
    void bytes(const void* data, std::size_t n) {
        const auto* p = static_cast<const unsigned char*>(data);
        std::size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            word(w);
        }
        std::uint64_t tail = 0;
        std::memcpy(&tail, p + i, n - i);
        word(tail ^ n);
    }
};

Rect unite(const Rect& a, const Rect& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

Rect intersect(const Rect& a, const Rect& b) {
    return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

bool overlaps(const Rect& a, const Rect& b) {
    return !intersect(a, b).empty();
}

// What a draw list draws (vertices, indices, commands, the versions of its
// textures) and where: its vertices' bounds within its clip rectangles.
void describe(const ImDrawList& list, std::uint64_t* hash, Rect* bounds) {
    Hasher h;
    h.bytes(list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert));
    h.bytes(list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
    Rect clips, images;
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
        h.bytes(&cmd.ClipRect, sizeof cmd.ClipRect);
        const auto texture = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(cmd.TextureId));
        h.word(texture);
        h.word(render::textureContentVersion(texture));
        h.word((static_cast<std::uint64_t>(cmd.VtxOffset) << 32) ^ cmd.IdxOffset);
        h.word(cmd.ElemCount);
        clips = unite(clips, {cmd.ClipRect.x, cmd.ClipRect.y, cmd.ClipRect.z, cmd.ClipRect.w});
        if (cmd.UserCallback == ui::blitImageCallback && cmd.UserCallbackData) {
            // A copied image (the map): what and where it is, and its pixels' version.
            const auto& image = *static_cast<const ui::BlitImage*>(cmd.UserCallbackData);
            h.bytes(&image, sizeof image);
            h.word(render::textureContentVersion(image.texture));
            images = unite(images, {image.min.x, image.min.y, image.max.x, image.max.y});
        } else if (cmd.UserCallback) {
            // Another callback may draw anything: the list counts as changed every frame.
            h.word(reinterpret_cast<std::uintptr_t>(&cmd) ^ static_cast<std::uint64_t>(ImGui::GetFrameCount()));
            images = unite(images, {cmd.ClipRect.x, cmd.ClipRect.y, cmd.ClipRect.z, cmd.ClipRect.w});
        }
    }
    Rect v{FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX};
    for (const ImDrawVert& vert : list.VtxBuffer) {
        v.x0 = std::min(v.x0, vert.pos.x);
        v.y0 = std::min(v.y0, vert.pos.y);
        v.x1 = std::max(v.x1, vert.pos.x);
        v.y1 = std::max(v.y1, vert.pos.y);
    }
    *hash = h.h;
    // Whole pixels, a pixel of margin for anti-aliased edges.
    Rect b = unite(intersect(v, clips), intersect(images, clips));
    *bounds =
        b.empty() ? Rect{} : Rect{std::floor(b.x0) - 1, std::floor(b.y0) - 1, std::ceil(b.x1) + 1, std::ceil(b.y1) + 1};
}

// Adds a rectangle to the damage, merging overlapping ones; past a few
// rectangles, the two whose union grows least are merged.
void addDamage(std::vector<Rect>& damage, Rect r) {
    if (r.empty()) return;
    for (bool merged = true; merged;) {
        merged = false;
        for (std::size_t i = 0; i < damage.size(); ++i)
            if (overlaps(damage[i], r)) {
                r = unite(r, damage[i]);
                damage.erase(damage.begin() + static_cast<std::ptrdiff_t>(i));
                merged = true;
                break;
            }
    }
    damage.push_back(r);
    constexpr std::size_t kMaxRects = 4;
    while (damage.size() > kMaxRects) {
        std::size_t bi = 0, bj = 1;
        float best = FLT_MAX;
        for (std::size_t i = 0; i < damage.size(); ++i)
            for (std::size_t j = i + 1; j < damage.size(); ++j) {
                const float grow = unite(damage[i], damage[j]).area() - damage[i].area() - damage[j].area();
                if (grow < best) best = grow, bi = i, bj = j;
            }
        const Rect u = unite(damage[bi], damage[bj]);
        damage.erase(damage.begin() + static_cast<std::ptrdiff_t>(bj));
        damage.erase(damage.begin() + static_cast<std::ptrdiff_t>(bi));
        addDamage(damage, u);
    }
}

}  // namespace

UiCompositor::~UiCompositor() {
    if (m_watching) SDL_DelEventWatch(onWindowEvent, this);
}

const char* UiCompositor::modeName(Mode mode) {
    switch (mode) {
        case Mode::Direct:
            return "direct (damaged rectangles, kept in the back buffer)";
        case Mode::Canvas:
            return "canvas (damaged rectangles, kept in a texture)";
        case Mode::Full:
            return "full repaint";
        case Mode::Undecided:
            break;
    }
    return "undecided";
}

int UiCompositor::onWindowEvent(void* self, SDL_Event* e) {
    if (e->type == SDL_WINDOWEVENT) switch (e->window.event) {
            case SDL_WINDOWEVENT_EXPOSED:
            case SDL_WINDOWEVENT_SHOWN:
            case SDL_WINDOWEVENT_RESTORED:
            case SDL_WINDOWEVENT_SIZE_CHANGED:
                static_cast<UiCompositor*>(self)->m_exposed = true;
                break;
            default:
                break;
        }
    return 1;
}

void UiCompositor::chooseMode(SDL_Window* window) {
    const char* forced = std::getenv("MERIDIAN_COMPOSITOR");
    const std::string_view want = forced ? forced : "";
    if (want == "full" || (want.empty() && !render::glCaps().software)) {
        m_mode = Mode::Full;
        return;
    }
    m_mode = Mode::Canvas;
    if (want == "canvas") return;
    // Does the back buffer keep its pixels through a swap? Two near-black
    // frames, then read back which one the back buffer holds.
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDisable(GL_SCISSOR_TEST);
    GLubyte px[4] = {0, 0, 0, 0};
    for (int i = 0; i < 2; ++i) {
        glClearColor(static_cast<float>(16 + i) / 255.0f, 16.0f / 255.0f, 16.0f / 255.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        SDL_GL_SwapWindow(window);
    }
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
    if (px[0] != 17 && want != "direct" && want != "damage") return;
    m_mode = Mode::Direct;
#if !defined(__EMSCRIPTEN__)
    // Sending only the damaged rectangles to the window needs GLX (X11). Off unless
    // asked for (MERIDIAN_COMPOSITOR=damage): Mesa's software GLX resizes its back
    // buffer only at a swap, so the first copy after a resize (going full screen to
    // present) asked X for a rectangle outside the old image and the app died of
    // BadValue in X_ShmPutImage. A whole swap costs one image upload per frame drawn.
    const char* driver = SDL_GetCurrentVideoDriver();
    if (want == "damage" && driver && std::string_view(driver) == "x11") {
        Display* dpy = glXGetCurrentDisplay();
        m_copySubBuffer = dpy && epoxy_has_glx_extension(dpy, DefaultScreen(dpy), "GLX_MESA_copy_sub_buffer");
    }
#endif
}

void UiCompositor::show(SDL_Window* window, int widthPx, int heightPx) {
    const bool all = m_exposed.exchange(false) || m_mode != Mode::Direct || !m_copySubBuffer;
    if (m_mode == Mode::Direct && !all) {
#if !defined(__EMSCRIPTEN__)
        Display* dpy = glXGetCurrentDisplay();
        const GLXDrawable drawable = glXGetCurrentDrawable();
        for (const Rect& d : m_damageFb)
            glXCopySubBufferMESA(dpy, drawable, static_cast<int>(d.x0), heightPx - static_cast<int>(d.y1),
                                 static_cast<int>(d.x1 - d.x0), static_cast<int>(d.y1 - d.y0));
        if (!m_damageFb.empty()) glFlush();
#endif
        return;
    }
    (void)widthPx;
    SDL_GL_SwapWindow(window);
}

void UiCompositor::present(SDL_Window* window, ImDrawData* dd, int widthPx, int heightPx) {
    if (!m_watching) {
        SDL_AddEventWatch(onWindowEvent, this);
        m_watching = true;
    }
    if (m_mode == Mode::Undecided) chooseMode(window);
    const ImVec4 clear = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    if (m_mode == Mode::Full) {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glViewport(0, 0, widthPx, heightPx);
        glClearColor(clear.x, clear.y, clear.z, clear.w);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(dd);
        m_repaintedPx = static_cast<std::int64_t>(widthPx) * heightPx;
        SDL_GL_SwapWindow(window);
        return;
    }
    if (widthPx != m_width || heightPx != m_height) {
        m_full = true;
        m_width = widthPx;
        m_height = heightPx;
        if (m_mode == Mode::Canvas && !m_canvas.ensure(widthPx, heightPx, 1)) {
            m_mode = Mode::Full;  // no canvas (out of memory?): paint whole frames
            present(window, dd, widthPx, heightPx);
            return;
        }
    }
    // This frame's lists, and what changed since the last one.
    m_current.clear();
    for (int i = 0; i < dd->CmdListsCount; ++i) {
        ListState st;
        st.owner = dd->CmdLists[i]->_OwnerName;
        describe(*dd->CmdLists[i], &st.hash, &st.bounds);
        m_current.push_back(st);
    }
    m_damage.clear();
    const Rect screen{dd->DisplayPos.x, dd->DisplayPos.y, dd->DisplayPos.x + dd->DisplaySize.x,
                      dd->DisplayPos.y + dd->DisplaySize.y};
    if (m_full) {
        m_damage.push_back(screen);
    } else {
        // Lists are matched by owner; one that moved in the order (a window
        // brought to the front) damages where it is and where it was.
        for (std::size_t i = 0; i < m_current.size(); ++i) {
            const ListState& cur = m_current[i];
            const bool sameSlot = i < m_lists.size() && m_lists[i].owner == cur.owner;
            if (sameSlot && m_lists[i].hash == cur.hash && m_lists[i].bounds.x0 == cur.bounds.x0 &&
                m_lists[i].bounds.y0 == cur.bounds.y0 && m_lists[i].bounds.x1 == cur.bounds.x1 &&
                m_lists[i].bounds.y1 == cur.bounds.y1)
                continue;
            addDamage(m_damage, cur.bounds);
            if (sameSlot) addDamage(m_damage, m_lists[i].bounds);
        }
        for (std::size_t i = 0; i < m_lists.size(); ++i) {
            const bool sameSlot = i < m_current.size() && m_current[i].owner == m_lists[i].owner;
            if (!sameSlot) addDamage(m_damage, m_lists[i].bounds);
        }
    }
    std::swap(m_lists, m_current);
    m_full = false;

    // Repaint each damaged rectangle: clear it, draw every list that touches it, clipped to it.
    const GLuint target = m_mode == Mode::Canvas ? m_canvas.fbo() : 0;
    glBindFramebuffer(GL_FRAMEBUFFER, target);
    glViewport(0, 0, widthPx, heightPx);
    glEnable(GL_SCISSOR_TEST);
    glClearColor(clear.x, clear.y, clear.z, clear.w);
    m_repaintedPx = 0;
    m_damageFb.clear();
    for (const Rect& d0 : m_damage) {
        const Rect d = intersect(d0, screen);
        if (d.empty()) continue;
        const float sx = dd->FramebufferScale.x, sy = dd->FramebufferScale.y;
        const Rect fb{std::floor((d.x0 - dd->DisplayPos.x) * sx), std::floor((d.y0 - dd->DisplayPos.y) * sy),
                      std::ceil((d.x1 - dd->DisplayPos.x) * sx), std::ceil((d.y1 - dd->DisplayPos.y) * sy)};
        m_damageFb.push_back(fb);
        glScissor(static_cast<int>(fb.x0), heightPx - static_cast<int>(fb.y1), static_cast<int>(fb.x1 - fb.x0),
                  static_cast<int>(fb.y1 - fb.y0));
        glClear(GL_COLOR_BUFFER_BIT);
        m_repaintedPx += static_cast<std::int64_t>(fb.area());
        m_subset.clear();
        m_savedClips.clear();
        ImDrawData part = *dd;
        part.TotalVtxCount = part.TotalIdxCount = 0;
        for (int i = 0; i < dd->CmdListsCount; ++i) {
            ImDrawList* list = dd->CmdLists[i];
            if (!overlaps(m_lists[static_cast<std::size_t>(i)].bounds, d)) continue;
            m_subset.push_back(list);
            part.TotalVtxCount += list->VtxBuffer.Size;
            part.TotalIdxCount += list->IdxBuffer.Size;
            for (ImDrawCmd& cmd : list->CmdBuffer) {
                m_savedClips.push_back(cmd.ClipRect);
                const Rect c = intersect({cmd.ClipRect.x, cmd.ClipRect.y, cmd.ClipRect.z, cmd.ClipRect.w}, d);
                cmd.ClipRect = c.empty() ? ImVec4(0, 0, 0, 0) : ImVec4(c.x0, c.y0, c.x1, c.y1);
            }
        }
        part.CmdLists = m_subset.data();
        part.CmdListsCount = static_cast<int>(m_subset.size());
        if (part.CmdListsCount > 0) ImGui_ImplOpenGL3_RenderDrawData(&part);
        std::size_t k = 0;
        for (ImDrawList* list : m_subset)
            for (ImDrawCmd& cmd : list->CmdBuffer) cmd.ClipRect = m_savedClips[k++];
        glBindFramebuffer(GL_FRAMEBUFFER, target);  // (the backend keeps the binding; callbacks may not)
        glEnable(GL_SCISSOR_TEST);
    }
    glDisable(GL_SCISSOR_TEST);
    if (m_mode == Mode::Canvas) {
        // The whole canvas to the window.
        glBindFramebuffer(GL_READ_FRAMEBUFFER, m_canvas.fbo());
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
        glBlitFramebuffer(0, 0, widthPx, heightPx, 0, 0, widthPx, heightPx, GL_COLOR_BUFFER_BIT, GL_NEAREST);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
    }
    show(window, widthPx, heightPx);
}

std::int64_t UiCompositor::pixelsDifferingFromFullRepaint(ImDrawData* dd) {
    if (m_mode != Mode::Canvas && m_mode != Mode::Direct) return 0;  // a full repaint is what it is compared with
    const int w = m_width, h = m_height;
    // The back buffer (kept through the swap), top row first like Framebuffer::readRgba.
    auto readBackBuffer = [&] {
        std::vector<std::uint8_t> px(static_cast<std::size_t>(w) * h * 4);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
        glReadBuffer(GL_BACK);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        for (int y = 0; y < h; ++y)
            glReadPixels(0, h - 1 - y, w, 1, GL_RGBA, GL_UNSIGNED_BYTE,
                         px.data() + static_cast<std::size_t>(y) * w * 4);
        return px;
    };
    const std::vector<std::uint8_t> kept = m_mode == Mode::Canvas ? m_canvas.readRgba() : readBackBuffer();
    // A full repaint into the same kind of target (the window's buffer has its
    // own pixel format, and a rasteriser may round differently for another).
    render::Framebuffer scratch;
    if (m_mode == Mode::Canvas) {
        if (!scratch.ensure(w, h, 1)) return -1;
        scratch.bind();
    } else {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glViewport(0, 0, w, h);
    }
    const ImVec4 clear = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(clear.x, clear.y, clear.z, clear.w);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(dd);
    const std::vector<std::uint8_t> full = m_mode == Mode::Canvas ? scratch.readRgba() : readBackBuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    std::int64_t differing = 0;
    for (std::size_t i = 0; i + 3 < full.size() && i + 3 < kept.size(); i += 4)
        differing += std::memcmp(&full[i], &kept[i], 3) != 0;  // the colour (a window may have no alpha channel)
    return differing;
}

}  // namespace meridian::platform

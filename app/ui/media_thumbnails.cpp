#include "ui/media_thumbnails.h"

#include <imgui.h>

#include <chrono>

#include "ui/theme.h"
#include "ui/widgets.h"

namespace meridian::ui {

namespace {
constexpr std::size_t kMaxMediaPixels = 4096 * 4096;
constexpr std::size_t kMaxMediaBytes = 32u << 20;
}  // namespace

MediaThumbnails::~MediaThumbnails() {
    for (auto& [key, t] : m_cache)
        if (t->pending.valid()) t->pending.wait();  // decoder threads must not outlive the cache
}

MediaThumbnails::Thumbnail& MediaThumbnails::thumbnailFor(const std::filesystem::path& dataFile,
                                                          const std::string& relative) {
    std::error_code ec;
    const std::filesystem::path base = std::filesystem::absolute(dataFile, ec).parent_path();
    if (base != m_folder) {
        // Another data folder: the old images go (their textures with them).
        for (auto& [key, t] : m_cache)
            if (t->pending.valid()) t->pending.wait();
        m_cache.clear();
        m_folder = base;
    }
    const std::string key = (base / relative).lexically_normal().string();
    auto& slot = m_cache[key];
    if (!slot) {
        slot = std::make_unique<Thumbnail>();
        if (!io::isPathInside(base, relative))
            slot->error = relative + ": outside the data file's folder; not loaded";
        else
            slot->pending = std::async(std::launch::async,
                                       [key] { return io::loadImageRgba(key, kMaxMediaPixels, kMaxMediaBytes); });
    }
    return *slot;
}

bool MediaThumbnails::hasPendingUpload() const {
    for (const auto& [key, t] : m_cache)
        if (t->pending.valid() && t->pending.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
            return true;
    return false;
}

void MediaThumbnails::draw(Context& c, const Event& e) {
    const float maxW = ImGui::GetContentRegionAvail().x;
    for (const Media& m : e.media) {
        Thumbnail& t = thumbnailFor(c.doc.path(), m.path);
        if (t.pending.valid() &&
            (c.session.offscreen || t.pending.wait_for(std::chrono::seconds(0)) == std::future_status::ready)) {
            io::ImageResult r = t.pending.get();
            if (r.ok())
                t.texture = render::Texture(r.image);
            else
                t.error = r.error;
        }
        if (t.texture) {
            const float w = std::min(maxW, static_cast<float>(t.texture.width()));
            const float h =
                w * static_cast<float>(t.texture.height()) / static_cast<float>(std::max(1, t.texture.width()));
            ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(t.texture.id())), ImVec2(w, h));
        } else {
            // Placeholder: loading, or the reason it cannot be shown.
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const ImVec2 size(maxW, ImGui::GetFontSize() * 4);
            ImGui::GetWindowDrawList()->AddRect(p, ImVec2(p.x + size.x, p.y + size.y),
                                                ImGui::GetColorU32(ImGuiCol_Border), 4, 0, 1.5f);
            ImGui::Dummy(size);
            ImGui::SetCursorScreenPos(ImVec2(p.x + 8, p.y + 8));
            ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + size.x - 16);
            if (t.error.empty())
                ImGui::TextDisabled("Loading %s\u2026", m.path.c_str());
            else
                ImGui::TextColored(ImColor(palette(c.look.theme).error), "Image not shown: %s", t.error.c_str());
            ImGui::PopTextWrapPos();
            ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + size.y + 4));
        }
        if (!m.caption.empty()) ImGui::TextWrapped("%s", m.caption.c_str());
        if (!m.credit.empty()) ImGui::TextDisabled("%s", m.credit.c_str());
    }
}

}  // namespace meridian::ui

// Event media: images decoded off the main thread (stb_image, size-limited,
// confined to the data file's folder), uploaded as textures when ready; a
// broken image shows a placeholder and its error, never a crash.
#include <filesystem>
#include <future>
#include <map>
#include <memory>

#include "io/image_file.h"
#include "render/texture.h"
#include "ui/panels.h"

namespace meridian::ui {

namespace {

struct Thumbnail {
    std::future<io::ImageResult> pending;
    GLuint texture = 0;
    int width = 0, height = 0;
    std::string error;
};

// Keyed by resolved path; lives for the session (a dataset has few images).
std::map<std::string, std::unique_ptr<Thumbnail>>& cache() {
    static std::map<std::string, std::unique_ptr<Thumbnail>> c;
    return c;
}

constexpr std::size_t kMaxMediaPixels = 4096 * 4096;
constexpr std::size_t kMaxMediaBytes = 32u << 20;

Thumbnail& thumbnailFor(const std::string& dataFile, const std::string& relative) {
    const std::filesystem::path base = std::filesystem::absolute(dataFile).parent_path();
    const std::string key = (base / relative).lexically_normal().string();
    auto& slot = cache()[key];
    if (!slot) {
        slot = std::make_unique<Thumbnail>();
        if (!io::isPathInside(base, relative)) {
            slot->error = relative + ": outside the data file's folder; not loaded";
        } else {
            slot->pending = std::async(std::launch::async,
                                       [key] { return io::loadImageRgba(key, kMaxMediaPixels, kMaxMediaBytes); });
        }
    }
    return *slot;
}

}  // namespace

void drawMediaThumbnails(AppContext& ctx, const Event& e) {
    const float maxW = ImGui::GetContentRegionAvail().x;
    for (const Media& m : e.media) {
        Thumbnail& t = thumbnailFor(ctx.dataFile, m.path);
        if (t.pending.valid() &&
            (ctx.headless || t.pending.wait_for(std::chrono::seconds(0)) == std::future_status::ready)) {
            io::ImageResult r = t.pending.get();
            if (r.ok()) {
                t.texture = render::uploadTexture(r.image);
                t.width = r.image.width;
                t.height = r.image.height;
            } else {
                t.error = r.error;
            }
        }
        if (t.texture) {
            const float w = std::min(maxW, static_cast<float>(t.width));
            const float h = w * static_cast<float>(t.height) / static_cast<float>(std::max(1, t.width));
            ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(t.texture)), ImVec2(w, h));
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
                ImGui::TextColored(ImVec4(0.9f, 0.4f, 0.3f, 1), "Image not shown: %s", t.error.c_str());
            ImGui::PopTextWrapPos();
            ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + size.y + 4));
        }
        if (!m.caption.empty()) ImGui::TextWrapped("%s", m.caption.c_str());
        if (!m.credit.empty()) ImGui::TextDisabled("%s", m.credit.c_str());
    }
}

}  // namespace meridian::ui

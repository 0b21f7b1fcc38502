// Event media: images decoded off the main thread (stb_image, size-limited,
// confined to the data file's folder), uploaded as textures when ready; a
// broken image shows a placeholder and its error, never a crash. The cache
// owns its textures (freed when the panel goes, or when another file opens).
#pragma once

#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <string>

#include "io/image_file.h"
#include "render/texture.h"
#include "ui/context.h"

namespace meridian::ui {

class MediaThumbnails {
public:
    ~MediaThumbnails();
    // Draws the event's media at the current cursor, full width.
    void draw(Context& c, const Event& e);
    // A decode finished that needs a frame to show.
    bool hasPendingUpload() const;

private:
    struct Thumbnail {
        std::future<io::ImageResult> pending;
        render::Texture texture;
        std::string error;
    };
    Thumbnail& thumbnailFor(const std::filesystem::path& dataFile, const std::string& relative);

    std::filesystem::path m_folder;                             // the data folder the cache is for
    std::map<std::string, std::unique_ptr<Thumbnail>> m_cache;  // by resolved path
};

}  // namespace meridian::ui

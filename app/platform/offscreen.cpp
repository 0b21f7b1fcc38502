#include "platform/offscreen.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "io/png_file.h"
#include "platform/window.h"
#include "render/gl.h"
#include "session/tick.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace meridian::platform {

void refreshLook(ui::App& app) {
    for (std::string& problem : ui::buildFonts(app.fonts(), app.look().scale())) app.alert(std::move(problem));
    ui::applyTheme(app.look().theme, app.look().scale());
    recreateFontTexture();
}

bool OffscreenRenderer::render(ui::App& app, Session& s, int widthPx, int heightPx, std::vector<std::uint8_t>* rgba,
                               std::string* error) {
    if (!m_target.ensure(widthPx, heightPx)) {
        *error = "cannot create a " + std::to_string(widthPx) + "x" + std::to_string(heightPx) +
                 " offscreen framebuffer (too large for this graphics driver?)";
        return false;
    }
    if (app.requests().rebuildFonts) app.requests().rebuildFonts = false, refreshLook(app);
    beginImGuiFrame(ImVec2(static_cast<float>(widthPx), static_cast<float>(heightPx)));
    ImGui::NewFrame();
    app.drawUi(s);
    ImGui::Render();
    m_target.bind();
    renderImGui(widthPx, heightPx);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (rgba) *rgba = m_target.readRgba();
    return true;
}

int runScreenshot(ui::App& app, const std::string& path, int widthPx, int heightPx) {
    OffscreenRenderer renderer;
    std::vector<std::uint8_t> rgba;
    std::string error;
    // A few frames so that windows, tables and fonts settle (ImGui sizes
    // auto-fitting content on the frames after it first sees it); 10 s apart
    // so that camera flights started on the first frame have landed.
    for (int i = 0; i < 4; ++i) {
        app.beginFrame(10.0 * i);
        if (!renderer.render(app, app.session(), widthPx, heightPx, i == 3 ? &rgba : nullptr, &error)) {
            std::fprintf(stderr, "meridian: %s\n", error.c_str());
            return 1;
        }
    }
    if (!io::writePngRgba(path, widthPx, heightPx, rgba, &error)) {
        std::fprintf(stderr, "meridian: cannot write %s: %s\n", path.c_str(), error.c_str());
        return 1;
    }
    std::printf("wrote %s (%dx%d)\n", path.c_str(), widthPx, heightPx);
    return 0;
}

// ===========================================================================
// Exports
// ===========================================================================

bool ExportRunner::renderOne(ui::App& app, std::string* error) {
    const ExportRequest& r = m_job->request();
    Session& s = m_job->prepareFrame(app.document(), 90.0 * app.look().scale());
    std::vector<std::uint8_t> rgba;
    if (!m_renderer.render(app, s, r.widthPx, r.heightPx, &rgba, error)) return false;
    return m_job->consume(rgba, error);
}

void ExportRunner::start(ui::App& app, const ExportRequest& request) {
    ui::ExportProgress& progress = app.state().exportProgress;
    progress = {};
    progress.output = request.output;
    m_job = std::make_unique<ExportJob>();
    std::string error;
    if (!m_job->begin(app.session(), app.document(), request, &error)) {
        progress.message = "Not exported: " + error;
        m_job.reset();
        return;
    }
    progress.running = true;
    progress.total = m_job->frameCount();
    m_started = std::chrono::steady_clock::now();
    // Type keeps its size relative to the picture (designed at 1080p) while exporting.
    m_savedUiScale = app.look().uiScale;
    app.look().uiScale = std::clamp(static_cast<float>(request.heightPx) / 1080.0f, 0.75f, 4.0f);
    app.requests().rebuildFonts = true;
}

void ExportRunner::finishLook(ui::App& app) {
    app.look().uiScale = m_savedUiScale;
    app.requests().rebuildFonts = true;
}

void ExportRunner::step(ui::App& app, double budgetMs) {
    if (!m_job) return;
    ui::ExportProgress& progress = app.state().exportProgress;
    const auto start = std::chrono::steady_clock::now();
    std::string error;
    while (!m_job->finished() && !progress.cancelRequested &&
           std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() < budgetMs) {
        if (!renderOne(app, &error)) {
            progress.cancelRequested = true;
            progress.message = "Export failed: " + error;
        }
    }
    progress.done = m_job->framesDone();
    if (progress.cancelRequested) {
        m_job->cancel();
        if (progress.message.empty())
            progress.message = "Export cancelled after " + std::to_string(progress.done) + " frames.";
    } else if (m_job->finished()) {
        progress.message = m_job->finish(&error) ? "Done: " + std::to_string(progress.done) + " frames written."
                                                 : "Export failed: " + error;
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_started).count();
        const double megapixels = static_cast<double>(m_job->request().widthPx) * m_job->request().heightPx / 1e6;
        if (progress.done > 0) progress.msPerMegapixel = ms / progress.done / megapixels;
    } else {
        return;
    }
    progress.running = false;
    finishLook(app);
    m_job.reset();
}

int ExportRunner::runToEnd(ui::App& app, const ExportRequest& request) {
    m_job = std::make_unique<ExportJob>();
    std::string error;
    if (!m_job->begin(app.session(), app.document(), request, &error)) {
        std::fprintf(stderr, "meridian: cannot export %s: %s\n", request.output.c_str(), error.c_str());
        return 1;
    }
    const auto t0 = std::chrono::steady_clock::now();
    while (!m_job->finished()) {
        if (!renderOne(app, &error)) {
            m_job->cancel();
            std::fprintf(stderr, "meridian: export failed at frame %d: %s\n", m_job->framesDone() + 1, error.c_str());
            return 1;
        }
        if (m_job->framesDone() % 30 == 0 || m_job->finished())
            std::printf("\rframe %d / %d", m_job->framesDone(), m_job->frameCount()), std::fflush(stdout);
    }
    if (!m_job->finish(&error)) {
        std::fprintf(stderr, "\nmeridian: %s\n", error.c_str());
        return 1;
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("\nwrote %s: %d frames at %dx%d, %.0f fps (%.1f ms per frame)\n", request.output.c_str(),
                m_job->frameCount(), request.widthPx, request.heightPx, request.fps,
                1000.0 * secs / m_job->frameCount());
    m_job.reset();
    return 0;
}

}  // namespace meridian::platform

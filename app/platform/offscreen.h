// Frames rendered offscreen, into a framebuffer of any size: screenshots,
// image and video exports (from the command line, or stepped between the
// window's frames with progress and Cancel). What is saved is rendered, not
// grabbed from the screen, so it works under Xvfb and beyond the window size.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "render/framebuffer.h"
#include "session/export_job.h"
#include "ui/app.h"

namespace meridian::platform {

// Fonts and style for the app's look (after the theme or the scale changed).
void refreshLook(ui::App& app);

class OffscreenRenderer {
public:
    // Renders the app's UI for a session at widthPx × heightPx. rgba: top row first.
    bool render(ui::App& app, Session& s, int widthPx, int heightPx, std::vector<std::uint8_t>* rgba,
                std::string* error);

private:
    render::Framebuffer m_target;
};

// --screenshot: a few frames so windows, tables and fonts settle, then the PNG.
// Returns the process exit code.
int runScreenshot(ui::App& app, const std::string& path, int widthPx, int heightPx);

// An export stepped between the window's frames, or run to its end.
class ExportRunner {
public:
    bool running() const { return m_job != nullptr; }
    // Starts an export from the window (progress in the app's state).
    void start(ui::App& app, const ExportRequest& request);
    // Renders frames for at most budgetMs, then returns (the window stays responsive).
    void step(ui::App& app, double budgetMs);
    // --export-video: runs to the end, printing progress. Returns the exit code.
    int runToEnd(ui::App& app, const ExportRequest& request);

private:
    bool renderOne(ui::App& app, std::string* error);
    void finishLook(ui::App& app);

    std::unique_ptr<ExportJob> m_job;
    std::chrono::steady_clock::time_point m_started;
    OffscreenRenderer m_renderer;
    float m_savedUiScale = 1;
};

}  // namespace meridian::platform

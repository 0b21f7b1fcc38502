// The selected event: what, when, where, who, and who says so; the claims it
// answers and the answers it got (clicking one selects it).
#pragma once

#include <string>

#include "ui/context.h"
#include "ui/event_editor.h"
#include "ui/media_thumbnails.h"

namespace meridian::ui {

class DetailsPanel {
public:
    void draw(Context& c);
    bool hasPendingUpload() const { return m_media.hasPendingUpload(); }
    // After the frame (the editor's text fields commit what was typed).
    void endFrame() { m_editor.endFrame(); }

private:
    void drawSources(Context& c, const Event& e);
    void drawLinks(Context& c, const Event& e);

    void drawEditing(Context& c);

    EventEditor m_editor;
    MediaThumbnails m_media;
    std::string m_pendingUrl;  // "Open in browser": the address shown before opening it
    std::string m_openError;
};

// The problems of the last load (or of a file that could not be opened).
class DiagnosticsWindow {
public:
    void show() { m_visible = m_focus = true; }
    bool visible() const { return m_visible; }
    void draw(Context& c, const std::string& file, const std::vector<Diagnostic>& diagnostics, bool loaded);

private:
    bool m_visible = false;
    bool m_focus = false;  // bring it to the front once when shown
};

}  // namespace meridian::ui

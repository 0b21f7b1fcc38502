#include "browser/page.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

// JavaScript below: clang-format would mangle it.
// clang-format off
EM_JS(void, meridianWebKeepAppKeys, (void), {
    window.addEventListener('keydown', function(e) {
        var key = e.key || "";
        var chord = e.ctrlKey && !e.altKey && ['f', 'o', 's', 'e', 'r', 'z', 'y'].indexOf(key.toLowerCase()) >= 0;
        if (key === 'F5' || key === 'F6' || key === 'F11' || chord) e.preventDefault();
    }, true);
});

EM_JS(void, meridianWebSetFullscreen, (int on), {
    var page = document.documentElement;
    Module.meridianWantsFullscreen = !!on;
    if (!on) {
        if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(function() {});
        return;
    }
    if (document.fullscreenElement || !page.requestFullscreen) return;
    var waitForGesture = function() {
        if (Module.meridianFullscreenWaits) return;
        Module.meridianFullscreenWaits = true;
        var again = function() {
            window.removeEventListener('keydown', again, true);
            window.removeEventListener('pointerdown', again, true);
            Module.meridianFullscreenWaits = false;
            if (Module.meridianWantsFullscreen && !document.fullscreenElement) page.requestFullscreen().catch(function() {});
        };
        window.addEventListener('keydown', again, true);
        window.addEventListener('pointerdown', again, true);
    };
    // Without a recent key press or click the browser refuses: wait for one.
    if (navigator.userActivation && !navigator.userActivation.isActive) return waitForGesture();
    page.requestFullscreen().catch(waitForGesture);
});

EM_JS(int, meridianWebIsFullscreen, (void), { return document.fullscreenElement ? 1 : 0; });

EM_JS(int, meridianWebStoreSettings, (const char* json), {
    try {
        localStorage.setItem('meridian.settings', UTF8ToString(json));
        return 1;
    } catch (e) {
        return 0;
    }
});

EM_JS(void, meridianWebSetUnsaved, (int unsaved), {
    if (!Module.meridianUnloadGuard) {
        Module.meridianUnloadGuard = true;
        window.addEventListener('beforeunload', function(e) {
            if (!Module.meridianUnsaved) return;
            e.preventDefault();
            e.returnValue = "";
        });
    }
    Module.meridianUnsaved = !!unsaved;
});

// A JavaScript string as a malloc'ed C string (the caller frees it).
EM_JS(char*, meridianWebStartupNotes, (void), {
    var text = (Module.meridianNotes || []).join('\n');
    Module.meridianNotesTaken = true;
    var size = lengthBytesUTF8(text) + 1;
    var p = _malloc(size);
    stringToUTF8(text, p, size);
    return p;
});

EM_JS(char*, meridianWebFetchedFrom, (const char* path), {
    var text = (Module.meridianFetched || {})[UTF8ToString(path)] || "";
    var size = lengthBytesUTF8(text) + 1;
    var p = _malloc(size);
    stringToUTF8(text, p, size);
    return p;
});

EM_JS(void, meridianWebRefetch, (const char* url, const char* path), {
    var from = UTF8ToString(url), to = UTF8ToString(path);
    Module.meridianRefetch = {state: 1, message: ""};
    fetch(from, {cache: 'no-cache'}).then(function(r) {
        if (!r.ok) throw new Error('HTTP ' + r.status + (r.statusText ? ' ' + r.statusText : ""));
        return r.arrayBuffer();
    }).then(function(bytes) {
        FS.writeFile(to, new Uint8Array(bytes));
        Module.meridianRefetch = {state: 2, message: ""};
    }).catch(function(e) {
        Module.meridianRefetch = {state: 3, message: from + ': ' + e.message};
    });
});

EM_JS(char*, meridianWebRefetchState, (int* state), {
    var r = Module.meridianRefetch || {state: 0, message: ""};
    if (r.state >= 2) Module.meridianRefetch = null;
    HEAP32[state >> 2] = r.state;
    var size = lengthBytesUTF8(r.message) + 1;
    var p = _malloc(size);
    stringToUTF8(r.message, p, size);
    return p;
});

EM_JS(void, meridianWebPublishFrames, (double callbacks, double drawn, double drawMs, double drawMsMax), {
    window.meridianFrames = {callbacks: callbacks, drawn: drawn, drawMs: drawMs, drawMsMax: drawMsMax};
    if (drawn > 0 && !window.meridianFirstFrameMs) {
        window.meridianFirstFrameMs = performance.now();
        var loading = document.getElementById('loading');
        if (loading) loading.remove();
    }
});

EM_JS(void, meridianWebPublishState, (const char* json), { window.meridianState = JSON.parse(UTF8ToString(json)); });
// clang-format on

namespace meridian::web {

namespace {

std::string takeString(char* text) {
    std::string out = text ? text : "";
    std::free(text);
    return out;
}

}  // namespace

double devicePixelRatio() {
    const double ratio = emscripten_get_device_pixel_ratio();
    return ratio > 0 ? ratio : 1.0;
}

bool fitCanvasToPage(SDL_Window* window) {
    static double lastRatio = 0;
    double cssWidth = 0, cssHeight = 0;
    emscripten_get_element_css_size("#canvas", &cssWidth, &cssHeight);
    const double ratio = devicePixelRatio();
    const int width = std::max(1, static_cast<int>(std::lround(cssWidth * ratio)));
    const int height = std::max(1, static_cast<int>(std::lround(cssHeight * ratio)));
    int w = 0, h = 0;
    SDL_GetWindowSize(window, &w, &h);
    if (w == width && h == height && ratio == lastRatio) return false;
    lastRatio = ratio;
    // SDL's emscripten backend sets the canvas's drawing buffer to the window's
    // size (CSS keeps its displayed size) and scales pointer positions by
    // window size / CSS size: events arrive in device pixels too.
    SDL_SetWindowSize(window, width, height);
    return true;
}

void takeOverFullscreen() {
    emscripten_set_fullscreenchange_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr);
}

void setFullscreen(bool on) {
    meridianWebSetFullscreen(on ? 1 : 0);
}

bool isFullscreen() {
    return meridianWebIsFullscreen() != 0;
}

void keepAppKeys() {
    meridianWebKeepAppKeys();
}

bool storeSettings(const std::string& json) {
    return meridianWebStoreSettings(json.c_str()) != 0;
}

void setUnsavedChanges(bool unsaved) {
    meridianWebSetUnsaved(unsaved ? 1 : 0);
}

std::vector<std::string> startupNotes() {
    const std::string text = takeString(meridianWebStartupNotes());
    std::vector<std::string> notes;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) notes.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return notes;
}

std::string fetchedFrom(const std::string& path) {
    return takeString(meridianWebFetchedFrom(path.c_str()));
}

void refetch(const std::string& url, const std::string& path) {
    meridianWebRefetch(url.c_str(), path.c_str());
}

Refetch refetchState(std::string* message) {
    int state = 0;
    *message = takeString(meridianWebRefetchState(&state));
    return state == 1 ? Refetch::Pending : state == 2 ? Refetch::Done : state == 3 ? Refetch::Failed : Refetch::None;
}

void publishFrames(long callbacks, long drawn, double drawMs, double drawMsMax) {
    meridianWebPublishFrames(static_cast<double>(callbacks), static_cast<double>(drawn), drawMs, drawMsMax);
}

void publishState(const std::string& json) {
    meridianWebPublishState(json.c_str());
}

}  // namespace meridian::web

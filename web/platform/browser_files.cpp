#include "browser_files.h"

#include <SDL.h>
#include <emscripten.h>

// Called from JavaScript once a file's bytes are in the wasm file system.
extern "C" EMSCRIPTEN_KEEPALIVE void meridianWebFileArrived(const char* path) {
    SDL_Event event{};
    event.type = SDL_DROPFILE;
    event.drop.file = SDL_strdup(path);  // the receiver SDL_free()s it, as with a desktop drop
    event.drop.windowID = 0;
    if (SDL_PushEvent(&event) < 0) SDL_free(event.drop.file);
}

// JavaScript below: clang-format would mangle it.
// clang-format off
EM_JS(void, meridianWebInstallFileDrop, (const char* selector), {
    var element = document.querySelector(UTF8ToString(selector));
    if (!element) return;
    element.addEventListener('dragover', function(e) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
    element.addEventListener('drop', function(e) {
        e.preventDefault();
        if (e.dataTransfer && e.dataTransfer.files) Module.meridianReceiveFiles(e.dataTransfer.files);
    });
});

EM_JS(void, meridianWebPickFile, (const char* accept), {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = UTF8ToString(accept);
    input.style.display = 'none';
    input.addEventListener('change', function() {
        Module.meridianReceiveFiles(input.files);
        input.remove();
    });
    document.body.appendChild(input);
    input.click();
});

EM_JS(void, meridianWebDownloadFile, (const char* path, const char* name, const char* mimeType), {
    var bytes = FS.readFile(UTF8ToString(path));
    var url = URL.createObjectURL(new Blob([bytes], {type: UTF8ToString(mimeType)}));
    var a = document.createElement('a');
    a.href = url;
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function() { URL.revokeObjectURL(url); }, 10000);
});

// Each file: its bytes into /uploads/NAME (a name without folders), then an SDL_DROPFILE event.
EM_JS(void, meridianWebDefineReceiveFiles, (void), {
    Module.meridianReceiveFiles = function(files) {
        Array.prototype.forEach.call(files, function(file) {
            file.arrayBuffer().then(function(buffer) {
                // No folders in the name (no backslash here: EM_JS text must not hold escapes).
                var name = file.name.split('/').join('_').split(String.fromCharCode(92)).join('_') || 'file';
                try { FS.mkdir('/uploads'); } catch (e) { /* exists */ }
                var path = '/uploads/' + name;
                FS.writeFile(path, new Uint8Array(buffer));
                var size = lengthBytesUTF8(path) + 1;
                var text = _malloc(size);
                stringToUTF8(path, text, size);
                _meridianWebFileArrived(text);
                _free(text);
            });
        });
    };
});
// clang-format on

namespace meridian::web {

void installFileDrop(const char* elementSelector) {
    meridianWebDefineReceiveFiles();
    meridianWebInstallFileDrop(elementSelector);
}

void pickFile(const char* accept) {
    meridianWebDefineReceiveFiles();
    meridianWebPickFile(accept);
}

void downloadFile(const char* path, const char* name, const char* mimeType) {
    meridianWebDownloadFile(path, name, mimeType);
}

}  // namespace meridian::web

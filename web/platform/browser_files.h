// Files in and out of the browser page, for the web build's platform layer.
//
// In: a file dropped on the canvas or chosen with the browser's file picker is
// written into the wasm file system under /uploads/ and announced as an
// SDL_DROPFILE event, so the app opens it through the same code as a file
// dropped on the desktop window (SDL 2.26's emscripten backend has no drop
// support of its own).
// Out: a file of the wasm file system offered as a download (PNG export).
#pragma once

namespace meridian::web {

// Listens for files dropped on the element (a CSS selector, "#canvas").
void installFileDrop(const char* elementSelector);

// Opens the browser's file picker (accept: ".json,.csv"). Must follow a user's
// click or key press within a few seconds (browsers refuse pickers otherwise);
// an ImGui button handled in the next animation frame is within that.
void pickFile(const char* accept);

// Offers the file at path (in the wasm file system) as a download named name.
void downloadFile(const char* path, const char* name, const char* mimeType);

}  // namespace meridian::web

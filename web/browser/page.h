// The page around the app in the browser build (web/site/index.html and
// pre.js): the canvas in device pixels, full screen, the keys the browser would
// otherwise take, settings in localStorage, a ?data= file fetched again, and
// what the page shows and exposes (the loading screen, frame counters, the
// app's state for web/check-page.mjs).
#pragma once

#include <SDL.h>

#include <string>
#include <vector>

namespace meridian::web {

// Sizes the SDL window (and so the canvas's drawing buffer) to the canvas's CSS
// size times the device pixel ratio, so that ImGui lays out in device pixels and
// the fonts, rasterised at the ratio (Look::dpiScale), stay crisp. Call every
// animation frame (it compares first); true when the size or the ratio changed.
bool fitCanvasToPage(SDL_Window* window);
double devicePixelRatio();

// Stops SDL's own full-screen handling (it would freeze the window's size while
// the page is full screen): full screen is setFullscreen's.
void takeOverFullscreen();
// The whole page full screen (the Fullscreen API), or not. A browser allows it
// only right after a key press or click: when refused, the next one asks again.
void setFullscreen(bool on);
bool isFullscreen();

// Keys the browser would act on itself, kept for the app: F5 (present; the
// browser would reload the page), F6, F11, Ctrl+F, O, S, E, R, Z, Y.
void keepAppKeys();

// The settings as JSON in localStorage (pre.js writes them back into the
// settings file before main()). False when the browser refuses storage.
bool storeSettings(const std::string& json);

// While there are unsaved changes the browser asks before the tab is closed.
void setUnsavedChanges(bool unsaved);

// What the page's start-up noted before the first frame: lines the app printed
// on stderr as "meridian: ..." (launch warnings, settings) and pre.js's own (a
// ?data= address that could not be fetched), in the page's wording (?story, not --story).
std::vector<std::string> startupNotes();

// A file under /fetched/ came from this address ("" if it did not).
std::string fetchedFrom(const std::string& path);
// Fetches url again into path; refetchState() answers on later frames.
void refetch(const std::string& url, const std::string& path);
enum class Refetch { None, Pending, Done, Failed };
Refetch refetchState(std::string* message);

// Counters for the idle check, the frame times and the first frame:
// window.meridianFrames {callbacks, drawn, drawMs (the drawn frames' time in the
// page's thread, added up), drawMsMax}; the first drawn frame also takes the
// loading screen away and sets window.meridianFirstFrameMs.
void publishFrames(long callbacks, long drawn, double drawMs, double drawMsMax);
// The app's state as JSON, as window.meridianState (for the page's checks).
void publishState(const std::string& json);

}  // namespace meridian::web

// Sanitizer defaults for the MERIDIAN_SANITIZE build, compiled into every executable of that build
// (see sanitize/sanitize.cmake). The sanitizer runtimes call these at start-up; the environment
// variables (ASAN_OPTIONS, UBSAN_OPTIONS, LSAN_OPTIONS) are applied after them and win.

// detect_leaks: LeakSanitizer at exit (on by default on Linux; said here so it cannot be missed).
// check_initialization_order, strict_init_order: static initialisers that read another file's
//   globals before they are built.
// strict_string_checks: C string functions read their arguments to the terminating zero.
extern "C" const char* __asan_default_options() {
    return "detect_leaks=1:check_initialization_order=1:strict_init_order=1:strict_string_checks=1";
}

// UBSan halts on its first finding (the code is also built with -fno-sanitize-recover=all).
extern "C" const char* __ubsan_default_options() {
    return "print_stacktrace=1:halt_on_error=1";
}

// Leaks inside system libraries (Mesa, SDL, fontconfig, ...) are suppressed by name in the
// committed file; every suppression there says why.
extern "C" const char* __lsan_default_options() {
    return "suppressions=" MERIDIAN_LSAN_SUPPRESSIONS ":print_suppressions=0";
}

// Libraries stay loaded: a library unloaded at exit (SDL_Quit unloads OpenGL, and with it Mesa's
// driver) leaves its frames in leak reports as "<unknown module>", which no suppression can name.
// This build never unloads them; the app's behaviour is otherwise the same.
extern "C" int dlclose(void*) {
    return 0;
}

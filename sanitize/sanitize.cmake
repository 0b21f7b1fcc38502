# MERIDIAN_SANITIZE=ON builds everything (the model, the app, the unit and render tests) with
# AddressSanitizer and UndefinedBehaviorSanitizer; LeakSanitizer runs at the exit of every
# program. Any finding stops the program with a non-zero status, so a test that meets one fails.
# scripts/test --sanitize builds this in build-asan/ and runs its CTest suite (README "Tests").
#
# The defaults below (sanitize/default_options.cpp) are compiled into every executable, so a
# binary behaves the same run by CTest, by a test script or by hand; ASAN_OPTIONS, UBSAN_OPTIONS
# and LSAN_OPTIONS in the environment still override them.
option(MERIDIAN_SANITIZE "Build with AddressSanitizer + UndefinedBehaviorSanitizer (LeakSanitizer on)" OFF)
if(NOT MERIDIAN_SANITIZE)
  return()
endif()

add_compile_options(
  -fsanitize=address,undefined
  -fno-sanitize-recover=all      # UBSan halts on the first finding instead of printing and going on
  -fno-omit-frame-pointer        # whole stacks in the reports
  -D_GLIBCXX_ASSERTIONS)         # libstdc++'s bounds checks (operator[], front() of an empty vector...)
add_link_options(-fsanitize=address,undefined)
if(CMAKE_BUILD_TYPE STREQUAL "Debug")
  # -O1 -g1: the usual trade for sanitizer builds (about half the build time of -O2 -g, line numbers
  # in every report, run time close to -O2 under ASan). scripts/test configures build-asan so.
  add_compile_options(-O1 -g1)
endif()

add_library(meridian_sanitizer_options INTERFACE)
target_sources(meridian_sanitizer_options INTERFACE
  $<$<STREQUAL:$<TARGET_PROPERTY:TYPE>,EXECUTABLE>:${CMAKE_CURRENT_LIST_DIR}/default_options.cpp>)
target_compile_definitions(meridian_sanitizer_options INTERFACE
  MERIDIAN_LSAN_SUPPRESSIONS="${CMAKE_CURRENT_LIST_DIR}/lsan-suppressions.txt")
link_libraries(meridian_sanitizer_options)   # every target defined after this line

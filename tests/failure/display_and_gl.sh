# No display, and an OpenGL older than 3.3: the app says what is missing (on stderr), exits
# with 1 (not a crash or a signal) and leaves no process behind.
# Called as: display_and_gl.sh MERIDIAN_BIN SOURCE_DIR OUT_DIR [PNG_PROBE_BIN]
set -uo pipefail
MERIDIAN=$1; SRC=$2; OUT=$3/display_and_gl
DATA=$SRC/data/iran-dprk.json
rm -rf "$OUT"; mkdir -p "$OUT"
export XDG_CONFIG_HOME="$OUT/config"
fail() { echo "FAIL: $*" >&2; exit 1; }

# run_app NAME ENV... -- ARGS...: runs meridian (120 s at most: a sanitizer build on a loaded machine); sets RC, ERR (its stderr file).
run_app() {
  local name=$1; shift
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  ERR="$OUT/$name.err"
  env "${envs[@]}" timeout -k 5 120 "$MERIDIAN" "$@" >"$OUT/$name.out" 2>"$ERR"
  RC=$?
  [ "$RC" -ne 124 ] && [ "$RC" -ne 137 ] || fail "$name: still running after 120 s"
  [ "$RC" -lt 128 ] || fail "$name: ended by signal $((RC - 128)): $(tail -5 "$ERR")"
}
expect_message() {  # expect_message NAME TEXT
  grep -qiF -- "$2" "$ERR" || fail "$1: the message does not say '$2': $(cat "$ERR")"
}

# No display at all (and no Wayland): the window cannot open.
run_app no-display -u DISPLAY -u WAYLAND_DISPLAY -- "$DATA"
[ "$RC" -eq 1 ] || fail "no display: exit code $RC, expected 1"
expect_message "no display" "cannot open a window"
expect_message "no display" "no display"
expect_message "no display" "--screenshot"
echo "ok: no display: $(grep -m1 meridian "$ERR")"

# DISPLAY names an X server that does not answer (a free display number): the message names it,
# after the app has tried again for a moment.
free_display() {
  local n
  for n in $(seq 171 230); do
    [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || { echo "$n"; return; }
  done
}
dead=$(free_display)
run_app dead-display -u WAYLAND_DISPLAY DISPLAY=":$dead" -- "$DATA"
[ "$RC" -eq 1 ] || fail "a display that does not answer: exit code $RC, expected 1"
expect_message "dead display" "the X display \":$dead\" (DISPLAY) does not answer"
echo "ok: a display that does not answer: $(grep -m1 meridian "$ERR")"

# The X server answers a moment after the app starts (a session still starting, or an Xvfb
# resetting as its last client left): the app tries again and opens its window there.
if command -v Xvfb >/dev/null; then
  late=$(free_display)
  ERR="$OUT/late-display.err"
  rm -f "$OUT/late-display.json"
  env -u WAYLAND_DISPLAY DISPLAY=":$late" LIBGL_ALWAYS_SOFTWARE=1 timeout -k 5 120 "$MERIDIAN" "$DATA" \
    --size 640x400 --state-report "$OUT/late-display.json" >"$OUT/late-display.out" 2>"$ERR" &
  app=$!
  sleep 0.5
  Xvfb ":$late" -screen 0 800x600x24 -nolisten tcp -noreset >"$OUT/late-xvfb.log" 2>&1 &
  xvfb=$!
  for _ in $(seq 1 240); do [ -s "$OUT/late-display.json" ] && break; kill -0 "$app" 2>/dev/null || break; sleep 0.25; done
  drew=0; [ -s "$OUT/late-display.json" ] && drew=1
  kill "$app" 2>/dev/null; wait "$app" 2>/dev/null
  kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null
  ((drew)) || fail "a display that answers 0.5 s late: no frame drawn: $(cat "$ERR")"
  ! grep -q "cannot open a window" "$ERR" || fail "a display that answers late: $(cat "$ERR")"
  echo "ok: a display that answers 0.5 s after the start: the window opened there"
fi

[ -n "${DISPLAY:-}" ] || { echo "SKIPPED: the OpenGL cases need a display (run under xvfb-run)"; exit 0; }

# A driver that offers OpenGL 2.1 only (Mesa told so), in a window and headless. In a window
# the message is also shown in a box (started from a desktop icon, there is no terminal):
# it must appear, name the problem, and the app ends with 1 once it is closed (Return).
gl21_window() {
  ERR="$OUT/gl21-window.err"
  env LIBGL_ALWAYS_SOFTWARE=1 MESA_GL_VERSION_OVERRIDE=2.1 timeout -k 5 120 "$MERIDIAN" "$DATA" \
    >"$OUT/gl21-window.out" 2>"$ERR" &
  local pid=$! box="" name=""
  if command -v xdotool >/dev/null; then
    for _ in $(seq 1 80); do
      for w in $(xdotool search --onlyvisible --classname '.*' 2>/dev/null); do
        name=$(xdotool getwindowname "$w" 2>/dev/null || true)
        [ "$name" = "Meridian cannot start" ] && box=$w && break
      done
      [ -n "$box" ] && break
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
    [ -n "$box" ] || { kill "$pid" 2>/dev/null; fail "OpenGL 2.1 (window): no message box: $(cat "$ERR")"; }
    # Sent to the box itself: other tests' windows share this display. Again until the app
    # ends: a key sent while the box is still being mapped can be dropped (a loaded machine).
    for _ in $(seq 1 40); do
      kill -0 "$pid" 2>/dev/null || break
      xdotool key --window "$box" Return 2>/dev/null || true
      for _ in 1 2 3 4; do kill -0 "$pid" 2>/dev/null && sleep 0.25; done
    done
  fi
  wait "$pid"
  RC=$?
  [ "$RC" -lt 124 ] || fail "OpenGL 2.1 (window): still running or ended by a signal ($RC)"
}
for mode in window screenshot; do
  if [ "$mode" = window ]; then
    gl21_window
  else
    run_app "gl21-$mode" LIBGL_ALWAYS_SOFTWARE=1 MESA_GL_VERSION_OVERRIDE=2.1 -- "$DATA" --size 320x180 \
      --screenshot "$OUT/gl21.png"
  fi
  [ "$RC" -eq 1 ] || fail "OpenGL 2.1 ($mode): exit code $RC, expected 1: $(cat "$ERR")"
  expect_message "OpenGL 2.1 ($mode)" "Meridian needs OpenGL 3.3"
  expect_message "OpenGL 2.1 ($mode)" "LIBGL_ALWAYS_SOFTWARE=1"
  ! grep -q "no message box" "$ERR" || fail "OpenGL 2.1 ($mode): $(grep "no message box" "$ERR")"
  echo "ok: OpenGL 2.1 ($mode): $(grep -m1 'OpenGL' "$ERR")"
done
[ ! -e "$OUT/gl21.png" ] || fail "a screenshot was written without a usable OpenGL"

# OpenGL 3.3 exactly is enough (the version the app asks for).
run_app gl33 LIBGL_ALWAYS_SOFTWARE=1 MESA_GL_VERSION_OVERRIDE=3.3 -- "$DATA" --size 320x180 --screenshot "$OUT/gl33.png"
[ "$RC" -eq 0 ] || fail "OpenGL 3.3: exit code $RC: $(cat "$ERR")"
[ -s "$OUT/gl33.png" ] || fail "OpenGL 3.3: no screenshot"
echo "ok: OpenGL 3.3 renders"

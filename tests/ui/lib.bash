# Helpers for UI tests: a real window under Xvfb, driven with xdotool.
# Called as: script MERIDIAN_BIN SOURCE_DIR OUT_DIR PNG_PROBE_BIN
#
# - A test that cannot run (no xdotool, no display) exits 77: CTest reports it
#   as skipped (SKIP_RETURN_CODE), never as passed.
# - Every failure prints what it saw (the app's stderr, its state report, the
#   path of a screenshot of the display) and the EXIT trap kills the app and
#   every helper process (load generators): nothing outlives its test.
set -euo pipefail
MERIDIAN=$1; SRC=$2; OUT=$3; PROBE=$4
TEST_NAME=$(basename "$0" .sh)
OUT="$OUT/$TEST_NAME"
mkdir -p "$OUT"
export XDG_CONFIG_HOME="$OUT/config"
export XDG_STATE_HOME="$(realpath -m "$OUT")/state"   # recovery files (a killed app leaves one): never the user's
rm -rf "$XDG_CONFIG_HOME"
APP_PID=""
HELPER_PIDS=()

skip() { echo "SKIPPED: $*"; exit 77; }
command -v xdotool >/dev/null || skip "xdotool is not installed"
[ -n "${DISPLAY:-}" ] || skip "no display (run under xvfb-run)"

# A screenshot of the whole display (needs ffmpeg; optional).
grab() {  # grab FILE
  command -v ffmpeg >/dev/null || return 1
  local size
  size=$(xdpyinfo 2>/dev/null | awk '/dimensions:/ {print $2}')
  [ -n "$size" ] || size=1600x900
  ffmpeg -loglevel error -y -f x11grab -video_size "$size" -i "$DISPLAY" -frames:v 1 "$1" </dev/null
}

cleanup() {
  local rc=$?
  for p in "${HELPER_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  wait 2>/dev/null || true
  exit "$rc"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  if grab "$OUT/failure.png" 2>/dev/null; then echo "  the display at the failure: $OUT/failure.png" >&2; fi
  [ -f "$OUT/state.json" ] && { echo "  last state report:" >&2; sed 's/^/    /' "$OUT/state.json" >&2; }
  [ -s "$OUT/app.err" ] && { echo "  the app's stderr (last lines):" >&2; tail -20 "$OUT/app.err" | sed 's/^/    /' >&2; }
  exit 1
}

# Both cores kept busy, as on a classroom PC running other things.
load_machine() {
  local n
  n=$(nproc 2>/dev/null || echo 2)
  for _ in $(seq 1 "$n"); do
    ( while :; do :; done ) &
    HELPER_PIDS+=($!)
  done
}
unload_machine() {
  for p in "${HELPER_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  HELPER_PIDS=()
}

# app_alive: the app still runs. (`kill -0` is not enough: it also succeeds on a process that
# has exited but is not yet reaped, a zombie, and a test would then wait out its whole timeout.)
app_alive() {
  [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null || return 1
  ! grep -qE '^State:[[:space:]]+Z' "/proc/$APP_PID/status" 2>/dev/null
}

# start_app ARGS... : starts meridian with a state report, waits for its window (WID).
start_app() {
  rm -f "$OUT/state.json"
  "$MERIDIAN" "$@" --state-report "$OUT/state.json" >"$OUT/app.out" 2>"$OUT/app.err" &
  APP_PID=$!
  WID=""
  for _ in $(seq 1 240); do
    WID=$(xdotool search --onlyvisible --pid "$APP_PID" --name '^Meridian' 2>/dev/null | head -1 || true)
    [ -n "$WID" ] && break
    app_alive || fail "meridian exited before its window appeared"
    # It could not open its window and shows why in a message box (waiting for OK).
    grep -q "^meridian: cannot open a window" "$OUT/app.err" 2>/dev/null && fail "meridian could not open its window"
    sleep 0.25
  done
  [ -n "$WID" ] || fail "no window after 60 s"
  # The window appears before the data and the map are loaded: ready when the first frame is
  # drawn (its state report written). A loaded machine takes seconds here.
  for _ in $(seq 1 240); do
    [ -f "$OUT/state.json" ] && break
    app_alive || fail "meridian exited before its first frame"
    sleep 0.25
  done
  [ -f "$OUT/state.json" ] || fail "no frame drawn 60 s after the window appeared"
  sleep 1
  xdotool windowfocus --sync "$WID" 2>/dev/null || xdotool windowfocus "$WID"
  sleep 0.3
}

# quit_app : Ctrl+Q, wait for the process and its state report.
quit_app() {
  xdotool key ctrl+q
  local waited=0
  for _ in $(seq 1 ${QUIT_WAIT_TICKS:-120}); do app_alive || break; sleep 0.25; waited=$((waited+1)); done
  app_alive && fail "did not quit within $((${QUIT_WAIT_TICKS:-120} / 4)) s of Ctrl+Q"
  echo "  quit after $((waited / 4)) s" >&2
  wait "$APP_PID" || true
  APP_PID=""
  [ -f "$OUT/state.json" ] || fail "no state report"
}

field() {  # one field of the last state report ("(no state report)" when there is none)
  python3 -c "
import json
try: print(json.load(open('$OUT/state.json'))['$1'])
except (OSError, ValueError, KeyError) as e: print('(no state report: %s)' % e)"
}

# The window's geometry on the display: sets WIN_X WIN_Y WIN_W WIN_H.
window_geometry() {
  eval "$(xdotool getwindowgeometry --shell "$WID" | sed 's/^X=/WIN_X=/; s/^Y=/WIN_Y=/; s/^WIDTH=/WIN_W=/; s/^HEIGHT=/WIN_H=/' | grep '^WIN_')"
}

# Grabs the app's window into FILE (needs ffmpeg).
grab_window() {
  command -v ffmpeg >/dev/null || skip "ffmpeg is not installed (needed to read the window's pixels)"
  window_geometry
  ffmpeg -loglevel error -y -f x11grab -video_size "${WIN_W}x${WIN_H}" -i "$DISPLAY+$WIN_X,$WIN_Y" \
    -frames:v 1 "$1" </dev/null
}

# The live state report (the app rewrites it after every frame it draws).
wait_state() {  # wait_state PYTHON-EXPRESSION-ON-s [SECONDS] : until it is true
  local expr=$1 limit=${2:-20}
  for _ in $(seq 1 $((limit * 4))); do
    if python3 -c "import json,sys; s=json.load(open('$OUT/state.json')); sys.exit(0 if ($expr) else 1)" 2>/dev/null; then
      return 0
    fi
    sleep 0.25
  done
  return 1
}
# Until the app has drawn no frame for 0.6 s (the state report stops changing):
# what it reports is then what is on the screen.
wait_idle() {
  for _ in $(seq 1 120); do
    local age
    age=$(python3 -c "import os,time; print(time.time() - os.path.getmtime('$OUT/state.json'))" 2>/dev/null || echo 0)
    python3 -c "import sys; sys.exit(0 if $age > 0.6 else 1)" && return 0
    sleep 0.25
  done
  fail "the app never came to rest (it keeps drawing frames)"
}
# The middle of a control the app reported (AppState::controls) on the display, as "X Y"
# (window_geometry is updated); fails the test when the app did not report it.
control_center() {  # control_center NAME
  local xy
  xy=$(python3 -c "
import json; r=json.load(open('$OUT/state.json'))['controls']['$1']; print(int((r[0]+r[2])/2), int((r[1]+r[3])/2))" 2>/dev/null) \
    || fail "the app did not report the control '$1'"
  window_geometry
  set -- $xy
  echo "$((WIN_X + $1)) $((WIN_Y + $2))"
}
# Clicks the middle of a control, once the app is at rest.
click_control() {  # click_control NAME
  wait_idle
  local xy
  xy=$(control_center "$1") || exit 1
  xdotool mousemove $xy click 1
}
# Clicks a control at once, without waiting for rest (an app opening or importing a big file in
# the background keeps drawing its progress).
click_now() {  # click_now NAME
  local xy
  xy=$(control_center "$1") || exit 1
  xdotool mousemove $xy click 1
}

# Idle at rest (issue 14): with a file open in a real window and nothing
# touched, the app draws no frame and uses (almost) no CPU. Measured from the
# process's own CPU time in /proc/PID/stat (user + system), so other work on
# the machine does not count; frames are counted from the state report, which
# the app rewrites after every frame it draws.
#   IDLE_SECONDS (default 15): how long to watch.
source "$(dirname "$0")/lib.bash"
[ -n "${DISPLAY:-}" ] || { echo "SKIPPED: no display (run under xvfb-run)"; exit 77; }
[ -r /proc/self/stat ] || { echo "SKIPPED: no /proc"; exit 77; }
SECONDS_WATCHED=${IDLE_SECONDS:-15}
TICKS=$(getconf CLK_TCK)
export XDG_CONFIG_HOME="$OUT/idle_config"
rm -rf "$XDG_CONFIG_HOME"
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

# CPU ticks (user + system) of a process: fields 14 and 15 of /proc/PID/stat,
# counted after the command name (which may hold spaces).
cpu_ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }

# Watches FILE's modification time for SECONDS and prints how often it changed.
count_rewrites() {
  python3 - "$1" "$2" <<'EOF'
import os, sys, time
path, seconds = sys.argv[1], float(sys.argv[2])
def stamp():
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None
last, changes, end = stamp(), 0, time.monotonic() + seconds
while time.monotonic() < end:
    time.sleep(0.02)
    now = stamp()
    if now != last:
        changes, last = changes + 1, now
print(changes)
EOF
}

check_idle() {  # check_idle NAME FILE ARGS...
  local name=$1 file=$2; shift 2
  local report="$OUT/idle_$name.json"
  rm -f "$report"
  "$MERIDIAN" "$file" --state-report "$report" "$@" >"$OUT/idle_$name.out" 2>"$OUT/idle_$name.err" &
  APP_PID=$!
  # Wait for the first frame, then for rest: no frame for 2 s (the map's world
  # levels load in the background and their arrival draws a frame).
  for _ in $(seq 1 240); do [ -f "$report" ] && break; kill -0 "$APP_PID" 2>/dev/null || fail "$name: meridian exited"; sleep 0.25; done
  [ -f "$report" ] || fail "$name: no frame after 60 s"
  # The pointer off the window (the screen's centre puts it over the map): a
  # hovered arc's pattern flows, and that is not rest.
  if command -v xdotool >/dev/null; then xdotool mousemove 0 0 || true; fi
  local rested=0
  for _ in $(seq 1 120); do
    [ "$(count_rewrites "$report" 2)" = 0 ] && { rested=1; break; }
  done
  [ "$rested" = 1 ] || fail "$name: the app never came to rest (it keeps drawing frames)"
  local t0 t1 frames start end
  t0=$(cpu_ticks "$APP_PID")
  start=$(date +%s.%N)
  frames=$(count_rewrites "$report" "$SECONDS_WATCHED")
  end=$(date +%s.%N)
  t1=$(cpu_ticks "$APP_PID")
  local percent
  percent=$(python3 -c "print(f'{100.0 * ($t1 - $t0) / $TICKS / ($end - $start):.2f}')")
  echo "$name: $frames frames and $((t1 - t0)) CPU ticks (1/$TICKS s) in ${SECONDS_WATCHED} s at rest: $percent % of a core"
  [ "$frames" -eq 0 ] || fail "$name: $frames frames drawn at rest"
  python3 -c "import sys; sys.exit(0 if $percent < 1.0 else 1)" || fail "$name: $percent % of a core at rest (goal: < 1 %)"
  kill "$APP_PID"
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

check_idle curated "$SRC/data/iran-dprk.json" --size 1280x720
# A still selection: its arc's pattern flows for a few seconds, then rests too.
check_idle selected "$SRC/data/iran-dprk.json" --size 1280x720 --select 1992-nodong-joint-development-deal
echo "ok"

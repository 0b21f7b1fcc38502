# A window sized to 1x1, 2x1, 1x300 and 300x1: no GL error (a debug
# context reports every one, MERIDIAN_GL_DEBUG=1), no busy loop while idle, and the app draws and
# answers again once the window is back to a normal size.
# Called as: tiny_window.sh MERIDIAN_BIN SOURCE_DIR OUT_DIR PNG_PROBE_BIN
source "$(dirname "$0")/../ui/lib.bash"
export MERIDIAN_GL_DEBUG=1

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }  # utime + stime, in clock ticks

start_app "$SRC/data/iran-dprk.json" --size 900x600
grep -q "GL error" "$OUT/app.err" && fail "GL errors at a normal size"
for size in "1 1" "2 1" "1 300" "300 1"; do
  # shellcheck disable=SC2086
  xdotool windowsize "$WID" $size 2>/dev/null || true
  sleep 1.5
  app_alive || fail "the app ended at the size $size"
done
xdotool windowsize "$WID" 1 1
sleep 1.5
# Idle at 1x1: it may draw a few frames to settle, then rests. Half a core would be a busy loop.
before=$(cpu_ticks)
sleep 4
after=$(cpu_ticks)
ticks_per_sec=$(getconf CLK_TCK)
busy=$(( (after - before) * 100 / (4 * ticks_per_sec) ))
echo "  CPU at 1x1 while idle: $busy % of a core" >&2
[ "$busy" -lt 40 ] || fail "the app used $busy % of a core at 1x1 while idle (a busy loop)"
grep -q "GL error" "$OUT/app.err" && fail "GL errors at a tiny size: $(grep -m3 'GL error' "$OUT/app.err")"

# Back to a normal size: it draws and takes keys again (Home, Right, Right select the second
# event in time order, as in tests/ui/keyboard.sh).
second=$(python3 -c "
import json; d=json.load(open('$SRC/data/iran-dprk.json'))
ev=sorted(d['events'], key=lambda e: (e['date'], e['id'])); print(ev[1]['id'])")
xdotool windowsize "$WID" 900 600
sleep 1
xdotool windowfocus "$WID" 2>/dev/null || true
xdotool key --delay 200 Home Right Right
sleep 0.5
quit_app
[ "$(field selected)" = "$second" ] || fail "after the window came back, Home Right Right selected '$(field selected)', expected $second"
grep -q "GL error" "$OUT/app.err" && fail "GL errors after the window came back: $(grep -m3 'GL error' "$OUT/app.err")"
echo "ok: 1x1 windows: no GL error, $busy % of a core while idle, keys and frames again after"

# Keyboard only, in a real window under Xvfb (xdotool types): Home, → → select
# the second event; Ctrl+F and typing filter the events; F5 presents the story
# and the clicker's PageDown steps; Ctrl+Q quits. The app reports its state on exit.
source "$(dirname "$0")/../render/lib.bash"
command -v xdotool >/dev/null || { echo "skipped: xdotool is not installed"; exit 0; }
[ -n "${DISPLAY:-}" ] || { echo "skipped: no display"; exit 0; }
export XDG_CONFIG_HOME="$OUT/config"
rm -rf "$XDG_CONFIG_HOME" "$OUT/state.json"
run() {  # run KEYS... : start, type the key groups, quit, wait for the state report
  "$MERIDIAN" "$SRC/data/iran-dprk.json" --size 1400x800 --state-report "$OUT/state.json" ${EXTRA_ARGS:-} >"$OUT/kb.out" 2>"$OUT/kb.err" &
  local pid=$!
  local wid=""
  for _ in $(seq 1 160); do wid=$(xdotool search --onlyvisible --name '^Meridian$' 2>/dev/null | head -1 || true); [ -n "$wid" ] && break; sleep 0.25; done
  [ -n "$wid" ] || { xdotool search --name . getwindowname %@ 2>&1 | head -5 >&2; cat "$OUT/kb.err" >&2; kill $pid; fail "no window after 40 s"; }
  sleep 1.5
  xdotool windowfocus --sync "$wid"
  for group in "$@"; do
    case "$group" in
      check-speaker)
        xdotool search --onlyvisible --name 'speaker notes' >/dev/null 2>&1 || { kill $pid; fail "no speaker-notes window while presenting"; }
        continue;;
      type:*) xdotool type --delay 120 "${group#type:}";;
      *) xdotool key --delay 250 $group;;
    esac
    sleep 0.6
  done
  xdotool key ctrl+q
  for _ in $(seq 1 80); do kill -0 $pid 2>/dev/null || break; sleep 0.25; done
  kill -0 $pid 2>/dev/null && { kill $pid; fail "did not quit on Ctrl+Q"; }
  [ -f "$OUT/state.json" ] || fail "no state report"
}
field() { python3 -c "import json,sys; print(json.load(open('$OUT/state.json'))['$1'])"; }

# The second event in time order (the data's own order, computed independently).
second=$(python3 -c "
import json; d=json.load(open('$SRC/data/iran-dprk.json'))
ev=sorted(d['events'], key=lambda e: (e['date'], e['id'])); print(ev[1]['id'])")
run "Home" "Right" "Right"
[ "$(field selected)" = "$second" ] || fail "Home → → selected $(field selected), expected $second"

run "ctrl+f" "type:Khojir"
expected=$(python3 -c "
import json; d=json.load(open('$SRC/data/iran-dprk.json')); print(sum('khojir' in json.dumps(e).lower() for e in d['events']))")
[ "$(field search)" = "Khojir" ] || fail "search text: $(field search)"
khojir=$(field shown)
[ "$khojir" -ge 2 ] && [ "$khojir" -le "$expected" ] || fail "Khojir search shows $khojir events (expected 2 to $expected)"

run "F6" "Escape" "Home" "Right"
[ "$(field selected)" != "" ] || fail "after F6 and Esc the arrows do not drive the timeline"
# Presenting with a clicker: F5, then PageDown twice = step 3, PageUp = step 2.
EXTRA_ARGS="--speaker-notes" run "F5" "Next" "Next" "check-speaker" "Next" "Prior"
[ "$(field presenting)" = "True" ] || fail "F5 did not start presenting"
[ "$(field step)" = "3" ] || fail "F5, 3x PageDown, PageUp should be step 3, got $(field step)"
echo "ok: selected $second; Khojir search shows $khojir of the $expected events that mention it; presenting step 3"

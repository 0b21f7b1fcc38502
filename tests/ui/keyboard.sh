# Keyboard only, in a real window under Xvfb (xdotool types): Home, → → select
# the second event; Ctrl+F and typing filter the events; F6/Esc hand the arrows
# back; F5 presents the story and the clicker's PageDown steps; the speaker
# view appears; Ctrl+Q quits. The app reports its state on exit.
source "$(dirname "$0")/lib.bash"
DATA="$SRC/data/iran-dprk.json"

# The second event in time order (the data's own order, computed independently).
second=$(python3 -c "
import json; d=json.load(open('$DATA'))
ev=sorted(d['events'], key=lambda e: (e['date'], e['id'])); print(ev[1]['id'])")
start_app "$DATA" --size 1400x800
xdotool key --delay 200 Home Right Right
sleep 0.5
quit_app
[ "$(field selected)" = "$second" ] || fail "Home → → selected $(field selected), expected $second"

start_app "$DATA" --size 1400x800
xdotool key ctrl+f
sleep 0.3
xdotool type --delay 100 Khojir
sleep 0.5
quit_app
expected=$(python3 -c "
import json; d=json.load(open('$DATA')); print(sum('khojir' in json.dumps(e).lower() for e in d['events']))")
[ "$(field search)" = "Khojir" ] || fail "search text: '$(field search)'"
khojir=$(field shown)
[ "$khojir" -ge 2 ] && [ "$khojir" -le "$expected" ] || fail "Khojir search shows $khojir events (expected 2 to $expected)"

start_app "$DATA" --size 1400x800
xdotool key --delay 200 F6 Escape Home Right
sleep 0.5
quit_app
[ "$(field selected)" != "" ] || fail "after F6 and Esc the arrows do not drive the timeline"

# Presenting with a clicker: F5, then PageDown three times, PageUp = step 3.
start_app "$DATA" --size 1400x800 --speaker-notes
xdotool key --delay 250 F5 Next Next
sleep 1
for _ in $(seq 1 80); do  # it opens on the frame after presenting starts: seconds on a loaded machine
  xdotool search --onlyvisible --name 'speaker notes' >/dev/null 2>&1 && break
  sleep 0.25
done
xdotool search --onlyvisible --name 'speaker notes' >/dev/null 2>&1 || fail "no speaker-notes window 20 s after presenting"
xdotool key --delay 250 Next Prior
sleep 0.5
quit_app
[ "$(field presenting)" = "True" ] || fail "F5 did not start presenting"
[ "$(field step)" = "3" ] || fail "F5, 3x PageDown, PageUp should be step 3, got $(field step)"
echo "ok: selected $second; Khojir search shows $khojir of the $expected events that mention it; presenting step 3"

# What a teacher, a briefer and an explorer hit on first use (issue 11), each
# checked in a real window: the map toolbar takes clicks (projection list,
# Layers), a broken file opened from File > Open shows its problems and keeps
# the data (no spurious "reload"), Esc clears the search from anywhere and
# Ctrl+F selects its text, Enter selects the first result and brings it into
# view, the side panel is a drawer at 200 % on a 1280x800 projector, and an
# export lands in the Pictures folder.
source "$(dirname "$0")/lib.bash"
DATA="$SRC/data/iran-dprk.json"
title=$(python3 -c "import json; print(json.load(open('$DATA'))['title'])")

# --- The map toolbar: the projection list and the Layers menu open on a click.
start_app "$DATA" --size 1400x800
wait_state "'map.projection' in s['controls']" || fail "no toolbar reported"
click_control map.projection
wait_state "'map.projection.globe' in s['controls']" 10 || fail "a click on the projection list did not open it"
click_control map.projection.globe
wait_state "s['projection'] == 'globe'" 10 || fail "choosing the globe in the list did nothing: $(field projection)"
click_control map.layers
wait_state "'map.layers.basemap' in s['controls']" 10 || fail "a click on Layers did not open the menu"
click_control map.layers.basemap
wait_state "s['basemap'] == True" 10 || fail "the basemap checkbox did not take the click"
quit_app

# --- A broken file from File > Open: its problems are shown, the data stays, nothing reloads.
start_app "$DATA" --size 1400x800
rev=$(field revision)
xdotool key ctrl+o
sleep 1
xdotool key ctrl+a
xdotool type --delay 20 "$SRC/tests/data/bad/impossible-date.json"
xdotool key Return
wait_state "s['problemsShown'] == True" 10 || fail "the problems of the broken file are not shown"
sleep 3   # longer than the once-a-second check for changes on disk
[ "$(field problemsShown)" = "True" ] || fail "the problems window went away by itself"
[ "$(field title)" = "$title" ] || fail "the data shown changed: $(field title)"
[ "$(field file)" = "$DATA" ] || fail "the document's file changed to $(field file)"
[ "$(field revision)" = "$rev" ] || fail "the data was reloaded after a failed open (revision $rev -> $(field revision))"
case "$(field status)" in *Reloaded*) fail "a spurious reload: $(field status)";; esac
case "$(field problemsFile)" in *impossible-date.json) ;; *) fail "the problems are not the broken file's: $(field problemsFile)";; esac
quit_app

# --- Search: Esc clears it from anywhere; Ctrl+F selects the text so typing replaces it;
#     Enter selects the first result and moves the playhead to it.
start_app "$DATA" --size 1400x800 --time 1990
xdotool key ctrl+f; sleep 0.5; xdotool type --delay 60 Scud; sleep 0.5
window_geometry
xdotool mousemove $((WIN_X + 300)) $((WIN_Y + 300)) click 1   # on the map: the field loses the keyboard
sleep 0.5
xdotool key Escape
wait_state "s['search'] == ''" 10 || fail "Esc outside the search field did not clear it: '$(field search)'"
xdotool key ctrl+f; sleep 0.5; xdotool type --delay 60 Scud; sleep 0.3
xdotool mousemove $((WIN_X + 300)) $((WIN_Y + 300)) click 1
sleep 0.5
xdotool key ctrl+f; sleep 0.5; xdotool type --delay 60 Khojir; sleep 0.3
wait_state "s['search'] == 'Khojir'" 10 || fail "Ctrl+F did not select the text: typing gave '$(field search)'"
xdotool key Return
first=$(python3 -c "
import json; d=json.load(open('$DATA'))
ev=sorted((e for e in d['events'] if 'khojir' in json.dumps(e).lower()), key=lambda e: (e['date'], e['id'])); print(ev[0]['id'], ev[0]['date'])")
set -- $first
wait_state "s['selected'] == '$1'" 10 || fail "Enter did not select the first result $1: '$(field selected)'"
case "$(field playhead)" in "$2"*) ;; *) fail "the playhead did not move to the selected event ($2): $(field playhead)";; esac
quit_app

# --- A 1280x800 projector at 200 %: the side panel is a drawer (F2 opens it, Esc closes it).
start_app "$DATA" --size 1280x800 --ui-scale 2 --theme projector
xdotool key F2
wait_state "s['drawerOpen'] == True" 10 || fail "F2 did not open the side panel's drawer at 200 %"
xdotool key Escape
wait_state "s['drawerOpen'] == False" 10 || fail "Esc did not close the drawer"
quit_app

# --- Export: the picture goes to the user's Pictures folder, named after the data.
mkdir -p "$OUT/home/Pictures"
rm -f "$OUT/home/Pictures/"*.png
HOME="$OUT/home" start_app "$DATA" --size 1400x800
xdotool key ctrl+e
wait_state "'export.go' in s['controls']" 10 || fail "Ctrl+E did not open the export dialog"
click_control export.go
for _ in $(seq 1 120); do [ -s "$OUT/home/Pictures/iran-dprk-map.png" ] && break; sleep 0.5; done
[ -s "$OUT/home/Pictures/iran-dprk-map.png" ] || fail "no picture in ~/Pictures: $(ls -la "$OUT/home/Pictures")"
quit_app
echo "ok: toolbar clicks, a broken file's problems kept on screen, search keys, the drawer, export to Pictures"

# Authoring in a real window (issue 13): File > New dataset, two places added
# by clicking on the map, a connection event between them with a new source
# typed in place, undo and redo of that source, Ctrl+S, and the saved file
# read back (by Python, by --validate and by the app itself).
source "$(dirname "$0")/lib.bash"
FILE="$OUT/lesson.json"
rm -f "$FILE" "$FILE.bak"

# Clicks a control after scrolling the details panel until it is inside it.
click_in_details() {  # click_in_details NAME
  for _ in $(seq 1 30); do
    wait_idle
    local where
    where=$(python3 -c "
import json; s=json.load(open('$OUT/state.json'))['controls']
r=s['$1']; w=s['details.window']
print('below' if r[3] > w[3] - 4 else 'above' if r[1] < w[1] + 4 else 'in', int((w[0]+w[2])/2), int((w[1]+w[3])/2))" 2>/dev/null) \
      || fail "the app did not report the control '$1'"
    set -- "$1" $where
    [ "$2" = in ] && { click_control "$1"; return 0; }
    window_geometry
    xdotool mousemove $((WIN_X + $3)) $((WIN_Y + $4))
    if [ "$2" = below ]; then xdotool click 5 click 5; else xdotool click 4 click 4; fi
  done
  fail "could not scroll the details panel to '$1'"
}
# Types into a text field after clicking it (replacing what it held).
type_into() {  # type_into CONTROL TEXT
  click_in_details "$1"
  sleep 0.3
  xdotool key ctrl+a
  xdotool type --delay 30 "$2"
}
py_check() { python3 -c "import json,sys; d=json.load(open('$FILE')); sys.exit(0 if ($1) else 1)"; }

start_app --size 1600x900
# --- File > New dataset (Ctrl+N): a title and the file it will be saved into.
xdotool key ctrl+n
wait_state "'newds.title' in s['controls'] and 'newds.create' in s['controls']" 10 || fail "Ctrl+N did not open the new dataset dialog"
sleep 0.5
xdotool type --delay 30 "Test lesson"
click_control newds.path
sleep 0.3
xdotool key ctrl+a
xdotool type --delay 10 "$FILE"
click_control newds.create
wait_state "s['title'] == 'Test lesson' and s['total'] == 0 and s['editing'] == True" 10 \
  || fail "no new, empty dataset in editing mode: $(field title), $(field total) events"
[ "$(field file)" = "$FILE" ] || fail "the new dataset's file is $(field file), not $FILE"

# --- Two places, each by a click on an empty spot of the map.
add_place() {  # add_place XFRACTION YFRACTION NAME
  wait_idle
  local xy
  xy=$(python3 -c "
import json; r=json.load(open('$OUT/state.json'))['controls']['map.area']
print(int(r[0] + (r[2]-r[0])*$1), int(r[1] + (r[3]-r[1])*$2))")
  window_geometry
  set -- $xy "$3"
  xdotool mousemove $((WIN_X + $1)) $((WIN_Y + $2)) click 1
  wait_state "'map.newPlace.add' in s['controls']" 10 || fail "a click on the map did not offer a new place"
  sleep 0.5
  xdotool key ctrl+a
  xdotool type --delay 30 "$3"
  click_control map.newPlace.add
}
add_place 0.35 0.45 Alpha
wait_state "s['places'] == 1" 10 || fail "the first place was not added: $(field places) places"
[ "$(field undo)" = "add Alpha" ] || fail "the Edit menu would say 'Undo: $(field undo)', expected 'Undo: add Alpha'"
add_place 0.65 0.40 Beta
wait_state "s['places'] == 2" 10 || fail "the second place was not added: $(field places) places"

# --- An event at the playhead, made a connection Alpha -> Beta.
click_control edit.addEvent
wait_state "s['total'] == 1 and s['selected'] != ''" 10 || fail "no event added and selected"
[ "$(field undo)" = "add an event" ] || fail "undo name after adding an event: '$(field undo)'"
click_in_details edit.where.connection
wait_state "'edit.from' in s['controls']" 10 || fail "no From/To after choosing a connection"
click_in_details edit.from
wait_state "'edit.from.item.alpha' in s['controls']" 10 || fail "the From list does not offer Alpha"
click_control edit.from.item.alpha
click_in_details edit.to
wait_state "'edit.to.item.beta' in s['controls']" 10 || fail "the To list does not offer Beta"
click_control edit.to.item.beta
wait_state "s['undo'] == 'change the place of New event'" 10 || fail "the route was not set: undo is '$(field undo)'"
# Without a source the event cannot be saved: the live validation says so.
wait_state "s['problems'] == 1" 10 || fail "expected 1 problem (no source), the validation says $(field problems)"

# --- A new source, typed in place.
click_in_details edit.source.new
wait_state "'edit.source.publisher' in s['controls']" 10 || fail "no new source form"
type_into edit.source.publisher "Test Agency"
type_into edit.source.title "A report on the transfer"
type_into edit.source.date "2001-05-02"
type_into edit.source.url "https://example.org/report"
click_in_details edit.source.add
wait_state "s['sources'] == 1 and s['problems'] == 0" 10 \
  || fail "the source was not added (sources $(field sources), problems $(field problems))"
[ "$(field undo)" = "add the source Test Agency to New event" ] || fail "undo name: '$(field undo)'"

# --- Undo and redo (keys, with no text field active).
xdotool key ctrl+z
wait_state "s['sources'] == 0 and s['redo'] == 'add the source Test Agency to New event'" 10 \
  || fail "Ctrl+Z did not take the source away: $(field sources) sources, redo '$(field redo)'"
xdotool key ctrl+y
wait_state "s['sources'] == 1 and s['problems'] == 0" 10 || fail "Ctrl+Y did not bring the source back"

# --- Drag the event along its lane: its date moves (one "move" in the history), and Ctrl+Z puts it back.
wait_idle
window_geometry
xy=$(python3 -c "
import json; r=json.load(open('$OUT/state.json'))['controls']['timeline.selected']; print(int(r[0]) + 3, int((r[1]+r[3])/2))")
set -- $xy
xdotool mousemove $((WIN_X + $1)) $((WIN_Y + $2))
sleep 0.3
xdotool mousedown 1
sleep 0.3
for dx in 10 20 40 60 80; do xdotool mousemove $((WIN_X + $1 - dx)) $((WIN_Y + $2)); sleep 0.15; done
sleep 0.3
xdotool mouseup 1
wait_state "s['undo'] == 'move New event'" 10 || fail "dragging the event on the timeline did not move it: undo is '$(field undo)'"
xdotool key ctrl+z
wait_state "s['undo'] == 'add the source Test Agency to New event'" 10 || fail "Ctrl+Z did not undo the drag as one step: '$(field undo)'"

# --- Save, and read the file.
xdotool key ctrl+s
wait_state "s['dirty'] == False" 15 || fail "Ctrl+S did not save: $(field status)"
[ -s "$FILE" ] || fail "no file written at $FILE"
py_check "d['title'] == 'Test lesson'" || fail "the saved title is wrong"
py_check "sorted(p['name'] for p in d['places']) == ['Alpha', 'Beta']" || fail "the saved places are wrong: $(python3 -c "import json; print(json.load(open('$FILE'))['places'])")"
py_check "len(d['events']) == 1 and d['events'][0]['from'] == 'alpha' and d['events'][0]['to'] == 'beta'" \
  || fail "the saved event is not a connection alpha -> beta: $(python3 -c "import json; print(json.load(open('$FILE'))['events'])")"
py_check "d['sources'][0]['publisher'] == 'Test Agency' and d['sources'][0]['date'] == '2001-05-02' and d['sources'][0]['url'] == 'https://example.org/report'" \
  || fail "the saved source is wrong: $(python3 -c "import json; print(json.load(open('$FILE'))['sources'])")"
py_check "[s if isinstance(s, str) else s['ref'] for s in d['events'][0]['sources']] == [d['sources'][0]['id']]" \
  || fail "the event does not cite the source"
# The places are where the clicks were: west then east on the world map.
py_check "d['places'][0]['lon'] < d['places'][1]['lon']" || fail "the places are not where they were clicked"
quit_app
"$MERIDIAN" --validate "$FILE" >/dev/null || fail "the saved file does not validate: $("$MERIDIAN" --validate "$FILE" 2>&1 | head -5)"

# --- Reopen it.
start_app "$FILE" --size 1600x900
wait_state "s['title'] == 'Test lesson' and s['total'] == 1 and s['places'] == 2 and s['sources'] == 1" 10 \
  || fail "the reopened file does not show what was saved"
quit_app
echo "ok: new dataset, two places by clicks, a connection with a new source, undo/redo, save, reopen"

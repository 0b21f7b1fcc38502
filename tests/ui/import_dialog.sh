# A teacher's spreadsheet with place names, through the import dialog in a real
# window (issue 12): File > Import, the file typed in the chooser; the dialog
# shows the guessed columns and asks the day/month order (Import waits for the
# answer); one column is changed (Topic -> Category), day-first is chosen, the
# import runs and reports "7 rows: 6 events, 1 skipped" with the skipped row
# and the places to check. The CSV is never written; Save as keeps the data as
# Meridian JSON beside it, with the dates read day-first, the categories from
# the Topic column and the places found by name. Opening the CSV again uses
# the saved columns (no question). File > Save as writes GeoJSON. A 1,000,000-row
# file imports in the background (the window keeps drawing) and Cancel keeps
# the data. At 200 % on a 1280x800 projector the dialog's buttons are inside
# the window.
source "$(dirname "$0")/lib.bash"
DATA="$SRC/data/iran-dprk.json"
mkdir -p "$OUT/data"
CSV="$OUT/data/classroom-places.csv"
cp "$SRC/tests/data/import/classroom-places.csv" "$CSV"
rm -f "$OUT/data/classroom-places.csv.meridian-mapping.json" "$OUT/data/classroom-places.json" \
  "$OUT/data/classroom-places.geojson" "$OUT/data/"*.bak
before=$(md5sum "$CSV" | cut -d' ' -f1)
topic_col=$(python3 -c "import csv; print(next(csv.reader(open('$CSV'))).index('Topic'))")
imp() { python3 -c "import json; print(json.load(open('$OUT/state.json'))['import']['$1'])"; }
# The rectangle of a control lies inside the window (nothing cut off).
inside() {  # inside NAME
  window_geometry
  python3 -c "
import json,sys; r=json.load(open('$OUT/state.json'))['controls']['$1']
sys.exit(0 if r[0] >= 0 and r[1] >= 0 and r[2] <= $WIN_W and r[3] <= $WIN_H else 1)" \
    || fail "the control $1 is outside the ${WIN_W}x${WIN_H} window: $(python3 -c "import json; print(json.load(open('$OUT/state.json'))['controls']['$1'])")"
}

# --- File > Import, the file typed in the chooser: the mapping and the date question.
start_app "$DATA" --size 1400x800
# GDAL (workbooks, geodata) is a module loaded only when such a file is read: not at start.
! grep -q "libgdal\|libmeridian-gdal" "/proc/$APP_PID/maps" || fail "GDAL is loaded at start (it costs ~25 MiB)"
click_control menu.file
wait_state "'menu.file.import' in s['controls']" 10 || fail "the File menu did not open"
click_control menu.file.import
wait_state "s['import']['stage'] == 'choose'" 10 || fail "File > Import did not show the file chooser: $(imp stage)"
sleep 0.5
xdotool key ctrl+a
xdotool type --delay 20 "$CSV"
xdotool key Return
wait_state "s['import']['stage'] == 'mapping'" 30 || fail "the dialog did not show the columns: $(imp stage)"
[ "$(imp askingDateOrder)" = "True" ] || fail "05/07/2006 and 03/04/2001 read both ways, but the dialog does not ask"
fields=$(imp fields)
python3 -c "
f=$fields; import sys
sys.exit(0 if f[0] == 'date' and f[1] == 'place' and f[$topic_col] != 'category' else 1)" \
  || fail "unexpected guess (Date should be a date, Place a place, Topic not yet a category): $fields"
grab_window "$OUT/mapping-100.png" || true
# Import waits for the answer.
click_control import.go
sleep 1
[ "$(imp stage)" = "mapping" ] || fail "Import ran before the date order was answered: $(imp stage)"
# Topic -> Category.
click_control "import.field.$topic_col"
wait_state "'import.choice.category' in s['controls']" 10 || fail "the column's list did not open (or Category is not visible)"
click_control import.choice.category
wait_state "s['import']['fields'][$topic_col] == 'category'" 10 || fail "choosing Category did nothing: $(imp fields)"
# Day first.
click_control import.dayFirst
wait_state "s['import']['dateOrder'] == 'day-first' and not s['import']['askingDateOrder']" 10 \
  || fail "choosing day-first did nothing: $(imp dateOrder)"
click_control import.go
wait_state "s['import']['stage'] == 'report'" 60 || fail "no report after Import: $(imp stage)"
grab_window "$OUT/report-100.png" || true
report=$(python3 -c "import json; print('\n'.join(json.load(open('$OUT/state.json'))['import']['report']))")
echo "$report" | head -1 | grep -q '^7 rows: 6 events, 1 skipped' || fail "the report's count: $report"
echo "$report" | grep -q 'skipped: row 4, column "Date"' || fail "the skipped row is not named: $report"
echo "$report" | grep -q 'Springfeld' || fail "the place not found is not listed: $report"
wait_state "s['total'] == 6" 10 || fail "the document does not have the 6 events: $(field total)"
[ "$(field file)" = "$CSV" ] || fail "the document's file is not the CSV: $(field file)"
[ "$(field dirty)" = "False" ] || fail "a fresh import counts as unsaved changes"
click_control import.close
wait_state "s['import']['stage'] == ''" 10 || fail "Close did not close the report"
[ -f "$CSV.meridian-mapping.json" ] || fail "the mapping was not saved beside the file"
python3 -c "
import json,sys; m=json.load(open('$CSV.meridian-mapping.json'))
cols={c['name']: c['field'] for c in m['columns']}
sys.exit(0 if cols.get('Topic') == 'category' and m.get('dateOrder') == 'day-first' else 1)" \
  || fail "the saved mapping lacks Topic -> category or day-first: $(cat "$CSV.meridian-mapping.json")"

# --- Ctrl+Shift+S: Save as Meridian JSON beside the CSV (the CSV untouched), with what was chosen.
xdotool key ctrl+shift+s
wait_state "'saveas.format.meridian' in s['controls']" 10 || fail "Ctrl+Shift+S did not open Save as"
click_control saveas.format.meridian
sleep 0.3
click_control saveas.go
for _ in $(seq 1 40); do [ -s "$OUT/data/classroom-places.json" ] && break; sleep 0.25; done
[ -s "$OUT/data/classroom-places.json" ] || fail "Save as did not write classroom-places.json: $(field status)"
wait_state "s['file'] == '$OUT/data/classroom-places.json'" 10 || fail "the Meridian file did not become the document's: $(field file)"
[ "$(md5sum "$CSV" | cut -d' ' -f1)" = "$before" ] || fail "the CSV was written to"
python3 - "$OUT/data/classroom-places.json" <<'EOF' || fail "the saved data is not what the import should give"
import json, sys
d = json.load(open(sys.argv[1]))
ev = {e['title']: e for e in d['events']}
cats = {c['id']: c['label'] for c in d['categories']}
places = {p['id']: p for p in d['places']}
assert len(d['events']) == 6, len(d['events'])
a = ev['Sample event A']
assert a['date'] == '2006-07-05', a['date']            # 05/07/2006 day-first
assert ev['Sample event B']['date'] == '2001-04-03'
assert cats[a['category']] == 'Diplomacy', a
assert cats[ev['Sample event B']['category']] == 'Trade'
tehran = places[ev['Sample event B']['place']]
assert abs(tehran['lat'] - 35.69) < 0.2 and abs(tehran['lon'] - 51.42) < 0.2, tehran
assert 'place' not in ev['Sample event F (a misspelt place)'], 'Springfeld was given a place'
EOF
quit_app

# --- The same CSV again: the saved columns are used, no question; the report still shows the skipped row.
start_app "$DATA" --size 1400x800
xdotool key ctrl+o
sleep 1
xdotool key ctrl+a
xdotool type --delay 20 "$CSV"
xdotool key Return
wait_state "s['import']['stage'] == 'report'" 30 || fail "opening the CSV again did not import with the saved columns: $(imp stage)"
[ "$(imp fields | python3 -c "import sys,ast; print(ast.literal_eval(sys.stdin.read())[$topic_col])")" = "category" ] \
  || fail "the saved mapping was not used: $(imp fields)"
wait_state "s['total'] == 6" 10 || fail "the reopened CSV did not give 6 events: $(field total)"
click_control import.close
wait_state "s['import']['stage'] == ''" 10 || fail "Close did not close the report"

# --- File > Save as GeoJSON: a copy for QGIS; the document keeps its file.
click_control menu.file
wait_state "'menu.file.saveas' in s['controls']" 10 || fail "the File menu did not open"
click_control menu.file.saveas
wait_state "'saveas.format.geojson' in s['controls']" 10 || fail "File > Save as did not open its dialog"
click_control saveas.format.geojson
sleep 0.5
click_control saveas.go
for _ in $(seq 1 40); do [ -s "$OUT/data/classroom-places.geojson" ] && break; sleep 0.25; done
[ -s "$OUT/data/classroom-places.geojson" ] || fail "Save as GeoJSON wrote nothing: $(field status)"
python3 -c "
import json,sys; d=json.load(open('$OUT/data/classroom-places.geojson'))
pts=[f for f in d['features'] if f.get('geometry') and f['geometry']['type'] == 'Point']
sys.exit(0 if d['type'] == 'FeatureCollection' and len(pts) == 5 else 1)" \
  || fail "the GeoJSON does not have the 5 events with a place as points"
[ "$(field file)" = "$CSV" ] || fail "saving a GeoJSON copy changed the document's file to $(field file)"
quit_app

# --- A big file (1,000,000 rows: an idle machine imports 300,000 in under 2 s): while it imports the window keeps drawing and the progress moves;
#     Cancel keeps the data shown.
BIG="$OUT/data/big.csv"
rm -f "$BIG.meridian-mapping.json"  # a run stopped half-way leaves its columns, which would skip the dialog
python3 - "$BIG" <<'PY'
import random, sys
random.seed(7)
places = ["Tehran", "Pyongyang", "Beijing", "Moscow", "Islamabad", "Damascus", "Karachi", "Cairo"]
with open(sys.argv[1], "w") as f:
    f.write("Date,Place,Event\n")
    for i in range(1000000):
        f.write(f"{random.randint(13, 28):02d}/{random.randint(1, 12):02d}/{random.randint(1980, 2020)},"
                f"{random.choice(places)},Row {i}\n")
PY
start_app "$DATA" --size 1400x800
wait_state "s['total'] > 0" 20 || fail "no state report"
total=$(field total)
xdotool key ctrl+o
sleep 1
xdotool key ctrl+a
xdotool type --delay 20 "$BIG"
xdotool key Return
wait_state "s['import']['stage'] == 'mapping'" 240 || fail "the big file's columns were not shown: $(imp stage)"
[ "$(imp askingDateOrder)" = "False" ] || fail "days over 12 decide day-first, yet the dialog asks"
click_control import.go
wait_state "s['import']['stage'] == 'importing'" 10 || fail "Import did not start: $(imp stage)"
python3 - "$OUT/state.json" <<'PY' || fail "the window did not keep drawing while importing (or the progress did not move)"
import json, os, sys, time
path = sys.argv[1]
def read():
    for _ in range(20):
        try:
            return json.load(open(path)), os.path.getmtime(path)
        except (ValueError, OSError):
            time.sleep(0.05)
    raise SystemExit("no state report")
s0, t0 = read()
frames, last = 0, t0
for _ in range(20):  # 2 s: the app asks for a frame every 0.1 s (software GL under load draws fewer)
    time.sleep(0.1)
    s, t = read()
    frames += t != last
    last = t
    if s["import"]["stage"] != "importing":
        raise SystemExit("the import ended before Cancel could be tried (make the file bigger)")
p0, p1 = s0["import"]["progress"], s["import"]["progress"]
print(f"  {frames} state reports in 2 s while importing; progress {p0:.2f} -> {p1:.2f}", file=sys.stderr)
sys.exit(0 if frames >= 2 and p1 > p0 else 1)  # a UI thread busy importing would give none
PY
click_now import.cancel
wait_state "s['import']['stage'] == 'report'" 30 || fail "Cancel did not end the import: $(imp stage)"
case "$(python3 -c "import json; print(json.load(open('$OUT/state.json'))['import']['report'][0])")" in
  Cancelled*) ;;
  *) fail "the report does not say it was cancelled: $(imp report)";;
esac
[ "$(field total)" = "$total" ] || fail "a cancelled import changed the data: $(field total) events"
[ "$(field file)" = "$DATA" ] || fail "a cancelled import changed the document's file: $(field file)"
click_control import.close
quit_app
rm -f "$BIG" "$BIG.meridian-mapping.json"

# --- A 1280x800 projector at 200 %: the dialog fits (its buttons inside the window).
rm -f "$CSV.meridian-mapping.json"
start_app "$DATA" --size 1280x800 --ui-scale 2 --theme projector
xdotool key ctrl+o
sleep 1
xdotool key ctrl+a
xdotool type --delay 20 "$CSV"
xdotool key Return
wait_state "s['import']['stage'] == 'mapping'" 30 || fail "at 200 %: the dialog did not show the columns: $(imp stage)"
wait_idle
grab_window "$OUT/mapping-200-projector.png" || true
inside import.go
inside import.dayFirst
click_control import.dayFirst
wait_state "s['import']['dateOrder'] == 'day-first'" 10 || fail "at 200 %: day-first did not take the click"
click_control import.go
wait_state "s['import']['stage'] == 'report'" 60 || fail "at 200 %: no report"
wait_idle
grab_window "$OUT/report-200-projector.png" || true
inside import.close
quit_app
echo "ok: File > Import, the date question, a column changed, the report, Save as beside the CSV, the saved columns reused, Save as GeoJSON, Cancel on a big file, 200 %"

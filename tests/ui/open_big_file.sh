# Opening a big Meridian file in the background (issue 14): File > Open of a
# 1,000,000-event file (about 230 MB) reads it on a worker thread; the state
# report shows the file being opened and its progress moving while the window
# keeps drawing and the curated data stays shown; Cancel stops the reading and
# keeps the data. A 40,000-event file (over the 8 MiB at which opening goes to
# the background) then opens the same way and replaces the data.
source "$(dirname "$0")/lib.bash"
DATA="$SRC/data/iran-dprk.json"
mkdir -p "$OUT/data"
BIG="$OUT/data/big-1m.json"
MID="$OUT/data/mid-40k.json"
# Synthetic events in the format of data/FORMAT.md (the places and sources they name exist).
write_events() {  # write_events FILE N
  python3 - "$1" "$2" <<'PY'
import random, sys
random.seed(14)
path, n = sys.argv[1], int(sys.argv[2])
with open(path, "w") as f:
    f.write('{"meridian": 1, "title": "Big", "places": [')
    f.write(", ".join(f'{{"id": "p{i}", "name": "Place {i}", "lat": {random.uniform(-60, 70):.3f}, '
                      f'"lon": {random.uniform(-180, 180):.3f}}}' for i in range(200)))
    f.write('], "sources": [{"id": "s0", "publisher": "Agency", "title": "Report", "kind": "press"}],\n'
            ' "categories": [{"id": "c0", "label": "Category"}],\n "events": [\n')
    lines = []
    for i in range(n):
        lines.append(f'  {{"id": "e{i}", "date": "{random.randint(1980, 2024)}-{random.randint(1, 12):02d}", '
                     f'"title": "Synthetic event number {i}", "summary": "Something happened here, reportedly.", '
                     f'"category": "c0", "from": "p{random.randrange(200)}", "to": "p{random.randrange(200)}", '
                     f'"sources": ["s0"], "confidence": "reported", "tags": ["t{i % 16}"]}}')
        if len(lines) == 10000:
            f.write(",\n".join(lines) + (",\n" if i + 1 < n else "\n"))
            lines = []
    if lines:
        f.write(",\n".join(lines) + "\n")
    f.write("]}\n")
PY
}
[ -s "$BIG" ] || write_events "$BIG" 1000000
[ -s "$MID" ] || write_events "$MID" 40000
open_typed() {  # open_typed FILE : Ctrl+O, the path typed in the chooser
  xdotool key ctrl+o
  sleep 1
  xdotool key ctrl+a
  xdotool type --delay 10 "$1"
  xdotool key Return
}

start_app "$DATA" --size 1400x800
wait_state "s['total'] > 0" 20 || fail "no state report"
total=$(field total)

# --- The big file: progress while the data stays shown, then Cancel.
open_typed "$BIG"
wait_state "s['opening'] == '$BIG'" 20 || fail "File > Open of a 230 MB file did not start reading it in the background: $(field status)"
python3 - "$OUT/state.json" "$total" <<'PY' || fail "the window did not keep drawing while opening (or the progress did not move, or the data changed)"
import json, os, sys, time
path, total = sys.argv[1], int(sys.argv[2])
def read():
    for _ in range(20):
        try:
            return json.load(open(path)), os.path.getmtime(path)
        except (ValueError, OSError):
            time.sleep(0.05)
    raise SystemExit("no state report")
s0, last = read()
frames, seen = 0, [s0["openingProgress"]]
for _ in range(15):  # 1.5 s: the app asks for a frame every 0.1 s while it reads
    time.sleep(0.1)
    s, t = read()
    frames += t != last
    last = t
    if s["opening"] == "":
        raise SystemExit("the file was read before Cancel could be tried (make it bigger)")
    if s["total"] != total:
        raise SystemExit(f"the data shown changed while reading: {s['total']} events")
    seen.append(s["openingProgress"])
print(f"  {frames} state reports in 1.5 s while opening; progress {seen[0]:.2f} -> {seen[-1]:.2f}", file=sys.stderr)
sys.exit(0 if frames >= 2 and seen[-1] > seen[0] else 1)  # a UI thread busy reading would give none
PY
click_now open.cancel
wait_state "s['opening'] == ''" 10 || fail "Cancel did not stop the reading within 10 s"
[ "$(field total)" = "$total" ] || fail "a cancelled opening changed the data: $(field total) events"
[ "$(field file)" = "$DATA" ] || fail "a cancelled opening changed the document's file: $(field file)"
case "$(field status)" in *cancelled*) ;; *) fail "the status does not say it was cancelled: $(field status)";; esac

# --- A 9 MB file: read in the background too, and it replaces the data.
open_typed "$MID"
wait_state "s['opening'] == '' and s['file'] == '$MID'" 60 || fail "the 40,000-event file did not open: $(field status)"
[ "$(field total)" = "40000" ] || fail "the opened file does not have its 40,000 events: $(field total)"
quit_app
echo "ok: a 230 MB file read in the background with progress, the data kept usable and kept on Cancel; a 9 MB file opened in the background"

# Reload on change: an event moved on disk (the event count unchanged) moves
# on the map. Issue 9's stale-map bug: the caches compared the dataset's
# address and size, so the map kept drawing the old arc.
source "$(dirname "$0")/lib.bash"
cp "$SRC/tests/data/render/arcs.json" "$OUT/arcs.json"
# The Pyongyang-Tehran arc (magenta) happens on 2006-07-05: shown at 2006-08.
start_app "$OUT/arcs.json" --map-only --no-legend --projection equirectangular --view 90,30,2 --size 1200x600 --time 2006-08
before=0
for _ in $(seq 1 40); do  # until the map has drawn the arc (seconds on a loaded machine)
  grab_window "$OUT/before.png"
  before=$("$PROBE" count "$OUT/before.png" 0 0 1200 600 FF00FF 90)
  [ "$before" -gt 150 ] && break
  sleep 0.5
done
[ "$before" -gt 150 ] || fail "the arc is not on the map before the change ($before magenta px)"
# Move it to 2007 (after the playhead): same number of events.
sed -i 's/"2006-07-05"/"2007-07-05"/' "$OUT/arcs.json"
after=$before
for _ in $(seq 1 40); do
  sleep 0.5
  grab_window "$OUT/after.png"
  after=$("$PROBE" count "$OUT/after.png" 0 0 1200 600 FF00FF 90)
  [ "$after" -lt 20 ] && break
done
[ "$after" -lt 20 ] || fail "the map still draws the moved arc after the reload ($after magenta px; before: $before)"
# And back: it comes back.
sed -i 's/"2007-07-05"/"2006-07-05"/' "$OUT/arcs.json"
again=0
for _ in $(seq 1 40); do
  sleep 0.5
  grab_window "$OUT/again.png"
  again=$("$PROBE" count "$OUT/again.png" 0 0 1200 600 FF00FF 90)
  [ "$again" -gt 150 ] && break
done
[ "$again" -gt 150 ] || fail "the arc did not come back when the file was changed back ($again magenta px)"
# Reloads leak no GL objects: 10 more changes, each reloaded, and the context
# holds as many textures, buffers, vertex arrays, programs... as before them.
wait_idle
gl_before=$(python3 -c "import json; print(json.load(open('$OUT/state.json'))['glObjects'])")
total_before=$(python3 -c "import json; print(json.load(open('$OUT/state.json'))['glObjects']['total'])")
for i in $(seq 1 10); do
  revision=$(field revision)
  if ((i % 2)); then sed -i 's/"2006-07-05"/"2006-07-06"/' "$OUT/arcs.json"; else sed -i 's/"2006-07-06"/"2006-07-05"/' "$OUT/arcs.json"; fi
  wait_state "s['revision'] != $revision" 20 || fail "change $i of the file was not reloaded"
  sleep 1.1  # the objects are counted about once a second of drawing
  xdotool mousemove --window "$WID" 600 300 mousemove --window "$WID" 610 310  # a frame to count them in
  wait_idle
done
gl_after=$(python3 -c "import json; print(json.load(open('$OUT/state.json'))['glObjects'])")
total_after=$(python3 -c "import json; print(json.load(open('$OUT/state.json'))['glObjects']['total'])")
[ "$total_after" -le "$total_before" ] || fail "GL objects grew over 10 reloads: $gl_before -> $gl_after"
quit_app
echo "ok: the arc ($before px) left the map after the file moved it ($after px) and came back ($again px);"
echo "ok: GL objects over 10 reloads: $total_before -> $total_after ($gl_after)"

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
quit_app
echo "ok: the arc ($before px) left the map after the file moved it ($after px) and came back ($again px)"

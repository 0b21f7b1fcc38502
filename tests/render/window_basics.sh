# The first window: the event table lists the events (category chips drawn in
# the category's colour), the details panel follows --select, and a broken file
# shows its errors in the window and exits non-zero.
source "$(dirname "$0")/lib.bash"
DATA=$SRC/tests/data/small.json

shot plain "$DATA" --size 1600x900
shot selected "$DATA" --size 1600x900 --select e1
[ "$("$PROBE" size "$OUT/plain.png")" = "1600 900" ] || fail "wrong image size"

# "transfer" is #E69F00; one event has it: a chip in its table row.
chips=$(count "$OUT/plain.png" 1100 20 1600 420 E69F00 8)
[ "$chips" -gt 40 ] || fail "no category chip in the event table ($chips px)"
# Details panel (lower right): empty without a selection, the chip with one.
before=$(count "$OUT/plain.png" 1100 420 1600 900 E69F00 8)
after=$(count "$OUT/selected.png" 1100 420 1600 900 E69F00 8)
[ "$before" -eq 0 ] || fail "details panel shows a category without a selection ($before px)"
[ "$after" -gt 40 ] || fail "details panel does not show the selected event's category ($after px)"

# A broken file: exit code 1, and the error text (red) is drawn in the window.
if "$MERIDIAN" "$SRC/tests/data/bad/impossible-date.json" --screenshot "$OUT/broken.png" 2>"$OUT/broken.err"; then
  fail "a broken file must make --screenshot exit non-zero"
fi
grep -q 'impossible-date.json:22:26: events\[2\].date: "2006-02-30" is not a calendar date' "$OUT/broken.err" \
  || fail "stderr does not name the problem: $(cat "$OUT/broken.err")"
red=$(count "$OUT/broken.png" 0 0 1600 900 E65940 40)
[ "$red" -gt 200 ] || fail "the window does not show the error ($red red px)"
echo "ok: chips=$chips details=$after red=$red"

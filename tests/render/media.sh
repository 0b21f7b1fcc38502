# Media in the details panel: a valid image is drawn (its green pixels), a
# broken one gives a placeholder with the error, and the app does not crash.
source "$(dirname "$0")/lib.bash"
DATA=$SRC/tests/data/media/media.json
shot good "$DATA" --size 1600x900 --select good
shot bad "$DATA" --size 1600x900 --select bad
green=$(count "$OUT/good.png" 1100 380 1600 900 00C800 6)
[ "$green" -gt 500 ] || fail "the image is not shown in the details panel ($green green px)"
nogreen=$(count "$OUT/bad.png" 1100 380 1600 900 00C800 6)
[ "$nogreen" -eq 0 ] || fail "a broken image drew pixels ($nogreen)"
red=$(count "$OUT/bad.png" 1100 380 1600 900 E6664D 30)
[ "$red" -gt 30 ] || fail "no error text for the broken image ($red px)"
echo "ok: green=$green error-text=$red"

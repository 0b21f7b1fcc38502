# Asset files missing or damaged (MERIDIAN_ASSETS pointing at a copy with holes): each is named
# with its path on stderr, and the app keeps going without it (the picture is still made, the
# data still drawn).
# Called as: missing_assets.sh MERIDIAN_BIN SOURCE_DIR OUT_DIR PNG_PROBE_BIN
set -uo pipefail
MERIDIAN=$1; SRC=$2; OUT=$3/missing_assets
DATA=$SRC/data/iran-dprk.json
rm -rf "$OUT"; mkdir -p "$OUT/assets/world" "$OUT/assets/basemap"
export XDG_CONFIG_HOME="$OUT/config"
fail() { echo "FAIL: $*" >&2; exit 1; }
A=$OUT/assets
# The coarse world is missing, the middle one is cut short, the fine one is not JSON, the basemap
# is a truncated JPEG, the ISO table is there.
cp "$SRC/assets/world/iso3166.csv" "$A/world/"
head -c 3000 "$SRC/assets/world/countries-50m.json" >"$A/world/countries-50m.json"
echo "<html>not a map</html>" >"$A/world/countries-10m.json"
head -c 2000 "$SRC/assets/basemap/earth.jpg" >"$A/basemap/earth.jpg"

MERIDIAN_ASSETS=$A timeout -k 5 120 "$MERIDIAN" "$DATA" --basemap --view 50,30,12 --size 640x360 \
  --screenshot "$OUT/shot.png" >"$OUT/out.log" 2>"$OUT/err.log"
rc=$?
[ "$rc" -lt 124 ] || fail "ended by a signal or a timeout ($rc): $(tail -5 "$OUT/err.log")"
[ "$rc" -eq 0 ] || fail "exit code $rc: the app should keep going without its assets: $(cat "$OUT/err.log")"
[ -s "$OUT/shot.png" ] || fail "no picture"
for f in world/countries-110m.json world/countries-50m.json world/countries-10m.json basemap/earth.jpg; do
  grep -qF "$A/$f" "$OUT/err.log" || fail "the message does not name $A/$f: $(cat "$OUT/err.log")"
done
echo "ok: each missing or damaged asset named:"
sed 's/^/  /' "$OUT/err.log"

# Helpers for render tests. Each test script is called as:
#   script MERIDIAN_BIN SOURCE_DIR OUT_DIR PNG_PROBE_BIN
set -euo pipefail
MERIDIAN=$1; SRC=$2; OUT=$3; PROBE=$4
mkdir -p "$OUT"
fail() { echo "FAIL: $*" >&2; exit 1; }
# count FILE X0 Y0 X1 Y1 RRGGBB TOL
count() { "$PROBE" count "$@"; }
shot() { # shot NAME ARGS... -> writes $OUT/NAME.png
  local name=$1; shift
  "$MERIDIAN" "$@" --screenshot "$OUT/$name.png" >/dev/null
}

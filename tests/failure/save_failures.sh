# Saving, exporting and screenshots when the disk says no: a full disk (a 256 KiB tmpfs filled
# up), a read-only folder (a tmpfs mounted read-only) and a file size limit (ulimit -f). Each must
# fail with a message naming the file and the reason, an exit code of 1 (not a signal), leave the
# user's old file as it was and no temporary file beside it.
#
# The mounts are made in a private mount namespace (unshare --mount, as root or with a user
# namespace); where that is not allowed those cases are skipped, and the test is skipped (77) when
# no case could run.
# Called as: save_failures.sh MERIDIAN_BIN SOURCE_DIR OUT_DIR [PNG_PROBE_BIN]
set -uo pipefail
MERIDIAN=$1; SRC=$2; OUT=$3/save_failures
DATA=$SRC/data/iran-dprk.json
ran=0

fail() { echo "FAIL: $*" >&2; exit 1; }

# expect_refused NAME RC ERRFILE FILE ORIGINAL REASON: the checks every case shares.
expect_refused() {
  local name=$1 rc=$2 err=$3 file=$4 original=$5 reason=$6
  [ "$rc" -eq 1 ] || fail "$name: exit code $rc, expected 1 ($(head -3 "$err"))"
  grep -q "$reason" "$err" || fail "$name: the message does not give the reason '$reason': $(cat "$err")"
  grep -qF "$(dirname "$file")" "$err" || fail "$name: the message does not name where: $(cat "$err")"
  if [ -n "$original" ]; then
    [ "$(cat "$file")" = "$original" ] || fail "$name: the old $(basename "$file") was changed"
  fi
  local leftovers
  leftovers=$(find "$(dirname "$file")" -maxdepth 1 -name ".$(basename "${file%.*}")*" | head -3)
  [ -z "$leftovers" ] || fail "$name: temporary files left: $leftovers"
  echo "ok: $name: $(grep -m1 "$reason" "$err")"
}

if [ "${1:-}" = "--in-namespace" ]; then
  shift
  MERIDIAN=$1; SRC=$2; OUT=$3/save_failures; DATA=$SRC/data/iran-dprk.json
  mkdir -p "$OUT/full" "$OUT/ro"
  # A full disk: a small tmpfs, the user's old file on it, the rest filled.
  mount -t tmpfs -o size=256k tmpfs "$OUT/full" || exit 77
  echo "the old version" >"$OUT/full/lesson.json"
  echo "an older video" >"$OUT/full/lesson.mp4"
  dd if=/dev/zero of="$OUT/full/filler" bs=4k 2>/dev/null
  "$MERIDIAN" convert "$DATA" "$OUT/full/lesson.json" >/dev/null 2>"$OUT/full.err"
  expect_refused "save onto a full disk" $? "$OUT/full.err" "$OUT/full/lesson.json" "the old version" \
    "No space left on device"
  "$MERIDIAN" "$DATA" --size 320x180 --screenshot "$OUT/full/shot.png" >/dev/null 2>"$OUT/full-shot.err"
  expect_refused "screenshot onto a full disk" $? "$OUT/full-shot.err" "$OUT/full/shot.png" "" \
    "No space left on device"
  [ ! -e "$OUT/full/shot.png" ] || fail "a partial screenshot was left"
  if command -v ffmpeg >/dev/null; then
    "$MERIDIAN" "$DATA" --size 320x180 --from 1990 --to 2010 --duration 2 --export-video "$OUT/full/lesson.mp4" \
      >/dev/null 2>"$OUT/full-video.err"
    expect_refused "video export onto a full disk" $? "$OUT/full-video.err" "$OUT/full/lesson.mp4" \
      "an older video" "ffmpeg"
  fi
  umount "$OUT/full"

  # A read-only folder.
  mount -t tmpfs -o size=1m tmpfs "$OUT/ro" || exit 77
  echo "the old version" >"$OUT/ro/lesson.json"
  mount -o remount,ro "$OUT/ro" || exit 77
  "$MERIDIAN" convert "$DATA" "$OUT/ro/lesson.json" >/dev/null 2>"$OUT/ro.err"
  expect_refused "save into a read-only folder" $? "$OUT/ro.err" "$OUT/ro/lesson.json" "the old version" \
    "Read-only file system"
  "$MERIDIAN" "$DATA" --size 320x180 --from 1990 --to 1991 --duration 1 --export-video "$OUT/ro/frames" \
    >/dev/null 2>"$OUT/ro-frames.err"
  expect_refused "PNG frames into a read-only folder" $? "$OUT/ro-frames.err" "$OUT/ro/frames" "" \
    "Read-only file system"
  umount "$OUT/ro"
  exit 0
fi

rm -rf "$OUT"
mkdir -p "$OUT"

# A file size limit: a write past it fails with EFBIG (the app ignores SIGXFSZ, which would end it).
echo "the old version" >"$OUT/lesson.json"
(ulimit -f 16; exec "$MERIDIAN" convert "$DATA" "$OUT/lesson.json") >/dev/null 2>"$OUT/limit.err"
expect_refused "save past the file size limit" $? "$OUT/limit.err" "$OUT/lesson.json" "the old version" \
  "File too large"
ran=1

# The mounts, in a private mount namespace (never visible outside this test).
if [ "$(id -u)" = 0 ]; then unshare_args=(--mount); else unshare_args=(--mount --map-root-user); fi
if unshare "${unshare_args[@]}" true 2>/dev/null; then
  unshare "${unshare_args[@]}" bash "$0" --in-namespace "$MERIDIAN" "$SRC" "$3"
  rc=$?
  if [ "$rc" = 77 ]; then
    echo "SKIPPED: full disk and read-only folder (no tmpfs mount allowed here)"
  elif [ "$rc" != 0 ]; then
    exit "$rc"
  fi
else
  echo "SKIPPED: full disk and read-only folder (unshare --mount is not allowed here)"
fi
[ "$ran" = 1 ] || exit 77

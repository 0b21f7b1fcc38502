# Exports: a time range as PNG frames (the arc appears only once the playhead
# passes its date), as MP4 through ffmpeg, and a story's steps; bad requests fail clearly.
source "$(dirname "$0")/lib.bash"
DATA=$SRC/tests/data/render/arcs.json
rm -rf "$OUT/frames" "$OUT/range.mp4" "$OUT/story_frames"
"$MERIDIAN" "$DATA" --export-video "$OUT/frames" --from 2006-01 --to 2006-12 --fps 4 --duration 3 --size 480x270 \
  --projection equirectangular --view 90,30,2 --no-legend >"$OUT/export.log" 2>&1 || fail "export failed: $(cat "$OUT/export.log")"
n=$(ls "$OUT/frames" | wc -l)
[ "$n" -eq 12 ] || fail "expected 12 frames (3 s at 4 fps), got $n"
first=$(count "$OUT/frames/frame_00001.png" 0 0 480 270 FF00FF 60)
last=$(count "$OUT/frames/frame_00012.png" 0 0 480 270 FF00FF 60)
[ "$first" -eq 0 ] || fail "the July 2006 arc is drawn in January ($first px)"
[ "$last" -gt 100 ] || fail "the arc is missing at the end of 2006 ($last px)"
grep -q "12 frames at 480x270" "$OUT/export.log" || fail "no summary: $(cat "$OUT/export.log")"

if command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null; then
  "$MERIDIAN" "$DATA" --export-video "$OUT/range.mp4" --from 2006 --to 2006 --fps 5 --duration 2 --size 320x180 >/dev/null 2>&1 \
    || fail "mp4 export failed"
  frames=$(ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 "$OUT/range.mp4")
  [ "$frames" -eq 10 ] || fail "the mp4 has $frames frames, expected 10"
fi

# A story: every step's glide (1.2 s) and duration (1 s) at 5 fps = 22 frames.
"$MERIDIAN" "$SRC/tests/data/render/story.json" --export-video "$OUT/story_frames" --story short --fps 5 --size 480x270 \
  >/dev/null 2>&1 || fail "story export failed"
n=$(ls "$OUT/story_frames" | wc -l)
[ "$n" -eq 22 ] || fail "expected 22 story frames, got $n"
# Step 2 shows the magenta arc, step 1 does not.
[ "$(count "$OUT/story_frames/frame_00003.png" 0 0 480 200 FF00FF 60)" -eq 0 ] || fail "step 1 shows the 2006 arc"
[ "$(count "$OUT/story_frames/frame_00022.png" 0 0 480 200 FF00FF 60)" -gt 50 ] || fail "step 2 does not show the 2006 arc"

# Errors: an unknown story, a missing encoder are clear.
if "$MERIDIAN" "$DATA" --export-video "$OUT/x" --story nope 2>"$OUT/err.log"; then fail "unknown story accepted"; fi
grep -q 'no story with id "nope"' "$OUT/err.log" || fail "unclear error: $(cat "$OUT/err.log")"
if PATH=/nonexistent "$MERIDIAN" "$DATA" --export-video "$OUT/y.mp4" 2>"$OUT/err2.log"; then fail "mp4 without ffmpeg accepted"; fi
grep -q "ffmpeg is not installed" "$OUT/err2.log" || fail "unclear error: $(cat "$OUT/err2.log")"
echo "ok: $n story frames"

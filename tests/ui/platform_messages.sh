# What goes wrong outside the data is said in the window, not only on stderr (a
# teacher who starts Meridian from an icon has no terminal): a damaged font, a
# cut-off map file, a damaged basemap, settings that cannot be written. The app
# keeps running; "⚠ N messages" in the menu bar lists them; Dismiss all clears.
source "$(dirname "$0")/lib.bash"
DATA="$SRC/data/iran-dprk.json"
A="$OUT/assets"
rm -rf "$A"; mkdir -p "$A"
cp -r "$SRC/assets/." "$A/"
head -c 3000 "$SRC/assets/world/countries-50m.json" >"$A/world/countries-50m.json"
head -c 2000 "$SRC/assets/basemap/earth.jpg" >"$A/basemap/earth.jpg"
font=$(fc-match -f '%{file}' 'DejaVu Sans' 2>/dev/null || true)
[ -f "$font" ] || font=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
head -c 5000 "$font" >"$OUT/cut-off.ttf"
# Settings cannot be written: their folder's parent is a file (refused even to root).
echo "not a folder" >"$OUT/blocker"
export XDG_CONFIG_HOME="$(realpath -m "$OUT")/blocker/config"
export MERIDIAN_ASSETS="$A" MERIDIAN_FONT="$OUT/cut-off.ttf"

start_app "$DATA" --size 1280x800 --basemap --view 50,30,4
# A change the settings remember (the legend: L while presenting), so the app tries to write them.
xdotool key F5
wait_state "s['presenting'] == True" 30 || fail "F5 did not start presenting"
xdotool key l
sleep 0.5
xdotool key Escape
wait_state "s['presenting'] == False" 30 || fail "Esc did not end the presentation"
# Back from full screen, the UI is laid out for the window again (without a window
# manager, as here, SDL kept the display's size: the menu bar was cut off).
window_geometry
wait_state "s['viewport'] == [$WIN_W, $WIN_H]" 10 ||
  fail "after full screen the UI is laid out for $(field viewport), the window is ${WIN_W}x${WIN_H}"
wait_state "len(s['alerts']) >= 4" 30 || fail "expected 4 messages in the window, got: $(field alerts)"
alerts=$(field alerts)
for expect in "$OUT/cut-off.ttf: the font is cut off" "$A/world/countries-50m.json:1:3001" \
  "$A/basemap/earth.jpg" "Cannot save the settings"; do
  [[ "$alerts" == *"$expect"* ]] || fail "the window's messages do not say '$expect': $alerts"
done
for expect in "cut-off.ttf" "countries-50m.json" "earth.jpg" "Cannot save the settings"; do
  grep -qF "$expect" "$OUT/app.err" || fail "stderr does not say '$expect'"
done
[ "$(grep -c "Cannot save the settings" "$OUT/app.err")" -eq 1 ] ||
  fail "the settings message should be printed once, not each time the app retries"
click_control alerts
wait_state "s['alertsOpen'] == True" 10 || fail "the messages button did not open the list"
grab "$OUT/messages.png" || true
click_control alerts.dismiss
wait_state "len(s['alerts']) == 0" 10 || fail "Dismiss all left: $(field alerts)"
sleep 2.5  # the settings are tried again each second: a dismissed message stays away
xdotool mousemove_relative 1 1
wait_idle
[ "$(field alerts)" = "[]" ] || fail "a dismissed message came back: $(field alerts)"
app_alive || fail "the app stopped"
quit_app
echo "ok: a damaged font, map file and basemap and unwritable settings are said in the window and on stderr"

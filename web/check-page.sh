#!/usr/bin/env bash
# Checks the built page in headless Chromium (Debian's chromium, software WebGL2):
#   1. the page's own report (#status, read with --dump-dom): no error, the font
#      from the data bundle, a WebGL2 context, the curated dataset parsed by the
#      model, the 1:110m world triangulated and the 1:10m world fetched lazily;
#   2. pixels of a screenshot: the clear colour, the quad drawn with a GLSL ES
#      3.00 shader in the canvas's centre and the ImGui window's background.
# Usage: web/check-page.sh SITE_DIR "PNG_PROBE_COMMAND"
set -euo pipefail
site=$1
probe=$2
out=$(dirname "$site")/page-check
rm -rf "$out"
mkdir -p "$out"

passed=0
fail() {
    echo "page check: FAILED: $*" >&2
    echo "page check: $passed passed, 1 failed"
    exit 1
}
pass() { passed=$((passed + 1)); }

# A static server on a free loopback port, stopped on exit.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site" >"$out/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/index.html')" 2>/dev/null && break
    sleep 0.1
done
url=http://127.0.0.1:$port/index.html

# Offline, quiet, a fresh profile each run; SwiftShader gives WebGL2 without a GPU.
# Virtual time lets the page run its frames and its fetch as fast as the CPU allows.
chrome() {
    local profile
    profile=$(mktemp -d "$out/profile.XXXXXX")
    timeout 120 chromium --headless --no-sandbox --disable-gpu --enable-unsafe-swiftshader --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profile" --window-size=800,600 --virtual-time-budget=30000 "$@" 2>>"$out/chromium.log"
}

# 1. The page's report.
chrome --dump-dom "$url" >"$out/page.html" || fail "chromium --dump-dom failed (see $out/chromium.log)"
status=$(sed -n 's:.*<p id="status">\([^<]*\)</p>.*:\1:p' "$out/page.html")
echo "page check: status: $status"
[ -n "$status" ] || fail "no #status in the page"
pass
case $status in *error*) fail "the page reported an error" ;; esac
pass
case $status in *"font=ok"*) ;; *) fail "the font from the data bundle did not load" ;; esac
pass
case $status in *"webgl2=yes"*) ;; *) fail "no WebGL2 context" ;; esac
pass
events=$(echo "$status" | sed -n 's/.*dataset: \([0-9]*\) events.*/\1/p')
[ "${events:-0}" -gt 0 ] || fail "the curated dataset did not load"
pass
coarse=$(echo "$status" | sed -n 's/.*1:110m: \([0-9]*\) countries.*/\1/p')
[ "${coarse:-0}" -gt 0 ] || fail "the 1:110m world did not load from the bundle"
pass
fine=$(echo "$status" | sed -n 's/.*1:10m: \([0-9]*\) countries.*/\1/p')
[ "${fine:-0}" -gt "$coarse" ] || fail "the 1:10m world was not fetched lazily (or has no more countries than 1:110m)"
pass

# 2. Pixels (colours as in web/smoke/smoke_page.cpp).
chrome --screenshot="$out/page.png" "$url" >/dev/null || fail "chromium --screenshot failed"
read -r width height < <($probe size "$out/page.png")
echo "page check: screenshot $width x $height: $out/page.png"
# All 25 pixels of a 5x5 square around (X, Y) within 8 of RRGGBB.
expect() {  # X Y RRGGBB WHAT
    local n
    n=$($probe count "$out/page.png" $(($1 - 2)) $(($2 - 2)) $(($1 + 3)) $(($2 + 3)) "$3" 8)
    [ "$n" -eq 25 ] || fail "$4 at ($1, $2): $n of 25 pixels are #$3 (pixel: $($probe pixel "$out/page.png" "$1" "$2"))"
    pass
}
expect $((width / 2)) $((height / 2)) ff8000 "the GLSL ES 3.00 quad"
expect $((width - 20)) 20 1a1a1e "the clear colour"
expect 100 140 005ac8 "the ImGui window's background"
echo "page check: $passed passed, 0 failed"

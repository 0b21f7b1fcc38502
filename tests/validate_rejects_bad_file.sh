# --validate on a broken file: exit code 1, and the message names the file,
# line, column, JSON path and the problem.
set -uo pipefail
MERIDIAN=$1; SRC=$2
err=$("$MERIDIAN" --validate "$SRC/tests/data/bad/impossible-date.json" 2>&1 >/dev/null); rc=$?
[ "$rc" -eq 1 ] || { echo "FAIL: exit code $rc, expected 1"; exit 1; }
expected='impossible-date.json:22:26: events[2].date: "2006-02-30" is not a calendar date (February 2006 has 28 days)'
case "$err" in *"$expected"*) ;; *) echo "FAIL: the message does not name the line and problem: $err"; exit 1;; esac
case "$err" in *"1 error; not loaded"*) ;; *) echo "FAIL: no summary line: $err"; exit 1;; esac
echo "ok: $expected"

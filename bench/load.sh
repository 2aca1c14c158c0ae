#!/usr/bin/env bash
# Load test (issue 19): a Release build in Production on 127.0.0.1, demo content, 60 s at 64 connections — 56 on
# the public pages in rotation and 8 posting the sign-in form (a wrong password) at the same time. Passes when there
# is no 5xx anywhere and no 429 on the public pages; the sign-in form is rate-limited per address, so its 429s are
# expected (every connection here comes from one address). wrk waits up to 10 s for an answer, so a slow answer on
# a busy machine counts as slow, not as a socket error.
#
#   bench/load.sh [seconds=60] [connections=64]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TOTAL=${1:-60}
CONNECTIONS=${2:-64}
SIGNIN_CONNECTIONS=8
PAGE_CONNECTIONS=$((CONNECTIONS - SIGNIN_CONNECTIONS))
PORT=${PORT:-5098}
OUT=bench/out-load
if ! command -v wrk >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get install -y -qq wrk >/dev/null
fi

rm -rf "$OUT" && mkdir -p "$OUT/data"
dotnet publish src/Coalition.Web -c Release -o "$OUT/app" --nologo -v quiet >/dev/null

export ASPNETCORE_ENVIRONMENT=Production
export Site__PublicBaseUrl="http://127.0.0.1:$PORT" AllowedHosts="127.0.0.1"
export ConnectionStrings__Coalition="Data Source=$PWD/$OUT/data/load.db"
export Seed__Demo=true LogFile__Enabled=false Serilog__MinimumLevel__Default=Warning
export Admin__Email=load-admin@example.org Admin__Password="lantern orchard $RANDOM river $RANDOM"
(cd "$OUT/app" && exec dotnet Coalition.Web.dll --urls "http://127.0.0.1:$PORT" >"../app.log" 2>&1) &
APP_PID=$!
trap 'kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done

BASE="http://127.0.0.1:$PORT"
SLUG=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"select Slug from NewsArticles where Culture='ru' order by Id limit 1\").fetchone()[0])" "$OUT/data/load.db")
PATHS="/ru/ /tg/ /en/ /ru/news /en/news /ru/news/$SLUG /ru/about /en/contacts /tg/disclaimer /css/site.css /ru/no-such-page"
for p in $PATHS; do curl -s -o /dev/null -w "%{http_code} $p\n" "$BASE$p"; done

# One real GET of the form gives an antiforgery cookie and token that every sign-in POST reuses.
curl -s -c "$OUT/jar" -o "$OUT/login.html" "$BASE/account/login"
TOKEN=$(python3 -c "import re,sys; print(re.search(r'name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"__RequestVerificationToken\"', open(sys.argv[1]).read()).group(1) or '')" "$OUT/login.html")
COOKIE=$(awk '$6 ~ /coalition.af/ {print $6"="$7}' "$OUT/jar")

PATHS="$PATHS" MODE=pages wrk -t1 -c"$PAGE_CONNECTIONS" -d"${SECONDS_TOTAL}s" --timeout 10s --latency -s bench/load.lua "$BASE" >"$OUT/pages.txt" &
PAGES=$!
MODE=signin TOKEN="$TOKEN" COOKIE="$COOKIE" wrk -t1 -c"$SIGNIN_CONNECTIONS" -d"${SECONDS_TOTAL}s" --timeout 10s --latency -s bench/load.lua "$BASE" >"$OUT/signin.txt"
wait "$PAGES"

report() {
  local name=$1 file=$2
  printf '%-12s %10s req/s  p50 %8s  p99 %8s  %s\n' "$name" "$(awk '/Requests\/sec/ {print $2}' "$file")" \
    "$(awk '$1=="50%" {print $2}' "$file")" "$(awk '$1=="99%" {print $2}' "$file")" "$(grep '^COUNTS' "$file" | cut -d' ' -f2-)"
}
report "pages" "$OUT/pages.txt"
report "sign-in" "$OUT/signin.txt"

fail=0
grep -q '5xx=0 ' "$OUT/pages.txt" || { echo "FAIL: 5xx on the public pages" >&2; fail=1; }
grep -q '429=0 ' "$OUT/pages.txt" || { echo "FAIL: 429 on the public pages (no limit is set there)" >&2; fail=1; }
grep -q '5xx=0 ' "$OUT/signin.txt" || { echo "FAIL: 5xx on the sign-in form" >&2; fail=1; }
grep -q 'errors=0' "$OUT/pages.txt" || echo "note: socket errors on the public pages (see $OUT/pages.txt)" >&2
grep -ci ' 5[0-9][0-9] ' "$OUT/app.log" >/dev/null && echo "note: the app log mentions 5xx (see $OUT/app.log)" >&2 || true
[ "$fail" -eq 0 ] && echo "PASS: no 5xx; 429 only on the rate-limited sign-in form"
exit "$fail"

#!/usr/bin/env bash
# Load benchmark of the public pages: publishes the app in Release, seeds a database with demo content plus
# N extra articles, starts it on 127.0.0.1 and loads each page with wrk. Figures are reported as ratios against
# a static file served in the same run, because this machine is shared and absolute numbers drift.
#
#   bench/run.sh [articles=2000] [seconds=10] [connections=16]
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=${1:-2000}
SECONDS_PER_URL=${2:-10}
CONNECTIONS=${3:-16}
PORT=${PORT:-5099}
OUT=bench/out
if ! command -v wrk >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get install -y -qq wrk >/dev/null
fi

rm -rf "$OUT" && mkdir -p "$OUT/data"
dotnet publish src/Coalition.Web -c Release -o "$OUT/app" --nologo -v quiet >/dev/null

export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__Coalition="Data Source=$PWD/$OUT/data/bench.db"
export Seed__Demo=true LogFile__Enabled=false Serilog__MinimumLevel__Default=Warning
export Admin__Email=bench@example.org Admin__Password="lantern orchard $RANDOM river $RANDOM"
start_app() {
  (cd "$OUT/app" && exec dotnet Coalition.Web.dll --urls "http://127.0.0.1:$PORT" >"../app.log" 2>&1) &
  APP_PID=$!
  for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && return 0; sleep 0.5; done
  echo "app did not start; see $OUT/app.log" >&2; exit 1
}
stop_app() { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }
trap stop_app EXIT

start_app   # migrates and seeds the demo content
stop_app
python3 bench/seed.py "$OUT/data/bench.db" "$ARTICLES"
start_app

SLUG=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"select Slug from NewsArticles where Culture='ru' and Slug like 'bench-%' order by Id limit 1\").fetchone()[0])" "$OUT/data/bench.db")
URLS=("/css/site.css" "/health" "/ru/" "/ru/news" "/ru/news?page=100" "/ru/news/$SLUG" "/en/about")

printf '%-34s %10s %10s %10s %8s\n' "URL" "req/s" "p50 ms" "p99 ms" "ratio"
BASE=""
for url in "${URLS[@]}"; do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT$url" || { echo "GET $url failed" >&2; exit 1; }
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_URL}s" --latency "http://127.0.0.1:$PORT$url" >"$OUT/wrk.txt"
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk.txt")
  p50=$(awk '$1=="50%" {print $2}' "$OUT/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$OUT/wrk.txt")
  [ -z "$BASE" ] && BASE=$rps
  ratio=$(python3 -c "print(f'{float($rps)/float($BASE):.3f}')")
  printf '%-34s %10s %10s %10s %8s\n' "$url" "$rps" "$p50" "$p99" "$ratio"
done
echo "ratio = requests per second relative to the static stylesheet, measured in this same run"

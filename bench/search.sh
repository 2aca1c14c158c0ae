#!/usr/bin/env bash
# Load benchmark of the site search (issue 14; docs/performance.md): publishes the app in Release, seeds the demo
# content plus N published Russian articles (bench/seed.py), starts it on 127.0.0.1 with the output cache off (so every
# request really searches) and the search rate limit raised, waits until the index has been built from the database,
# then loads each query with wrk and prints p50/p99. Also the time the first index build took.
#
#   bench/search.sh [articles=10000] [seconds=15] [connections=16]      (WARM=seconds of warm-up, default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=${1:-10000}
SECONDS_PER_URL=${2:-15}
CONNECTIONS=${3:-16}
PORT=${PORT:-5098}
OUT=bench/out-search
URL="http://127.0.0.1:$PORT"
if ! command -v wrk >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get install -y -qq wrk >/dev/null
fi

rm -rf "$OUT" && mkdir -p "$OUT/data"
dotnet publish src/Coalition.Web -c Release -o "$OUT/app" --nologo -v quiet >/dev/null

export ASPNETCORE_ENVIRONMENT=Production Site__PublicBaseUrl="$URL"
export ConnectionStrings__Coalition="Data Source=$PWD/$OUT/data/bench.db" Search__IndexPath="$PWD/$OUT/data/search"
export Seed__Demo=true LogFile__Enabled=false Serilog__MinimumLevel__Default=Warning
export Admin__Email=bench@example.org Admin__Password="lantern orchard $RANDOM river $RANDOM"
export RateLimits__SearchPermitLimit=10000000 Cache__Enabled=false
APP_PID=""
start_app() {
  (cd "$OUT/app" && exec dotnet Coalition.Web.dll --urls "$URL" >"../app.log" 2>&1) &
  APP_PID=$!
  for _ in $(seq 1 240); do curl -fs -o /dev/null "$URL/ru/" && return 0; sleep 0.25; done
  echo "app did not start; see $OUT/app.log" >&2; exit 1
}
stop_app() { [ -n "$APP_PID" ] && { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }; APP_PID=""; }
trap stop_app EXIT

start_app; stop_app                       # migrates and seeds the demo content
python3 bench/seed.py "$OUT/data/bench.db" "$ARTICLES" >/dev/null
rm -rf "$OUT/data/search"                 # the first start builds the index from the database, in the background
t0=$(date +%s.%N); start_app
LAST=$((ARTICLES - 1))
until curl -fs "$URL/ru/search?q=$LAST" | grep -q 'class="search-results"'; do sleep 0.2; done
t1=$(date +%s.%N)
echo "index of $ARTICLES extra articles built from the database, start to first hit: $(python3 -c "print(f'{$t1-$t0:.1f}')") s"

enc() { python3 -c "import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))" "$1"; }
QUERIES=("механизмы защиты" "правозащитник" "статья $((ARTICLES / 2))" "пытки" "несуществующееслово" "title:x*")
# A server runs for days: the first half minute after a start is spent compiling hot code again at the optimised tier
# (the JIT's background thread takes a core for seconds), which is not what a visitor meets later. Warm up first.
WARM=${WARM:-20}
printf '\nwarm-up: %ss of wrk -c4 over the queries\n' "$WARM"
for q in "${QUERIES[@]}"; do
  wrk -t1 -c4 -d"$((WARM / ${#QUERIES[@]} + 1))s" "$URL/ru/search?q=$(enc "$q")" >/dev/null
done
printf '\n## wrk -t2 -c%s -d%ss, output cache off\n' "$CONNECTIONS" "$SECONDS_PER_URL"
printf '%-28s %8s %10s %8s %8s %7s\n' "query" "hits" "req/s" "p50" "p99" "non2xx"
for q in "${QUERIES[@]}"; do
  path="/ru/search?q=$(enc "$q")"
  hits=$(curl -fs "$URL$path" | grep -o 'Найдено: [0-9]*' | grep -o '[0-9]*' || echo 0)
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_URL}s" --latency "$URL$path" >"$OUT/wrk.txt"
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk.txt")
  p50=$(awk '$1=="50%" {print $2}' "$OUT/wrk.txt"); p99=$(awk '$1=="99%" {print $2}' "$OUT/wrk.txt")
  bad=$(awk '/Non-2xx/ {print $NF}' "$OUT/wrk.txt"); bad=${bad:-0}
  printf '%-28s %8s %10s %8s %8s %7s\n' "$q" "${hits:-0}" "$rps" "$p50" "$p99" "$bad"
done

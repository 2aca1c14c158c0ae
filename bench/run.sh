#!/usr/bin/env bash
# Load benchmark of the public pages (docs/performance.md). Publishes the app in Release (ReadyToRun), seeds a
# database with demo content plus extra articles, starts it on 127.0.0.1 and loads each page with wrk, with the output
# cache on and off. Figures are ratios against the app's own static stylesheet measured in the same run, because this
# machine is shared and absolute numbers drift. Also: p50/p99, RSS under load, cold start, the 100,000-article case and
# Lighthouse (mobile) when its npm package can be installed.
#
#   bench/run.sh [seconds=15] [connections=64]        BIG=100000 LIGHTHOUSE=1 WARM=20 by default; BIG=0 or LIGHTHOUSE=0 to skip
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_URL=${1:-15}
CONNECTIONS=${2:-64}
BIG=${BIG:-100000}
LIGHTHOUSE=${LIGHTHOUSE:-1}
PORT=${PORT:-5099}
OUT=bench/out
URL="http://127.0.0.1:$PORT"
if ! command -v wrk >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get install -y -qq wrk >/dev/null
fi

rm -rf "$OUT" && mkdir -p "$OUT/data"
dotnet publish src/Coalition.Web -c Release -r linux-x64 --self-contained false -o "$OUT/app" --nologo -v quiet >/dev/null

export ASPNETCORE_ENVIRONMENT=Production Site__PublicBaseUrl="$URL" RateLimits__SearchPermitLimit=10000000
export Seed__Demo=true LogFile__Enabled=false Serilog__MinimumLevel__Default=Warning
export Admin__Email=bench@example.org Admin__Password="lantern orchard $RANDOM river $RANDOM"
APP_PID=""
start_app() { # start_app DB [extra env...]
  local db=$1; shift
  (cd "$OUT/app" && exec env ConnectionStrings__Coalition="Data Source=$PWD/../data/$db" "$@" dotnet Coalition.Web.dll --urls "$URL" >"../app.log" 2>&1) &
  APP_PID=$!
  for _ in $(seq 1 240); do curl -fs -o /dev/null "$URL/ru/" && return 0; sleep 0.25; done
  echo "app did not start; see $OUT/app.log" >&2; exit 1
}
stop_app() { [ -n "$APP_PID" ] && { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }; APP_PID=""; }
trap stop_app EXIT
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$(pgrep -P "$APP_PID" -f Coalition.Web.dll || echo "$APP_PID")/status" 2>/dev/null || echo "?"; }
load() { # load URL -> "rps p50 p99 errors"
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_URL}s" --latency "$URL$1" >"$OUT/wrk.txt"
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk.txt")
  p50=$(awk '$1=="50%" {print $2}' "$OUT/wrk.txt"); p99=$(awk '$1=="99%" {print $2}' "$OUT/wrk.txt")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$OUT/wrk.txt"); non2xx=${non2xx:-0}
  echo "$rps $p50 $p99 $non2xx"
}

# 1. Demo content plus 2,000 articles; cold start measured on the existing database.
start_app bench.db; stop_app
python3 bench/seed.py "$OUT/data/bench.db" 2000 >/dev/null
t0=$(date +%s.%N); start_app bench.db; t1=$(date +%s.%N)
COLD=$(python3 -c "print(f'{$t1-$t0:.2f}')")
SLUG=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"select Slug from NewsArticles where Culture='ru' and Slug like 'bench-%' order by Id limit 1\").fetchone()[0])" "$OUT/data/bench.db")
CSS=$(curl -fs "$URL/ru/" | grep -o 'href="/css/[^"]*"' | head -1 | cut -d'"' -f2)
SEARCH="/ru/search?q=%D0%BF%D1%8B%D1%82%D0%BA%D0%B8"
curl -fs -o /dev/null "$URL$SEARCH" || SEARCH=""
PAGES=("/ru/" "/ru/news" "/ru/news/$SLUG" ${SEARCH:+"$SEARCH"})

echo "## Headers"
curl -fs -D - -o /dev/null -H 'Accept-Encoding: br' "$URL$CSS" | grep -iE '^(cache-control|content-encoding)' | tr -d '\r' | sed "s|^|$CSS  |"
curl -fs -D - -o /dev/null -H 'Accept-Encoding: br, gzip' "$URL/ru/" | grep -iE '^(cache-control|content-encoding|vary)' | tr -d '\r' | sed 's|^|/ru/  |'
HOME_BYTES=$(curl -fs -H 'Accept-Encoding: br' "$URL/ru/" | wc -c); CSS_BYTES=$(curl -fs -H 'Accept-Encoding: br' "$URL$CSS" | wc -c)
echo "home on the wire (brotli): HTML $HOME_BYTES B + CSS $CSS_BYTES B = $((HOME_BYTES + CSS_BYTES)) B; cold start to the first 200 on /ru/: ${COLD} s"

printf '\n## Load: wrk -t2 -c%s -d%ss\n' "$CONNECTIONS" "$SECONDS_PER_URL"
printf '%-44s %-8s %10s %8s %8s %7s %7s %7s\n' "URL" "cache" "req/s" "p50" "p99" "non2xx" "ratio" "RSS MB"
# A server runs for days: for about half a minute after a start the JIT compiles the hot code again at its optimised
# tier (a background thread that takes a core), which is not what a visitor meets later. Each started app is warmed.
WARM=${WARM:-20}
warm() { # warm URL... : WARM seconds in all, shared by the URLs
  local each=$(( WARM / $# + 1 ))
  for u in "$@"; do wrk -t1 -c4 -d"${each}s" "$URL$u" >/dev/null; done
}
run_set() { # run_set LABEL
  warm "$CSS" "${PAGES[@]}"
  read -r BASE _ _ _ < <(load "$CSS")
  printf '%-44s %-8s %10s %8s %8s %7s %7s %7s\n' "$CSS (static baseline)" "$1" "$BASE" "" "" "" "1.000" "$(rss_mb)"
  for page in "${PAGES[@]}"; do
    read -r rps p50 p99 bad < <(load "$page")
    printf '%-44s %-8s %10s %8s %8s %7s %7s %7s\n' "$page" "$1" "$rps" "$p50" "$p99" "$bad" "$(python3 -c "print(f'{float($rps)/float($BASE):.3f}')")" "$(rss_mb)"
  done
}
run_set on
stop_app
start_app bench.db Cache__Enabled=false
run_set off
stop_app

# 2. Scale: 100 articles against $BIG, uncached, p50 of the first page, the last page and an article.
if [ "$BIG" -gt 0 ]; then
  printf '\n## Scale (uncached, wrk -t2 -c16 -d10s)\n'
  printf '%-10s %-34s %8s %10s\n' "articles" "URL" "p50" "req/s"
  for n in 100 "$BIG"; do
    start_app "scale-$n.db"; stop_app
    python3 bench/seed.py "$OUT/data/scale-$n.db" "$n" >/dev/null
    start_app "scale-$n.db" Cache__Enabled=false
    last=$(( (n + 9) / 10 + 1 ))   # the demo articles are on the list too
    while ! curl -fs -o /dev/null "$URL/ru/news?page=$last"; do last=$((last - 1)); done
    warm "/ru/news" "/ru/news?page=$last" "/ru/news/bench-$((n / 2))"
    for page in "/ru/news" "/ru/news?page=$last" "/ru/news/bench-$((n / 2))"; do
      wrk -t2 -c16 -d10s --latency "$URL$page" >"$OUT/wrk.txt"
      printf '%-10s %-34s %8s %10s\n' "$n" "$page" "$(awk '$1=="50%" {print $2}' "$OUT/wrk.txt")" "$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk.txt")"
    done
    stop_app
  done
fi

# 3. Lighthouse, mobile, against the cached site with Debian's Chromium.
if [ "$LIGHTHOUSE" = 1 ] && [ -x /usr/bin/chromium ]; then
  mkdir -p "$OUT/lh" && (cd "$OUT/lh" && npm install --silent --no-audit --no-fund lighthouse@12.2.3 >/dev/null 2>&1) || true
  if [ -x "$OUT/lh/node_modules/.bin/lighthouse" ]; then
    start_app bench.db
    printf '\n## Lighthouse 12.2.3 (mobile)\n'
    for page in "/ru/" "/ru/news" "/ru/news/$SLUG"; do
      CHROME_PATH=/usr/bin/chromium "$OUT/lh/node_modules/.bin/lighthouse" "$URL$page" --quiet --output=json --output-path="$OUT/lh/report.json" \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>&1 || { echo "lighthouse failed on $page"; continue; }
      python3 - "$OUT/lh/report.json" "$page" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
c = r["categories"]
print(f"{sys.argv[2]:<34} performance {round(c['performance']['score']*100)} accessibility {round(c['accessibility']['score']*100)} best-practices {round(c['best-practices']['score']*100)} seo {round(c['seo']['score']*100)}")
PY
    done
    stop_app
  else
    echo "lighthouse@12.2.3 could not be installed from npm: skipped"
  fi
fi
echo "ratio = requests per second relative to the static stylesheet, measured in this same run"

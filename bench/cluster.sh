#!/usr/bin/env bash
# Two instances behind nginx on real shared parts, on this machine: redis-server (rate limits), s3rver (media),
# one SQLite database in WAL mode. While wrk loads the public pages through nginx, bench/cluster_driver.py
# publishes, edits, uploads and trashes through instance A and measures when instance B serves each change.
# Reports the 5xx count of the load, the publish-on-A -> B-serves time, and whether uploads via A are served by B.
#
#   bench/cluster.sh [seconds=20] [connections=8]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_OF_LOAD=${1:-20}
CONNECTIONS=${2:-8}
OUT=bench/out/cluster
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
for tool in redis-server nginx wrk node; do
  command -v $tool >/dev/null || $SUDO apt-get install -y -qq "$([ $tool = node ] && echo nodejs || echo $tool)" >/dev/null
done
[ -f .ci/node/node_modules/s3rver/bin/s3rver.js ] || npm ci --prefix .ci/node --no-audit --no-fund --silent

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
REDIS_PORT=$(free_port); S3_PORT=$(free_port); A_PORT=$(free_port); B_PORT=$(free_port); NGINX_PORT=$(free_port)

if [ -z "${SKIP_PUBLISH:-}" ] || [ ! -d "$OUT/app" ]; then
  rm -rf "$OUT" && mkdir -p "$OUT"
  dotnet publish src/Coalition.Web -c Release -o "$OUT/app" --nologo -v quiet >/dev/null
fi
rm -rf "$OUT/data" "$OUT/s3" "$OUT/nginx" && mkdir -p "$OUT/data" "$OUT/s3" "$OUT/nginx"

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
wait_for() { for _ in $(seq 1 120); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.5; done; echo "$1 did not answer" >&2; exit 1; }

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no >"$OUT/redis.log" 2>&1 & PIDS+=($!)
node .ci/node/node_modules/s3rver/bin/s3rver.js -d "$OUT/s3" -a 127.0.0.1 -p "$S3_PORT" --silent --configure-bucket coalition >"$OUT/s3rver.log" 2>&1 & PIDS+=($!)

export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__Coalition="Data Source=$PWD/$OUT/data/coalition.db"
export Seed__Demo=true LogFile__Enabled=false Serilog__MinimumLevel__Default=Warning
export Site__PublicBaseUrl="http://127.0.0.1:$NGINX_PORT" Mail__LinkBaseUrl="http://127.0.0.1:$NGINX_PORT"
export Mail__PickupFolder="$PWD/$OUT/data/mail" Media__DataFolder="$PWD/$OUT/data/media"
export Cache__Redis="127.0.0.1:$REDIS_PORT" ReverseProxy__KnownProxies__0=127.0.0.1
export Media__Store=S3 Media__S3__Bucket=coalition Media__S3__ServiceUrl="http://127.0.0.1:$S3_PORT"
export Media__S3__AccessKey=S3RVER Media__S3__SecretKey=S3RVER
export Admin__Email=cluster@example.org Admin__Password="harbour lantern $RANDOM orchard $RANDOM"

start_instance() { # name port
  (cd "$OUT/app" && exec dotnet Coalition.Web.dll --urls "http://127.0.0.1:$2" >"../$1.log" 2>&1) & PIDS+=($!)
  wait_for "http://127.0.0.1:$2/health/ready"
}
start_instance a "$A_PORT"   # migrates (WAL) and seeds first
start_instance b "$B_PORT"
python3 - "$OUT/data/coalition.db" <<'PY'
import sqlite3, sys; print("journal mode:", sqlite3.connect(sys.argv[1]).execute("pragma journal_mode").fetchone()[0])
PY

cat >"$OUT/nginx/nginx.conf" <<CONF
daemon off;
master_process off;
worker_processes 1;
pid $PWD/$OUT/nginx/nginx.pid;
error_log $PWD/$OUT/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $PWD/$OUT/nginx/body;
  proxy_temp_path $PWD/$OUT/nginx/proxy;
  upstream coalition { server 127.0.0.1:$A_PORT; server 127.0.0.1:$B_PORT; keepalive 32; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    client_max_body_size 26m;
    location / {
      proxy_pass http://coalition;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
CONF
nginx -c "$PWD/$OUT/nginx/nginx.conf" & PIDS+=($!)
wait_for "http://127.0.0.1:$NGINX_PORT/health/ready"

python3 -c "
import struct, zlib
w, h = 800, 600
raw = b''.join(b'\x00' + bytes(v for x in range(w) for v in (x * 255 // w, y * 255 // h, 128)) for y in range(h))
chunk = lambda t, d: struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
open('$OUT/upload.png', 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
"

WRK_PIDS=()
for url in /ru/ /ru/news /en/about; do
  wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_OF_LOAD}s" -s bench/cluster.lua "http://127.0.0.1:$NGINX_PORT$url" >"$OUT/wrk$(echo "$url" | tr / _).txt" 2>&1 &
  WRK_PIDS+=($!)
done
sleep 2   # the load is running before the first change
python3 bench/cluster_driver.py "http://127.0.0.1:$A_PORT" "http://127.0.0.1:$B_PORT" "$Admin__Email" "$Admin__Password" \
  "$OUT/data/coalition.db" "$OUT/upload.png" | tee "$OUT/driver.json"
wait "${WRK_PIDS[@]}"

echo "load through nginx (${SECONDS_OF_LOAD} s each, ${CONNECTIONS} connections):"
total5xx=0
for f in "$OUT"/wrk_*.txt; do
  rps=$(awk '/Requests\/sec/ {print $2}' "$f"); n5=$(awk '/^5xx/ {print $2}' "$f"); errors=$(grep -h "Socket errors" "$f" || echo "no socket errors")
  printf '  %-14s %10s req/s  5xx %s  (%s)\n' "$(basename "$f" .txt | sed 's/^wrk//; s/_/\//g')" "$rps" "$n5" "$errors"
  total5xx=$((total5xx + n5))
done
echo "5xx in total: $total5xx"
echo "changes through A, seen on B: $(cat "$OUT/driver.json")"
grep -il "exception\|fail" "$OUT"/a.log "$OUT"/b.log >/dev/null 2>&1 && echo "note: the instance logs mention errors; see $OUT/a.log, $OUT/b.log" || true

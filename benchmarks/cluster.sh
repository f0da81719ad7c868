#!/usr/bin/env bash
# Cluster mode on this machine: Redis, PostgreSQL and two SafeStream nodes, then the load tool with
#   1. everyone on node A (the single-node path through Redis: the baseline at the same load), and
#   2. the senders on node A and the viewers split over A and B (every delivery to B crosses nodes),
# and, with NODES=3, a third run with the viewers split over three nodes. Reports deliveries/s, latency
# (sent -> received, p50/p99) and the Redis CPU per message. Builds nothing: build the jar first
#   ./mvnw -q -B package -DskipTests -pl shared-protocol,models,viewer-web,server -am
# then run
#   bash benchmarks/cluster.sh
# Environment (all optional): JAR, JAVA, VIEWERS=200 SENDERS=10 RATE=100 (messages/s in total: VIEWERS x RATE
# deliveries/s), DURATION=20, NODES=2 (2 or 3), PROCESSES=1 (load-tool processes), WARMUP=10 (seconds of an
# unreported first run over every node).
set -euo pipefail

cd "$(dirname "$0")/.."
JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}
JAVA=${JAVA:-java}
JAR=${JAR:-server/target/safestream-server.jar}
TOOLS_JAR=${TOOLS_JAR:-tools/target/safestream-tools.jar}
VIEWERS=${VIEWERS:-200}
SENDERS=${SENDERS:-10}
RATE=${RATE:-100}
DURATION=${DURATION:-20}
NODES=${NODES:-2}
PROCESSES=${PROCESSES:-1}
WARMUP=${WARMUP:-10}
REDIS_PORT=${REDIS_PORT:-16390}
PG_PORT=${PG_PORT:-15490}
BASE_PORT=${BASE_PORT:-18101}

[[ -f $JAR && -f $TOOLS_JAR ]] || { echo "no $JAR or $TOOLS_JAR: build them first" >&2; exit 2; }
command -v redis-server >/dev/null || { echo "needs redis-server (apt-get install redis-server)" >&2; exit 2; }
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
[[ -x $PG_BIN/initdb ]] || { echo "needs PostgreSQL (apt-get install postgresql)" >&2; exit 2; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

WORK=$(mktemp -d)
chmod 755 "$WORK"
cp "$JAR" "$WORK/server.jar"
cp "$TOOLS_JAR" "$WORK/tools.jar"
CLK_TCK=$(getconf CLK_TCK)
PIDS=()
as_postgres() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
cpu_ms() { awk -v tck="$CLK_TCK" '{ sub(/^.*\) /, ""); split($0, f, " "); print int((f[12] + f[13]) * 1000 / tck) }' "/proc/$1/stat"; }
wait_for_port() {
  for _ in $(seq 1 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "nothing listens on port $1" >&2
  return 1
}

log "Redis on $REDIS_PORT"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no >"$WORK/redis.log" 2>&1 &
REDIS_PID=$!
PIDS+=("$REDIS_PID")
wait_for_port "$REDIS_PORT"

log "PostgreSQL on $PG_PORT"
[[ $(id -u) == 0 ]] && chown postgres:postgres "$WORK"
as_postgres "$PG_BIN/initdb" -D "$WORK/pg" -U safestream -A trust -E UTF8 --no-locale >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w -t 30 \
  -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1" start >/dev/null

URLS=()
for n in $(seq 1 "$NODES"); do
  port=$((BASE_PORT + n - 1))
  data=$WORK/node$n
  mkdir -p "$data"
  [[ $(id -u) == 0 ]] && chown root "$data"
  log "node $n on $port"
  DATABASE_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/postgres DATABASE_USER=safestream \
    REDIS_URL=redis://127.0.0.1:$REDIS_PORT NODE_ID=node$n JWT_SECRET_KEY=benchmark-secret-benchmark-secret-0123 \
    SAFESTREAM_ADMIN_PASSWORD=benchmark-admin ORT_DISABLE_TELEMETRY=1 \
    "$JAVA" -Xmx1g -jar "$WORK/server.jar" serve --port "$port" --data-dir "$data" --rate-limit 0 \
    --guest-tokens-per-minute 0 --gift-interval-secs 0 --max-connections 20000 --max-connections-per-address 0 \
    --registrations-per-hour 0 >>"$WORK/node$n.log" 2>&1 &
  PIDS+=("$!")
  wait_for_port "$port"
  URLS+=("ws://127.0.0.1:$port")
done

# one load run; prints a JSON line with the report plus Redis CPU per message
run() {
  local name=$1 viewer_urls=$2 before after report
  before=$(cpu_ms "$REDIS_PID")
  report=$("$JAVA" -Xmx2g -jar "$WORK/tools.jar" loadtest --url "${URLS[0]}" --viewer-urls "$viewer_urls" \
    --viewers "$VIEWERS" --senders "$SENDERS" --rate "$RATE" --duration "$DURATION" --processes "$PROCESSES" \
    --server-pid "${PIDS[1]}" --json 2>>"$WORK/loadtest.log")
  after=$(cpu_ms "$REDIS_PID")
  echo "{\"run\":\"$name\",\"redis_cpu_ms\":$((after - before)),\"report\":$report}"
}

RESULTS=benchmarks/results/cluster-$(date -u +%Y%m%dT%H%M%SZ).jsonl
mkdir -p benchmarks/results
log "warm-up: ${WARMUP}s with the viewers over every node (not reported; JIT and connection pools)"
DURATION_SAVED=$DURATION
DURATION=$WARMUP
run warm-up "$(IFS=,; echo "${URLS[*]}")" >/dev/null
DURATION=$DURATION_SAVED
log "run 1: everyone on node 1"
run one-node "${URLS[0]}" | tee -a "$RESULTS"
log "run 2: viewers split over nodes 1 and 2"
run two-nodes "${URLS[0]},${URLS[1]}" | tee -a "$RESULTS"
if [[ $NODES -ge 3 ]]; then
  log "run 3: viewers split over three nodes"
  run three-nodes "${URLS[0]},${URLS[1]},${URLS[2]}" | tee -a "$RESULTS"
fi
log "results in $RESULTS"

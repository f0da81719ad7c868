#!/usr/bin/env bash
# SafeStream vs a minimal Node.js `ws` broadcast server, on this machine. Builds nothing: build the jar first
#   ./mvnw -q -B package -DskipTests
# then run
#   bash benchmarks/run.sh
# Results: one JSON object per run appended to benchmarks/results/run-<timestamp>.jsonl, and a markdown table on
# stdout. The load tool (java -jar ... loadtest) runs on the same machine as the server it measures and competes with
# it for CPU; read the numbers with that in mind (docs/benchmarks.md).
#
# Environment (all optional):
#   JAR=server/target/safestream-server.jar   TOOLS_JAR=tools/target/safestream-tools.jar   JAVA=$JAVA_HOME/bin/java
#   PORT=18080 NODE_PORT=18081                DURATION=25 (seconds of sending per scenario)
#   SCENARIOS="1000:10:100 5000:10:20 10000:10:10"  viewers:senders:msgs-per-second (each ~100k deliveries/s)
#   SYSTEMS="safestream node"                  IDLE_VIEWERS=10000 (0 skips the idle-heap measurement)
#   PROCESSES=2 (load-tool processes: one JVM alone cannot read 100k frames/s on this machine)
#   BATCH=1 (also run SafeStream with batch=1; 0 skips those runs)
#   BEFORE_JAR=path (adds system "before": another build of the server, measured the same way, e.g. main)
set -euo pipefail

cd "$(dirname "$0")/.."
JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}
JAVA=${JAVA:-java}
JCMD=${JCMD:-$(dirname "$(readlink -f "$(command -v "$JAVA")")")/jcmd}
JAR=${JAR:-server/target/safestream-server.jar}
TOOLS_JAR=${TOOLS_JAR:-tools/target/safestream-tools.jar}
PORT=${PORT:-18080}
NODE_PORT=${NODE_PORT:-18081}
DURATION=${DURATION:-25}
SCENARIOS=${SCENARIOS:-"1000:10:100 5000:10:20 10000:10:10"}
PROCESSES=${PROCESSES:-2}
BATCH=${BATCH:-1}
BEFORE_JAR=${BEFORE_JAR:-}
SYSTEMS=${SYSTEMS:-"safestream node"}
IDLE_VIEWERS=${IDLE_VIEWERS:-10000}
PEER=benchmarks/node-ws-peer

[[ -f $JAR && -f $TOOLS_JAR ]] || { echo "no $JAR or $TOOLS_JAR: build them first (./mvnw -q -B package -DskipTests)" >&2; exit 2; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

mkdir -p benchmarks/results
RESULTS=benchmarks/results/run-$(date -u +%Y%m%dT%H%M%SZ).jsonl
WORK=$(mktemp -d)
cp "$JAR" "$WORK/server.jar"
cp "$TOOLS_JAR" "$WORK/tools.jar" # a rebuild during the run cannot change what is measured
[[ -z $BEFORE_JAR ]] || cp "$BEFORE_JAR" "$WORK/before.jar"
CLK_TCK=$(getconf CLK_TCK)
SERVER_PID=

cleanup() {
  stop_server
  rm -rf "$WORK"
}
trap cleanup EXIT

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

# utime + stime (fields 14 and 15 of /proc/PID/stat) in milliseconds; field 2 may contain spaces, so cut after ')'
cpu_ms() { awk -v tck="$CLK_TCK" '{ sub(/^.*\) /, ""); split($0, f, " "); print int((f[12] + f[13]) * 1000 / tck) }' "/proc/$1/stat"; }
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

wait_for_port() {
  for _ in $(seq 1 150); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "nothing listens on port $1" >&2
  return 1
}

start_safestream() {
  local data jar=${1:-server}
  data=$(mktemp -d -p "$WORK")
  SAFESTREAM_ADMIN_PASSWORD=benchmark-admin "$JAVA" -Xmx1g -jar "$WORK/$jar.jar" serve \
    --port "$PORT" --data-dir "$data" --rate-limit 0 --guest-tokens-per-minute 0 --gift-interval-secs 0 \
    --max-connections 20000 --max-connections-per-address 0 --registrations-per-hour 0 \
    >>"$WORK/safestream.log" 2>&1 &
  SERVER_PID=$!
  wait_for_port "$PORT"
  URL=ws://127.0.0.1:$PORT
  AUTH=()
}

start_node() {
  [[ -d $PEER/node_modules/ws ]] || (cd "$PEER" && npm ci --no-audit --no-fund --silent)
  node "$PEER/server.js" "$NODE_PORT" >>"$WORK/node.log" 2>&1 &
  SERVER_PID=$!
  wait_for_port "$NODE_PORT"
  URL=ws://127.0.0.1:$NODE_PORT
  AUTH=(--no-auth)
}

stop_server() {
  if [[ -n $SERVER_PID ]]; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
  fi
}

loadtest() {
  "$JAVA" -Xmx1g -jar "$WORK/tools.jar" loadtest --url "$URL" "${AUTH[@]}" --server-pid "$SERVER_PID" --json \
    --processes "$PROCESSES" "$@"
}

# run SYSTEM VIEWERS SENDERS RATE BATCH(0/1)
run() {
  local system=$1 viewers=$2 senders=$3 rate=$4 batch=$5 flags=() cpu_before cpu_after rss json
  if ((batch)); then flags+=(--batch); fi
  log "$system: $viewers viewers, $senders senders, $rate msg/s offered, batch=$batch, ${DURATION}s"
  cpu_before=$(cpu_ms "$SERVER_PID")
  json=$(loadtest --viewers "$viewers" --senders "$senders" --rate "$rate" --duration "$DURATION" "${flags[@]}" \
    2>>"$WORK/loadtest.log") || true
  [[ -n $json ]] || { log "the load tool printed nothing; see its log:"; tail -20 "$WORK/loadtest.log" >&2; return 0; }
  cpu_after=$(cpu_ms "$SERVER_PID")
  rss=$(rss_kib "$SERVER_PID")
  jq -c --arg system "$system" --argjson cpu "$((cpu_after - cpu_before))" --argjson rss "$rss" \
    --arg cores "$(nproc)" '{system: $system} + . + {
        server_cpu_ms_whole_run: $cpu,
        server_cpu_ms_per_1k_whole_run: (if .deliveries > 0 then ($cpu * 1000 / .deliveries * 1000 | round) / 1000 else null end),
        server_rss_mib_after: (($rss / 1024 * 10 | round) / 10),
        cores: ($cores | tonumber)}' <<<"$json" | tee -a "$RESULTS" >&2
}

# Holds IDLE_VIEWERS idle viewers on a fresh server and reads its heap after a full GC.
idle_heap() {
  start_safestream
  log "safestream: $IDLE_VIEWERS idle viewers, heap after full GC"
  local err=$WORK/idle.err json heap
  loadtest --viewers "$IDLE_VIEWERS" --senders 0 --rate 0 --duration 30 >"$WORK/idle.json" 2>"$err" &
  local tool=$!
  for _ in $(seq 1 600); do
    grep -q "holding connections" "$err" && break
    kill -0 "$tool" 2>/dev/null || break
    sleep 0.2
  done
  sleep 3
  "$JCMD" "$SERVER_PID" GC.run >/dev/null
  sleep 1
  heap=$("$JCMD" "$SERVER_PID" GC.heap_info)
  local rss
  rss=$(rss_kib "$SERVER_PID")
  wait "$tool" || true
  echo "$heap" >&2
  jq -c --arg heap "$heap" --argjson rss "$rss" '{system: "safestream", scenario: "idle",
      viewers, connected, failed, failures,
      heap_used_mib: ($heap | capture("used (?<k>[0-9]+)K").k | tonumber / 1024 * 10 | round / 10),
      heap_committed_mib: ($heap | capture("committed (?<k>[0-9]+)K").k | tonumber / 1024 * 10 | round / 10),
      server_rss_mib: (($rss / 1024 * 10 | round) / 10)}' "$WORK/idle.json" | tee -a "$RESULTS" >&2
  stop_server
}

log "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1); $("$JAVA" -version 2>&1 | head -1); node $(node --version)"
for system in $SYSTEMS; do
  case $system in
    safestream) start_safestream ;;
    before) start_safestream before ;;
    node) start_node ;;
    *) echo "unknown system $system" >&2; exit 2 ;;
  esac
  log "$system: warm-up (not recorded)"
  loadtest --viewers 200 --senders 4 --rate 100 --duration 10 >/dev/null 2>>"$WORK/loadtest.log" || true
  for scenario in $SCENARIOS; do
    IFS=: read -r viewers senders rate <<<"$scenario"
    run "$system" "$viewers" "$senders" "$rate" 0
    # the Node peer has no batching: batch=1 would measure the same thing twice
    if [[ $system != node ]] && ((BATCH)); then run "$system" "$viewers" "$senders" "$rate" 1; fi
  done
  stop_server
done
if ((IDLE_VIEWERS > 0)) && [[ " $SYSTEMS " == *" safestream "* ]]; then idle_heap; fi

# Markdown table, then CPU efficiency relative to Node per scenario (Node CPU per delivery / SafeStream CPU per delivery)
jq -rs '
  def f(n): if n == null then "–" else (n * 100 | round / 100 | tostring) end;
  (map(select(.scenario != "idle"))) as $runs
  | "| System | Batch | Viewers | Offered msg/s | Sent msg/s | Deliveries/s | Deliveries per frame | Delivery ratio | p50 ms | p99 ms | max ms | Server CPU ms / 1k deliveries (send window) | (whole run) | Load tool CPU ms / 1k deliveries | Server RSS MiB | Closes | Error frames |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|",
    ($runs[] | "| \(.system) | \(if .batch then "yes" else "no" end) | \(.viewers) | \(.rate_offered) | \(.sent_per_sec) | \(.deliveries_per_sec) | \(.deliveries_per_frame) | \(.delivery_ratio) | \(f(.latency_ms.p50)) | \(f(.latency_ms.p99)) | \(f(.latency_ms.max)) | \(f(.server_cpu_ms_per_1k_deliveries)) | \(f(.server_cpu_ms_per_1k_whole_run)) | \(if .deliveries > 0 then f(.tool_cpu_ms * 1000 / .deliveries) else "–" end) | \(.server_rss_mib) | \(.closes | tostring) | \(.errors) |"),
    "",
    ( [$runs[] | select(.system == "node")] as $node
      | $runs[] | select(.system != "node") as $s
      | ($node[] | select(.viewers == $s.viewers and .rate_offered == $s.rate_offered)) as $n
      | "CPU efficiency vs Node, \($s.system), \($s.viewers) viewers × \($s.rate_offered) msg/s, batch=\($s.batch): \(f($n.server_cpu_ms_per_1k_deliveries / $s.server_cpu_ms_per_1k_deliveries))× (send window), \(f($n.server_cpu_ms_per_1k_whole_run / $s.server_cpu_ms_per_1k_whole_run))× (whole run)"),
    ( map(select(.scenario == "idle"))[] | "", "Idle: \(.connected) viewers connected, heap used after full GC \(.heap_used_mib) MiB (committed \(.heap_committed_mib) MiB), RSS \(.server_rss_mib) MiB")
' "$RESULTS"
log "results in $RESULTS"

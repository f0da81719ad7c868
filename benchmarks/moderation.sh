#!/usr/bin/env bash
# Moderation pipeline under load, with the shipped ONNX cascade scoring realistic chat lines
# (benchmarks/chat-lines.txt). For each rate: messages/s the pipeline moderated, and the moderation latency
# (socket thread received → delivered) from the server's safestream_moderation_latency histogram, and the share of
# moderated messages deferred to the sentence encoder and of those that kept the fast verdict (encoder behind).
#   ./mvnw -q -B package -DskipTests && bash benchmarks/moderation.sh
# Environment: RATES="500 1000 2000 3000" DURATION=20 PORT=18090 SERVER_ARGS="--encoder-budget 8"
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}
JAVA=${JAVA:-java}
JAR=${JAR:-server/target/safestream-server.jar}
TOOLS_JAR=${TOOLS_JAR:-tools/target/safestream-tools.jar}
PORT=${PORT:-18090}
RATES=${RATES:-"500 1000 2000 3000"}
DURATION=${DURATION:-20}
SERVER_ARGS=${SERVER_ARGS:-}
DATA=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT

"$JAVA" -jar "$JAR" serve --port "$PORT" --data-dir "$DATA" --rate-limit 0 --guest-tokens-per-minute 0 \
  --max-connections-per-address 0 --registrations-per-hour 0 $SERVER_ARGS \
  >"$DATA/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 60); do curl -sf "localhost:$PORT/healthz" >/dev/null && break; sleep 1; done

buckets() { curl -s "localhost:$PORT/metrics/prometheus" | grep '^safestream_moderation_latency_seconds_bucket'; }
counter() { curl -s "localhost:$PORT/metrics/prometheus" | awk -v m="^$1[ {]" '$0 ~ m {print $NF}'; }
moderated() { counter safestream_moderation_latency_seconds_count; }
quantile() { # $1 = quantile, stdin = "le count_delta" lines sorted by le
  awk -v q="$1" '{le[NR]=$1; c[NR]=$2} END {t=c[NR]; for (i=1;i<=NR;i++) if (c[i] >= q*t) {printf "%.1f", le[i]*1000; exit}}'
}
load() { "$JAVA" -jar "$TOOLS_JAR" loadtest --url "ws://127.0.0.1:$PORT" --viewers 2 --senders 10 --rate "$1" \
  --duration "$2" --text benchmarks/chat-lines.txt --json 2>/dev/null; }

load 500 8 >/dev/null # warm-up: JIT, ONNX sessions
echo "| offered msg/s | moderated msg/s | moderation p50 ms | p99 ms | delivered e2e p99 ms | to encoder | kept fast verdict |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for rate in $RATES; do
  before=$(buckets); n0=$(moderated); d0=$(counter safestream_encoder_deferred_total)
  s0=$(counter safestream_encoder_skipped_total)
  report=$(load "$rate" "$DURATION")
  n1=$(moderated); d1=$(counter safestream_encoder_deferred_total); s1=$(counter safestream_encoder_skipped_total)
  after=$(buckets)
  deltas=$(paste <(echo "$before") <(echo "$after") | sed -E 's/.*le="([^"]+)"[^ ]* ([0-9.eE+-]+)\t.* ([0-9.eE+-]+)$/\1 \2 \3/' \
    | grep -v '+Inf' | awk '{printf "%s %d\n", $1, $3-$2}' | sort -g)
  e2e=$(echo "$report" | sed -E 's/.*"latency_ms":\{[^}]*"p99":([0-9.]+).*/\1/')
  printf "| %s | %.0f | %s | %s | %s | %.1f%% | %.1f%% |\n" "$rate" "$(echo "($n1-$n0)/$DURATION" | bc -l)" \
    "$(echo "$deltas" | quantile 0.5)" "$(echo "$deltas" | quantile 0.99)" "$e2e" \
    "$(echo "100*($d1-$d0)/($n1-$n0)" | bc -l)" "$(echo "100*($s1-$s0)/($n1-$n0)" | bc -l)"
done

#!/usr/bin/env bash
# JMH benchmarks: the moderation models (module models, default) and the fan-out engine (module server).
#   benchmarks/jmh.sh                                   ModelBenchmarks
#   benchmarks/jmh.sh 'ModelBenchmarks.fast.*' -f 1 -wi 2 -i 3     any JMH arguments
#   MODULE=server benchmarks/jmh.sh FanOutBenchmark     the fan-out engine alone
# Results go to benchmarks/results/jmh-<date>.txt; record the numbers in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
MODULE="${MODULE:-models}"
./mvnw -q -B -pl "$MODULE" -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test -Dspotless.check.skip=true >&2
CP="$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$MODULE/target/test.classpath")"
mkdir -p benchmarks/results
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" org.openjdk.jmh.Main "${@:-ModelBenchmarks}" \
  | tee "benchmarks/results/jmh-$(date +%Y%m%d-%H%M%S).txt"

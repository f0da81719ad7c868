#!/usr/bin/env bash
# JMH benchmarks of the moderation models (fast path, encoder path, cascade, explanations) on the shipped artifacts.
#   benchmarks/jmh.sh                    all of them
#   benchmarks/jmh.sh 'ModelBenchmarks.fast.*' -f 1 -wi 2 -i 3     any JMH arguments
# Results go to benchmarks/results/jmh-<date>.txt; record the numbers in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
./mvnw -q -B -pl models -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test -Dspotless.check.skip=true >&2
CP="models/target/test-classes:models/target/classes:$(cat models/target/test.classpath)"
mkdir -p benchmarks/results
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" org.openjdk.jmh.Main "${@:-ModelBenchmarks}" \
  | tee "benchmarks/results/jmh-$(date +%Y%m%d-%H%M%S).txt"

#!/usr/bin/env bash
# Runs one JMH benchmark from the test classpath (benchmarks live in src/jmh/java and compile with the tests).
# Usage: bench/jmh.sh BenchmarkName [JMH options...]   e.g. bench/jmh.sh ClassifyBenchmark -p length=400
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ]; then
    echo "usage: bench/jmh.sh BenchmarkName [JMH options...]" >&2
    exit 2
fi
benchmark="$1"
shift
./mvnw -q test-compile
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh-classpath.txt >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/jmh-classpath.txt)" org.openjdk.jmh.Main "$benchmark" "$@"

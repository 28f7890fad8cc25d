#!/usr/bin/env bash
# Simulates a site whose moderators are stricter than the shipped model and measures what learning from their
# decisions gains (see src/jmh/java/org/parley/moderation/SiteLearningSimulation.java and docs/classifier.md).
# Usage: bench/simulate-site.sh [--shared DIR] [--site fox|strict] [--decisions 200,500,1000]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test-compile
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh-classpath.txt >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/jmh-classpath.txt)" \
    org.parley.moderation.SiteLearningSimulation "$@"

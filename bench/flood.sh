#!/usr/bin/env bash
# Flood benchmark (issue 7, item 5): the abuse suite's scenario, run longer. Four threads flood posts from one
# account, then from one address under eight accounts, with rate limits on, while a second client reads a thread;
# it reports how many posts were answered 201 and 429, when the first 429 came, and the reads' p99 unloaded and
# under the flood, on SQLite and on PostgreSQL (the build's two test runs).
#
# Usage: bench/flood.sh      (env: FLOOD_SECONDS=30, the length of each flood)
#
# It runs src/test/java/org/parley/api/FloodTest.java through Maven (loopback only, a temporary database, a
# private PostgreSQL cluster for the second run) and writes bench/results/DATE-flood.md with the machine, the JDK,
# the command and the figures. With the defaults it takes about three minutes.
set -euo pipefail

FLOOD_SECONDS=${FLOOD_SECONDS:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

command=(./mvnw -q test -Dtest=FloodTest -Dsurefire.failIfNoSpecifiedTests=false "-Dparley.flood.seconds=$FLOOD_SECONDS")
echo "== ${command[*]}" >&2
"${command[@]}"

out="bench/results/$(date -u +%F)-flood.md"
{
    echo "# Flood: posts from one account and from one address, reads of a thread beside them"
    echo
    echo "- date: $(date -u '+%F %H:%M UTC')"
    echo "- machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GB"
    echo "- JDK: $(java -version 2>&1 | head -1)"
    echo "- command: \`FLOOD_SECONDS=$FLOOD_SECONDS bench/flood.sh\` (runs \`${command[*]}\`)"
    echo
    echo "The flooders, the reader and Parley share the machine, so the reads' p99 under the flood also carries"
    echo "the flooders' own CPU; compare runs with each other rather than reading one ratio."
    echo
    echo "## SQLite"
    echo
    grep -h '^flood (' target/surefire-reports/org.parley.api.FloodTest-output.txt | sed 's/^/- /'
    echo
    echo "## PostgreSQL"
    echo
    grep -h '^flood (' target/surefire-reports-postgresql/org.parley.api.FloodTest-output.txt | sed 's/^/- /'
} > "$out"
echo "== wrote $out" >&2
cat "$out"

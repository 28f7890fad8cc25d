#!/usr/bin/env bash
# Sign-up flood benchmark (issue 14, item 2): four threads sign up from one client address as fast as they can,
# solving each ALTCHA challenge with the library as soon as they are asked, on a site whose proof of work is on
# "always", with the rate limits off so that the challenge alone holds them; a person at another address signs
# up in the middle. It reports the tries, the accounts that got through per second, and the person's answer, on
# SQLite and on PostgreSQL (the build's two test runs).
#
# Usage: bench/signup-flood.sh      (env: FLOOD_SECONDS=30, the length of the flood; bounded to 50,000 tries)
#
# It runs src/test/java/org/parley/challenge/SignupFloodTest.java through Maven (loopback only, a temporary
# database, a private PostgreSQL cluster for the second run) and writes bench/results/DATE-signup-flood.md with
# the machine, the JDK, the command and the figures.
set -euo pipefail

FLOOD_SECONDS=${FLOOD_SECONDS:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

command=(./mvnw -o -q test -Dtest=SignupFloodTest -Dsurefire.failIfNoSpecifiedTests=false
    "-Dparley.signupflood.seconds=$FLOOD_SECONDS")
echo "== ${command[*]}" >&2
"${command[@]}"

out="bench/results/$(date -u +%F)-signup-flood.md"
{
    echo "# Sign-up flood: one address against the proof of work"
    echo
    echo "- date: $(date -u '+%F %H:%M UTC')"
    echo "- machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- JDK: $(java -version 2>&1 | head -1)"
    echo "- command: \`FLOOD_SECONDS=$FLOOD_SECONDS bench/signup-flood.sh\` (runs \`${command[*]}\`)"
    echo
    echo "## SQLite"
    echo
    grep -h '^signup flood' target/surefire-reports/org.parley.challenge.SignupFloodTest-output.txt | sed 's/^/- /'
    echo
    echo "## PostgreSQL"
    echo
    grep -h '^signup flood' target/surefire-reports-postgresql/org.parley.challenge.SignupFloodTest-output.txt | sed 's/^/- /'
} > "$out"
echo "== wrote $out" >&2
cat "$out"

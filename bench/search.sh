#!/usr/bin/env bash
# Search benchmark (issue 13, item 5): the moderators' search over 1M comments on SQLite and on PostgreSQL;
# goal p95 <= 100 ms on both. src/jmh/java/org/parley/moderation/SearchBenchmark.java seeds each database once
# (1M comments from SearchCorpus's word lists over 3,000 stories and 40,000 readers, batched JDBC, the search
# indexes kept by the migration's triggers and GIN index) and then runs ROUNDS rounds of its mix of searches,
# printing p50/p95/p99 per kind of search.
#
# Usage: bench/search.sh     (env: DBS="sqlite postgresql" COMMENTS=1000000 STORIES=3000 AUTHORS=40000
#                             ROUNDS=40, KEEP=DIR to keep the seeded databases there and reuse them next time,
#                             SEED_ONLY=1 to seed and stop)
#
# A private PostgreSQL cluster is started (in KEEP, or in a temporary folder) and stopped at the end. Seeding
# 1M comments takes some minutes per database on 2 cores; the measurement about one more.
set -euo pipefail

DBS=${DBS:-sqlite postgresql}
COMMENTS=${COMMENTS:-1000000}
STORIES=${STORIES:-3000}
AUTHORS=${AUTHORS:-40000}
ROUNDS=${ROUNDS:-40}

root=$(cd "$(dirname "$0")/.." && pwd)
if [[ -n ${KEEP:-} ]]; then
    mkdir -p "$KEEP"
    work=$(cd "$KEEP" && pwd)
else
    work=$(mktemp -d /tmp/parley-search.XXXXXX)
fi
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"

cleanup() {
    stop_postgres
    if [[ -z ${KEEP:-} ]]; then rm -rf "$work"; fi
}
trap cleanup EXIT

if [[ ! -f "$root/target/jmh-classpath.txt" ]]; then
    (cd "$root" && ./mvnw -q test-compile && ./mvnw -q dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile=target/jmh-classpath.txt >/dev/null)
fi
classpath="$root/target/test-classes:$root/target/classes:$(cat "$root/target/jmh-classpath.txt")"
run() {
    local rounds=$ROUNDS
    if [[ -n ${SEED_ONLY:-} ]]; then rounds=0; fi
    java -cp "$classpath" org.parley.moderation.SearchBenchmark --comments "$COMMENTS" --stories "$STORIES" \
        --authors "$AUTHORS" --rounds "$rounds" "$@" 2>&1 | grep --line-buffered -v ' INFO '
}

log "machine: $(nproc) cores, load $(load_average), $(java -version 2>&1 | head -n 1)"
if [[ " $DBS " == *" sqlite "* ]]; then
    mkdir -p "$work/sqlite"
    log "SQLite in $work/sqlite"
    run --data "$work/sqlite"
fi
if [[ " $DBS " == *" postgresql "* ]]; then
    if [[ -d "$work/pg/cluster" ]]; then
        pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
        if [[ $(id -u) == 0 ]]; then pg_as=(runuser -u postgres --); fi
        pg_port=$(free_port)
        "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$work/pg/cluster" -w -t 60 -l "$work/pg/log" -o \
            "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c synchronous_commit=off -c shared_buffers=256MB" \
            start >/dev/null
        url="jdbc:postgresql://127.0.0.1:$pg_port/search"
    else
        start_postgres
        url=$(pg_database search)
    fi
    log "PostgreSQL at $url, load $(load_average)"
    run --database "$url" --user parley --password ""
fi
log "done, load $(load_average)"

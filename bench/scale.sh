#!/usr/bin/env bash
# Scale benchmark (issue 4, item 5): the 200-comment thread read and comment posting through the full pipeline,
# on a small (10k comments over 100 stories) and a large (1M comments over 10k stories) database, on SQLite and
# on PostgreSQL. Thread sizes follow Zipf's law with exponent 1.1 (src/jmh/java/org/parley/store/ScaleSeed.java).
#
# Usage: bench/scale.sh     (env: DBS="sqlite postgresql" SIZES="10k 1m" RUNS=3 DURATION=10s WARMUP=10s
#                            READ_CONNECTIONS=16 POST_CONNECTIONS=16 THREADS=2, JAVA_OPTS for Parley,
#                            SEED_CACHE=DIR to keep seeded SQLite databases there and reuse them,
#                            CASES="cold warm post" to run only some of the measurements)
#
# For each database and size it seeds a fresh database, then
#   1. cold read: Parley with PARLEY_THREAD_CACHE=off, wrk walking over every story of 200-1000 comments (first
#      page of 200 top-level comments with their replies), so each read goes to the database;
#   2. warm read: Parley as shipped, wrk reading the one story closest to 250 comments (served from the cache);
#   3. posting: the same Parley, wrk posting as up to 200 signed-in readers to random stories (rate limits off).
# Each measurement runs RUNS times after a warm-up; every line carries the load averages of the machine at its
# end and Parley's CPU time per request (cpu_us). The cold and warm reads run before the posts, which add
# comments to the database. A private PostgreSQL cluster is started in a temporary folder and stopped at the end;
# everything is removed on exit.
set -euo pipefail

DBS=${DBS:-sqlite postgresql}
SIZES=${SIZES:-10k 1m}
RUNS=${RUNS:-3}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-10s}
READ_CONNECTIONS=${READ_CONNECTIONS:-16}
POST_CONNECTIONS=${POST_CONNECTIONS:-16}
CASES=${CASES:-cold warm post}
export THREADS=${THREADS:-2}

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/parley-scale.XXXXXX)
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"

cleanup() {
    local status=$?
    if ((status != 0)); then
        for file in "$work"/*.log "$work/pg/log"; do
            if [[ -s "$file" ]]; then echo "-- tail of $file" >&2; tail -n 5 "$file" >&2; fi
        done
    fi
    stop_all_parleys
    stop_postgres
    rm -rf "$work"
}
trap cleanup EXIT

# One measurement each, against $base, with $out's files; row prints a result line.
reads() { wrk_result "$root/bench/http/threads.lua" "$base" "$READ_CONNECTIONS" "$2" THREAD_PATHS="$1"; }
posts() {
    wrk_result "$root/bench/http/post.lua" "$base" "$POST_CONNECTIONS" "$1" POST_SESSIONS="$out/sessions.tsv" \
        POST_STORIES="$out/stories.tsv"
}
row() { printf '%-10s %-4s %-10s %-3s %s\n' "$db" "$size" "$1" "$2" "$3"; }

build
if [[ " $DBS " == *" postgresql "* ]]; then start_postgres; fi

printf '%-10s %-4s %-10s %-3s %s\n' database size case run result
for db in $DBS; do
    for size in $SIZES; do
        case $size in
            10k) comments=10000 stories=100 ;;
            1m) comments=1000000 stories=10000 ;;
            *) echo "unknown size $size (10k or 1m)" >&2; exit 2 ;;
        esac
        out="$work/$db-$size"
        cache=${SEED_CACHE:+$SEED_CACHE/$db-$size}
        if [[ $db == sqlite && -n $cache && -f $cache/data/parley.db ]]; then
            log "copying the seeded database from $cache"
            cp -r "$cache" "$out"
            target=(--data "$out/data")
        else
            if [[ $db == sqlite ]]; then
                target=(--data "$out/data")
                credentials=()
            else
                target=(--database "$(pg_database "bench_$size")")
                credentials=(--user parley --password x)
            fi
            log "seeding $db with $comments comments over $stories stories"
            started=$(date +%s)
            seed "$out" "$comments" "$stories" "${target[@]}" "${credentials[@]}"
            log "seeded in $(($(date +%s) - started)) s"
            if [[ $db == sqlite && -n $cache ]]; then
                mkdir -p "$SEED_CACHE"
                cp -r "$out" "$cache"
            fi
        fi
        [[ $db == sqlite ]] && log "SQLite file: $(du -sh "$out/data" | cut -f1)"

        # The stories read: 200 to 1000 comments (a first page of 200 top-level comments and their replies).
        awk -F'\t' '$2 >= 200 && $2 <= 1000 { print $1 }' "$out/targets.tsv" | while read -r url; do
            thread_path "$url"
        done >"$out/cold.paths"
        warm_url=$(awk -F'\t' '$2 >= 200 { d = $2 - 250; if (d < 0) d = -d; print d "\t" $1 }' "$out/targets.tsv" \
            | sort -n | head -n 1 | cut -f2)
        thread_path "$warm_url" >"$out/warm.paths"
        log "$(wc -l <"$out/cold.paths") stories of 200-1000 comments; warm read: $warm_url ($(grep -F "$warm_url	" \
            "$out/targets.tsv" | cut -f2) comments)"

        port=$(free_port)
        base="http://127.0.0.1:$port"
        db_options=("${target[@]}")
        if [[ $db == postgresql ]]; then
            export PARLEY_DATABASE_USER=parley
        fi

        if [[ " $CASES " == *" cold "* ]]; then
            PARLEY_THREAD_CACHE=off start_parley "$db-$size-cold" "$port" "${db_options[@]}"
            export CPU_PIDS=${parley_pids[$db-$size-cold]}
            shown=$(curl -fsS "$base$(head -n 1 "$out/cold.paths")" \
                | jq '[.comments[] | .. | objects | select(has("replies"))] | length')
            log "a cold page holds $shown comments; warming up for $WARMUP"
            reads "$out/cold.paths" "$WARMUP" >/dev/null
            for run in $(seq 1 "$RUNS"); do
                row cold-read "$run" "$(reads "$out/cold.paths" "$DURATION")"
            done
            stop_parley "$db-$size-cold"
        fi

        start_parley "$db-$size" "$port" "${db_options[@]}"
        export CPU_PIDS=${parley_pids[$db-$size]}
        if [[ " $CASES " == *" warm "* ]]; then
            reads "$out/warm.paths" "$WARMUP" >/dev/null
            for run in $(seq 1 "$RUNS"); do
                row warm-read "$run" "$(reads "$out/warm.paths" "$DURATION")"
            done
        fi

        if [[ " $CASES " == *" post "* ]]; then
            before=$(curl -fsS "$base/metrics" | awk '/^parley_comment_events_total/ { s += $2 } END { print s + 0 }')
            posts "$WARMUP" >/dev/null
            for run in $(seq 1 "$RUNS"); do
                row post "$run" "$(posts "$DURATION")"
            done
            after=$(curl -fsS "$base/metrics" | awk '/^parley_comment_events_total/ { s += $2 } END { print s + 0 }')
            log "comment events while posting: $((${after%.*} - ${before%.*}))"
        fi
        stop_parley "$db-$size"
        if [[ $db == sqlite ]]; then rm -rf "$out/data"; fi
    done
done

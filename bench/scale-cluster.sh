#!/usr/bin/env bash
# Two Parley instances on one PostgreSQL behind a loopback round-robin (issue 4, item 5): the thread-read load
# through nginx, while comments are posted to both instances and a live-stream (SSE) subscriber on each instance
# counts the comments that were posted on the other one.
#
# Usage: bench/scale-cluster.sh   (env: SIZE=1m|10k RUNS=3 DURATION=20s WARMUP=10s READ_CONNECTIONS=16
#                                  POST_CONNECTIONS=4 PROBE_INTERVAL=0.2, JAVA_OPTS for both instances)
#
# Per run: (1) DURATION of reads alone through nginx; (2) DURATION of the same reads while wrk posts to A and to B
# (POST_CONNECTIONS each, rate limits off) and probes are posted one every PROBE_INTERVAL seconds, alternately to
# B for a story whose stream is open on A and to A for a story whose stream is open on B. Each probe carries the
# time it was sent; each subscriber notes when the event reached it. The runner prints the read figures, the
# posting rates, and probes sent, received and their delivery latency (p50, p99, max).
set -euo pipefail

SIZE=${SIZE:-1m}
RUNS=${RUNS:-3}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
READ_CONNECTIONS=${READ_CONNECTIONS:-16}
POST_CONNECTIONS=${POST_CONNECTIONS:-4}
PROBE_INTERVAL=${PROBE_INTERVAL:-0.2}
export THREADS=${THREADS:-2}

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/parley-cluster.XXXXXX)
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
nginx_pid=""
subscriber_pids=()

cleanup() {
    local status=$? pid
    if ((status != 0)); then
        for file in "$work"/*.log "$work/pg/log" "$work/nginx/error.log"; do
            if [[ -s "$file" ]]; then echo "-- tail of $file" >&2; tail -n 5 "$file" >&2; fi
        done
    fi
    for pid in "${subscriber_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    if [[ -n "$nginx_pid" ]]; then kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; fi
    stop_all_parleys
    stop_postgres
    rm -rf "$work"
}
trap cleanup EXIT

case $SIZE in
    10k) comments=10000 stories=100 ;;
    1m) comments=1000000 stories=10000 ;;
    *) echo "SIZE is 10k or 1m" >&2; exit 2 ;;
esac

build
start_postgres
url=$(pg_database bench)
export PARLEY_DATABASE_USER=parley
log "seeding PostgreSQL with $comments comments over $stories stories"
started=$(date +%s)
seed "$work/seed" "$comments" "$stories" --database "$url" --user parley --password x
log "seeded in $(($(date +%s) - started)) s"

# Reads: the stories of 200-1000 comments, as bench/scale.sh's cold read, but with the caches on (as shipped).
awk -F'\t' '$2 >= 200 && $2 <= 1000 { print $1 }' "$work/seed/targets.tsv" | while read -r story; do
    thread_path "$story"
done >"$work/read.paths"
# Two live stories, left out of the posting load: A's subscriber watches the first, B's the second.
live_a=$(sed -n 1p "$work/seed/stories.tsv")
live_b=$(sed -n 2p "$work/seed/stories.tsv")
tail -n +3 "$work/seed/stories.tsv" >"$work/load.stories"

port_a=$(free_port)
port_b=$(free_port)
while [[ $port_b == "$port_a" ]]; do port_b=$(free_port); done
start_parley a "$port_a" --database "$url"
start_parley b "$port_b" --database "$url"
a="http://127.0.0.1:$port_a"
b="http://127.0.0.1:$port_b"

nginx_port=$(free_port)
mkdir -p "$work/nginx"
chmod 755 "$work"
cat >"$work/nginx/nginx.conf" <<CONF
$(nginx_preamble "$work/nginx")
    upstream parley {
        server 127.0.0.1:$port_a;
        server 127.0.0.1:$port_b;
        keepalive 64;
    }
    server {
        listen 127.0.0.1:$nginx_port;
        location / {
            proxy_pass http://parley;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_buffering off;
        }
    }
}
CONF
/usr/sbin/nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
lb="http://127.0.0.1:$nginx_port"
await "$lb/health"
log "instances A $a and B $b, nginx round-robin on $lb; $(wc -l <"$work/read.paths") stories read"

# subscribe NAME BASE STORY: appends "RECEIVED_MS DATA" for every data line of the story's stream on BASE.
subscribe() {
    local name=$1 base=$2 story=$3
    curl -sN -H 'Accept: text/event-stream' \
        "$base/api/v1/stream?site=bench&url=$(jq -rn --arg u "$story" '$u|@uri')" | while IFS= read -r line; do
        if [[ $line == data:* ]]; then
            now=${EPOCHREALTIME/./}
            printf '%s %s\n' "${now:0:-3}" "$line"
        fi
    done >>"$work/stream-$name.txt" &
    subscriber_pids+=($!)
}
subscribe a "$a" "$live_a"
subscribe b "$b" "$live_b"
sleep 1

# Signs two readers in for the probes (they come from the seeded sessions).
probe_session=$(sed -n 1p "$work/seed/sessions.tsv")
probe_cookie="parley_session=$(cut -f1 <<<"$probe_session")"
probe_csrf=$(cut -f2 <<<"$probe_session")

# probe BASE STORY TAG N: posts one civil comment carrying "TAG-N-SENTMS" to STORY on BASE.
probe() {
    local base=$1 story=$2 tag=$3 n=$4 now
    now=${EPOCHREALTIME/./}
    curl -fsS -o /dev/null -b "$probe_cookie" -H 'Content-Type: application/json' -H "X-Parley-CSRF: $probe_csrf" \
        -d "{\"site\":\"bench\",\"url\":\"$story\",\"body\":\"Probe $tag-$n-${now:0:-3} the envoy said the corridor talks go on and the harbour reopens next week.\"}" \
        "$base/api/v1/comments" || echo "probe $tag-$n failed" >&2
}

# latencies FILE TAG RUN: prints "received=N p50_ms=… p99_ms=… max_ms=…" for the probes of one run.
latencies() {
    grep -o "^[0-9]* .*Probe $2-r$3-[0-9]*-[0-9]*" "$1" | sed -E 's/^([0-9]+) .*-([0-9]+)$/\1 \2/' \
        | awk '{ print $1 - $2 }' | sort -n | awk '{ v[NR] = $1 } END {
            if (NR == 0) { print "received=0"; exit }
            p50 = v[int((NR - 1) * 0.50) + 1]; p99 = v[int((NR - 1) * 0.99) + 1];
            printf "received=%d p50_ms=%d p99_ms=%d max_ms=%d\n", NR, p50, p99, v[NR] }'
}

log "warming up for $WARMUP"
wrk_result "$root/bench/http/threads.lua" "$lb" "$READ_CONNECTIONS" "$WARMUP" THREAD_PATHS="$work/read.paths" >/dev/null
THREADS=1 wrk_result "$root/bench/http/post.lua" "$a" "$POST_CONNECTIONS" 5s POST_SESSIONS="$work/seed/sessions.tsv" \
    POST_STORIES="$work/load.stories" >/dev/null
THREADS=1 wrk_result "$root/bench/http/post.lua" "$b" "$POST_CONNECTIONS" 5s POST_SESSIONS="$work/seed/sessions.tsv" \
    POST_STORIES="$work/load.stories" >/dev/null

seconds=${DURATION%s}
for run in $(seq 1 "$RUNS"); do
    echo "run $run read-only   $(CPU_PIDS="${parley_pids[a]} ${parley_pids[b]}" wrk_result "$root/bench/http/threads.lua" "$lb" "$READ_CONNECTIONS" "$DURATION" \
        THREAD_PATHS="$work/read.paths")"
    wrk_result "$root/bench/http/threads.lua" "$lb" "$READ_CONNECTIONS" "$DURATION" THREAD_PATHS="$work/read.paths" \
        >"$work/read.out" &
    read_pid=$!
    THREADS=1 wrk_result "$root/bench/http/post.lua" "$a" "$POST_CONNECTIONS" "$DURATION" \
        POST_SESSIONS="$work/seed/sessions.tsv" POST_STORIES="$work/load.stories" POST_MARK=toA >"$work/post-a.out" &
    post_a=$!
    THREADS=1 wrk_result "$root/bench/http/post.lua" "$b" "$POST_CONNECTIONS" "$DURATION" \
        POST_SESSIONS="$work/seed/sessions.tsv" POST_STORIES="$work/load.stories" POST_MARK=toB >"$work/post-b.out" &
    post_b=$!
    sent=0
    deadline=$((SECONDS + seconds - 1))
    while ((SECONDS < deadline)); do
        sent=$((sent + 1))
        probe "$b" "$live_a" "BtoA-r$run" "$sent"
        probe "$a" "$live_b" "AtoB-r$run" "$sent"
        sleep "$PROBE_INTERVAL"
    done
    wait "$read_pid" "$post_a" "$post_b"
    sleep 3 # let the last events arrive
    echo "run $run under-posts $(cat "$work/read.out")"
    echo "run $run posts-to-A  $(cat "$work/post-a.out")"
    echo "run $run posts-to-B  $(cat "$work/post-b.out")"
    echo "run $run B→A stream  sent=$sent $(latencies "$work/stream-a.txt" BtoA "$run")"
    echo "run $run A→B stream  sent=$sent $(latencies "$work/stream-b.txt" AtoB "$run")"
done

for name in a b; do
    log "instance ${name^^}: $(grep -c ' ERROR ' "$work/$name.log" || true) error lines in its log"
    grep -m 3 -A 3 ' ERROR ' "$work/$name.log" >&2 || true
done

#!/usr/bin/env bash
# Thread-read benchmark (issue 2, item 10): requests per second for a 200-comment thread from Parley, against
# nginx serving the very same response bytes as a static file, both measured in the same run with wrk.
#
# Usage: bench/thread-read.sh     (env: SHAPE=long RUNS=3 DURATION=10s CONNECTIONS=32 THREADS=2 WARMUP=10s,
#                                  JAVA_OPTS for Parley, PARLEY_JAR for another build than target/parley.jar)
#
# SHAPE names the comments: "long" (100-600 characters, now and then two paragraphs: a page of about 145 KB) or
# "short" (one sentence each: a page of about 80 KB, where the cost per request weighs most).
#
# It builds target/parley.jar if missing, starts Parley on a free loopback port with a temporary data directory
# and rate limits off, seeds the thread through the API (150 top-level comments, 50 replies, five readers, bodies
# of the SHAPE asked for), saves the thread's plain and gzip bytes into a temporary nginx root, then for each run measures
# nginx and Parley, plain and gzip, with bench/http/thread.lua. Both servers are first warmed up with the same
# load (the JVM compiles its hot path in the first seconds), and each run measures them one after the other
# with the same request. Everything it starts is stopped on exit; it takes about 4 minutes with the defaults.
set -euo pipefail

RUNS=${RUNS:-3}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-10s}
SHAPE=${SHAPE:-long}
COMMENTS=200
READERS=5

root=$(cd "$(dirname "$0")/.." && pwd)
script="$root/bench/http/thread.lua"
work=$(mktemp -d)
parley_pid=""
nginx_pid=""

cleanup() {
    local status=$?
    if ((status != 0)); then
        for file in "$work/parley.log" "$work/nginx/error.log"; do
            if [[ -s "$file" ]]; then echo "-- tail of $file" >&2; tail -n 5 "$file" >&2; fi
        done
    fi
    if [[ -n "$parley_pid" ]]; then kill "$parley_pid" 2>/dev/null || true; wait "$parley_pid" 2>/dev/null || true; fi
    if [[ -n "$nginx_pid" ]]; then kill "$nginx_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh" # log, free_port, await

# Sets $text to a comment body of 100-600 characters, now and then in two paragraphs, from a fixed vocabulary.
# (A function setting a variable, not printing: a $(subshell) would reseed RANDOM and the thread would vary.)
WORDS=(the talks in Geneva were long and careful but both delegations agreed that a ceasefire needs monitors
    on the ground I think the article misses how much the regional partners contributed to the draft text
    which was published yesterday and says little about water rights or the border crossings that matter
    most to families living there our correspondent describes a mood of cautious hope among diplomats while
    farmers still wait for roads to reopen sanctions trade envoy summit treaty referendum minister council
    observers reconstruction grain harbour corridor negotiation compromise timetable verification)
body() {
    local target=$((100 + RANDOM % 501)) word
    text=""
    while ((${#text} < target)); do
        word=${WORDS[RANDOM % ${#WORDS[@]}]}
        if [[ -z "$text" ]]; then
            text=${word^}
        elif ((RANDOM % 12 == 0)); then
            text+=". ${word^}"
        elif ((RANDOM % 40 == 0)) && ((${#text} > 60)); then
            text+=$'.\n\n'"${word^}"
        elif ((RANDOM % 30 == 0)); then
            text+=" *$word*"
        else
            text+=" $word"
        fi
    done
    text="${text:0:599}."
}

# Sets $text to one sentence of 40-90 characters from the same vocabulary, for the short shape.
sentence() {
    local target=$((40 + RANDOM % 51)) word
    text=""
    while ((${#text} < target)); do
        word=${WORDS[RANDOM % ${#WORDS[@]}]}
        if [[ -z "$text" ]]; then text=${word^}; else text+=" $word"; fi
    done
    text+="."
}

case "$SHAPE" in
    long) comment_text=body ;;
    short) comment_text=sentence ;;
    *) echo "SHAPE is long or short, not $SHAPE" >&2; exit 2 ;;
esac

parley_port=$(free_port)
base="http://127.0.0.1:$parley_port"
url="$base/news/ceasefire-talks"
path="/api/v1/threads?site=demo&url=$(jq -rn --arg u "$url" '$u|@uri')&limit=$COMMENTS"

if [[ -z ${PARLEY_JAR:-} && ! -f "$root/target/parley.jar" ]]; then
    log "building target/parley.jar"
    (cd "$root" && ./mvnw -q package -DskipTests)
fi

log "starting Parley on $base"
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
PARLEY_RATE_LIMITS=off java ${JAVA_OPTS:-} -jar "${PARLEY_JAR:-$root/target/parley.jar}" serve --host 127.0.0.1 --port "$parley_port" \
    --data "$work/data" >"$work/parley.log" 2>&1 &
parley_pid=$!
await "$base/health"

log "seeding $COMMENTS $SHAPE comments from $READERS readers"
csrf=()
for reader in $(seq 1 "$READERS"); do
    csrf[reader]=$(curl -fsS -c "$work/reader$reader.cookies" -H 'Content-Type: application/json' \
        -d "{\"email\":\"reader$reader@bench.example\",\"password\":\"bench-password-$reader\",\"displayName\":\"Reader $reader\"}" \
        "$base/api/v1/auth/signup" | jq -r .csrf)
done
ids=()
depths=()
RANDOM=2
for i in $(seq 1 "$COMMENTS"); do
    reader=$((1 + RANDOM % READERS))
    parent=null
    depth=0
    if ((i % 4 == 0)); then
        # A reply to an earlier comment that is shown nested (depth 0 or 1).
        while true; do
            n=$((RANDOM % ${#ids[@]}))
            if ((depths[n] < 2)); then break; fi
        done
        parent="\"${ids[n]}\""
        depth=$((depths[n] + 1))
    fi
    # Word salad now and then reads to the classifier as an attack (422 guideline_nudge): then another is drawn.
    for attempt in 1 2 3 4 5 6 7 8; do
        "$comment_text"
        request=$(jq -n --arg url "$url" --arg body "$text" --argjson parent "$parent" \
            '{site: "demo", url: $url, body: $body} + (if $parent then {parentId: $parent} else {} end)')
        answer=$(curl -sS -b "$work/reader$reader.cookies" -H 'Content-Type: application/json' \
            -H "X-Parley-CSRF: ${csrf[reader]}" -d "$request" "$base/api/v1/comments")
        id=$(jq -r '.comment.id // empty' <<<"$answer")
        if [[ -n "$id" ]] || [[ $(jq -r .error <<<"$answer") != guideline_nudge ]]; then break; fi
    done
    [[ -n "$id" ]] || { echo "comment $i ($text) was refused after $attempt tries: $answer" >&2; exit 1; }
    ids+=("$id")
    depths+=("$depth")
done

log "saving the thread's bytes"
www="$work/www"
mkdir -p "$www"
chmod 755 "$work" "$www" # nginx's workers run as another user when started as root
curl -fsS -D "$work/plain.headers" -o "$www/thread.json" "$base$path"
curl -fsS -H 'Accept-Encoding: gzip' -D "$work/gzip.headers" -o "$www/thread.json.gz" "$base$path"
grep -qi '^content-encoding: gzip' "$work/gzip.headers" || { echo "Parley sent no gzip" >&2; exit 1; }
cmp -s "$www/thread.json" <(gunzip -c "$www/thread.json.gz") || { echo "gzip bytes differ" >&2; exit 1; }
count=$(jq '[.comments[] | .. | objects | select(has("replies"))] | length' "$www/thread.json")
((count == COMMENTS)) || { echo "the thread has $count comments, not $COMMENTS" >&2; exit 1; }
content_type=$(grep -i '^content-type:' "$work/plain.headers" | cut -d' ' -f2- | tr -d '\r')

nginx_port=$(free_port)
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<EOF
$(nginx_preamble "$work/nginx")
    server {
        listen 127.0.0.1:$nginx_port;
        location = /api/v1/threads {
            alias $www/thread.json;
            types { }
            default_type "$content_type";
            gzip_static on;
            gzip_vary on;
            add_header Cache-Control no-cache;
            add_header X-Content-Type-Options nosniff;
        }
    }
}
EOF
log "starting nginx on 127.0.0.1:$nginx_port"
/usr/sbin/nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
await "http://127.0.0.1:$nginx_port$path"
cmp -s "$www/thread.json" <(curl -fsS "http://127.0.0.1:$nginx_port$path") \
    || { echo "nginx sends other plain bytes" >&2; exit 1; }
cmp -s "$www/thread.json.gz" <(curl -fsS -H 'Accept-Encoding: gzip' "http://127.0.0.1:$nginx_port$path") \
    || { echo "nginx sends other gzip bytes" >&2; exit 1; }

# Prints the requests per second of one wrk run and the server's CPU time per request in microseconds (the
# processes named in $2..., summed; a figure that other work on a shared machine moves much less than requests per
# second); fails on errors or non-2xx/3xx answers.
measure() {
    local port=$1 gzip=$2 duration=$3 out before=0 after=0 pid
    shift 3
    for pid in "$@"; do before=$((before + $(cpu_ticks "$pid"))); done
    out=$(THREAD_PATH="$path" THREAD_GZIP="$gzip" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" -s "$script" \
        "http://127.0.0.1:$port")
    for pid in "$@"; do after=$((after + $(cpu_ticks "$pid"))); done
    if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then
        echo "$out" >&2
        return 1
    fi
    awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" '/^Requests\/sec:/ { rps = $2 }
        /requests in/ { n = $1 }
        END { printf "%s %.1f\n", rps, (n > 0 ? t / hz * 1e6 / n : 0) }' <<<"$out"
}

log "thread ($SHAPE): $count comments, $(stat -c %s "$www/thread.json") bytes plain, $(stat -c %s "$www/thread.json.gz") gzip"
nginx_pids=("$nginx_pid" $(pgrep -P "$nginx_pid")) # the master and its workers
log "warming up both servers for $WARMUP per case"
for gzip in 0 1; do
    measure "$parley_port" "$gzip" "$WARMUP" >/dev/null
    measure "$nginx_port" "$gzip" "$WARMUP" >/dev/null
done

log "wrk -t$THREADS -c$CONNECTIONS -d$DURATION -s bench/http/thread.lua, $RUNS runs, load $(load_average)"
printf '%-4s %-6s %-6s %12s %12s %7s %12s %12s\n' run shape case parley_rps nginx_rps ratio parley_cpu_us nginx_cpu_us
for run in $(seq 1 "$RUNS"); do
    for gzip in 0 1; do
        result=$(measure "$nginx_port" "$gzip" "$DURATION" "${nginx_pids[@]}")
        read -r nginx_rps nginx_cpu <<<"$result"
        result=$(measure "$parley_port" "$gzip" "$DURATION" "$parley_pid")
        read -r parley_rps parley_cpu <<<"$result"
        ratio=$(awk -v p="$parley_rps" -v n="$nginx_rps" 'BEGIN { printf "%.1f%%", 100 * p / n }')
        printf '%-4s %-6s %-6s %12s %12s %7s %12s %12s\n' "$run" "$SHAPE" \
            "$([[ $gzip == 1 ]] && echo gzip || echo plain)" "$parley_rps" "$nginx_rps" "$ratio" "$parley_cpu" \
            "$nginx_cpu"
    done
done
log "load after the runs: $(load_average)"

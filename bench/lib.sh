# Functions shared by the load scripts in bench/ (sourced, not run). They expect $root (the
# repository) and $work (a temporary folder the caller removes) to be set, and `set -euo pipefail`.

log() { echo "== $(date -u +%H:%M:%S) $*" >&2; }

# A loopback port nothing listens on, below the kernel's ephemeral range.
free_port() {
    local port
    while true; do
        port=$((20000 + RANDOM % 12000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
}

# Waits up to 90 seconds for a URL to answer 200.
await() {
    for _ in $(seq 1 180); do
        if curl -fs -o /dev/null "$1"; then return 0; fi
        sleep 0.5
    done
    echo "no answer from $1" >&2
    return 1
}

load_average() { cut -d' ' -f1-3 /proc/loadavg; }

# Builds what the benchmark runs: target/parley.jar (when missing) and the seeder's classpath. PARLEY_JAR and
# SEED_CLASSPATH name other copies (e.g. a snapshot, so that a build during a long run changes nothing under it).
build() {
    if [[ -n ${PARLEY_JAR:-} && -n ${SEED_CLASSPATH:-} ]]; then return; fi
    if [[ ! -f "$root/target/parley.jar" ]]; then
        log "building target/parley.jar"
        (cd "$root" && ./mvnw -q package -DskipTests)
    fi
    (cd "$root" && ./mvnw -q test-compile && ./mvnw -q dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile=target/jmh-classpath.txt >/dev/null)
}

# Seeds a database: seed OUT_DIR COMMENTS STORIES (--data DIR | --database URL --user U --password P)
seed() {
    local out=$1 comments=$2 stories=$3
    shift 3
    mkdir -p "$out"
    java -cp "${SEED_CLASSPATH:-$root/target/test-classes:$root/target/classes:$(cat "$root/target/jmh-classpath.txt")}" \
        org.parley.store.ScaleSeed --comments "$comments" --stories "$stories" --out "$out" "$@" \
        | tr '\r' '\n' | tail -n 1 >&2
}

# Starts a private PostgreSQL cluster in $work/pg on a free port (as the postgres user when run as root, since
# PostgreSQL refuses to run as root); sets pg_port, pg_bin and pg_as. Stop it with stop_postgres.
pg_port=""
pg_as=()
start_postgres() {
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    [[ -x "$pg_bin/initdb" ]] || { echo "needs Debian's PostgreSQL (apt-get install -y postgresql)" >&2; return 1; }
    mkdir -p "$work/pg"
    if [[ $(id -u) == 0 ]]; then
        chmod 777 "$work" "$work/pg"
        pg_as=(runuser -u postgres --)
    fi
    "${pg_as[@]}" "$pg_bin/initdb" -D "$work/pg/cluster" -U parley --auth=trust -E UTF8 --locale=C >/dev/null
    pg_port=$(free_port)
    # synchronous_commit=off is PostgreSQL's match for SQLite's WAL with synchronous=NORMAL, which Parley uses:
    # a crash may lose the last commits, never consistency.
    "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$work/pg/cluster" -w -t 60 -l "$work/pg/log" -o \
        "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200 -c synchronous_commit=off -c shared_buffers=256MB" \
        start >/dev/null
    log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
}

stop_postgres() {
    if [[ -n "$pg_port" ]]; then
        "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$work/pg/cluster" -m fast -w stop >/dev/null 2>&1 || true
        pg_port=""
    fi
}

# Creates a database in the private cluster and prints its JDBC URL.
pg_database() {
    "${pg_as[@]}" "$pg_bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U parley -d postgres -c "CREATE DATABASE $1" >/dev/null
    echo "jdbc:postgresql://127.0.0.1:$pg_port/$1"
}

# Starts Parley: start_parley NAME PORT [serve options...]; environment as given by the caller. Sets
# parley_pids[NAME]. Logs go to $work/NAME.log.
declare -A parley_pids=()
start_parley() {
    local name=$1 port=$2
    shift 2
    # shellcheck disable=SC2086 # JAVA_OPTS holds several options
    PARLEY_RATE_LIMITS=off java ${JAVA_OPTS:-} -jar "${PARLEY_JAR:-$root/target/parley.jar}" serve --host 127.0.0.1 \
        --port "$port" "$@" >"$work/$name.log" 2>&1 &
    parley_pids[$name]=$!
    await "http://127.0.0.1:$port/health"
}

stop_parley() {
    local pid=${parley_pids[$1]:-}
    if [[ -n "$pid" ]]; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        unset "parley_pids[$1]"
    fi
}

stop_all_parleys() {
    local name
    for name in "${!parley_pids[@]}"; do stop_parley "$name"; done
}

# The thread-read path of a story URL: GET /api/v1/threads for the bench site, first page of 200.
thread_path() {
    echo "/api/v1/threads?site=bench&url=$(jq -rn --arg u "$1" '$u|@uri')&limit=200"
}

# CPU time a process has used so far, in clock ticks (user + system).
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# Runs wrk with a script that prints a RESULT line; prints that line followed by the load averages and, when
# CPU_PIDS names server processes, the CPU time they spent per request (cpu_us), a figure that other work on a
# shared machine moves much less than requests per second.
# wrk_result SCRIPT URL CONNECTIONS DURATION [VAR=VALUE...]
wrk_result() {
    local script=$1 url=$2 connections=$3 duration=$4 out line before=0 after=0 pid
    shift 4
    for pid in ${CPU_PIDS:-}; do before=$((before + $(cpu_ticks "$pid"))); done
    out=$(env BENCH_HTTP="$root/bench/http" "$@" wrk -t"${THREADS:-2}" -c"$connections" -d"$duration" --timeout 10s -s "$script" "$url")
    for pid in ${CPU_PIDS:-}; do after=$((after + $(cpu_ticks "$pid"))); done
    line=$(grep '^RESULT' <<<"$out" | sed 's/^RESULT //')
    if grep -q '^STATUSES' <<<"$out"; then line+=" statuses=$(grep '^STATUSES' <<<"$out" | cut -d' ' -f2- | tr ' ' ',')"; fi
    if [[ -n ${CPU_PIDS:-} ]]; then
        line+=" cpu_us=$(awk -v t=$((after - before)) -v n="$(field "$line" requests)" -v hz="$(getconf CLK_TCK)" \
            'BEGIN { printf "%.0f", (n > 0 ? t / hz * 1e6 / n : 0) }')"
    fi
    echo "$line load=$(load_average | tr ' ' '/')"
}

# A field of a RESULT line: field LINE NAME
field() { sed -n "s/.*\\b$2=\\([^ ]*\\).*/\\1/p" <<<"$1"; }

# The start of an nginx.conf that runs in the foreground from DIR (pid, logs and temporary files there), up to
# and including "http {"; the caller adds its upstreams and servers and closes the block.
nginx_preamble() {
    cat <<CONF
worker_processes auto;
pid $1/nginx.pid;
error_log $1/error.log;
daemon off;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $1;
    proxy_temp_path $1;
    fastcgi_temp_path $1;
    uwsgi_temp_path $1;
    scgi_temp_path $1;
CONF
}

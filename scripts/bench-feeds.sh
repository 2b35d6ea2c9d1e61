#!/usr/bin/env bash
# Benchmark of the public agenda (issues: Activities, "Performance"; 20, "Cache misses"): seeds
# 10,000 public activities into a fresh SQLite database, starts the release server on a free
# loopback port, and measures with wrk (16 connections, 10 s each): /healthz (the ceiling), the
# first page of /api/v1/public/events, a date-range page, the .ics for the next 3 months, and a
# 304 revalidation; then the same JSON page of 50 and an .ics of about 1,000 events uncached,
# each request missing the feed cache and rendering: a `modified_since` of its own (a partner's
# poll), or a query parameter of its own (a new query string). The same again on PostgreSQL
# (the SQLite database copied with `interra copy-db`) when it answers on 127.0.0.1:5432 or
# INTERRA_BENCH_POSTGRES_URL names a maintenance database.
# Before those, the time of the first request after start (the public agenda read into memory)
# and of the first one after a change made elsewhere (the changed rows read again).
# Prints requests/s, p50 and p99 latency, and the CPU time per request of the server process
# (from /proc, user + system, over the whole run: what a request costs, whatever else runs on
# the machine), and on PostgreSQL that of the database's backends too; then the server's peak
# RSS. Not a test: nothing fails on a slow machine.
set -euo pipefail
SCRIPT_NAME=bench-feeds
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_native_deps
command -v wrk >/dev/null || apt_ensure wrk
command -v python3 >/dev/null || die "python3 is needed to seed the database"
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
if [[ -z "${INTERRA_BENCH_POSTGRES_URL:-}" ]] && command -v pg_isready >/dev/null \
    && pg_isready -q -h 127.0.0.1 -p 5432; then
    INTERRA_BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres
fi

cargo build --release -q -p interra-api --bin interra
BIN=${CARGO_TARGET_DIR:-target}/release/interra
DATA=$(mktemp -d)
PID=""
PG_DB=""
cleanup() {
    [[ -n "$PID" ]] && kill "$PID" 2>/dev/null
    [[ -n "$PG_DB" ]] && psql -q "$INTERRA_BENCH_POSTGRES_URL" \
        -c "DROP DATABASE IF EXISTS \"$PG_DB\" WITH (FORCE)" >/dev/null 2>&1
    rm -rf "$DATA"
}
trap cleanup EXIT
export INTERRA_DATA_DIR=$DATA INTERRA_LOG=warn INTERRA_BIND=127.0.0.1:0
"$BIN" migrate >/dev/null

python3 - "$DATA/interra.db" <<'PY'
import sqlite3, sys, uuid, json, datetime, random
db = sqlite3.connect(sys.argv[1])
random.seed(7)
now = datetime.datetime.utcnow().replace(microsecond=0)
venue = db.execute("SELECT id FROM venues LIMIT 1").fetchone()[0]
tags = [r[0] for r in db.execute("SELECT id FROM tags")]
rows, links = [], []
programmes = ["interact", "training", "interlab", "other"]
kinds = ["workshop_session", "training", "networking", "info_session"]
for i in range(10_000):
    start = now + datetime.timedelta(hours=random.randint(-24 * 30, 24 * 365))
    # Written over the past year, as an agenda fills (not all at the same second).
    made = now - datetime.timedelta(minutes=random.randint(60, 525_600))
    aid = str(uuid.uuid4())
    title = json.dumps({"fr": f"Atelier n°{i}", "en": f"Workshop #{i}"})
    desc = json.dumps({"fr": "Un atelier pour se rencontrer, partager une passion et pratiquer le français."})
    rows.append((aid, title, desc, programmes[i % 4], kinds[i % 4], start.isoformat(sep=" "),
                 (start + datetime.timedelta(hours=2)).isoformat(sep=" "), venue, 20, "fr", 1, "public",
                 "published", 0, made.isoformat(sep=" "), made.isoformat(sep=" ")))
    links.append((aid, random.choice(tags)))
db.executemany("""INSERT INTO activities (id, title, description, programme, kind, starts_at, ends_at,
    venue_id, capacity, languages, free, visibility, status, sequence, created_at, updated_at)
    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", rows)
db.executemany("INSERT INTO activity_tags (activity_id, tag_id) VALUES (?,?)", links)
db.commit()
print(f"seeded {len(rows)} public activities")
PY

CLK_TCK=$(getconf CLK_TCK)
# CPU ticks (user + system) of the given processes, added up.
ticks() {
    local total=0 pid
    for pid in "$@"; do
        [[ -r /proc/$pid/stat ]] || continue
        total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
    done
    echo "$total"
}
# The PostgreSQL backends serving the benchmark's database (the pool's connections).
backends() {
    [[ -n "$PG_DB" ]] || return 0
    psql -At "$INTERRA_BENCH_POSTGRES_URL" \
        -c "SELECT pid FROM pg_stat_activity WHERE datname = '$PG_DB'" 2>/dev/null || true
}

# A `modified_since` of its own (2020-01-01 plus a second per request) on every request.
cat >"$DATA/modified.lua" <<'LUA'
local threads = 0
function setup(thread)
    thread:set("tid", threads)
    threads = threads + 1
end
local n = 0
function request()
    n = n + 1
    local at = 1577836800 + tid * 10000000 + n
    return wrk.format("GET", wrk.path .. "&modified_since=" .. os.date("!%Y-%m-%dT%H:%M:%SZ", at))
end
LUA
# A parameter of its own (ignored by the API) on every request: a query string never seen.
cat >"$DATA/unique.lua" <<'LUA'
local threads = 0
function setup(thread)
    thread:set("tid", threads)
    threads = threads + 1
end
local n = 0
function request()
    n = n + 1
    return wrk.format("GET", wrk.path .. "&bench=" .. tid .. "-" .. n)
end
LUA

run() { # name, url, [header | "modified" | "unique"]
    local name=$1 url=$2 out args=()
    case "${3:-}" in
        modified | unique) args=(-s "$DATA/$3.lua") ;;
        "") ;;
        *) args=(-H "$3") ;;
    esac
    local pids
    mapfile -t pids < <(backends)
    local before db_before
    before=$(ticks "$PID")
    db_before=$(ticks "${pids[@]}")
    out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "${args[@]}" "$url")
    local cpu db
    cpu=$(($(ticks "$PID") - before))
    db=$(($(ticks "${pids[@]}") - db_before))
    local rps p50 p99 n
    rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
    p50=$(awk '$1=="50%"{print $2}' <<<"$out")
    p99=$(awk '$1=="99%"{print $2}' <<<"$out")
    n=$(awk '/requests in/{print $1}' <<<"$out")
    local per dbper=""
    per=$(awk -v t="$cpu" -v n="$n" -v hz="$CLK_TCK" 'BEGIN{printf "%.3f", n ? t * 1000 / hz / n : 0}')
    if [[ -n "$PG_DB" ]]; then
        dbper=$(awk -v t="$db" -v n="$n" -v hz="$CLK_TCK" 'BEGIN{printf "   + database %.3f ms", n ? t * 1000 / hz / n : 0}')
    fi
    printf '%-40s %9s req/s  p50 %8s  p99 %8s  CPU %s ms/req%s\n' \
        "$name" "$rps" "$p50" "$p99" "$per" "$dbper"
}

ms() { awk -v s="$1" 'BEGIN{printf "%.1f ms", s * 1000}'; }

# Marks one activity changed now, as a write by another process would.
touch_one() { # offset
    if [[ -n "$PG_DB" ]]; then
        psql -q "$PG_URL" -c "UPDATE activities SET updated_at = now() AT TIME ZONE 'utc'
            WHERE id = (SELECT id FROM activities ORDER BY id LIMIT 1 OFFSET $1)" >/dev/null
    else
        python3 - "$DATA/interra.db" "$1" <<'PY'
import datetime, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None).isoformat(sep=" ")
db.execute("UPDATE activities SET updated_at = ? WHERE id = (SELECT id FROM activities ORDER BY id LIMIT 1 OFFSET ?)", (now, int(sys.argv[2])))
db.commit()
PY
    fi
}

measure() { # label
    "$BIN" serve >"$DATA/serve.log" 2>&1 &
    PID=$!
    for _ in $(seq 1 50); do grep -q "listening on" "$DATA/serve.log" && break; sleep 0.2; done
    BASE=$(grep -o 'http://127.0.0.1:[0-9]*' "$DATA/serve.log" | head -n1)
    [[ -n "$BASE" ]] || die "server did not start: $(cat "$DATA/serve.log")"
    local etag from to ics_to ics_count
    local first
    first=$(curl -s -o /dev/null -w '%{time_total}' "$BASE/api/v1/public/events?page_size=50")
    etag=$(curl -s -D - -o /dev/null "$BASE/api/v1/public/events" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
    from=$(date -u +%Y-%m-%d)
    to=$(date -u -d '+3 months' +%Y-%m-%d)
    ics_to=$(date -u -d '+40 days' +%Y-%m-%d)
    ics_count=$(curl -s "$BASE/api/v1/public/events.ics?start=$from&end=$ics_to" | grep -c '^BEGIN:VEVENT' || true)
    echo "== $1: public agenda, 10,000 public activities, $CONNECTIONS connections, $DURATION each (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
    echo "first request after start (the agenda read in full): $(ms "$first")"
    # A change made elsewhere (another process), noticed at the next version check.
    local after
    touch_one 1
    sleep 2.2
    after=$(curl -s -o /dev/null -w '%{time_total}' "$BASE/api/v1/public/events?page_size=50&after=1")
    echo "first request after a change elsewhere (one row read again): $(ms "$after")"
    run "/healthz (ceiling)" "$BASE/healthz"
    run "events JSON, first page" "$BASE/api/v1/public/events"
    run "events JSON, date range" "$BASE/api/v1/public/events?start=$from&end=$to&page=2"
    run "events.ics, next 3 months" "$BASE/api/v1/public/events.ics?start=$from&end=$to"
    run "events JSON, 304 revalidation" "$BASE/api/v1/public/events" "If-None-Match: $etag"
    run "events JSON page of 50, uncached poll" "$BASE/api/v1/public/events?page_size=50" modified
    run "events JSON page of 50, uncached query" "$BASE/api/v1/public/events?page_size=50" unique
    run "events.ics ($ics_count events), uncached poll" "$BASE/api/v1/public/events.ics?start=$from&end=$ics_to" modified
    run "events.ics ($ics_count events), uncached query" "$BASE/api/v1/public/events.ics?start=$from&end=$ics_to" unique
    echo "server peak RSS: $(awk '/VmHWM/{printf "%.0f MiB", $2/1024}' /proc/$PID/status)"
    kill "$PID"
    wait "$PID" 2>/dev/null || true
    PID=""
}

measure SQLite
if [[ -n "${INTERRA_BENCH_POSTGRES_URL:-}" ]]; then
    PG_DB="interra_bench_feeds_$$"
    psql -q "$INTERRA_BENCH_POSTGRES_URL" -c "CREATE DATABASE \"$PG_DB\"" >/dev/null
    PG_URL="${INTERRA_BENCH_POSTGRES_URL%/*}/$PG_DB"
    "$BIN" copy-db --to "$PG_URL" >/dev/null
    psql -q "$PG_URL" -c "ANALYZE" >/dev/null
    INTERRA_DATABASE_URL=$PG_URL measure PostgreSQL
else
    echo "PostgreSQL: skipped (none on 127.0.0.1:5432; set INTERRA_BENCH_POSTGRES_URL)"
fi

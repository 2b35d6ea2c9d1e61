#!/usr/bin/env bash
# Benchmark of the public agenda (issue: Activities, "Performance"): seeds 10,000 public
# activities into a fresh SQLite database, starts the release server on a free loopback port,
# and measures with wrk (16 connections, 10 s each): /healthz (the ceiling), the first page of
# /api/v1/public/events, a date-range page, the .ics for the next 3 months, and a 304
# revalidation; then the same JSON page of 50 and an .ics of about 1,000 events uncached (a
# `modified_since` of its own per request: every request misses the feed cache and renders).
# Prints requests/s, p50 and p99 latency, and the server's peak RSS.
set -euo pipefail
SCRIPT_NAME=bench-feeds
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_native_deps
command -v wrk >/dev/null || apt_ensure wrk
command -v python3 >/dev/null || die "python3 is needed to seed the database"
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}

cargo build --release -q -p interra-api --bin interra
BIN=${CARGO_TARGET_DIR:-target}/release/interra
DATA=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT
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
    aid = str(uuid.uuid4())
    title = json.dumps({"fr": f"Atelier n°{i}", "en": f"Workshop #{i}"})
    desc = json.dumps({"fr": "Un atelier pour se rencontrer, partager une passion et pratiquer le français."})
    rows.append((aid, title, desc, programmes[i % 4], kinds[i % 4], start.isoformat(sep=" "),
                 (start + datetime.timedelta(hours=2)).isoformat(sep=" "), venue, 20, "fr", 1, "public",
                 "published", 0, now.isoformat(sep=" "), now.isoformat(sep=" ")))
    links.append((aid, random.choice(tags)))
db.executemany("""INSERT INTO activities (id, title, description, programme, kind, starts_at, ends_at,
    venue_id, capacity, languages, free, visibility, status, sequence, created_at, updated_at)
    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", rows)
db.executemany("INSERT INTO activity_tags (activity_id, tag_id) VALUES (?,?)", links)
db.commit()
print(f"seeded {len(rows)} public activities")
PY

"$BIN" serve > "$DATA/serve.log" 2>&1 &
PID=$!
for _ in $(seq 1 50); do grep -q "listening on" "$DATA/serve.log" && break; sleep 0.2; done
BASE=$(grep -o 'http://127.0.0.1:[0-9]*' "$DATA/serve.log" | head -n1)
[[ -n "$BASE" ]] || die "server did not start: $(cat "$DATA/serve.log")"
ETAG=$(curl -s -D - -o /dev/null "$BASE/api/v1/public/events" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
FROM=$(date -u +%Y-%m-%d)
TO=$(date -u -d '+3 months' +%Y-%m-%d)

# Adds a `modified_since` of its own (2020-01-01 plus a second per request) to every request.
cat >"$DATA/uncached.lua" <<'LUA'
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

run() { # name, url, [header | "uncached"]
    local name=$1 url=$2 out
    if [[ "${3:-}" == uncached ]]; then
        out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$DATA/uncached.lua" "$url")
    elif [[ -n "${3:-}" ]]; then
        out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "$3" "$url")
    else
        out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$url")
    fi
    local rps p50 p99
    rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
    p50=$(awk '$1=="50%"{print $2}' <<<"$out")
    p99=$(awk '$1=="99%"{print $2}' <<<"$out")
    printf '%-34s %10s req/s   p50 %8s   p99 %8s\n' "$name" "$rps" "$p50" "$p99"
}

echo "== public agenda benchmark: 10,000 public activities, $CONNECTIONS connections, $DURATION each"
run "/healthz (ceiling)" "$BASE/healthz"
run "events JSON, first page" "$BASE/api/v1/public/events"
run "events JSON, date range" "$BASE/api/v1/public/events?start=$FROM&end=$TO&page=2"
run "events.ics, next 3 months" "$BASE/api/v1/public/events.ics?start=$FROM&end=$TO"
run "events JSON, 304 revalidation" "$BASE/api/v1/public/events" "If-None-Match: $ETAG"
ICS_TO=$(date -u -d '+40 days' +%Y-%m-%d)
ICS_COUNT=$(curl -s "$BASE/api/v1/public/events.ics?start=$FROM&end=$ICS_TO" | grep -c '^BEGIN:VEVENT' || true)
run "events JSON page of 50, uncached" "$BASE/api/v1/public/events?page_size=50" uncached
run "events.ics ($ICS_COUNT events), uncached" "$BASE/api/v1/public/events.ics?start=$FROM&end=$ICS_TO" uncached
echo "server peak RSS: $(awk '/VmHWM/{printf "%.0f MiB", $2/1024}' /proc/$PID/status)"

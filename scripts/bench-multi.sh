#!/usr/bin/env bash
# Benchmark of several instances (README, "Several instances"): one and then two release
# servers on one PostgreSQL database (1,000 public activities), measured with wrk: /healthz
# (the ceiling), the public JSON agenda, and public registrations (each from its own address
# through the trusted-proxy header, a new person each, all on one activity of 50 seats). With
# two instances, two wrk processes load one instance each at the same time and their rates
# are added. Prints requests/s side by side, then checks that the activity is not overbooked.
set -euo pipefail
SCRIPT_NAME=bench-multi
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_native_deps
command -v wrk >/dev/null || apt_ensure wrk
command -v psql >/dev/null || apt_ensure postgresql-client
DURATION=${DURATION:-5s}
CONNECTIONS=${CONNECTIONS:-16}
SEATS=50

# INTERRA_BIN: an already built server (the script then builds nothing).
if [[ -z "${INTERRA_BIN:-}" ]]; then
    cargo build --release -q -p interra-api --bin interra
fi
BIN=${INTERRA_BIN:-${CARGO_TARGET_DIR:-target}/release/interra}
MAINT=$(ensure_postgres)
NAME="interra_bench_$$"
URL="${MAINT%/*}/$NAME"
psql -q "$MAINT" -c "CREATE DATABASE $NAME" >/dev/null
WORK=$(mktemp -d)
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    sleep 0.5
    psql -q "$MAINT" -c "DROP DATABASE IF EXISTS $NAME WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
export INTERRA_DATABASE_URL=$URL INTERRA_LOG=warn INTERRA_BIND=127.0.0.1:0
export INTERRA_TRUSTED_PROXIES=127.0.0.1
export INTERRA_JWT_SECRET=bench-secret-that-is-long-enough-for-hs256
export INTERRA_DATA_DIR=$WORK/a
"$BIN" migrate >/dev/null
echo "quiet harbour lantern 2026" | "$BIN" user create \
    --email bench@example.org --name Bench --role coordinator >/dev/null
psql -q "$URL" >/dev/null <<'SQL'
INSERT INTO activities (id, title, description, programme, kind, starts_at, ends_at, venue_id,
    capacity, languages, free, visibility, status, sequence, created_at, updated_at)
SELECT gen_random_uuid()::text, json_build_object('fr', 'Atelier n°' || i)::text,
    '{"fr":"Un atelier pour se rencontrer et pratiquer le français."}', 'interact',
    'workshop_session', (now() at time zone 'utc') + (i || ' hours')::interval,
    (now() at time zone 'utc') + (i + 2 || ' hours')::interval,
    (SELECT id FROM venues LIMIT 1), 20, 'fr', true, 'public', 'published', 0,
    now() at time zone 'utc', now() at time zone 'utc'
FROM generate_series(1, 1000) AS i;
SQL

start() { # data folder name → prints the base URL
    local dir=$WORK/$1
    mkdir -p "$dir"
    INTERRA_DATA_DIR=$dir "$BIN" serve >"$dir.log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 1 50); do grep -q "listening on" "$dir.log" && break; sleep 0.2; done
    grep -o 'http://127.0.0.1:[0-9]*' "$dir.log" | head -n1
}
A=$(start a)
B=$(start b)
[[ -n "$A" && -n "$B" ]] || die "servers did not start: $(cat "$WORK"/*.log)"

TOKEN=$(curl -fsS "$A/api/v1/auth/login" -H 'content-type: application/json' \
    -d '{"email":"bench@example.org","password":"quiet harbour lantern 2026"}' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
DAY=$(date -u -d '+20 days' +%Y-%m-%d)
VENUE=$(psql -tA "$URL" -c "SELECT id FROM venues LIMIT 1")
ACTIVITY=$(curl -fsS "$A/api/v1/activities" -H 'content-type: application/json' \
    -H "authorization: Bearer $TOKEN" -d @- <<JSON | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
{"title":{"fr":"Visite guidée"},"description":{"fr":"Places limitées"},"programme":"interact",
 "kind":"workshop_session","starts_at":"${DAY}T14:00","ends_at":"${DAY}T16:00",
 "venue_id":"$VENUE","capacity":$SEATS,"free":true,
 "visibility":"public","status":"published","languages":["fr"]}
JSON
)

cat >"$WORK/register.lua" <<'LUA'
-- A new visitor per request: their own address (X-Forwarded-For) and e-mail.
local threads = 0
function setup(thread)
    thread:set("tid", threads)
    threads = threads + 1
end
local n = 0
local prefix = os.getenv("BENCH_PREFIX") or "x"
function request()
    n = n + 1
    local body = string.format(
        '{"first_name":"Visiteur","email":"v-%s-%d-%d@example.org","profile":"local",' ..
        '"lang":"fr","notice_version":"2026-11","consent":true}', prefix, tid, n)
    local headers = {
        ["Content-Type"] = "application/json",
        ["X-Forwarded-For"] = string.format("10.%d.%d.%d", (tid * 16 + math.floor(n / 65536)) % 256,
            math.floor(n / 256) % 256, n % 256),
    }
    return wrk.format("POST", nil, headers, body)
end
LUA

# wrk on one URL → "req/s non2xx"
load() { # url [prefix] [connections]
    local out rps bad
    if [[ -n "${2:-}" ]]; then
        out=$(BENCH_PREFIX=$2 wrk -t2 -c"${3:-$CONNECTIONS}" -d"$DURATION" -s "$WORK/register.lua" "$1")
    else
        out=$(wrk -t2 -c"${3:-$CONNECTIONS}" -d"$DURATION" "$1")
    fi
    rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
    bad=$(awk '/Non-2xx/{print $NF}' <<<"$out")
    echo "$rps ${bad:-0}"
}

# The same load, split over both instances at once; rates added.
both() { # path [prefix]
    local half=$((CONNECTIONS / 2)) one two
    load "$A$1" "${2:+$2a}" "$half" >"$WORK/one.out" &
    local p=$!
    two=$(load "$B$1" "${2:+$2b}" "$half")
    wait "$p"
    one=$(cat "$WORK/one.out")
    awk -v a="$one" -v b="$two" 'BEGIN{split(a,x," "); split(b,y," "); printf "%.0f %d\n", x[1]+y[1], x[2]+y[2]}'
}

row() { # name one two
    printf '%-26s %12s %12s\n' "$1" "$2" "$3"
}
fmt() { awk '{printf "%.0f%s", $1, ($2 > 0 ? " (" $2 " refused)" : "")}' <<<"$1"; }

EVENTS=/api/v1/public/events
REGISTER=/api/v1/public/events/$ACTIVITY/register
echo "== one vs two instances on one PostgreSQL, $CONNECTIONS connections, $DURATION each"
row "req/s" "1 instance" "2 instances"
row "/healthz (ceiling)" "$(fmt "$(load "$A/healthz")")" "$(fmt "$(both /healthz)")"
row "public JSON agenda" "$(fmt "$(load "$A$EVENTS")")" "$(fmt "$(both $EVENTS)")"
row "public registrations" "$(fmt "$(load "$A$REGISTER" one)")" "$(fmt "$(both "$REGISTER" two)")"

registered=$(psql -tA "$URL" -c "SELECT COUNT(*) FROM registrations WHERE activity_id = '$ACTIVITY' AND status = 'registered'")
total=$(psql -tA "$URL" -c "SELECT COUNT(*) FROM registrations WHERE activity_id = '$ACTIVITY'")
echo "registrations: $total in all, $registered registered for $SEATS seats, the rest waitlisted"
[[ "$registered" -le "$SEATS" ]] || die "overbooked: $registered registered for $SEATS seats"
echo "no overbooking"

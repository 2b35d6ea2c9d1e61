#!/usr/bin/env bash
# The fuzzing gate: schemathesis generates requests from the served OpenAPI document and runs
# every check (server errors, statuses, content types, headers, response schemas, refusal of
# invalid data, acceptance of valid data, undeclared methods, authentication...) against the
# real server with the demo data, signed in as the demo administrator, on SQLite and then on a
# fresh PostgreSQL database. Any failure of any check fails the run, and so does an ERROR line
# in the server's log.
#
# What the document states beyond the types comes from api/src/http/contract.rs; the few
# refusals no schema can state (business rules answered with a documented 422) and the
# generation settings are in scripts/fuzz/schemathesis.toml, each with its reason; requests to
# operations throttled per address come from distinct addresses (scripts/fuzz/hooks.py).
#
# Installs schemathesis (pinned) into a virtualenv under target/ on first use (Python 3 with
# venv and pip; PyPI reachable). About a minute per database with the default examples.
#
#   scripts/fuzz-api.sh                   both databases
#   FUZZ_BACKENDS=sqlite scripts/fuzz-api.sh
#   FUZZ_EXAMPLES=50 scripts/fuzz-api.sh  more cases per operation (default 15)
set -euo pipefail
SCRIPT_NAME=fuzz-api
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
source scripts/lib.sh

SCHEMATHESIS_VERSION=4.32.5
VENV=${FUZZ_VENV:-$ROOT/target/fuzz-venv}
EXAMPLES=${FUZZ_EXAMPLES:-15}
BACKENDS=${FUZZ_BACKENDS:-sqlite postgres}
ADMIN_EMAIL=admin@demo.interra.be
ADMIN_PASSWORD=interra-demo-2026

# ------------------------------------------------------------------ schemathesis
if [[ "$("$VENV/bin/st" --version 2>/dev/null)" != *"$SCHEMATHESIS_VERSION"* ]]; then
    python3 -m venv --help >/dev/null 2>&1 || apt_ensure python3-venv
    if [[ ! -x "$VENV/bin/pip" ]]; then
        rm -rf "$VENV"
        python3 -m venv "$VENV" || { apt_ensure python3-venv; python3 -m venv "$VENV"; }
    fi
    log "installing schemathesis $SCHEMATHESIS_VERSION into $VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

# ------------------------------------------------------------------ server
log "server binary (the test build's)"
SERVER_BIN=$(test_server_bin)
[[ -x "$SERVER_BIN" ]] || die "no server binary from cargo test --workspace --no-run"
log "server: $SERVER_BIN"
REPORTS=${FUZZ_REPORTS:-${CARGO_TARGET_DIR:-$ROOT/target}/fuzz-reports}
rm -rf "$REPORTS"
mkdir -p "$REPORTS"

SERVER_PID=""
DATA_DIR=""
PG_DB=""
stop_server() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
    [[ -n "$DATA_DIR" ]] && rm -rf "$DATA_DIR"
    DATA_DIR=""
    if [[ -n "$PG_DB" ]]; then
        psql -q "$PG_ADMIN_URL" -c "DROP DATABASE IF EXISTS \"$PG_DB\" WITH (FORCE)" >/dev/null 2>&1 || true
    fi
    PG_DB=""
}
# Starts `interra serve --demo` on a free port with a fresh data folder; sets URL.
start_server() {
    local backend=$1
    DATA_DIR=$(mktemp -d -t interra-fuzz-XXXXXX)
    # The fuzzer's requests each name their own client address (scripts/fuzz/hooks.py), so
    # per-address throttling does not turn the public forms into a wall of 429s.
    local env=(INTERRA_BIND=127.0.0.1:0 INTERRA_DATA_DIR="$DATA_DIR" INTERRA_LOG=info
        INTERRA_TRUSTED_PROXIES=127.0.0.1)
    if [[ $backend == postgres ]]; then
        PG_ADMIN_URL=$(ensure_postgres)
        PG_DB="interra_fuzz_$(date +%s)_$$"
        psql -q "$PG_ADMIN_URL" -c "CREATE DATABASE \"$PG_DB\"" >/dev/null
        env+=(INTERRA_DATABASE_URL="${PG_ADMIN_URL%/*}/$PG_DB")
    fi
    env "${env[@]}" "$SERVER_BIN" serve --demo >"$DATA_DIR/server.log" 2>&1 &
    SERVER_PID=$!
    URL=""
    for _ in $(seq 1 300); do
        URL=$(sed -n 's#.*Interra listening on \(http://[^ ]*\).*#\1#p' "$DATA_DIR/server.log" | head -n1)
        [[ -n "$URL" ]] && break
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$DATA_DIR/server.log" >&2; die "the server stopped before listening"; }
        sleep 0.2
    done
    [[ -n "$URL" ]] || { cat "$DATA_DIR/server.log" >&2; die "the server did not say where it listens"; }
}

admin_token() {
    curl -sf -X POST "$URL/api/v1/auth/login" -H 'Content-Type: application/json' \
        -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" \
        | "$VENV/bin/python" -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

# ------------------------------------------------------------------ runs
# The two databases run side by side, each with its own server, port, data folder and report:
# the fuzzer is mostly waiting on the server, so together they take little more than one.
run_backend() {
    local backend=$1 status=0
    trap stop_server EXIT
    trap 'exit 1' TERM INT
    start_server "$backend"
    log "$backend: server at $URL"
    token=$(admin_token) || die "cannot sign in as $ADMIN_EMAIL"
    started=$SECONDS
    args=(
        run "$URL/api/openapi.json"
        --checks all
        --max-examples "$EXAMPLES"
        --seed 20261
        --workers 2
        --request-timeout 30
        --header "Authorization: Bearer $token"
        --report junit --report-junit-path "$REPORTS/$backend.xml"
        # Changing the password of the account the run is signed in with would end the run
        # halfway (every later request 401): the password rules are tested in api/tests.
        --exclude-operation-id change_password
        # Editing staff accounts can deactivate or demote the administrator the run uses, or
        # the last administrator; the account rules, including refusing a non-object body,
        # are tested in api/tests/api/users.rs.
        --exclude-operation-id update_user
    )
    fuzz() {
        SCHEMATHESIS_HOOKS="$ROOT/scripts/fuzz/hooks.py" \
            "$VENV/bin/st" --config-file "$ROOT/scripts/fuzz/schemathesis.toml" "${args[@]}"
    }
    if ! fuzz; then
        # A check that failed is a finding and fails the gate. An error with no failure is the
        # tool crashing while it builds a case (seen: Hypothesis's "AST constructor recursion
        # depth mismatch" under CPython 3.11), not an answer of the API: run once more.
        if ! grep -q '<failure' "$REPORTS/$backend.xml" && grep -q '<error' "$REPORTS/$backend.xml"; then
            log "$backend: schemathesis itself errored (no check failed): running once more"
            fuzz || status=1
        else
            status=1
        fi
        ((status == 0)) || log "$backend: schemathesis found failures (report: $REPORTS/$backend.xml)"
    fi
    if grep -E '(^| )(ERROR|panicked)' "$DATA_DIR/server.log" >&2; then
        log "$backend: the server logged errors (above)"
        status=1
    fi
    # The data folder goes with the server; a failed run keeps its log beside the report.
    ((status == 0)) || cp "$DATA_DIR/server.log" "$REPORTS/$backend-server.log"
    log "$backend: $((SECONDS - started)) s (report: $REPORTS/$backend.xml)"
    return "$status"
}

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
for backend in $BACKENDS; do
    # Each line carries its database, so the two interleaved outputs stay readable.
    ( set -o pipefail; run_backend "$backend" 2>&1 | sed -u "s/^/[$backend] /" ) &
    pids+=($!)
done
status=0
for pid in "${pids[@]}"; do
    wait "$pid" || status=1
done
pids=()
# CI keeps only the end of a long output: say last, per database, what failed and why.
summary() {
    local backend=$1 report=$REPORTS/$1.xml
    [[ -f $report ]] && "$VENV/bin/python" - "$report" "$backend" <<'PY'
import sys, xml.etree.ElementTree as ET
report, backend = sys.argv[1], sys.argv[2]
for case in ET.parse(report).iter("testcase"):
    for bad in list(case.findall("failure")) + list(case.findall("error")):
        text = (bad.get("message") or "") + "\n" + (bad.text or "")
        lines = [l for l in text.strip().splitlines() if l.strip()][:40]
        print(f"[{backend}] {bad.tag}: {case.get('name')}")
        for line in lines:
            print(f"[{backend}]     {line}")
PY
    local log_file=$REPORTS/$backend-server.log
    [[ -f $log_file ]] && grep -E '(^| )(ERROR|panicked)' "$log_file" | head -n 20 | sed "s/^/[$backend] server: /"
    return 0
}
if ((status != 0)); then
    log "summary of the failures"
    for backend in $BACKENDS; do summary "$backend" >&2; done
fi
((status == 0)) || die "the fuzzing gate failed"
log "no failures"

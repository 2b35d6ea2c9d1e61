#!/usr/bin/env bash
# The test command: formatting, lints, the API suite on SQLite and PostgreSQL, the OpenAPI
# check, the web app's unit tests, the fuzzing gate (the API against its OpenAPI document, on
# both databases), then the browser tests against the real server.
#
#   scripts/test.sh             everything
#   SKIP_FUZZ=1 scripts/test.sh without the fuzzing gate
#   SKIP_E2E=1 scripts/test.sh  without the browser tests
set -euo pipefail
SCRIPT_NAME=test
cd "$(dirname "$0")/.."
source scripts/lib.sh

# CI builds once from a clean clone on a machine whose disk it shares with the session: no
# incremental caches (several GB the run never reuses) and line tables instead of full debug
# info (backtraces keep their file and line) keep the target dir small. Set only under CI so a
# developer's own `cargo test` keeps reusing their build.
if [[ -n "${CI:-}" ]]; then
    export CARGO_INCREMENTAL=0 CARGO_PROFILE_DEV_DEBUG=line-tables-only
fi

ensure_native_deps
export INTERRA_TEST_POSTGRES_URL
INTERRA_TEST_POSTGRES_URL=$(ensure_postgres)

# The WebAssembly build spends most of its time in one single-threaded compile and link of the
# web crate, so it runs beside the native checks (on a core they leave idle much of the time)
# rather than after them; the browser tests wait for it.
WEB_PID=""
WEB_LOG=${CARGO_TARGET_DIR:-target}/build-web.log
if [[ -z "${SKIP_E2E:-}" && -z "${SKIP_WEB_BUILD:-}" ]]; then
    mkdir -p "$(dirname "$WEB_LOG")"
    log "building the web app in the background (log: $WEB_LOG)"
    scripts/build-web.sh >"$WEB_LOG" 2>&1 &
    WEB_PID=$!
    trap '[[ -n "$WEB_PID" ]] && kill "$WEB_PID" 2>/dev/null; true' EXIT
fi

log "cargo fmt --check"
cargo fmt --all -- --check

log "migrations: same folders for both backends"
diff <(ls migrations/sqlite) <(ls migrations/postgres) \
    || die "migrations/sqlite and migrations/postgres must have the same folders"

log "cargo clippy (all crates and targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

log "cargo test (SQLite, and PostgreSQL at ${INTERRA_TEST_POSTGRES_URL%%@*}@...)"
cargo test --workspace --locked

if [[ -z "${SKIP_FUZZ:-}" ]]; then
    log "fuzzing the API from its OpenAPI document (SQLite and PostgreSQL)"
    fuzz_started=$SECONDS
    scripts/fuzz-api.sh
    log "fuzzing gate: $((SECONDS - fuzz_started)) s"
fi

if [[ -z "${SKIP_E2E:-}" ]]; then
    if [[ -n "$WEB_PID" ]]; then
        log "waiting for the web app's build"
        if ! wait "$WEB_PID"; then
            WEB_PID=""
            cat "$WEB_LOG" >&2
            die "the web app's build failed (above)"
        fi
        WEB_PID=""
        tail -n 3 "$WEB_LOG" >&2
        export SKIP_WEB_BUILD=1
    fi
    log "browser tests"
    scripts/test-e2e.sh
fi
log "all checks passed"

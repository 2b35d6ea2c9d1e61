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
    log "browser tests"
    scripts/test-e2e.sh
fi
log "all checks passed"

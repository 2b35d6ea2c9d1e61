#!/usr/bin/env bash
# The test command: formatting, lints, the API suite on SQLite and PostgreSQL, the OpenAPI
# check, the web app's unit tests, then the browser tests against the real server.
#
#   scripts/test.sh            everything
#   SKIP_E2E=1 scripts/test.sh without the browser tests
#   FUZZ_API=1 scripts/test.sh  also the fuzzing gate (scripts/fuzz-api.sh, not yet green)
set -euo pipefail
SCRIPT_NAME=test
cd "$(dirname "$0")/.."
source scripts/lib.sh

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

# The fuzzing gate (scripts/fuzz-api.sh) still finds schema-valid requests the API refuses
# (business rules the document does not state) and a few it accepts: opt in with FUZZ_API=1
# until it passes, then it runs here by default.
if [[ -n "${FUZZ_API:-}" ]]; then
    log "fuzzing the API from its OpenAPI document (SQLite and PostgreSQL)"
    scripts/fuzz-api.sh
fi

if [[ -z "${SKIP_E2E:-}" ]]; then
    log "browser tests"
    scripts/test-e2e.sh
fi
log "all checks passed"

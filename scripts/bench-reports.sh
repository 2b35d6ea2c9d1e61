#!/usr/bin/env bash
# Benchmark of the reports (issue 17, "Performance"): generates 50,000 people, 500,000
# registrations and 5,000 duos (with their assessments, candidacies and InterLab paths) into a
# fresh SQLite database and, when PostgreSQL answers, into a fresh PostgreSQL database, then
# prints the time of the yearly report for all programmes (median of 5). Not a test: nothing
# fails on a slow machine. Sizes: BENCH_PEOPLE, BENCH_REGISTRATIONS, BENCH_DUOS; PostgreSQL:
# INTERRA_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres when it answers).
set -euo pipefail
SCRIPT_NAME=bench-reports
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_native_deps
if [[ -z "${INTERRA_BENCH_POSTGRES_URL:-}" ]] && command -v pg_isready >/dev/null \
    && pg_isready -q -h 127.0.0.1 -p 5432; then
    export INTERRA_BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres
fi
cargo bench -q -p interra-api --bench reports

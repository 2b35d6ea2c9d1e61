#!/usr/bin/env bash
# Runs Interra on this machine: builds the web app, then serves the API and the app on the
# embedded SQLite database (./data). Extra arguments go to `interra serve`, e.g. --demo.
#
#   scripts/run.sh --demo       with demo data (accounts listed in the README)
set -euo pipefail
SCRIPT_NAME=run
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_native_deps
if [[ -z "${SKIP_WEB_BUILD:-}" ]]; then
    scripts/build-web.sh || log "the web app could not be built; the API still starts (see the message above)"
fi
cargo build --release -p interra-api --bin interra
log "starting on http://${INTERRA_BIND:-127.0.0.1:8080}"
exec target/release/interra serve "$@"

#!/usr/bin/env bash
# Browser tests of the web app: builds the app (scripts/build-web.sh) and the API, starts the
# API with demo accounts on a random free port and a fresh data folder, and runs e2e/ (node's
# test runner driving Debian's headless Chromium through playwright-core, with axe-core
# accessibility checks) against it. Installs what is missing: apt `chromium` (and `nodejs`/`npm`),
# then `npm ci` in e2e/. Screenshots (phone 360x740 and desktop 1280x800) go to the folder
# printed at the start ($E2E_SCREENSHOTS, default target/e2e-screenshots/).
#
#   scripts/test-e2e.sh                      # everything
#   SKIP_WEB_BUILD=1 scripts/test-e2e.sh     # reuse web/dist as it is
#   E2E_FILTER='coordinator' scripts/test-e2e.sh   # only tests whose name matches
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SHOTS=${E2E_SCREENSHOTS:-$ROOT/target/e2e-screenshots}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
SCRIPT_NAME=test-e2e
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"

# ------------------------------------------------------------------ prerequisites
missing=()
[[ -x "$CHROMIUM" ]] || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
    can_apt || die "missing: ${missing[*]} — install them (Debian: sudo apt-get install ${missing[*]})"
    apt_install "${missing[@]}"
fi
[[ -x "$CHROMIUM" ]] || die "no Chromium at $CHROMIUM"

# npm packages (pinned by e2e/package-lock.json; playwright-core downloads no browser).
if [[ ! -d e2e/node_modules/playwright-core || ! -d e2e/node_modules/axe-core \
      || e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]]; then
    log "npm ci (e2e/)"
    (cd e2e && npm ci --no-audit --no-fund >&2)
fi

# ------------------------------------------------------------------ builds
if [[ -z "${SKIP_WEB_BUILD:-}" ]]; then
    scripts/build-web.sh
fi
[[ -f web/dist/index.html ]] || die "web/dist/index.html missing: run scripts/build-web.sh"
# The debug build: the test command has just built it for the API tests, so nothing is
# compiled twice (argon2 is optimised even there, see the workspace Cargo.toml).
log "server binary (the test build's)"
SERVER_BIN=$(test_server_bin)
[[ -x "$SERVER_BIN" ]] || die "no server binary from cargo test --workspace --no-run"
log "server: $SERVER_BIN"

# ------------------------------------------------------------------ server
DATA_DIR=$(mktemp -d -t interra-e2e-data-XXXXXX)
SERVER_LOG="$DATA_DIR/server.log"
SERVER_PID=""
cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$DATA_DIR"
}
trap cleanup EXIT

INTERRA_BIND=127.0.0.1:0 INTERRA_DATA_DIR="$DATA_DIR" INTERRA_WEB_DIST="$ROOT/web/dist" \
    "$SERVER_BIN" serve --demo >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!

URL=""
for _ in $(seq 1 300); do
    URL=$(sed -n 's#.*Interra listening on \(http://[^ ]*\).*#\1#p' "$SERVER_LOG" | head -n1)
    [[ -n "$URL" ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$SERVER_LOG" >&2; die "the server stopped before listening"; }
    sleep 0.2
done
[[ -n "$URL" ]] || { cat "$SERVER_LOG" >&2; die "the server did not say where it listens within 60 s"; }
log "server: $URL (pid $SERVER_PID, data $DATA_DIR)"

# ------------------------------------------------------------------ tests
rm -rf "$SHOTS"
mkdir -p "$SHOTS"
echo "e2e screenshots: $SHOTS"
args=(--test --test-concurrency=1)
[[ -n "${E2E_FILTER:-}" ]] && args+=(--test-name-pattern "$E2E_FILTER")
status=0
(cd e2e && INTERRA_E2E_URL="$URL" INTERRA_E2E_SCREENSHOTS="$SHOTS" CHROMIUM="$CHROMIUM" \
    node "${args[@]}" tests/*.test.mjs) || status=$?

if ((status != 0)); then
    log "browser tests failed (exit $status); last lines of the server log:"
    tail -n 40 "$SERVER_LOG" >&2 || true
fi
echo "e2e screenshots: $SHOTS"
exit "$status"

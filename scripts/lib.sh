# Shared helpers of the project scripts (sourced, not run).

log() { printf '[%s %s] %s\n' "$(date +%T)" "${SCRIPT_NAME:-interra}" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Whether this script may install Debian packages (root, with apt-get).
can_apt() { [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; }

# Prints, one a line, those of the given Debian packages that are not installed.
apt_missing() {
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || echo "$pkg"
    done
}

# Installs Debian packages: index refreshed first, no recommended extras (the builds need only
# the packages themselves). The caller checks `can_apt` and says what to do otherwise.
apt_install() {
    log "installing $* (apt)"
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "$@" >&2
}

# Installs Debian packages when missing (needs root, as on the project's machines); otherwise
# says what to install.
apt_ensure() {
    local missing=()
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    if can_apt; then
        log "installing ${missing[*]} (apt)"
        if ! DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" >/dev/null; then
            apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null
            DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" >/dev/null
        fi
    else
        die "missing system packages: ${missing[*]} (install them, e.g. sudo apt-get install ${missing[*]})"
    fi
}

# The native prerequisites of the API: a C compiler for the bundled SQLite and libpq for diesel.
ensure_native_deps() {
    command -v cargo >/dev/null || die "cargo not found: install Rust with rustup (https://rustup.rs)"
    if command -v dpkg >/dev/null; then
        # poppler-utils: pdftotext, with which the tests read the training certificates' PDFs.
        apt_ensure libpq-dev pkg-config poppler-utils
    fi
}

# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 (starting or installing the local
# one when possible) and prints a maintenance URL for tests.
ensure_postgres() {
    if [[ -n "${INTERRA_TEST_POSTGRES_URL:-}" ]]; then
        echo "$INTERRA_TEST_POSTGRES_URL"
        return 0
    fi
    local url="postgres://postgres@127.0.0.1:5432/postgres"
    if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
        if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
            apt_ensure postgresql
        fi
        local version
        version=$(ls /etc/postgresql | sort -V | tail -n1)
        log "starting PostgreSQL $version"
        pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1 || true
        for _ in $(seq 1 30); do
            pg_isready -q -h 127.0.0.1 -p 5432 && break
            sleep 1
        done
        pg_isready -q -h 127.0.0.1 -p 5432 || die "PostgreSQL does not answer on 127.0.0.1:5432"
    fi
    echo "$url"
}

# Prints the path of the debug server binary as `cargo test --workspace` builds it, building
# it when needed. The test run's own build: `cargo build -p interra-api` resolves features for
# the API alone and would rebuild much of the dependency tree a second time.
test_server_bin() {
    cargo test --workspace --locked --no-run --message-format=json-render-diagnostics -q \
        | python3 -c '
import json, sys
found = None
for line in sys.stdin:  # read to the end: cargo must not die of a closed pipe
    try:
        m = json.loads(line)
    except ValueError:
        continue
    t = m.get("target") or {}
    if m.get("reason") == "compiler-artifact" and t.get("name") == "interra" \
            and "bin" in t.get("kind", []) and m.get("executable") and not m["profile"]["test"]:
        found = found or m["executable"]
if found:
    print(found)
'
}

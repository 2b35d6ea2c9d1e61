#!/usr/bin/env bash
# Builds the web app (crate `web`, Leptos CSR) to WebAssembly and writes the static site to
# web/dist/, which the API serves at `/` (INTERRA_WEB_DIST points it elsewhere).
#
#   scripts/build-web.sh                 # size-optimised build (profile wasm-release) -> web/dist/
#   PROFILE=dev scripts/build-web.sh     # quick debug build, no wasm-opt
#   DIST=/tmp/site scripts/build-web.sh  # another output folder
#
# It picks the toolchain by itself:
#   * a normal machine: the active rustc has the wasm32-unknown-unknown std
#     (`rustup target add wasm32-unknown-unknown`): a plain `cargo build --target ...`.
#   * otherwise (these Debian 12 machines, where rustup cannot download the wasm std): Debian's
#     rustc-web rebuilds std from source with -Zbuild-std, set through environment variables only
#     (the repository's Cargo config stays standard), in its own target dir (target/web-std) so
#     its different rustc never fights the native builds over target/. Needs the apt packages
#     rustc-web cargo-web rust-web-src lld-22 binaryen: installed here when missing and root.
# Then: wasm-opt (before wasm-bindgen when binaryen is older than 116: Debian's 108 corrupts
# wasm-bindgen's output), wasm-bindgen (the CLI version must equal the `wasm-bindgen` crate in
# Cargo.lock; installed with `cargo install` when missing or different), content-hashed file
# names (web-<hash>.js, web_bg-<hash>.wasm, style-<hash>.css, boot-<hash>.js) so the server can
# cache them for a year, and an index.html that loads them by absolute path (deep links work).
# No inline script: the page works under a `script-src 'self' 'wasm-unsafe-eval'` CSP.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WEB_DIR="$ROOT/web"
DIST=${DIST:-$WEB_DIR/dist}
PROFILE=${PROFILE:-wasm-release}                  # wasm-release | release | dev
WASM_OPT=${WASM_OPT:-auto}                        # auto | off | path to wasm-opt
WASM_OPT_LEVEL=${WASM_OPT_LEVEL:--Oz}
TARGET=wasm32-unknown-unknown
CRATE=web
DEBIAN_PACKAGES=(rustc-web cargo-web rust-web-src lld-22 binaryen)

cd "$ROOT"
SCRIPT_NAME=build-web
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"

# ------------------------------------------------------------------ wasm-bindgen CLI (pinned)
# Done first, with the normal (rustup) cargo and a clean environment.
CARGO_HOME=${CARGO_HOME:-$HOME/.cargo}
want_bindgen=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
[[ -n "$want_bindgen" ]] || die "no wasm-bindgen in Cargo.lock (run: cargo generate-lockfile)"
bindgen_version() { "$1" --version 2>/dev/null | awk '{print $2}'; }
WASM_BINDGEN=""
for candidate in "$(command -v wasm-bindgen || true)" "$CARGO_HOME/bin/wasm-bindgen"; do
    if [[ -n "$candidate" && -x "$candidate" && "$(bindgen_version "$candidate")" == "$want_bindgen" ]]; then
        WASM_BINDGEN=$candidate
        break
    fi
done
if [[ -z "$WASM_BINDGEN" ]]; then
    host_cargo=$(command -v cargo || true)
    [[ -x "$CARGO_HOME/bin/cargo" ]] && host_cargo="$CARGO_HOME/bin/cargo"
    [[ -n "$host_cargo" ]] || die "wasm-bindgen $want_bindgen missing and no cargo to install it: install rustup, then: cargo install wasm-bindgen-cli --version $want_bindgen"
    log "installing wasm-bindgen-cli $want_bindgen (a few minutes, once)"
    # Not --locked: one of the CLI's locked dependency versions is no longer in the registry.
    env -u RUSTC -u RUSTC_BOOTSTRAP -u CARGO_UNSTABLE_BUILD_STD -u CARGO_TARGET_DIR \
        "$host_cargo" install wasm-bindgen-cli --version "$want_bindgen" >&2
    WASM_BINDGEN="$CARGO_HOME/bin/wasm-bindgen"
    [[ "$(bindgen_version "$WASM_BINDGEN")" == "$want_bindgen" ]] || die "wasm-bindgen $want_bindgen did not install into $CARGO_HOME/bin"
fi

# ------------------------------------------------------------------ toolchain
has_wasm_std() { # $1 = rustc
    local libdir
    libdir=$("$1" --print target-libdir --target "$TARGET" 2>/dev/null) || return 1
    compgen -G "$libdir/libstd-*.rlib" >/dev/null
}

CARGO_BIN=cargo
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
if [[ -z "${FORCE_BUILD_STD:-}" ]] && has_wasm_std "${RUSTC:-rustc}"; then
    ROUTE="rustup target $TARGET"
else
    mapfile -t missing < <(apt_missing "${DEBIAN_PACKAGES[@]}")
    if ((${#missing[@]})); then
        can_apt || die "no $TARGET std in the active Rust toolchain. Either: rustup target add $TARGET — or (Debian, as root): apt-get install ${missing[*]}"
        apt_install "${missing[@]}"
    fi
    [[ -d /usr/lib/rustlib/src/rust/library ]] || die "std sources missing: apt-get install rust-web-src"
    ROUTE="Debian rustc $(/usr/bin/rustc -V | cut -d' ' -f2) + build-std"
    # Environment only; keep it identical between builds, or std and everything rebuild.
    export PATH="/usr/bin:$PATH"           # build scripts calling plain `rustc`/`cargo` get Debian's
    export RUSTC=/usr/bin/rustc
    export RUSTC_BOOTSTRAP=1               # -Zbuild-std on a stable toolchain
    export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
    CARGO_BIN=/usr/bin/cargo
    # Its own subfolder even under a caller's CARGO_TARGET_DIR: a different rustc in the
    # native build's folder would make each rebuild everything.
    TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}/web-std
    export CARGO_TARGET_DIR="$TARGET_DIR"
    # rustc links wasm with rust-lld from PATH: some Debian rustc-web releases ship
    # /usr/bin/rust-lld -> lld-22, others none; then the rustup toolchain's rust-lld links.
    if [[ -z "${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER:-}" ]] \
        && ! rust-lld -flavor wasm --version >/dev/null 2>&1; then
        fallback=$(ls "$HOME"/.rustup/toolchains/*/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld \
            2>/dev/null | head -n1 || true)
        [[ -n "$fallback" ]] || die "no usable rust-lld: apt-get install lld-22, or install Rust with rustup"
        log "no rust-lld on PATH; linking with $fallback"
        export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$fallback"
    fi
fi

# ------------------------------------------------------------------ cargo build
case "$PROFILE" in
    dev) PROFILE_ARGS=(); OUT_SUBDIR=debug ;;
    release) PROFILE_ARGS=(--release); OUT_SUBDIR=release ;;
    *) PROFILE_ARGS=(--profile "$PROFILE"); OUT_SUBDIR=$PROFILE ;;
esac
log "route: $ROUTE; profile $PROFILE; target dir $TARGET_DIR"
"$CARGO_BIN" build -p "$CRATE" --bin "$CRATE" --target "$TARGET" "${PROFILE_ARGS[@]}"
WASM_IN="$TARGET_DIR/$TARGET/$OUT_SUBDIR/$CRATE.wasm"
[[ -f "$WASM_IN" ]] || die "build output not found: $WASM_IN"

# ------------------------------------------------------------------ wasm-opt + wasm-bindgen
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp "$WASM_IN" "$WORK/$CRATE.wasm"

opt_bin=""
opt_major=0
if [[ "$PROFILE" != dev && "$WASM_OPT" != off ]]; then
    if [[ "$WASM_OPT" == auto ]]; then opt_bin=$(command -v wasm-opt || true); else opt_bin=$WASM_OPT; fi
    if [[ -n "$opt_bin" ]]; then
        opt_major=$("$opt_bin" --version | grep -oE '[0-9]+' | head -n1)
    else
        log "no wasm-opt (binaryen) found: skipping size optimisation"
    fi
fi
pre_optimised=""
if [[ -n "$opt_bin" && "$opt_major" -lt 116 ]]; then
    log "wasm-opt $opt_major (older than 116): optimising before wasm-bindgen"
    # Same file name in another folder: wasm-bindgen names its output after its input.
    mkdir -p "$WORK/opt"
    "$opt_bin" "$WASM_OPT_LEVEL" "$WORK/$CRATE.wasm" -o "$WORK/opt/$CRATE.wasm"
    pre_optimised=1
fi

mkdir -p "$WORK/out"
if [[ -n "$pre_optimised" ]]; then
    # Old binaryen sometimes merges functions wasm-bindgen must keep apart ("failed to find
    # `0` in function table"), depending on the code's shape. Then ship the unoptimised module
    # rather than fail: bigger, but correct. Binaryen >= 116 (e.g. npm binaryen) avoids this.
    if ! "$WASM_BINDGEN" --target web --no-typescript --out-dir "$WORK/out" "$WORK/opt/$CRATE.wasm" 2>"$WORK/bindgen.err"; then
        log "WARNING: wasm-bindgen rejected the output of wasm-opt $opt_major ($(head -n1 "$WORK/bindgen.err")); building without wasm-opt"
        rm -rf "$WORK/out" && mkdir -p "$WORK/out"
        "$WASM_BINDGEN" --target web --no-typescript --out-dir "$WORK/out" "$WORK/$CRATE.wasm"
    fi
else
    "$WASM_BINDGEN" --target web --no-typescript --out-dir "$WORK/out" "$WORK/$CRATE.wasm"
fi

if [[ -n "$opt_bin" && "$opt_major" -ge 116 ]]; then
    log "wasm-opt $opt_major: optimising after wasm-bindgen"
    "$opt_bin" "$WASM_OPT_LEVEL" "$WORK/out/${CRATE}_bg.wasm" -o "$WORK/out/${CRATE}_bg.wasm"
fi

# ------------------------------------------------------------------ hashed assets + index.html
hash_of() { sha256sum "$1" | cut -c1-16; }
SITE="$WORK/site"
mkdir -p "$SITE"
[[ -d "$WEB_DIR/public" ]] && cp -r "$WEB_DIR/public/." "$SITE/"

wasm_name="${CRATE}_bg-$(hash_of "$WORK/out/${CRATE}_bg.wasm").wasm"
js_name="$CRATE-$(hash_of "$WORK/out/$CRATE.js").js"
cp "$WORK/out/${CRATE}_bg.wasm" "$SITE/$wasm_name"
cp "$WORK/out/$CRATE.js" "$SITE/$js_name"

css_src="$WEB_DIR/style/main.css"
css_name="style-$(hash_of "$css_src").css"
cp "$css_src" "$SITE/$css_name"

printf 'import init from "/%s";\ninit({ module_or_path: "/%s" });\n' "$js_name" "$wasm_name" > "$WORK/boot.js"
boot_name="boot-$(hash_of "$WORK/boot.js").js"
cp "$WORK/boot.js" "$SITE/$boot_name"

rust_tags="<link rel=\"modulepreload\" href=\"/$js_name\"><link rel=\"preload\" href=\"/$wasm_name\" as=\"fetch\" type=\"application/wasm\" crossorigin><script type=\"module\" src=\"/$boot_name\"></script>"
css_tag="<link rel=\"stylesheet\" href=\"/$css_name\">"
sed -e "s#<link[^>]*data-trunk[^>]*rel=\"rust\"[^>]*>#${rust_tags}#" \
    -e "s#<link[^>]*data-trunk[^>]*rel=\"css\"[^>]*>#${css_tag}#" \
    "$WEB_DIR/index.html" > "$SITE/index.html"
grep -q 'data-trunk' "$SITE/index.html" && die "index.html still has data-trunk links this script does not handle"
grep -q "$boot_name" "$SITE/index.html" || die "index.html has no <link data-trunk rel=\"rust\"> to replace"

# Precompressed copies of the hashed assets (.gz always, .br with the brotli tool, installed
# here when missing and root): the server sends them as they are, with Content-Encoding,
# instead of compressing megabytes of WebAssembly on every cold visit.
if ! command -v brotli >/dev/null && can_apt; then
    apt_ensure brotli || true
fi
for f in "$SITE/$wasm_name" "$SITE/$js_name" "$SITE/$css_name" "$SITE/$boot_name"; do
    gzip -9 -n -c "$f" > "$f.gz"
    if command -v brotli >/dev/null; then
        brotli -f -q 11 -o "$f.br" "$f"
    fi
done
command -v brotli >/dev/null || log "no brotli tool: assets precompressed with gzip only"

# Swap the new site in.
mkdir -p "$(dirname "$DIST")"
rm -rf "$DIST.old"
[[ -d "$DIST" ]] && mv "$DIST" "$DIST.old"
mv "$SITE" "$DIST"
rm -rf "$DIST.old"

raw=$(stat -c %s "$DIST/$wasm_name")
gz=$(stat -c %s "$DIST/$wasm_name.gz")
br=$( [[ -f "$DIST/$wasm_name.br" ]] && stat -c %s "$DIST/$wasm_name.br" || echo "-")
js_raw=$(stat -c %s "$DIST/$js_name")
log "done: $DIST"
printf 'web bundle: %s  %s bytes raw, %s bytes gzipped, %s bytes brotli (%s KiB / %s KiB); js %s bytes\n' \
    "$wasm_name" "$raw" "$gz" "$br" "$((raw / 1024))" "$((gz / 1024))" "$js_raw"

#!/usr/bin/env bash
# Regenerates openapi/openapi.json from the handlers' annotations. The test suite fails when the
# committed file differs from what the code generates.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run -q -p interra-api --bin interra -- openapi > openapi/openapi.json.tmp
mv openapi/openapi.json.tmp openapi/openapi.json
echo "openapi/openapi.json regenerated"

#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test under CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh -DRICARDO_BUILD_TESTS=ON
ctest --test-dir build --output-on-failure -j "$(nproc)"

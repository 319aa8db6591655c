#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test under CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# CI (.ci/run) sets RICARDO_REQUIRE_SHARED_DATA=ON: tests that compare with ../shared then fail
# when it is missing; on a user's machine they skip.
scripts/build.sh -DRICARDO_BUILD_TESTS=ON -DRICARDO_REQUIRE_SHARED_DATA="${RICARDO_REQUIRE_SHARED_DATA:-OFF}"
ctest --test-dir build --output-on-failure -j "$(nproc)"

#!/usr/bin/env bash
# Installs what is missing, builds, and runs the main job: the default scenario
# (scenarios/us-tariffs-2025-11.toml, the whole US regime) on the built-in world baseline, printing the
# results and writing the full report (CSV, JSON, HTML with charts) to out/main-job/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
exec build/apps/cli/ricardo run --out out/main-job

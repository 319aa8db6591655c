#!/usr/bin/env bash
# Rebuilds the built-in baseline data/baselines/north-america from public data:
# the WIOD 2013 release (table 2011), Caliendo–Parro's θ and 2005 tariffs (data/cp2015), and the
# 2024 goods-trade totals among USA, CAN and MEX. See docs/baseline-format.md ("The built-in north-america baseline").
#
#   scripts/build-north-america.sh [WIOD_DIR]     (default: ../shared/data/wiod2013)
#
# Builds ricardo into build/ if needed; the result is deterministic, so a rebuild leaves the
# committed files unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
wiod_dir="${1:-../shared/data/wiod2013}"
if [[ ! -x build/apps/cli/ricardo ]]; then
  scripts/build.sh > /dev/null
fi
build/apps/cli/ricardo data build north-america --wiod "$wiod_dir" \
  --out data/baselines/north-america --force
build/apps/cli/ricardo data check data/baselines/north-america

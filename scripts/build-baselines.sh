#!/usr/bin/env bash
# Rebuilds the built-in baselines data/baselines/world and data/baselines/north-america, and the
# GTAP → WIOD concordance they use (data/concordance/gtap_to_wiod35.csv), from public data: the
# WIOD 2013 release (table 2011), Caliendo–Parro's θ and 2005 tariffs (data/cp2015), the 2024 US
# trade data and HS10 → GTAP crosswalk of ../shared/data/world, and the product data of
# data/tariffs. See docs/baseline-format.md ("The built-in baselines").
#
#   scripts/build-baselines.sh [WIOD_DIR [WORLD_DIR]]
#       defaults: ../shared/data/wiod2013 and ../shared/data/world
#   RICARDO=path/to/ricardo scripts/build-baselines.sh   (default: build/apps/cli/ricardo,
#       built with scripts/build.sh if missing)
#
# The result is deterministic: with unchanged inputs a rebuild leaves the committed files
# byte-identical (tests/data/builtin_rebuild_test.cpp checks it). Rebuild after changing the
# product data's HS → ISIC divisions or its 2025 import weights.
set -euo pipefail
cd "$(dirname "$0")/.."
wiod_dir="${1:-../shared/data/wiod2013}"
world_dir="${2:-../shared/data/world}"
ricardo="${RICARDO:-build/apps/cli/ricardo}"
if [[ ! -x "$ricardo" ]]; then
  scripts/build.sh > /dev/null
fi
"$ricardo" data build concordance --world "$world_dir" \
  --out data/concordance/gtap_to_wiod35.csv --force
for name in world north-america; do
  "$ricardo" data build "$name" --wiod "$wiod_dir" --world "$world_dir" \
    --out "data/baselines/$name" --force 2> /dev/null
  "$ricardo" data check "data/baselines/$name"
done

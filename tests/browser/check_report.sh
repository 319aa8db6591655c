#!/usr/bin/env bash
# Browser test of an HTML report: makes the report, then opens it in Debian's headless Chromium
# through tools/report/check-report.mjs (every chart rendered, expected tables present, no console
# errors, screenshot).
# Usage: check_report.sh CHARTS SCREENSHOT.png [--expect-table 'CAPTION START=ROWS']... -- COMMAND...
# (COMMAND writes report.html into $REPORT_DIR). Exits 77 (skipped) when Chromium, Node.js or the
# npm modules are not installed.
set -euo pipefail
expected_charts=$1
screenshot=$2
shift 2
checks=()
while [[ $# -gt 0 && $1 != "--" ]]; do
  checks+=("$1")
  shift
done
shift  # the "--"
here=$(cd "$(dirname "$0")" && pwd)
tools="$here/../../tools/report"
chromium=${RICARDO_CHROMIUM:-/usr/bin/chromium}
for need in "$chromium" "$tools/node_modules/playwright-core" "$tools/node_modules/vega-lite"; do
  if [[ ! -e "$need" ]]; then
    echo "skipped: $need is missing (run scripts/install-deps.sh)"
    exit 77
  fi
done
command -v node > /dev/null || { echo "skipped: node is missing (run scripts/install-deps.sh)"; exit 77; }
REPORT_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ricardo-browser-XXXXXX")
export REPORT_DIR
trap 'rm -rf "$REPORT_DIR"' EXIT
"$@"
mkdir -p "$(dirname "$screenshot")"
node "$tools/check-report.mjs" "$REPORT_DIR/report.html" "$screenshot" \
  --chromium "$chromium" --expect-charts "$expected_charts" "${checks[@]}"

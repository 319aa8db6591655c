#!/usr/bin/env bash
# Formats the C++ sources with the project's .clang-format, or with --check lists the files that
# differ and exits 1 (ctest runs the check as format.clang_format, so CI fails on unformatted code).
#
# The layout depends on clang-format's version; the project formats with Debian 12's, version 14.
# With another major version --check exits 77 (ctest: skipped) rather than report differences that
# come from the formatter, not the code.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=format
if [[ "${1:-}" == "--check" ]]; then mode=check; shift; fi
formatter="${CLANG_FORMAT:-}"
if [[ -z "$formatter" ]]; then
  for candidate in clang-format-14 clang-format; do
    if command -v "$candidate" > /dev/null; then formatter="$candidate"; break; fi
  done
fi
if [[ -z "$formatter" ]]; then
  echo "format: clang-format not found; scripts/install-deps.sh installs it (Debian package clang-format)" >&2
  exit 2
fi
major=$("$formatter" --version | sed -n 's/.*version \([0-9]*\)\..*/\1/p')
if [[ "$major" != "14" ]]; then
  echo "format: $formatter is version ${major:-unknown}; the project's layout is clang-format 14's (Debian 12)" >&2
  [[ "$mode" == check ]] && exit 77
fi

mapfile -t files < <(find apps bench fuzz include src tests tools -type f \
  \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) -not -path '*/node_modules/*' 2>/dev/null | sort)

if [[ "$mode" == format ]]; then
  "$formatter" -i --style=file "${files[@]}"
  echo "format: ${#files[@]} files formatted with $formatter"
  exit 0
fi

# One formatter process for every file: it names each line that differs as FILE:LINE:COL. Its
# own failure (a bad .clang-format, an unreadable file) must not read as "all formatted".
report=$(mktemp)
trap 'rm -f "$report"' EXIT
if ! "$formatter" --style=file --dry-run "${files[@]}" > /dev/null 2> "$report"; then
  echo "format: $formatter failed:" >&2
  grep -v 'code should be clang-formatted' "$report" | head -20 >&2
  exit 2
fi
mapfile -t unformatted < <(sed -n 's/^\(.*\):[0-9]*:[0-9]*: warning: code should be clang-formatted.*/\1/p' \
  "$report" | sort -u)
if ((${#unformatted[@]} > 0)); then
  echo "format: ${#unformatted[@]} of ${#files[@]} files differ from .clang-format:" >&2
  printf '  %s\n' "${unformatted[@]}" >&2
  echo "Run scripts/format.sh to format them (and look at the diff before committing)." >&2
  exit 1
fi
echo "format: ${#files[@]} files match .clang-format"

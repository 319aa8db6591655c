#!/usr/bin/env bash
# Builds the scenario-parser fuzzer (fuzz/scenario_fuzz.cpp) with clang — libFuzzer, AddressSanitizer
# and UndefinedBehaviorSanitizer — and runs it for a bounded time. Exit 0 if nothing was found,
# non-zero with the crashing input saved under the build directory otherwise; 77 if clang or
# libFuzzer is missing (scripts/install-deps.sh installs clang and libclang-rt-14-dev).
#
#   scripts/fuzz.sh [seconds]          default 60; RICARDO_FUZZ_BUILD_DIR overrides build-fuzz/
#
# Seeds: fuzz/corpus/scenario (committed regression inputs: add every crash found there),
# scenarios/ and tests/tariffs/malformed/. New inputs go to a working corpus in the build
# directory, so the seed directories are never written to.
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${RICARDO_FUZZ_BUILD_DIR:-$root/build-fuzz}"

if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz.sh: clang++ not found; skipped (install clang and libclang-rt-14-dev)" >&2
  exit 77
fi
probe="$(mktemp -d)"
trap 'rm -rf "$probe"' EXIT
printf 'extern "C" int LLVMFuzzerTestOneInput(const char*, unsigned long) { return 0; }\n' >"$probe/p.cpp"
if ! clang++ -fsanitize=fuzzer "$probe/p.cpp" -o "$probe/p" >/dev/null 2>&1; then
  echo "fuzz.sh: clang++ cannot link libFuzzer; skipped (install libclang-rt-14-dev)" >&2
  exit 77
fi

mkdir -p "$build"
# fuzz/ as a project of its own: only the parser's sources, only their dependencies.
cmake -S "$root/fuzz" -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  >"$build/configure.log" 2>&1 ||
  { cat "$build/configure.log" >&2; exit 1; }
cmake --build "$build" --target scenario_fuzz -j2

corpus="$build/fuzz-corpus/scenario"
artifacts="$build/fuzz-artifacts/"
mkdir -p "$corpus" "$artifacts"
echo "fuzz.sh: running scenario_fuzz for ${seconds} s (crashes go to ${artifacts})"
# -timeout: one input taking over 10 s is a hang; -max_len: scenarios are small files;
# -error_exitcode: libFuzzer's default, 77, is ctest's code for a skipped test.
set +e
RICARDO_DATA_DIR="$root/data" "$build/scenario_fuzz" \
  "$corpus" "$root/fuzz/corpus/scenario" "$root/scenarios" "$root/tests/tariffs/malformed" \
  -dict="$root/fuzz/scenario.dict" -max_total_time="$seconds" -max_len=16384 -timeout=10 \
  -rss_limit_mb=2048 -error_exitcode=1 -timeout_exitcode=1 -artifact_prefix="$artifacts" -print_final_stats=1 >"$build/fuzz.log" 2>&1
status=$?
set -e
# The log without the per-input progress lines: start, any finding, final statistics.
grep -v -E '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)' "$build/fuzz.log" || true
echo "fuzz.sh: scenario_fuzz exited with ${status}"
exit "$status"

#!/usr/bin/env bash
# Builds a libFuzzer target with clang — libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer — and runs it for a bounded time. Exit 0 if nothing was found,
# non-zero with the crashing input saved under the build directory otherwise; 77 if clang or
# libFuzzer is missing (scripts/install-deps.sh installs clang and libclang-rt-14-dev).
#
#   scripts/fuzz.sh [seconds] [scenario|http]   default 60 s, scenario;
#                                               RICARDO_FUZZ_BUILD_DIR overrides build-fuzz/
#
# scenario: the scenario parser (fuzz/scenario_fuzz.cpp). Seeds: fuzz/corpus/scenario
# (committed regression inputs: add every crash found there), scenarios/ and
# tests/tariffs/malformed/.
# http: the HTTP request path, parser to endpoints (fuzz/http_fuzz.cpp). It compiles src/server
# with the sanitizers and links the rest from the main build's library: RICARDO_FUZZ_LIBRARY,
# else build/src/libricardo.a if it exists (build it first: cmake --build build --target
# ricardo); without either it compiles every library source (long). Seeds: fuzz/corpus/http.
# New inputs go to a working corpus in the build directory, so the seed directories are never
# written to.
set -euo pipefail

seconds="${1:-60}"
target="${2:-scenario}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${RICARDO_FUZZ_BUILD_DIR:-$root/build-fuzz}"
case "$target" in
  scenario)
    seeds=("$root/fuzz/corpus/scenario" "$root/scenarios" "$root/tests/tariffs/malformed")
    dict="$root/fuzz/scenario.dict"; max_len=16384; timeout=10 ;;
  http)
    seeds=("$root/fuzz/corpus/http")
    # An explain of a whole shipped scenario takes seconds (its product trace): slow, no hang.
    dict="$root/fuzz/http.dict"; max_len=8192; timeout=30 ;;
  *) echo "fuzz.sh: the target is scenario or http, got '$target'" >&2; exit 2 ;;
esac

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
library_option=()
if [[ "$target" == http ]]; then
  library="${RICARDO_FUZZ_LIBRARY:-}"
  [[ -z "$library" && -f "$root/build/src/libricardo.a" ]] && library="$root/build/src/libricardo.a"
  library_option=(-DRICARDO_LIBRARY="$library")
fi
cmake -S "$root/fuzz" -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "${library_option[@]}" >"$build/configure.log" 2>&1 ||
  { cat "$build/configure.log" >&2; exit 1; }
cmake --build "$build" --target "${target}_fuzz" -j2

corpus="$build/fuzz-corpus/$target"
artifacts="$build/fuzz-artifacts/$target/"
mkdir -p "$corpus" "$artifacts"
echo "fuzz.sh: running ${target}_fuzz for ${seconds} s (crashes go to ${artifacts})"
# -timeout: one input taking longer is a hang; -max_len: inputs are small files;
# -error_exitcode: libFuzzer's default, 77, is ctest's code for a skipped test.
set +e
RICARDO_DATA_DIR="$root/data" "$build/${target}_fuzz" "$corpus" "${seeds[@]}" \
  -dict="$dict" -max_total_time="$seconds" -max_len="$max_len" -timeout="$timeout" \
  -rss_limit_mb=2048 -error_exitcode=1 -timeout_exitcode=1 -artifact_prefix="$artifacts" \
  -print_final_stats=1 >"$build/fuzz-$target.log" 2>&1
status=$?
set -e
# The log without the per-input progress lines: start, any finding, final statistics.
grep -v -E '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)' "$build/fuzz-$target.log" || true
echo "fuzz.sh: ${target}_fuzz exited with ${status}"
exit "$status"

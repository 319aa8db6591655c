#!/usr/bin/env bash
# The speed-up of `ricardo sweep` (docs/scale.md): wall time of bench/sweep-bench.toml on one and
# two threads of one process, and on one and two MPI ranks of one thread each, the median of
# RUNS runs (default 3) each. Every run starts from an empty folder (--restart), so the times
# include reading the spec, loading the baseline and compiling: what a user waits for. The
# configurations' files are compared at the end — a faster run that writes other numbers is a
# failure, not a speed-up.
#
#   bench/sweep_speedup.sh [build/apps/cli/ricardo] [bench/sweep-bench.toml]
#   RUNS=5 bench/sweep_speedup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/apps/cli/ricardo}
spec=${2:-bench/sweep-bench.toml}
runs=${RUNS:-3}
# OpenMPI refuses root without these (CI, containers); the single-copy mechanism needs ptrace
# rights containers often lack.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_btl_vader_single_copy_mechanism=none
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seconds() {  # wall time of the command, in seconds
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The configurations' runs are interleaved (run 1 of each, then run 2 of each, …), so a change
# in the machine's load during the benchmark touches every configuration alike.
names=(threads-1 threads-2)
commands=("$bin sweep $spec --threads 1" "$bin sweep $spec --threads 2")
if command -v mpirun > /dev/null; then
  names+=(mpi-np1 mpi-np2)
  commands+=("mpirun -np 1 $bin sweep $spec --threads 1" "mpirun -np 2 $bin sweep $spec --threads 1")
fi
declare -A samples time
for ((k = 0; k < runs; ++k)); do
  for i in "${!names[@]}"; do
    # shellcheck disable=SC2086 # the command is split into words on purpose
    samples[${names[$i]}]+="$(seconds ${commands[$i]} --out "$work/${names[$i]}" --restart -q) "
  done
done
points=$("$bin" sweep "$spec" --out "$work/count" --max-chunks 1 | grep -o 'of [0-9]* points' | grep -o '[0-9]*')
echo "spec: $spec ($points points), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), median of $runs runs"
for name in "${names[@]}"; do
  time[$name]=$(printf '%s\n' ${samples[$name]} | median)
  printf '%-10s %8.2f s   (runs: %s)\n' "$name" "${time[$name]}" "${samples[$name]}"
done
echo
printf 'threads 2 vs 1: %.2fx\n' "$(echo "${time[threads-1]} / ${time[threads-2]}" | bc -l)"
if [[ -n ${time[mpi-np2]:-} ]]; then
  printf 'MPI ranks 2 vs 1: %.2fx\n' "$(echo "${time[mpi-np1]} / ${time[mpi-np2]}" | bc -l)"
fi
printf 'wall ms per point (1 thread, setup included): %.2f\n' \
  "$(echo "1000 * ${time[threads-1]} / $points" | bc -l)"
for name in "${!time[@]}"; do
  for file in sweep.csv sweep.json; do
    cmp -s "$work/threads-1/$file" "$work/$name/$file" || {
      echo "FAIL: $name wrote another $file than threads-1" >&2
      exit 1
    }
  done
done
echo "every configuration wrote the same sweep.csv and sweep.json"

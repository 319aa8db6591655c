#!/usr/bin/env bash
# Load test of `ricardo serve` (docs/load-test.md): starts the server on loopback (a free port),
# waits for /api/v1/health, drives CONNECTIONS concurrent connections of solve requests on
# world with wrk for DURATION seconds (tools/loadtest/solve.lua), prints throughput,
# latency percentiles and error counts, checks the server still answers, and stops it.
#
#   scripts/load-test.sh [--bin PATH] [--mode varied|cached|both|full|all] [--duration S]
#                        [--connections N] [--threads N] [--max-requests N] [--scenario NAME]
#                        [--baseline NAME]
#                        [--wait-quiet MINUTES] [-- extra ricardo serve options]
#
# Other work on the machine skews the numbers: each run first measures how busy the cores are
# for 5 s and, with --wait-quiet, waits (up to MINUTES) until they are under 20% busy.
#
# Exits 1 if any request failed (non-2xx or socket error) or the server stopped answering.
# Loopback only: the server listens on 127.0.0.1 and wrk connects there.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${RICARDO_BIN:-}"
mode=both
duration=30
connections=200
threads=2
max_requests=1000000  # over all wrk threads; with the duration, bounds the run
scenario=us-tariffs-2025-11
baseline=world
wait_quiet=0          # minutes to wait for the machine to be quiet before each run
serve_options=()

while [[ $# -gt 0 ]]; do
  case "$1" in
    --bin) bin="$2"; shift 2 ;;
    --mode) mode="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --max-requests) max_requests="$2"; shift 2 ;;
    --scenario) scenario="$2"; shift 2 ;;
    --baseline) baseline="$2"; shift 2 ;;
    --wait-quiet) wait_quiet="$2"; shift 2 ;;
    --) shift; serve_options=("$@"); break ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "load-test.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
case "$mode" in varied|cached|both|full|all) ;; *)
  echo "load-test.sh: --mode must be varied, cached, both (the two), full or all (the three), got '$mode'" >&2; exit 2 ;;
esac

if [[ -z "$bin" ]]; then
  for candidate in "$root"/build*/apps/cli/ricardo; do
    [[ -x "$candidate" ]] && { bin="$candidate"; break; }
  done
fi
[[ -x "$bin" ]] || { echo "load-test.sh: no ricardo binary; build it or pass --bin PATH" >&2; exit 2; }
command -v wrk >/dev/null || { echo "load-test.sh: wrk not found (apt-get install wrk)" >&2; exit 2; }
command -v curl >/dev/null || { echo "load-test.sh: curl not found" >&2; exit 2; }

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/')"
echo "binary:  $bin"

# Port 0: the server takes a free port and prints it; no race with another process.
"$bin" serve --host 127.0.0.1 --port 0 "${serve_options[@]}" >"$work/serve.log" 2>&1 &
server_pid=$!
base=""
for _ in $(seq 300); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "load-test.sh: the server exited:" >&2; cat "$work/serve.log" >&2; exit 1
  fi
  base="$(sed -n 's|.*listening on \(http://127\.0\.0\.1:[0-9]*\)/.*|\1|p' "$work/serve.log")"
  [[ -n "$base" ]] && curl -sf "$base/api/v1/health" >/dev/null && break
  base=""
  sleep 0.1
done
[[ -n "$base" ]] || { echo "load-test.sh: no healthy server after 30 s" >&2; cat "$work/serve.log" >&2; exit 1; }
echo "server:  $base (pid $server_pid)"

# Solves still queued for connections wrk closed at the end of a run would delay the next run:
# wait until the server is idle (or 60 s).
wait_idle() {
  for _ in $(seq 600); do
    curl -sf --max-time 5 "$base/api/v1/health" | grep -q '"running":0,"waiting":0' && return 0
    sleep 0.1
  done
  echo "load-test.sh: the server still had solves running after 60 s" >&2
}

# CPU accounting, in clock ticks: all cores busy, the server, and this script's finished children
# (wrk) — what is left is other people's work, which would make the numbers mean less.
busy_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9; exit}' /proc/stat; }
server_ticks() { awk '{print $14+$15}' "/proc/$server_pid/stat"; }
children_ticks() { awk '{print $16+$17}' "/proc/$$/stat"; }
# TCP handshakes the kernel dropped because the listen backlog was full (clients retry after 1 s+).
listen_overflows() {
  awk '/^TcpExt:/{ if (!n) { for (i = 1; i <= NF; ++i) name[i] = $i; n = 1 } else
       for (i = 1; i <= NF; ++i) if (name[i] == "ListenOverflows") print $i }' /proc/net/netstat
}

# Percent of all cores busy over 5 s (the server is idle then, so this is other people's work).
busy_percent() {
  local b0 b1
  b0="$(busy_ticks)"; sleep 5; b1="$(busy_ticks)"
  echo $(( 100 * (b1 - b0) / (5 * $(nproc) * $(getconf CLK_TCK)) ))
}
wait_for_quiet() {
  local busy deadline=$(( $(date +%s) + 60 * wait_quiet ))
  while :; do
    busy="$(busy_percent)"
    if (( busy < 20 )); then echo "machine quiet before the run: ${busy}% busy"; return; fi
    if (( $(date +%s) >= deadline )); then
      echo "load-test.sh: warning: the machine is ${busy}% busy with other work; the numbers will suffer" >&2
      return
    fi
    echo "machine ${busy}% busy with other work; waiting 30 s"
    sleep 30
  done
}

failed=0
run() {
  local variant="$1"
  wait_idle
  wait_for_quiet
  echo
  local busy0 server0 children0 overflows0 start end
  busy0="$(busy_ticks)"; server0="$(server_ticks)"; children0="$(children_ticks)"
  overflows0="$(listen_overflows)"; start="$(date +%s.%N)"
  echo "== $variant: $connections connections, $threads wrk threads, ${duration} s, at most $max_requests requests, scenario $scenario on $baseline"
  wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 60s \
      -s "$root/tools/loadtest/solve.lua" "$base" \
      -- "$variant" "$(( (max_requests + threads - 1) / threads ))" "$scenario" "$baseline" | tee "$work/$variant.txt"
  end="$(date +%s.%N)"
  local busy server children
  busy=$(( $(busy_ticks) - busy0 )); server=$(( $(server_ticks) - server0 ))
  children=$(( $(children_ticks) - children0 ))
  awk -v b="$busy" -v s="$server" -v c="$children" -v t0="$start" -v t1="$end" \
      -v cores="$(nproc)" -v hz="$(getconf CLK_TCK)" 'BEGIN {
    cap = (t1 - t0) * cores * hz
    o = b - s - c; if (o < 0) o = 0
    printf "cpu             server %.0f%%  wrk %.0f%%  others %.0f%% of %d cores\n",
           100 * s / cap, 100 * c / cap, 100 * o / cap, cores }'
  echo "listen drops    $(( $(listen_overflows) - overflows0 )) TCP handshakes dropped (backlog full)"
  local non_2xx sockets
  non_2xx="$(sed -n 's/^non-2xx *\([0-9]*\)/\1/p' "$work/$variant.txt")"
  sockets="$(sed -n 's/^socket errors *connect \([0-9]*\) *read \([0-9]*\) *write \([0-9]*\) *timeout \([0-9]*\)/\1 \2 \3 \4/p' "$work/$variant.txt")"
  local total=$(( non_2xx ))
  for n in $sockets; do total=$(( total + n )); done
  if [[ -z "$non_2xx" || -z "$sockets" ]]; then
    echo "load-test.sh: no result from wrk" >&2; failed=1
  elif (( total > 0 )); then
    echo "load-test.sh: $total failed requests in the $variant run" >&2; failed=1
  fi
}

[[ "$mode" == varied || "$mode" == both || "$mode" == all ]] && run varied
[[ "$mode" == cached || "$mode" == both || "$mode" == all ]] && run cached
[[ "$mode" == full || "$mode" == all ]] && run full

echo
if health="$(curl -sf --max-time 5 "$base/api/v1/health")"; then
  echo "after:   $health"
else
  echo "load-test.sh: the server no longer answers /api/v1/health" >&2; failed=1
fi
exit "$failed"

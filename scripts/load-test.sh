#!/usr/bin/env bash
# Load test of `ricardo serve` (docs/load-test.md): starts the server on loopback (a free port),
# waits for /api/v1/health, drives CONNECTIONS concurrent connections of solve requests on
# world with wrk for DURATION seconds (tools/loadtest/solve.lua), prints throughput,
# latency percentiles and error counts, checks the server still answers, and stops it.
#
#   scripts/load-test.sh [--bin PATH] [--mode varied|cached|both|full|all] [--duration S]
#                        [--connections N] [--threads N] [--max-requests N] [--scenario NAME]
#                        [--baseline NAME]
#                        [--wait-quiet MINUTES] [--attack slow] [--slow-clients N]
#                        [-- extra ricardo serve options]
#
# --attack slow (issue 11): for DURATION seconds, N slow clients (default 300) each send a
# request one byte a second (reconnecting when the server ends it), while wrk drives
# CONNECTIONS ordinary varied solve clients (default 50 in this mode) and GET /api/v1/health is
# polled every 0.2 s on fresh connections; prints the ordinary clients' latency percentiles and
# the worst health latency, and fails if a health poll took 1 s or more or failed.
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
attack=""
slow_clients=300
connections_given=0
serve_options=()

while [[ $# -gt 0 ]]; do
  case "$1" in
    --bin) bin="$2"; shift 2 ;;
    --mode) mode="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; connections_given=1; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --max-requests) max_requests="$2"; shift 2 ;;
    --scenario) scenario="$2"; shift 2 ;;
    --baseline) baseline="$2"; shift 2 ;;
    --wait-quiet) wait_quiet="$2"; shift 2 ;;
    --attack) attack="$2"; shift 2 ;;
    --slow-clients) slow_clients="$2"; shift 2 ;;
    --) shift; serve_options=("$@"); break ;;
    -h|--help) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "load-test.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
case "$attack" in ""|slow) ;; *)
  echo "load-test.sh: --attack must be slow, got '$attack'" >&2; exit 2 ;;
esac
if [[ "$attack" == slow ]]; then
  mode=varied
  (( connections_given )) || connections=50
  command -v python3 >/dev/null || { echo "load-test.sh: python3 not found (the slow clients)" >&2; exit 2; }
fi
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

# The slow clients and the health poller of --attack slow: one Python process, non-blocking
# sockets; prints the health latencies and the number of slow requests the server ended.
attack_slow() {
  python3 - "$1" "$slow_clients" "$duration" <<'PY'
import socket, sys, time
port, count, duration = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
request = b"POST /api/v1/solve HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 100000
def connect():
    s = socket.socket(); s.setblocking(False)
    try: s.connect(("127.0.0.1", port))
    except BlockingIOError: pass
    return s
slow = [[connect(), 0] for _ in range(count)]
ended = 0; worst = 0.0; polls = 0; failures = 0
end = time.monotonic() + duration; next_byte = time.monotonic() + 0.2
while time.monotonic() < end:
    now = time.monotonic()
    if now >= next_byte:  # one byte a second on each slow connection
        next_byte = now + 1.0
        for entry in slow:
            s, sent = entry
            try:
                answered = s.recv(1, socket.MSG_PEEK)
                gone = True  # a 408 (or b"": closed)
            except BlockingIOError:
                gone = False
            except OSError:
                gone = True
            if not gone:
                try: gone = s.send(request[sent:sent + 1]) != 1
                except OSError: gone = sent > 0  # not yet connected at first: try again
            if gone:
                ended += 1; s.close(); entry[0] = connect(); entry[1] = 0
            else:
                entry[1] = sent + 1
    start = time.monotonic()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as h:
            h.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            reply = b""
            while True:
                chunk = h.recv(65536)
                if not chunk: break
                reply += chunk
        ok = reply.startswith(b"HTTP/1.1 200")
    except OSError:
        ok = False
    worst = max(worst, time.monotonic() - start); polls += 1; failures += not ok
    time.sleep(0.2)
for s, _ in slow: s.close()
print(f"health          {polls} polls, {failures} failed, worst {1000 * worst:.1f} ms")
print(f"slow clients    {count} at 1 byte/s; the server ended {ended} slow requests (408 at the deadline)")
sys.exit(1 if failures or worst >= 1.0 else 0)
PY
}

if [[ "$attack" == slow ]]; then
  wait_idle
  port="${base##*:}"
  echo
  echo "== attack slow: $slow_clients slow clients (1 byte/s) + $connections ordinary solve connections, ${duration} s"
  # Longer than wrk by the idle wait and the 5 s CPU measure that precede it in run().
  duration_wrk="$duration"; duration=$(( duration + 7 ))
  attack_slow "$port" >"$work/attack.txt" 2>&1 &
  duration="$duration_wrk"
  attack_pid=$!
  sleep 1  # the slow crowd is connected first
  run varied
  if ! wait "$attack_pid"; then
    echo "load-test.sh: health failed or took 1 s or more under the attack" >&2; failed=1
  fi
  cat "$work/attack.txt"
  mode=none
fi

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

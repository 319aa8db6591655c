#!/usr/bin/env bash
# Installs what ricardo needs to build, test and run: Debian packages with apt-get (only those
# missing), then the front-end packages with `npm ci` from the committed package-lock.json files.
# Safe to run repeatedly. Needs root (or sudo) when something is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config git
  libeigen3-dev libcli11-dev libtomlplusplus-dev nlohmann-json3-dev
  libfmt-dev libgtest-dev libgmock-dev libbenchmark-dev libcpp-httplib-dev
  zlib1g-dev libssl-dev
  # sweeps over many machines: `mpirun -np K ricardo sweep` (docs/scale.md); optional, a build
  # without MPI runs sweeps on threads
  libopenmpi-dev openmpi-bin
  # PNG copies of the report charts (rsvg-convert)
  librsvg2-bin
  # fuzzing (libFuzzer), browser tests, load tests
  clang libclang-rt-14-dev chromium wrk
  # the layout check (scripts/format.sh --check, ctest format.clang_format)
  clang-format
)
# Node.js and npm: Debian's packages, unless a node/npm is already on the PATH (a machine may
# carry another packaging of Node.js that conflicts with Debian's npm package).
command -v node > /dev/null || packages+=(nodejs)
command -v npm > /dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} > 0)); then
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "install-deps: Debian packages already installed"
fi

# Front-end packages: every folder with a committed package-lock.json gets `npm ci` when its
# node_modules is missing or older than the lock file.
for lock in tools/report/package-lock.json web/package-lock.json tests/browser/package-lock.json; do
  [[ -f "$lock" ]] || continue
  dir=$(dirname "$lock")
  if [[ ! -d "$dir/node_modules" || "$lock" -nt "$dir/node_modules" ]]; then
    # The registry is sometimes slow to answer (CI once failed on EIDLETIMEOUT): let npm retry
    # each fetch, and retry the whole install a few times before giving up.
    ok=0
    for attempt in 1 2 3 4; do
      echo "install-deps: npm ci in $dir (attempt $attempt)"
      if (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error \
            --fetch-retries=5 --fetch-retry-mintimeout=2000 --fetch-retry-maxtimeout=60000 \
            --fetch-timeout=120000); then
        ok=1
        break
      fi
      sleep $((attempt * 10))
    done
    if ((ok == 0)); then
      echo "install-deps: npm ci in $dir failed 4 times; check the network access to the npm registry" >&2
      exit 1
    fi
    touch "$dir/node_modules"
  fi
done

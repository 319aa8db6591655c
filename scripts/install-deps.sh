#!/usr/bin/env bash
# Installs what ricardo needs to build, test and run, from Debian's packages only.
# Safe to run repeatedly: it installs only what is missing. Needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libeigen3-dev libcli11-dev libtomlplusplus-dev nlohmann-json3-dev
  libfmt-dev libgtest-dev libgmock-dev libbenchmark-dev libcpp-httplib-dev
  zlib1g-dev
)
# Optional extras for the full test suite (fuzzer, browser tests, load tests).
if [[ "${RICARDO_FULL_DEPS:-1}" == "1" ]]; then
  packages+=(clang libclang-rt-14-dev chromium wrk nodejs)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: everything is already installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"

#!/usr/bin/env bash
# Makes sure this machine can run the e2e suite: a private dockerd, a registry, busybox for
# offline images, htpasswd, Chromium, a compose CLI; openssl, sshd and podman for the
# multi-engine specs. Installs the Debian packages when root on Debian/Ubuntu; otherwise
# prints exactly what to install. Used by `npm test` and by .ci/run.
set -euo pipefail

declare -A PKG=(
  [dockerd]=docker.io
  [docker-registry]=docker-registry
  [busybox]=busybox-static
  [htpasswd]=apache2-utils
  [chromium]=chromium
  [ip]=iproute2
  [ss]=iproute2
  # Multi-engine tests: a TLS engine (openssl certs), an engine over SSH (a private sshd on
  # loopback), Podman's Docker-compatible API socket.
  [openssl]=openssl
  [ssh-keygen]=openssh-client
  [podman]=podman
  [curl]=curl
)
missing=()
for bin in "${!PKG[@]}"; do
  command -v "$bin" >/dev/null 2>&1 || missing+=("${PKG[$bin]}")
done
[ -x /usr/bin/docker ] || missing+=(docker.io)
[ -x /usr/sbin/sshd ] || missing+=(openssh-server)
# The compose e2e tests need a compose CLI: the v2 plugin when there is one, else Debian's v1.
if ! command -v docker-compose >/dev/null 2>&1 && ! docker compose version >/dev/null 2>&1; then
  missing+=(docker-compose)
fi
# Debian's docker-compose (v1) reaches an ssh:// engine only with paramiko importable by its own
# Python (without it: "Install paramiko package to enable ssh:// support"), even with the ssh CLI.
if ! docker compose version >/dev/null 2>&1 && command -v docker-compose >/dev/null 2>&1; then
  compose_py=$(head -1 "$(command -v docker-compose)" | sed -n 's/^#! *\([^ ]*\).*/\1/p')
  if [ -x "$compose_py" ] && ! "$compose_py" -c 'import paramiko' >/dev/null 2>&1; then
    missing+=(python3-paramiko)
  fi
fi
# busybox must be the static build: it runs inside containers with no libc.
if command -v busybox >/dev/null 2>&1 && ! file -L "$(command -v busybox)" 2>/dev/null | grep -q 'statically linked'; then
  if command -v file >/dev/null 2>&1; then missing+=(busybox-static); fi
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "provision: engine test prerequisites present"
  exit 0
fi
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "provision: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" file >/dev/null
  echo "provision: done"
else
  echo "provision: missing packages: ${missing[*]}" >&2
  echo "Install them with:  sudo apt-get install -y ${missing[*]}" >&2
  echo "(the e2e suite also needs root to start its private dockerd)" >&2
  exit 1
fi

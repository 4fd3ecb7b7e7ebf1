#!/usr/bin/env bash
# Runs tracelint rust over every .rs file that Debian's librust-*-dev packages
# install (about 1,950 packages, 26,000 files, 233 MB of Rust), and fails when a
# file could not be checked or an internal error (a recovered panic) was
# reported. Prints the files per second and the findings by rule.
#
# The packages are downloaded with apt-get download and unpacked with dpkg-deb,
# without installing them (several conflict with each other), into a cache
# directory: ${TRACELINT_RUST_CORPUS:-${XDG_CACHE_HOME:-$HOME/.cache}/tracelint/rust-corpus}.
# Needs apt-get (with an updated package list), dpkg-deb and a tracelint binary
# built with cgo, named by $1 (default: go build from this checkout).
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=${TRACELINT_RUST_CORPUS:-${XDG_CACHE_HOME:-$HOME/.cache}/tracelint/rust-corpus}
tracelint=${1:-}
if [ -z "$tracelint" ]; then
  tracelint=$(mktemp -d)/tracelint
  go build -o "$tracelint" ./cmd/tracelint
fi

mkdir -p "$corpus/debs" "$corpus/root"
apt-cache pkgnames librust- | grep -- '-dev$' | sort >"$corpus/packages.new"
if ! cmp -s "$corpus/packages.new" "$corpus/packages" 2>/dev/null || [ ! -f "$corpus/unpacked" ]; then
  rm -rf "$corpus/debs" "$corpus/root" "$corpus/unpacked"
  mkdir -p "$corpus/debs" "$corpus/root"
  (cd "$corpus/debs" && xargs -a "$corpus/packages.new" -n 200 apt-get download -qq 2>&1 |
    grep -v 'Download is performed unsandboxed' || true)
  for deb in "$corpus"/debs/*.deb; do
    dpkg-deb -x "$deb" "$corpus/root"
  done
  mv "$corpus/packages.new" "$corpus/packages"
  touch "$corpus/unpacked"
fi
packages=$(wc -l <"$corpus/packages")
debs=$(ls "$corpus"/debs/*.deb | wc -l)
files=$(find "$corpus/root" -name '*.rs' -type f | wc -l)
echo "$debs of $packages librust-*-dev packages unpacked: $files .rs files"

out=$(mktemp)
start=$(date +%s.%N)
code=0
(cd "$corpus/root" && "$tracelint" rust -format json . >"$out") || code=$?
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v n="$files" -v c="$code" \
  'BEGIN { printf "exit code %d in %.1f s: %.0f files per second\n", c, e - s, n / (e - s) }'
if grep -q '"category": "internal-error"' "$out"; then
  echo "internal errors (recovered panics):"; grep -B2 -A3 '"category": "internal-error"' "$out"; exit 1
fi
case $code in
0 | 3) ;;
*) echo "tracelint rust exited with $code: a file could not be checked"; exit 1 ;;
esac
grep -o '"category": "[^"]*"' "$out" | sort | uniq -c | sort -rn

#!/usr/bin/env bash
# Debian packages some tests need: chromium + chromium-driver (review UI browser tests) and
# postgresql (loader tests). Installed when missing and when we may (root with apt-get);
# otherwise those tests skip, or fail when PRESSFACTS_REQUIRE_SERVICES=1 (as in CI).
set -u
packages=(chromium chromium-driver postgresql)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "note: missing Debian packages (${missing[*]}); their tests will be skipped" >&2
  exit 0
fi
echo "installing Debian packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
